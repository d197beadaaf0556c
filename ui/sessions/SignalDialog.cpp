// SPDX-License-Identifier: GPL-3.0-or-later
// SignalDialog: the form behind "Send signal…".
#include "sessions/SignalDialog.h"

#include "common/FormMemory.h"
#include "common/IdField.h"
#include "common/MessageBanner.h"
#include "types/Common.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace otadmin {

SignalDialog::SignalDialog(const QString &sessionTitle, const QStringList &connectionIds,
    QSettings *settings, const QString &profileName, QWidget *parent)
    : QDialog(parent),
      m_settings(settings),
      m_profileName(profileName),
      m_banner(new MessageBanner(this)),
      m_toAll(new QRadioButton(tr("Every connection in the session"), this)),
      m_toOne(new QRadioButton(tr("One connection:"), this)),
      m_connection(new QComboBox(this)),
      m_type(new QLineEdit(this)),
      m_data(new QPlainTextEdit(this)),
      m_sizes(new QLabel(this)),
      m_validation(new QLabel(this))
{
    setObjectName(QStringLiteral("signalDialog"));
    setWindowTitle(tr("Send signal to %1").arg(sessionTitle));
    m_banner->setObjectName(QStringLiteral("dialogBanner"));
    m_toAll->setObjectName(QStringLiteral("signalToAllRadio"));
    m_toOne->setObjectName(QStringLiteral("signalToOneRadio"));
    m_toAll->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_toAll);
    group->addButton(m_toOne);
    m_connection->setObjectName(QStringLiteral("signalConnectionCombo"));
    m_connection->setAccessibleName(tr("Connection ID"));
    m_connection->setEditable(true);
    m_connection->setFont(monospaceFont());
    m_connection->addItems(connectionIds);
    m_connection->setCurrentIndex(-1);
    m_connection->setEnabled(false);
    m_connection->setMinimumContentsLength(36);
    m_type->setObjectName(QStringLiteral("signalTypeEdit"));
    m_type->setPlaceholderText(tr("Optional, e.g. chat — clients filter on it"));
    m_data->setObjectName(QStringLiteral("signalDataEdit"));
    m_data->setPlaceholderText(tr("Text delivered to the clients (may be empty)"));
    m_data->setTabChangesFocus(true);
    m_sizes->setObjectName(QStringLiteral("signalSizes"));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c5221f"));

    auto *target = new QVBoxLayout;
    target->addWidget(m_toAll);
    auto *one = new QHBoxLayout;
    one->addWidget(m_toOne);
    one->addWidget(m_connection, 1);
    target->addLayout(one);

    auto *form = new QFormLayout;
    form->addRow(tr("To:"), target);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Data:"), m_data);
    form->addRow(QString(), m_sizes);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("Send signal"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_send, &QPushButton::clicked, this, [this] {
        if (m_send->isEnabled())
            Q_EMIT sendRequested(targetConnection(), payload());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form, 1);
    layout->addWidget(m_validation);
    layout->addWidget(buttons);

    m_type->setText(FormMemory(settings, profileName, QStringLiteral("signal"))
                        .value(QStringLiteral("type"))
                        .toString());
    connect(m_toOne, &QRadioButton::toggled, m_connection, &QWidget::setEnabled);
    connect(m_toOne, &QRadioButton::toggled, this, &SignalDialog::updateState);
    connect(m_connection, &QComboBox::currentTextChanged, this, &SignalDialog::updateState);
    connect(m_type, &QLineEdit::textChanged, this, &SignalDialog::updateState);
    connect(m_data, &QPlainTextEdit::textChanged, this, &SignalDialog::updateState);
    updateState();
    resize(560, 380);
}

void SignalDialog::setTargetConnection(const QString &connectionId)
{
    m_toOne->setChecked(true);
    m_connection->setCurrentText(connectionId);
}

QString SignalDialog::targetConnection() const
{
    return m_toOne->isChecked() ? m_connection->currentText().trimmed() : QString();
}

SignalPayload SignalDialog::payload() const
{
    return SignalPayload {m_type->text(), m_data->toPlainText()};
}

void SignalDialog::updateState()
{
    const SignalPayload p = payload();
    m_sizes->setText(tr("Type %1 of %2 bytes · data %3 of %4 bytes")
                         .arg(p.type.toUtf8().size())
                         .arg(kMaxSignalTypeBytes)
                         .arg(p.data.toUtf8().size())
                         .arg(kMaxSignalDataBytes));
    QString problem;
    if (m_toOne->isChecked()) {
        if (auto bad = validateId(QStringLiteral("connection"), targetConnection()))
            problem = tr("Connection ID: %1").arg(bad->message);
    }
    if (problem.isEmpty()) {
        if (auto bad = p.validate()) {
            problem = tr("%1: %2").arg(
                bad->field == QLatin1String("type") ? tr("Type") : tr("Data"), bad->message);
        }
    }
    m_validation->setText(problem);
    m_validation->setVisible(!problem.isEmpty());
    m_send->setEnabled(problem.isEmpty());
}

void SignalDialog::remember()
{
    FormMemory(m_settings, m_profileName, QStringLiteral("signal"))
        .setValue(QStringLiteral("type"), m_type->text());
}

} // namespace otadmin
