// SPDX-License-Identifier: GPL-3.0-or-later
// "Send signal": to every connection of a session or to one, with a type and data.
#pragma once

#include "types/Signal.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSettings;

namespace otadmin {

class MessageBanner;

/// Checks the type and data limits (bytes of UTF-8) as the user types and names the field;
/// Send stays disabled while anything is wrong. Send emits sendRequested; the panel makes
/// the call, shows errors in banner() and closes the dialog on success. The last type is
/// remembered per profile.
class SignalDialog : public QDialog
{
    Q_OBJECT

public:
    SignalDialog(const QString &sessionTitle, const QStringList &connectionIds, QSettings *settings,
        const QString &profileName, QWidget *parent = nullptr);

    /// Preselects "one connection" with this ID.
    void setTargetConnection(const QString &connectionId);
    /// Empty for every connection of the session.
    QString targetConnection() const;
    SignalPayload payload() const;
    MessageBanner *banner() const { return m_banner; }
    QPushButton *sendButton() const { return m_send; }
    void remember();

Q_SIGNALS:
    void sendRequested(const QString &connectionId, const otadmin::SignalPayload &payload);

private:
    void updateState();

    QSettings *m_settings;
    QString m_profileName;
    MessageBanner *m_banner;
    QRadioButton *m_toAll;
    QRadioButton *m_toOne;
    QComboBox *m_connection;
    QLineEdit *m_type;
    QPlainTextEdit *m_data;
    QLabel *m_sizes;
    QLabel *m_validation;
    QPushButton *m_send;
};

} // namespace otadmin
