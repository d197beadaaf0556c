// SPDX-License-Identifier: GPL-3.0-or-later
// session create, token create, token inspect.
#include "CliOutput.h"
#include "CliParse.h"

#include "api/SessionsApi.h"
#include "auth/ClientToken.h"
#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "auth/TokenInspector.h"
#include "net/RestClient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace otadmin::cli {

namespace {

void sessionCreate(Invocation &inv)
{
    SessionOptions options;
    if (inv.isSet(QStringLiteral("routed")) && inv.isSet(QStringLiteral("relayed"))) {
        inv.usageError(tr("--routed and --relayed exclude each other"));
        return;
    }
    options.mediaMode =
        inv.isSet(QStringLiteral("relayed")) ? MediaMode::Relayed : MediaMode::Routed;
    const QString mode = inv.value(QStringLiteral("archive-mode"));
    if (mode == QLatin1String("always"))
        options.archiveMode = ArchiveMode::Always;
    else if (mode != QLatin1String("manual")) {
        inv.usageError(tr("--archive-mode is manual or always, not \u201c%1\u201d").arg(mode));
        return;
    }
    options.archiveName = inv.value(QStringLiteral("archive-name"));
    options.archiveResolution = inv.value(QStringLiteral("archive-resolution"));
    options.location = inv.value(QStringLiteral("location"));
    options.e2ee = inv.isSet(QStringLiteral("e2ee"));
    auto *api = new SessionsApi(inv.client(), inv.client());
    inv.await(api->create(options), [&inv](const ApiReply &reply) {
        const auto session = reply.resultAs<SessionInfo>();
        if (inv.json())
            inv.printObject(session.raw);
        else if (!session.raw.isEmpty())
            CliOutput::keyValues(session.raw);
        else
            CliOutput::out(session.sessionId);
        return true;
    });
}

void tokenCreate(Invocation &inv)
{
    const Credentials &creds = inv.client()->projectCredentials();
    ClientTokenOptions options;
    const auto role = roleFromName(inv.value(QStringLiteral("role")));
    if (!role) {
        inv.usageError(tr("--role is publisher, subscriber, moderator or publisheronly, not "
                          "\u201c%1\u201d")
                           .arg(inv.value(QStringLiteral("role"))));
        return;
    }
    options.role = *role;
    options.connectionData = inv.value(QStringLiteral("data"));
    options.initialLayoutClasses = inv.values(QStringLiteral("layout-class"));
    const QString format = inv.value(QStringLiteral("format")).toLower();
    if (format == QLatin1String("t1"))
        options.format = TokenFormat::T1;
    else if (format != QLatin1String("jwt")) {
        inv.usageError(tr("--format is jwt or t1, not \u201c%1\u201d").arg(format));
        return;
    }
    std::optional<qint64> expireIn;
    std::optional<qint64> expireAt;
    if (!inv.int64Option(QStringLiteral("expire-in"), expireIn)
        || !inv.int64Option(QStringLiteral("expire-at"), expireAt))
        return;
    if (expireIn && expireAt) {
        inv.usageError(tr("--expire-in and --expire-at exclude each other"));
        return;
    }
    const Clock &clock = SystemClock::shared();
    if (expireIn)
        options.expireTimeSecs = clock.nowSecs() + *expireIn;
    if (expireAt)
        options.expireTimeSecs = *expireAt;

    const ClientTokenResult result = generateClientToken(
        creds.apiKey, creds.apiSecret, inv.arg(0), options, clock, SystemRandomSource::shared());
    if (!result.ok()) {
        inv.usageError(result.error ? result.error->toString() : tr("the token was not created"));
        return;
    }
    if (inv.json()) {
        CliOutput::json(QJsonObject {
            {QStringLiteral("token"), result.token},
            {QStringLiteral("sessionId"), inv.arg(0)},
            {QStringLiteral("role"), roleName(options.role)},
            {QStringLiteral("format"),
                options.format == TokenFormat::T1 ? QStringLiteral("t1") : QStringLiteral("jwt")},
            {QStringLiteral("createTime"), result.createTime},
            {QStringLiteral("expireTime"), result.expireTime},
        });
    } else {
        CliOutput::out(result.token);
    }
    inv.finish(ExitSuccess);
}

QString verdictName(TokenInspection::Verdict verdict)
{
    switch (verdict) {
    case TokenInspection::Verdict::Valid:
        return QStringLiteral("valid");
    case TokenInspection::Verdict::Expired:
        return QStringLiteral("expired");
    case TokenInspection::Verdict::BadSignature:
        return QStringLiteral("bad-signature");
    case TokenInspection::Verdict::Malformed:
        return QStringLiteral("malformed");
    }
    return {};
}

QString signatureName(TokenInspection::Signature signature)
{
    switch (signature) {
    case TokenInspection::Signature::NotChecked:
        return QStringLiteral("not-checked");
    case TokenInspection::Signature::Valid:
        return QStringLiteral("valid");
    case TokenInspection::Signature::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

void tokenInspect(Invocation &inv)
{
    QString token = inv.arg(0);
    if (token == QLatin1String("-"))
        token = QString::fromUtf8(readStdinLine()).trimmed();
    const Credentials &creds = inv.client()->projectCredentials();
    const QByteArray secret =
        inv.isSet(QStringLiteral("no-verify")) ? QByteArray() : creds.apiSecret;
    const TokenInspection inspection = inspectToken(token, secret, SystemClock::shared());

    QJsonObject fields;
    for (const auto &field : inspection.fields)
        fields.insert(field.first, field.second);
    QJsonObject result {
        {QStringLiteral("format"),
            inspection.format == TokenFormat::T1 ? QStringLiteral("t1") : QStringLiteral("jwt")},
        {QStringLiteral("verdict"), verdictName(inspection.verdict)},
        {QStringLiteral("signature"), signatureName(inspection.signature)},
        {QStringLiteral("apiKey"), inspection.apiKey},
        {QStringLiteral("sessionId"), inspection.sessionId},
        {QStringLiteral("role"), inspection.role},
        {QStringLiteral("connectionData"), inspection.connectionData},
        {QStringLiteral("layoutClasses"), QJsonArray::fromStringList(inspection.layoutClasses)},
        {QStringLiteral("fields"), fields},
    };
    if (inspection.createTime)
        result.insert(QStringLiteral("createTime"), *inspection.createTime);
    if (inspection.expireTime)
        result.insert(QStringLiteral("expireTime"), *inspection.expireTime);
    if (!inspection.error.isEmpty())
        result.insert(QStringLiteral("error"), inspection.error);
    if (!creds.apiKey.isEmpty() && !inspection.apiKey.isEmpty() && creds.apiKey != inspection.apiKey
        && inspection.signature == TokenInspection::Signature::Invalid) {
        result.insert(QStringLiteral("note"),
            tr("the token belongs to project %1, the credentials to %2")
                .arg(inspection.apiKey, creds.apiKey));
    }
    if (inv.json())
        CliOutput::json(result);
    else
        CliOutput::keyValues(result);
    switch (inspection.verdict) {
    case TokenInspection::Verdict::Valid:
        inv.finish(ExitSuccess);
        break;
    case TokenInspection::Verdict::Malformed:
        inv.usageError(tr("the token is malformed: %1").arg(inspection.error));
        break;
    default:
        inv.failure(tr("the token is not valid (%1)").arg(verdictName(inspection.verdict)));
        break;
    }
}

} // namespace

QList<Command> sessionCommands()
{
    Command create;
    create.area = QStringLiteral("session");
    create.verb = QStringLiteral("create");
    create.summary = tr("Create a session (routed and manual archiving unless told otherwise).");
    create.options = {
        flagOption(QStringLiteral("routed"), tr("Through the Media Router (the default).")),
        flagOption(QStringLiteral("relayed"), tr("Peer to peer.")),
        valueOption(QStringLiteral("archive-mode"), tr("manual or always."), QStringLiteral("MODE"),
            QStringLiteral("manual")),
        valueOption(QStringLiteral("archive-name"), tr("Name of automatic archives (1-80)."),
            QStringLiteral("NAME")),
        valueOption(QStringLiteral("archive-resolution"),
            tr("Resolution of automatic archives, e.g. 1280x720."), QStringLiteral("WxH")),
        valueOption(QStringLiteral("location"), tr("IPv4 address used as a region hint."),
            QStringLiteral("IP")),
        flagOption(QStringLiteral("e2ee"), tr("End-to-end encryption (routed, manual).")),
    };
    create.examples = {QStringLiteral("session create --routed --archive-mode manual"),
        QStringLiteral("--json session create --relayed")};
    create.run = sessionCreate;

    Command token;
    token.area = QStringLiteral("token");
    token.verb = QStringLiteral("create");
    token.args = QStringLiteral("SESSION_ID");
    token.minArgs = token.maxArgs = 1;
    token.local = true;
    token.summary = tr("Sign a client token locally (no network); prints the token.");
    token.options = {
        valueOption(QStringLiteral("role"),
            tr("publisher, subscriber, moderator or publisheronly."), QStringLiteral("ROLE"),
            QStringLiteral("publisher")),
        valueOption(QStringLiteral("data"), tr("Connection data (up to 1000 characters)."),
            QStringLiteral("TEXT")),
        valueOption(QStringLiteral("layout-class"), tr("Initial layout class (repeatable)."),
            QStringLiteral("CLASS")),
        valueOption(QStringLiteral("expire-in"), tr("Seconds from now (up to 30 days)."),
            QStringLiteral("SECONDS")),
        valueOption(QStringLiteral("expire-at"), tr("Absolute expiry, Unix seconds."),
            QStringLiteral("UNIX")),
        valueOption(QStringLiteral("format"), tr("jwt or t1."), QStringLiteral("FORMAT"),
            QStringLiteral("jwt")),
    };
    token.examples = {QStringLiteral("token create SESSION_ID --role moderator --data "
                                     "\"name=Ann\" --layout-class focus --expire-in 3600 "
                                     "--format t1"),
        QStringLiteral("--json token create SESSION_ID")};
    token.run = tokenCreate;

    Command inspect;
    inspect.area = QStringLiteral("token");
    inspect.verb = QStringLiteral("inspect");
    inspect.args = QStringLiteral("TOKEN|-");
    inspect.minArgs = inspect.maxArgs = 1;
    inspect.local = true;
    inspect.scope = Scope::ProjectOptional;
    inspect.summary = tr("Decode a client token (T1 or JWT) and verify it with the project "
                         "secret when credentials are available. Exit 1 when expired or badly "
                         "signed, 2 when malformed.");
    inspect.options = {flagOption(QStringLiteral("no-verify"), tr("Do not check the signature."))};
    inspect.secretNotes = {tr("TOKEN \u201c-\u201d reads the token from standard input (keeps it "
                              "out of the process list).")};
    inspect.examples = {QStringLiteral("token inspect T1==cGFydG5lcl9pZD0..."),
        QStringLiteral("token inspect - < token.txt")};
    inspect.run = tokenInspect;

    return {create, token, inspect};
}

} // namespace otadmin::cli
