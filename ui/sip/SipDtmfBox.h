// SPDX-License-Identifier: GPL-3.0-or-later
// DTMF tones: digits validated as you type, sent to one SIP call or to the whole session.
#pragma once

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace otadmin {

/// The owner says where tones can go (setTargets) and sends them on sendRequested.
class SipDtmfBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit SipDtmfBox(QWidget *parent = nullptr);

    QString digits() const;
    /// True: to the selected call's connection only; false: every SIP call of the session.
    bool toCall() const;
    /// `callLabel` empty: no call selected (only the session is possible). `sessionId` empty:
    /// nowhere to send.
    void setTargets(const QString &callLabel, const QString &sessionId);
    QPushButton *sendButton() const { return m_send; }
    void setBusy(bool busy);

Q_SIGNALS:
    void sendRequested();

private:
    void updateState();

    QLineEdit *m_digits;
    QRadioButton *m_toCall;
    QRadioButton *m_toSession;
    QLabel *m_error;
    QPushButton *m_send;
    QString m_sessionId;
    bool m_hasCall = false;
    bool m_busy = false;
};

} // namespace otadmin
