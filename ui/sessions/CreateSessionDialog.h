// SPDX-License-Identifier: GPL-3.0-or-later
// The "New session" form: media mode, archive mode (and auto-archive options), location, e2ee.
#pragma once

#include "types/Session.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

namespace otadmin {

class MessageBanner;

/// Validates as the user types (SessionOptions::validate, the message names the field) and
/// keeps Create disabled until the options are acceptable. Create emits createRequested; the
/// panel sends the call, shows errors in banner() and closes the dialog on success. The last
/// options are remembered per profile (remember()).
class CreateSessionDialog : public QDialog
{
    Q_OBJECT

public:
    CreateSessionDialog(QSettings *settings, const QString &profileName, QWidget *parent = nullptr);

    SessionOptions options() const;
    /// The history label typed by the user (may be empty).
    QString label() const;
    MessageBanner *banner() const { return m_banner; }
    QPushButton *createButton() const { return m_create; }
    /// Stores the current options as this profile's defaults.
    void remember();

Q_SIGNALS:
    void createRequested(const otadmin::SessionOptions &options, const QString &label);

private:
    void restore();
    void updateState();

    QSettings *m_settings;
    QString m_profileName;
    MessageBanner *m_banner;
    QLineEdit *m_label;
    QComboBox *m_mediaMode;
    QComboBox *m_archiveMode;
    QLineEdit *m_archiveName;
    QComboBox *m_archiveResolution;
    QLineEdit *m_location;
    QCheckBox *m_e2ee;
    QLabel *m_validation;
    QPushButton *m_create;
};

} // namespace otadmin
