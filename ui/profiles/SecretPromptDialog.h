// SPDX-License-Identifier: GPL-3.0-or-later
// Asks for a profile's secret when activation could not read it from the keychain.
#pragma once

#include "settings/Profile.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace otadmin {

class AppContext;
class MessageBanner;

/// Two uses, both non-modal (open()):
///   * RunOnly — the keychain is unusable (no backend, locked, refused, timed out): the secret
///     is kept in memory for this run (ProfileController::activateWithRunOnlySecret) and never
///     written anywhere.
///   * Save — the keychain works and has proven that no secret is saved (NotFound): the secret
///     is written to the keychain under credentialKey(profile), then the profile is activated.
///     A keychain error stays in the dialog's banner ("secretPromptBanner").
/// Fields: "secretPromptEdit" (password echo), "secretPromptShow", "secretPromptOk".
class SecretPromptDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        RunOnly,
        Save
    };

    SecretPromptDialog(
        AppContext &context, const Profile &profile, Mode mode, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    MessageBanner *banner() const { return m_banner; }

private:
    void submit();

    AppContext &m_context;
    Profile m_profile;
    Mode m_mode;
    MessageBanner *m_banner;
    QLineEdit *m_secret;
    QToolButton *m_show;
    QPushButton *m_ok;
};

} // namespace otadmin
