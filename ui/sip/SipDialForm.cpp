// SPDX-License-Identifier: GPL-3.0-or-later
// SipDialForm: fields, validation as you type, remembered options.
#include "sip/SipDialForm.h"

#include "auth/ClientToken.h"
#include "common/FormMemory.h"
#include "common/IdField.h"
#include "sip/SipHeadersEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace otadmin {

namespace {
enum TokenMode
{
    GenerateToken,
    PastedToken
};

QStringList splitStreams(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

/// "Name: value" lines for the settings file (names are tokens, so ':' cannot occur in them).
QStringList headerLines(const QList<QPair<QString, QString>> &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers)
        lines << name + QStringLiteral(": ") + value;
    return lines;
}

QList<QPair<QString, QString>> headersFromLines(const QStringList &lines)
{
    QList<QPair<QString, QString>> headers;
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

int indexIn(const QString &field)
{
    static const QRegularExpression index(QStringLiteral("\\[(\\d+)\\]"));
    const auto match = index.match(field);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}
} // namespace

SipDialForm::SipDialForm(QWidget *parent)
    : QWidget(parent),
      m_session(lineEdit(QStringLiteral("sipSessionId"), tr("1_MX4… (a routed session)"), true)),
      m_uri(lineEdit(
          QStringLiteral("sipUri"), tr("sip:+15551234567@sip.example.com;transport=tls"), true)),
      m_from(lineEdit(QStringLiteral("sipFrom"), tr("optional: 15557654321@example.com"), true)),
      m_tokenMode(new QComboBox(this)),
      m_tokenHint(new QLabel(this)),
      m_connectionData(lineEdit(
          QStringLiteral("sipConnectionData"), tr("optional, default: sip=<the URI>"), false)),
      m_token(lineEdit(QStringLiteral("sipToken"), tr("a client token for this session"), true)),
      m_headers(new SipHeadersEditor(this)),
      m_username(lineEdit(QStringLiteral("sipUsername"), tr("optional"), false)),
      m_password(lineEdit(QStringLiteral("sipPassword"), tr("not stored"), false)),
      m_secure(new QCheckBox(tr("&Encrypt media (SRTP)"), this)),
      m_video(new QCheckBox(tr("&Video both ways"), this)),
      m_observeForceMute(new QCheckBox(tr("&Honour force mute"), this)),
      m_streams(lineEdit(QStringLiteral("sipStreams"),
          tr("all streams — or stream IDs, separated by spaces"), true)),
      m_error(new QLabel(this)),
      m_dial(new QPushButton(tr("&Dial"), this))
{
    setObjectName(QStringLiteral("sipDialForm"));
    m_tokenMode->setObjectName(QStringLiteral("sipTokenMode"));
    m_tokenMode->setAccessibleName(tr("Token"));
    m_tokenMode->addItem(tr("Generate one for this call"), GenerateToken);
    m_tokenMode->addItem(tr("Use a token I paste"), PastedToken);
    m_tokenHint->setObjectName(QStringLiteral("sipTokenHint"));
    m_tokenHint->setText(tr("Signed here with this profile's credentials: role publisher, "
                            "expires in 24 hours."));
    m_tokenHint->setWordWrap(true);
    m_tokenHint->setForegroundRole(QPalette::PlaceholderText);
    m_token->setEchoMode(QLineEdit::Password);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("SIP password"));
    m_secure->setObjectName(QStringLiteral("sipSecure"));
    m_secure->setToolTip(tr("Encrypts the call's media with SRTP. For TLS signalling add "
                            ";transport=tls to the URI."));
    m_video->setObjectName(QStringLiteral("sipVideo"));
    m_observeForceMute->setObjectName(QStringLiteral("sipObserveForceMute"));
    m_observeForceMute->setToolTip(tr("The SIP participant is muted too when a moderator "
                                      "mutes the session."));
    m_error->setObjectName(QStringLiteral("sipDialError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f"));
    m_dial->setObjectName(QStringLiteral("sipDial"));
    m_dial->setDefault(true);
    m_dial->setIcon(QIcon::fromTheme(QStringLiteral("call-start")));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Session ID:"), m_session);
    form->addRow(tr("SIP &URI:"), m_uri);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&Token:"), m_tokenMode);
    form->addRow(QString(), m_tokenHint);
    form->addRow(tr("&Connection data:"), m_connectionData);
    form->addRow(tr("Client t&oken:"), m_token);
    form->addRow(tr("&Headers:"), m_headers);
    form->addRow(tr("&Auth user:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    auto *media = new QVBoxLayout;
    media->addWidget(m_secure);
    media->addWidget(m_video);
    media->addWidget(m_observeForceMute);
    form->addRow(tr("Media:"), media);
    form->addRow(tr("S&treams:"), m_streams);
    form->addRow(m_error);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_dial);
    form->addRow(buttons);

    const auto rowsForMode = [this, form] {
        const bool generate = m_tokenMode->currentData().toInt() == GenerateToken;
        form->setRowVisible(m_tokenHint, generate);
        form->setRowVisible(m_connectionData, generate);
        form->setRowVisible(m_token, !generate);
        updateState();
    };
    connect(m_tokenMode, &QComboBox::currentIndexChanged, this, rowsForMode);
    for (QLineEdit *edit :
        {m_session, m_uri, m_from, m_connectionData, m_token, m_username, m_password, m_streams})
        connect(edit, &QLineEdit::textChanged, this, &SipDialForm::updateState);
    connect(m_headers, &SipHeadersEditor::headersChanged, this, &SipDialForm::updateState);
    connect(m_dial, &QPushButton::clicked, this, [this] {
        if (!validation() && !m_busy)
            Q_EMIT dialRequested();
    });
    rowsForMode();
}

QLineEdit *SipDialForm::lineEdit(const QString &objectName, const QString &placeholder, bool mono)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    if (mono)
        edit->setFont(monospaceFont());
    return edit;
}

