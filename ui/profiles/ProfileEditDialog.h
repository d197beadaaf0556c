// SPDX-License-Identifier: GPL-3.0-or-later
// Add or edit one profile: name, kind, API key, API URL, colour tag and the secret.
#pragma once

#include "settings/Profile.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace otadmin {

class AppContext;
class ColorTagPicker;
class MessageBanner;
class ProfileSaver;

/// Non-modal (open()). Validates as you type, naming the field ("API key: must be ..."), and
/// keeps Save ("saveButton") disabled until the profile is valid. The secret field
/// ("secretEdit", password echo, "showSecretButton") goes ONLY to the CredentialStore, through
/// ProfileSaver; keychain errors appear in the dialog's banner ("profileEditBanner") and the
/// dialog stays open with nothing saved. Other fields: "profileNameEdit", "profileKindCombo",
/// "apiKeyEdit", "apiUrlEdit", ColorTagPicker "colorTagPicker", "validationLabel".
class ProfileEditDialog : public QDialog
{
    Q_OBJECT

public:
    /// `original` nullopt: add a new profile; else edit it (the secret may stay empty to keep
    /// the saved one).
    ProfileEditDialog(
        AppContext &context, const std::optional<Profile> &original, QWidget *parent = nullptr);
    ~ProfileEditDialog() override;

    /// The profile as the form describes it now.
    Profile profile() const;
    /// The first problem of the form, or nullopt (field names: name, apiKey, apiUrl, color,
    /// secret).
    Validation validation() const;
    MessageBanner *banner() const { return m_banner; }

Q_SIGNALS:
    /// After the secret and the profile were saved. `warning` is non-empty when a clean-up
    /// step failed (e.g. the old keychain entry could not be deleted).
    void profileSaved(const otadmin::Profile &profile, const QString &warning);

private:
    void updateValidation();
    void updateKindTexts();
    void save();
    void setBusy(bool busy);
    QString fieldLabel(const QString &field) const;

    AppContext &m_context;
    std::optional<Profile> m_original;
    ProfileSaver *m_saver;
    MessageBanner *m_banner;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLabel *m_apiKeyLabel;
    QLineEdit *m_apiKey;
    QLineEdit *m_apiUrl;
    QLineEdit *m_secret;
    QToolButton *m_showSecret;
    QLabel *m_secretHint;
    ColorTagPicker *m_color;
    QLabel *m_validation;
    QPushButton *m_saveButton;
};

} // namespace otadmin
