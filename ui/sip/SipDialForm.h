// SPDX-License-Identifier: GPL-3.0-or-later
// The SIP dial form: every SipDialOptions field, validated as you type.
#pragma once

#include "types/Sip.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace otadmin {

class FormMemory;
class SipHeadersEditor;

/// Emits dialRequested when Dial is pressed with valid options. The token is either left
/// empty (SipApi then generates one) or pasted; with a custom connection data the owner signs
/// the token itself (tokenConnectionData()). The SIP password and a pasted token are secrets:
/// remember() never writes them, and they are only in the line edits' memory.
class SipDialForm : public QWidget
{
    Q_OBJECT

public:
    explicit SipDialForm(QWidget *parent = nullptr);

    /// The options as entered; `token` is empty unless the user pasted one.
    SipDialOptions options() const;
    /// Custom connection data for a generated token; empty = SipApi's default "sip=<uri>".
    QString tokenConnectionData() const;
    /// What is wrong (field named as in SipDialOptions::validate, plus "token.connectionData").
    Validation validation() const;
    /// "SIP URI must start with sip: or sips:" — the field in words, then the problem.
    static QString describe(const FieldError &error);

    void setSessionId(const QString &sessionId);
    QString sessionId() const;
    QPushButton *dialButton() const { return m_dial; }
    /// Focuses the first empty required field (session ID, then URI).
    void focusFirstEmpty();

    /// Writes the non-secret options (not the session, streams, token or password).
    void remember(FormMemory &memory) const;
    /// Reads them back; fields without a remembered value get their defaults.
    void restore(const FormMemory &memory);
    /// Empties the password and the pasted token (on profile switch).
    void clearSecrets();
    /// While a dial is under way Dial stays disabled (one press, one call).
    void setBusy(bool busy);

Q_SIGNALS:
    void dialRequested();
    void validityChanged(bool valid);

private:
    void updateState();
    QLineEdit *lineEdit(const QString &objectName, const QString &placeholder, bool mono);

    QLineEdit *m_session;
    QLineEdit *m_uri;
    QLineEdit *m_from;
    QComboBox *m_tokenMode;
    QLabel *m_tokenHint;
    QLineEdit *m_connectionData;
    QLineEdit *m_token;
    SipHeadersEditor *m_headers;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_secure;
    QCheckBox *m_video;
    QCheckBox *m_observeForceMute;
    QLineEdit *m_streams;
    QLabel *m_error;
    QPushButton *m_dial;
    bool m_valid = false;
    bool m_busy = false;
};

} // namespace otadmin
