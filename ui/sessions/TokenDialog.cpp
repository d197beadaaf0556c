// SPDX-License-Identifier: GPL-3.0-or-later
// TokenDialog: the form, the generated token and its decoded contents.
#include "sessions/TokenDialog.h"

#include "AppContext.h"
#include "api/Workspace.h"
#include "auth/TokenInspector.h"
#include "common/FormMemory.h"
#include "common/IdField.h"
#include "common/SecureClipboard.h"
#include "sessions/TokenInspectionView.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace otadmin {

namespace {

const QString kForm = QStringLiteral("token");
constexpr qint64 kCustomExpiry = -1;

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("role"))
        return TokenDialog::tr("Role");
    if (field == QLatin1String("expireTime"))
        return TokenDialog::tr("Expiry");
    if (field == QLatin1String("connectionData"))
        return TokenDialog::tr("Connection data");
    if (field.startsWith(QLatin1String("initialLayoutClassList")))
        return TokenDialog::tr("Initial layout classes");
    if (field == QLatin1String("sessionId"))
        return TokenDialog::tr("Session");
    if (field == QLatin1String("apiKey") || field == QLatin1String("apiSecret"))
        return TokenDialog::tr("Profile");
    return field;
}

} // namespace

TokenDialog::TokenDialog(
    AppContext &context, const QString &sessionId, const QString &sessionTitle, QWidget *parent)
    : QDialog(parent),
      m_context(context),
      m_sessionId(sessionId),
      m_role(new QComboBox(this)),
      m_expiry(new QComboBox(this)),
      m_expiryAt(new QDateTimeEdit(this)),
      m_data(new QPlainTextEdit(this)),
      m_dataCount(new QLabel(this)),
      m_classes(new QLineEdit(this)),
      m_jwt(new QRadioButton(tr("JWT (recommended)"), this)),
      m_t1(new QRadioButton(tr("T1 (legacy)"), this)),
      m_validation(new QLabel(this)),
      m_generate(new QPushButton(tr("&Generate"), this)),
      m_token(new QPlainTextEdit(this)),
      m_copy(new QPushButton(tr("&Copy token"), this)),
      m_copyNote(new QLabel(this)),
      m_inspection(new TokenInspectionView(this))
{
    setObjectName(QStringLiteral("tokenDialog"));
    const auto &profile = context.workspace()->profile();
    m_profileName = profile ? profile->name : QString();
    setWindowTitle(tr("Client token for %1").arg(sessionTitle));

    auto *session = new IdField(context.clipboard(), this);
    session->setObjectName(QStringLiteral("tokenSessionId"));
    session->setValue(sessionId);
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_role->addItem(tr("Publisher — publish and subscribe"), int(TokenRole::Publisher));
    m_role->addItem(tr("Subscriber — subscribe only"), int(TokenRole::Subscriber));
    m_role->addItem(
        tr("Moderator — also force mute and disconnect others"), int(TokenRole::Moderator));
    m_role->addItem(
        tr("Publisher only — publish, cannot subscribe"), int(TokenRole::PublisherOnly));
    m_expiry->setObjectName(QStringLiteral("expiryCombo"));
    m_expiry->addItem(tr("In 1 hour"), qint64(3600));
    m_expiry->addItem(tr("In 1 day"), qint64(86400));
    m_expiry->addItem(tr("In 7 days"), qint64(7 * 86400));
    m_expiry->addItem(tr("In 30 days (maximum)"), ClientTokenLimits::MaxLifetimeSecs);
    m_expiry->addItem(tr("At a date and time…"), kCustomExpiry);
    m_expiryAt->setObjectName(QStringLiteral("expiryEdit"));
    m_expiryAt->setAccessibleName(tr("Expiry date and time"));
    m_expiryAt->setCalendarPopup(true);
    m_expiryAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_expiryAt->setDateTime(QDateTime::fromSecsSinceEpoch(context.clock().nowSecs() + 86400));
    m_data->setObjectName(QStringLiteral("connectionDataEdit"));
    m_data->setPlaceholderText(tr("Optional, e.g. name=Alice — other clients receive it"));
    m_data->setTabChangesFocus(true);
    m_data->setMaximumHeight(70);
    m_dataCount->setObjectName(QStringLiteral("connectionDataCount"));
    m_classes->setObjectName(QStringLiteral("initialLayoutClassesEdit"));
    m_classes->setPlaceholderText(tr("Optional, space-separated, e.g. focus"));
    m_jwt->setObjectName(QStringLiteral("formatJwtRadio"));
    m_t1->setObjectName(QStringLiteral("formatT1Radio"));
    auto *formats = new QButtonGroup(this);
    formats->addButton(m_jwt);
    formats->addButton(m_t1);
    m_jwt->setChecked(true);
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c5221f"));
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setDefault(true);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setAccessibleName(tr("Generated token"));
    m_token->setReadOnly(true);
    m_token->setFont(monospaceFont());
    m_token->setMaximumHeight(90);
    m_token->setPlaceholderText(tr("The token appears here. It is not stored anywhere."));
    m_copy->setObjectName(QStringLiteral("copyTokenButton"));
    m_copy->setEnabled(false);
    m_copyNote->setText(tr("Tokens are secrets: a copied token leaves the clipboard after "
                           "%1 seconds.")
                            .arg(context.clipboard()->clearAfterSecs()));
    m_copyNote->setWordWrap(true);

    auto *expiry = new QHBoxLayout;
    expiry->addWidget(m_expiry);
    expiry->addWidget(m_expiryAt, 1);
    auto *format = new QHBoxLayout;
    format->addWidget(m_jwt);
    format->addWidget(m_t1);
    format->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Session:"), session);
    form->addRow(tr("&Role:"), m_role);
    auto *expiryLabel = new QLabel(tr("&Expires:"), this);
    expiryLabel->setBuddy(m_expiry);
    form->addRow(expiryLabel, expiry);
    form->addRow(tr("Connection &data:"), m_data);
    form->addRow(QString(), m_dataCount);
    form->addRow(tr("Initial layout &classes:"), m_classes);
    form->addRow(tr("Format:"), format);

    auto *result = new QGroupBox(tr("Token"), this);
    auto *copyRow = new QHBoxLayout;
    copyRow->addWidget(m_copyNote, 1);
    copyRow->addWidget(m_copy);
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->addWidget(m_token);
    resultLayout->addLayout(copyRow);
    resultLayout->addWidget(m_inspection, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_generate, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_generate, &QPushButton::clicked, this, &TokenDialog::generate);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (!token().isEmpty())
            m_context.clipboard()->copySecret(token());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_validation);
    layout->addWidget(buttons);
    layout->addWidget(result, 1);

    restore();
    connect(m_role, &QComboBox::currentIndexChanged, this, &TokenDialog::updateState);
    connect(m_expiry, &QComboBox::currentIndexChanged, this, &TokenDialog::updateState);
    connect(m_expiryAt, &QDateTimeEdit::dateTimeChanged, this, &TokenDialog::updateState);
    connect(m_data, &QPlainTextEdit::textChanged, this, &TokenDialog::updateState);
    connect(m_classes, &QLineEdit::textChanged, this, &TokenDialog::updateState);
    connect(m_jwt, &QRadioButton::toggled, this, &TokenDialog::updateState);
    // Signing with another profile's secret for this session would be wrong: close instead.
    connect(context.workspace(), &Workspace::profileActivated, this, &QDialog::reject);
    connect(context.workspace(), &Workspace::profileDeactivated, this, &QDialog::reject);
    updateState();
    resize(640, 720);
}

