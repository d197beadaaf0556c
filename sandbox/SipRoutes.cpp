// SPDX-License-Identifier: GPL-3.0-or-later
// §7 SIP interconnect: dial (adds a connection and a stream for the SIP leg) and DTMF.
#include "RequestRules.h"
#include "Router.h"
#include "Routes.h"
#include "SandboxState.h"

#include <QRegularExpression>

namespace otadmin::sandbox {

namespace {

Reply dial(SandboxState &state, RouteContext &ctx)
{
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    const QJsonValue sessionId = body.value(QLatin1String("sessionId"));
    if (!sessionId.isString() || sessionId.toString().isEmpty())
        return Reply::error(400, QStringLiteral("sessionId is required"));
    if (!body.value(QLatin1String("token")).isString()
        || body.value(QLatin1String("token")).toString().isEmpty())
        return Reply::error(400, QStringLiteral("token is required"));
    if (!body.value(QLatin1String("sip")).isObject())
        return Reply::error(400, QStringLiteral("sip is required"));
    const QJsonObject sip = body.value(QLatin1String("sip")).toObject();
    const QString uri = sip.value(QLatin1String("uri")).toString();
    if (!uri.startsWith(QLatin1String("sip:")) && !uri.startsWith(QLatin1String("sips:")))
        return Reply::error(400, QStringLiteral("sip.uri must be a SIP URI"));
    if (sip.contains(QLatin1String("from")) && !sip.value(QLatin1String("from")).isString())
        return Reply::error(400, QStringLiteral("sip.from must be a string"));
    if (sip.contains(QLatin1String("headers"))) {
        if (!sip.value(QLatin1String("headers")).isObject())
            return Reply::error(400, QStringLiteral("sip.headers must be an object"));
        const QJsonObject headers = sip.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            if (!it.value().isString())
                return Reply::error(400, QStringLiteral("sip.headers values must be strings"));
    }
    if (sip.contains(QLatin1String("auth"))) {
        const QJsonObject auth = sip.value(QLatin1String("auth")).toObject();
        if (!auth.value(QLatin1String("username")).isString()
            || !auth.value(QLatin1String("password")).isString())
            return Reply::error(400, QStringLiteral("sip.auth needs username and password"));
    }
    for (const char *flag : {"secure", "video", "observeForceMute"})
        if (!rules::optionalBool(sip, QLatin1String(flag), false))
            return Reply::error(
                400, QStringLiteral("sip.%1 must be a boolean").arg(QLatin1String(flag)));
    if (sip.contains(QLatin1String("streams")) && !sip.value(QLatin1String("streams")).isArray())
        return Reply::error(400, QStringLiteral("sip.streams must be an array"));

    Session *s = state.sessionOf(ctx.project->key, sessionId.toString());
    if (!s)
        return Reply::error(404, QStringLiteral("Session not found"));
    if (!s->routed)
        return Reply::error(
            409, QStringLiteral("The session is relayed; SIP needs a routed session"));
    Connection &connection = state.addConnection(*s, ctx.nowMs);
    connection.sip = true;
    const QString connectionId = connection.id;
    const QString streamId = state
                                 .addStream(*s, connectionId, QStringLiteral("camera"),
                                     sip.value(QLatin1String("from")).toString())
                                 .id;
    SipCall call {
        SandboxState::newUuid(), ctx.project->key, s->id, connectionId, streamId, body, false};
    state.sipCalls.insert(call.id, call);
    return Reply::json(QJsonObject {{QStringLiteral("id"), call.id},
        {QStringLiteral("connectionId"), connectionId}, {QStringLiteral("streamId"), streamId}});
}

Reply playDtmf(SandboxState &state, RouteContext &ctx, bool toConnection)
{
    Session *s = state.sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
    if (!s)
        return Reply::error(404, QStringLiteral("Session not found"));
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    static const QRegularExpression digitsRe(QStringLiteral("^[0-9*#p]+$"));
    const QJsonValue digits = body.value(QLatin1String("digits"));
    if (!digits.isString() || !digitsRe.match(digits.toString()).hasMatch())
        return Reply::error(400, QStringLiteral("digits may only hold 0-9, *, # and p"));
    const QString connectionId = ctx.params.value(QStringLiteral("connectionId"));
    if (toConnection && !s->connection(connectionId))
        return Reply::error(404, QStringLiteral("Connection not connected to the session"));
    s->events.append(SessionEvent {QStringLiteral("dtmf"), connectionId, body});
    return Reply::json(QJsonObject {});
}

} // namespace

void registerSipRoutes(Router &router, SandboxState &state)
{
    SandboxState *st = &state;
    const auto dialHandler = [st](RouteContext &ctx) { return dial(*st, ctx); };
    router.add("POST", QStringLiteral("/v2/project/{apiKey}/dial"), AuthKind::Project, dialHandler);
    router.add("POST", QStringLiteral("/v2/project/{apiKey}/call"), AuthKind::Project,
        dialHandler); // PHP SDK
    router.add("POST", QStringLiteral("/v2/project/{apiKey}/session/{sessionId}/play-dtmf"),
        AuthKind::Project, [st](RouteContext &ctx) { return playDtmf(*st, ctx, false); });
    router.add("POST",
        QStringLiteral(
            "/v2/project/{apiKey}/session/{sessionId}/connection/{connectionId}/play-dtmf"),
        AuthKind::Project, [st](RouteContext &ctx) { return playDtmf(*st, ctx, true); });
}

} // namespace otadmin::sandbox