SipDialOptions SipDialForm::options() const
{
    SipDialOptions o;
    o.sessionId = m_session->text().trimmed();
    if (m_tokenMode->currentData().toInt() == PastedToken)
        o.token = m_token->text().trimmed();
    o.uri = m_uri->text().trimmed();
    o.from = m_from->text().trimmed();
    o.headers = m_headers->headers();
    o.username = m_username->text();
    o.password = m_password->text();
    o.secure = m_secure->isChecked();
    o.video = m_video->isChecked();
    o.observeForceMute = m_observeForceMute->isChecked();
    o.streams = splitStreams(m_streams->text());
    return o;
}

QString SipDialForm::tokenConnectionData() const
{
    return m_tokenMode->currentData().toInt() == GenerateToken ? m_connectionData->text()
                                                               : QString();
}

Validation SipDialForm::validation() const
{
    SipDialOptions probe = options();
    const bool generate = m_tokenMode->currentData().toInt() == GenerateToken;
    if (generate)
        probe.token = QStringLiteral("generated"); // signed at dial time
    if (Validation bad = probe.validate())
        return bad;
    const QString data = tokenConnectionData();
    if (generate && data.toUcs4().size() > ClientTokenLimits::MaxConnectionDataChars)
        return FieldError {QStringLiteral("token.connectionData"),
            tr("must be at most %1 characters").arg(ClientTokenLimits::MaxConnectionDataChars)};
    return std::nullopt;
}

QString SipDialForm::describe(const FieldError &error)
{
    const QString &f = error.field;
    QString name;
    if (f == QLatin1String("sessionId"))
        name = tr("Session ID");
    else if (f == QLatin1String("token"))
        name = tr("Client token");
    else if (f.startsWith(QLatin1String("token.")))
        name = tr("Connection data");
    else if (f == QLatin1String("sip.uri"))
        name = tr("SIP URI");
    else if (f == QLatin1String("sip.from"))
        name = tr("From");
    else if (f.startsWith(QLatin1String("sip.headers")))
        name = tr("Header %1").arg(indexIn(f) + 1);
    else if (f == QLatin1String("sip.auth.username"))
        name = tr("Auth user");
    else if (f == QLatin1String("sip.auth.password"))
        name = tr("Password");
    else if (f.startsWith(QLatin1String("sip.streams")))
        name = tr("Stream %1").arg(indexIn(f) + 1);
    else
        name = f;
    return tr("%1 %2.").arg(name, error.message);
}

void SipDialForm::setSessionId(const QString &sessionId)
{
    m_session->setText(sessionId);
}

QString SipDialForm::sessionId() const
{
    return m_session->text().trimmed();
}

void SipDialForm::focusFirstEmpty()
{
    if (m_session->text().trimmed().isEmpty())
        m_session->setFocus();
    else
        m_uri->setFocus();
}

void SipDialForm::remember(FormMemory &memory) const
{
    const SipDialOptions o = options();
    memory.setValue(QStringLiteral("uri"), o.uri);
    memory.setValue(QStringLiteral("from"), o.from);
    memory.setValue(QStringLiteral("headers"), headerLines(o.headers));
    memory.setValue(QStringLiteral("username"), o.username);
    memory.setValue(QStringLiteral("secure"), o.secure);
    memory.setValue(QStringLiteral("video"), o.video);
    memory.setValue(QStringLiteral("observeForceMute"), o.observeForceMute);
    memory.setValue(QStringLiteral("tokenMode"),
        m_tokenMode->currentData().toInt() == PastedToken ? QStringLiteral("pasted")
                                                          : QStringLiteral("generate"));
    memory.setValue(QStringLiteral("connectionData"), m_connectionData->text());
}

void SipDialForm::restore(const FormMemory &memory)
{
    m_uri->setText(memory.value(QStringLiteral("uri")).toString());
    m_from->setText(memory.value(QStringLiteral("from")).toString());
    m_headers->setHeaders(headersFromLines(memory.value(QStringLiteral("headers")).toStringList()));
    m_username->setText(memory.value(QStringLiteral("username")).toString());
    m_secure->setChecked(memory.value(QStringLiteral("secure"), false).toBool());
    m_video->setChecked(memory.value(QStringLiteral("video"), false).toBool());
    m_observeForceMute->setChecked(
        memory.value(QStringLiteral("observeForceMute"), false).toBool());
    const bool pasted =
        memory.value(QStringLiteral("tokenMode")).toString() == QLatin1String("pasted");
    m_tokenMode->setCurrentIndex(m_tokenMode->findData(pasted ? PastedToken : GenerateToken));
    m_connectionData->setText(memory.value(QStringLiteral("connectionData")).toString());
    updateState();
}

void SipDialForm::clearSecrets()
{
    m_password->clear();
    m_token->clear();
}

void SipDialForm::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void SipDialForm::updateState()
{
    const Validation bad = validation();
    m_error->setText(bad ? describe(*bad) : QString());
    m_error->setVisible(bool(bad));
    m_headers->markRow(bad && bad->field.startsWith(QLatin1String("sip.headers"))
            ? m_headers->tableRowOf(indexIn(bad->field))
            : -1);
    m_dial->setEnabled(!bad && !m_busy);
    if (m_valid != !bad) {
        m_valid = !bad;
        Q_EMIT validityChanged(m_valid);
    }
}

} // namespace otadmin