ClientTokenOptions TokenDialog::options() const
{
    ClientTokenOptions o;
    o.role = TokenRole(m_role->currentData().toInt());
    const qint64 preset = m_expiry->currentData().toLongLong();
    o.expireTimeSecs = preset == kCustomExpiry ? m_expiryAt->dateTime().toSecsSinceEpoch()
                                               : m_context.clock().nowSecs() + preset;
    o.connectionData = m_data->toPlainText();
    o.initialLayoutClasses = m_classes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    o.format = m_t1->isChecked() ? TokenFormat::T1 : TokenFormat::Jwt;
    return o;
}

QString TokenDialog::token() const
{
    return m_token->toPlainText();
}

Validation TokenDialog::validation() const
{
    const Credentials &credentials = m_context.workspace()->client()->projectCredentials();
    return validateClientToken(credentials.apiKey, credentials.apiSecret, m_sessionId, options(),
        m_context.clock().nowSecs());
}

void TokenDialog::updateState()
{
    m_expiryAt->setEnabled(m_expiry->currentData().toLongLong() == kCustomExpiry);
    m_dataCount->setText(tr("%1 of %2 characters")
                             .arg(m_data->toPlainText().toUcs4().size())
                             .arg(ClientTokenLimits::MaxConnectionDataChars));
    const Validation problem = validation();
    m_validation->setText(
        problem ? tr("%1: %2").arg(fieldLabel(problem->field), problem->message) : QString());
    m_validation->setVisible(bool(problem));
    m_generate->setEnabled(!problem);
}

void TokenDialog::generate()
{
    updateState();
    if (!m_generate->isEnabled())
        return;
    const Credentials &credentials = m_context.workspace()->client()->projectCredentials();
    const ClientTokenResult result = generateClientToken(credentials.apiKey, credentials.apiSecret,
        m_sessionId, options(), m_context.clock(), m_context.workspace()->client()->random());
    if (!result.ok()) {
        m_validation->setText(result.error ? result.error->toString() : tr("No token was made."));
        m_validation->show();
        return;
    }
    m_token->setPlainText(result.token);
    m_copy->setEnabled(true);
    m_inspection->setInspection(
        inspectToken(result.token, credentials.apiSecret, m_context.clock()), m_profileName);
    remember();
}

void TokenDialog::restore()
{
    const FormMemory memory(m_context.settings(), m_profileName, kForm);
    const auto select = [](QComboBox *combo, const QVariant &data) {
        const int index = combo->findData(data);
        if (index >= 0)
            combo->setCurrentIndex(index);
    };
    const auto role = roleFromName(memory.value(QStringLiteral("role")).toString());
    select(m_role, int(role.value_or(TokenRole::Publisher)));
    select(m_expiry, memory.value(QStringLiteral("expiry"), qint64(86400)).toLongLong());
    m_classes->setText(memory.value(QStringLiteral("layoutClasses")).toString());
    if (memory.value(QStringLiteral("format")).toString() == QLatin1String("t1"))
        m_t1->setChecked(true);
}

void TokenDialog::remember()
{
    FormMemory memory(m_context.settings(), m_profileName, kForm);
    const ClientTokenOptions o = options();
    memory.setValue(QStringLiteral("role"), roleName(o.role));
    memory.setValue(QStringLiteral("expiry"), m_expiry->currentData().toLongLong());
    memory.setValue(QStringLiteral("layoutClasses"), m_classes->text());
    memory.setValue(QStringLiteral("format"),
        o.format == TokenFormat::T1 ? QStringLiteral("t1") : QStringLiteral("jwt"));
}

} // namespace otadmin
