// SPDX-License-Identifier: GPL-3.0-or-later
// SipDtmfBox: digits, target and Send.
#include "sip/SipDtmfBox.h"

#include "common/IdField.h"
#include "models/Format.h"
#include "types/Sip.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace otadmin {

SipDtmfBox::SipDtmfBox(QWidget *parent)
    : QGroupBox(tr("Send DTMF tones"), parent),
      m_digits(new QLineEdit(this)),
      m_toCall(new QRadioButton(this)),
      m_toSession(new QRadioButton(this)),
      m_error(new QLabel(this)),
      m_send(new QPushButton(tr("Send &tones"), this))
{
    setObjectName(QStringLiteral("dtmfBox"));
    m_digits->setObjectName(QStringLiteral("dtmfDigits"));
    m_digits->setAccessibleName(tr("DTMF digits"));
    m_digits->setPlaceholderText(tr("e.g. 1234# — p pauses 500 ms"));
    m_digits->setFont(monospaceFont());
    m_digits->setMaxLength(kMaxDtmfDigits + 1); // one over, so the limit is explained
    m_toCall->setObjectName(QStringLiteral("dtmfToCall"));
    m_toSession->setObjectName(QStringLiteral("dtmfToSession"));
    m_toCall->setChecked(true);
    m_error->setObjectName(QStringLiteral("dtmfError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f"));
    m_send->setObjectName(QStringLiteral("dtmfSend"));

    auto *form = new QFormLayout(this);
    auto *digitsRow = new QHBoxLayout;
    digitsRow->addWidget(m_digits, 1);
    digitsRow->addWidget(m_send);
    auto *digitsLabel = new QLabel(tr("Di&gits:"), this);
    digitsLabel->setBuddy(m_digits);
    form->addRow(digitsLabel, digitsRow);
    auto *targets = new QVBoxLayout;
    targets->addWidget(m_toCall);
    targets->addWidget(m_toSession);
    form->addRow(tr("To:"), targets);
    form->addRow(m_error);

    connect(m_digits, &QLineEdit::textChanged, this, &SipDtmfBox::updateState);
    connect(m_toCall, &QRadioButton::toggled, this, &SipDtmfBox::updateState);
    connect(m_digits, &QLineEdit::returnPressed, m_send, &QPushButton::click);
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_send->isEnabled())
            Q_EMIT sendRequested();
    });
    setTargets({}, {});
}

QString SipDtmfBox::digits() const
{
    return m_digits->text().trimmed();
}

bool SipDtmfBox::toCall() const
{
    return m_hasCall && m_toCall->isChecked();
}

void SipDtmfBox::setTargets(const QString &callLabel, const QString &sessionId)
{
    const bool hadCall = m_hasCall;
    m_hasCall = !callLabel.isEmpty();
    m_sessionId = sessionId;
    m_toCall->setText(m_hasCall ? tr("Only the selected call (%1)").arg(callLabel)
                                : tr("Only the selected call (select one in the list)"));
    m_toCall->setEnabled(m_hasCall);
    m_toSession->setText(sessionId.isEmpty()
            ? tr("Every SIP call of the session (enter a session ID)")
            : tr("Every SIP call of session %1").arg(elideMiddle(sessionId)));
    m_toSession->setToolTip(sessionId);
    m_toSession->setEnabled(!sessionId.isEmpty());
    // Selecting a call means "this call"; without one only the session remains.
    if (m_hasCall && !hadCall)
        m_toCall->setChecked(true);
    else if (!m_hasCall && !sessionId.isEmpty())
        m_toSession->setChecked(true);
    updateState();
}

void SipDtmfBox::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void SipDtmfBox::updateState()
{
    const QString text = digits();
    const Validation bad = text.isEmpty() ? Validation() : validateDtmfDigits(text);
    m_error->setText(bad ? tr("Digits %1.").arg(bad->message) : QString());
    m_error->setVisible(bool(bad));
    const bool target = toCall() || (m_toSession->isChecked() && !m_sessionId.isEmpty());
    m_send->setEnabled(!text.isEmpty() && !bad && target && !m_busy);
}

} // namespace otadmin
