// SPDX-License-Identifier: GPL-3.0-or-later
// The /_sandbox control prefix (loopback peers only, no JWT): it maps HTTP onto SandboxServer's
// public test API. Routes (all JSON; errors are {"code","message"}):
//   GET    /_sandbox/info                                   base URL, credentials, clock, request
//   count POST   /_sandbox/reset                                  back to the initial (seeded)
//   state -> 204 POST   /_sandbox/sessions           {routed?, projectKey?}            ->
//   {sessionId} GET    /_sandbox/sessions/{sessionId}                   connections, streams, mute,
//   signals, DTMF POST   /_sandbox/sessions/{sessionId}/connections       -> {connectionId} DELETE
//   /_sandbox/sessions/{sessionId}/connections/{connectionId}      -> 204 POST
//   /_sandbox/sessions/{sessionId}/streams {connectionId?, videoType?, name?}
//                                                           -> {streamId, connectionId}
//   DELETE /_sandbox/sessions/{sessionId}/streams/{streamId}              -> 204
//   POST   /_sandbox/force {method?, path, status, body?, retryAfter?, delayMs?, times?} -> 204
//   DELETE /_sandbox/force                                  clears forced answers -> 204
//   POST   /_sandbox/time {advanceMs}                       -> {nowMs}
//   GET    /_sandbox/journal                                -> {count,
//   items:[{method,path,query,headers,body,status}]} DELETE /_sandbox/journal -> 204 POST
//   /_sandbox/archives/{archiveId}/fail              -> 204 (404 unknown, 409 already final) GET
//   /_sandbox/download/archive/{file}                stand-in archive bytes (the `url` of available
//   archives)
#include "RequestRules.h"
#include "Router.h"
#include "Routes.h"
#include "SandboxServer.h"

#include <QJsonDocument>

namespace otadmin::sandbox {

namespace {

Reply bodyOrError(const Request &request, QJsonObject *body)
{
    QString error;
    if (!rules::parseJsonObject(request.body, true, body, &error))
        return Reply::error(400, error);
    return Reply::noContent(0);
}

} // namespace

void registerControlRoutes(Router &router, SandboxServer &server)
{
    SandboxServer *sv = &server;
    router.add("GET", QStringLiteral("/_sandbox/info"), AuthKind::None, [sv](RouteContext &) {
        return Reply::json(QJsonObject {{QStringLiteral("baseUrl"), sv->baseUrl().toString()},
            {QStringLiteral("apiKey"), sv->apiKey()},
            {QStringLiteral("apiSecret"), sv->apiSecret()},
            {QStringLiteral("accountKey"), sv->accountKey()},
            {QStringLiteral("accountSecret"), sv->accountSecret()},
            {QStringLiteral("nowMs"), sv->nowMs()},
            {QStringLiteral("requestCount"), sv->requestCount()}});
    });
    router.add("POST", QStringLiteral("/_sandbox/reset"), AuthKind::None, [sv](RouteContext &) {
        sv->reset();
        return Reply::noContent();
    });
    router.add(
        "POST", QStringLiteral("/_sandbox/sessions"), AuthKind::None, [sv](RouteContext &ctx) {
            QJsonObject body;
            if (Reply r = bodyOrError(ctx.request, &body); r.status)
                return r;
            const QString key = body.value(QLatin1String("projectKey")).toString(sv->apiKey());
            if (!sv->state().project(key))
                return Reply::error(404, QStringLiteral("Project not found"));
            const Session &s = sv->state().createSession(
                key, body.value(QLatin1String("routed")).toBool(true), ctx.nowMs);
            return Reply::json(QJsonObject {{QStringLiteral("sessionId"), s.id}});
        });
    router.add("GET", QStringLiteral("/_sandbox/sessions/{sessionId}"), AuthKind::None,
        [sv](RouteContext &ctx) {
            const QJsonObject state =
                sv->sessionState(ctx.params.value(QStringLiteral("sessionId")));
            return state.isEmpty() ? Reply::error(404, QStringLiteral("Session not found"))
                                   : Reply::json(state);
        });
    router.add("POST", QStringLiteral("/_sandbox/sessions/{sessionId}/connections"), AuthKind::None,
        [sv](RouteContext &ctx) {
            const QString id = sv->addConnection(ctx.params.value(QStringLiteral("sessionId")));
            return id.isEmpty() ? Reply::error(404, QStringLiteral("Session not found"))
                                : Reply::json(QJsonObject {{QStringLiteral("connectionId"), id}});
        });
    router.add("DELETE",
        QStringLiteral("/_sandbox/sessions/{sessionId}/connections/{connectionId}"), AuthKind::None,
        [sv](RouteContext &ctx) {
            return sv->removeConnection(ctx.params.value(QStringLiteral("sessionId")),
                       ctx.params.value(QStringLiteral("connectionId")))
                ? Reply::noContent()
                : Reply::error(404, QStringLiteral("Connection not found"));
        });
    router.add("POST", QStringLiteral("/_sandbox/sessions/{sessionId}/streams"), AuthKind::None,
        [sv](RouteContext &ctx) {
            QJsonObject body;
            if (Reply r = bodyOrError(ctx.request, &body); r.status)
                return r;
            const QString sessionId = ctx.params.value(QStringLiteral("sessionId"));
            QString connectionId = body.value(QLatin1String("connectionId")).toString();
            if (connectionId.isEmpty())
                connectionId = sv->addConnection(sessionId);
            const QString streamId = sv->addStream(sessionId, connectionId,
                body.value(QLatin1String("videoType")).toString(QStringLiteral("camera")),
                body.value(QLatin1String("name")).toString());
            if (streamId.isEmpty())
                return Reply::error(404, QStringLiteral("Session or connection not found"));
            return Reply::json(QJsonObject {{QStringLiteral("streamId"), streamId},
                {QStringLiteral("connectionId"), connectionId}});
        });
    router.add("DELETE", QStringLiteral("/_sandbox/sessions/{sessionId}/streams/{streamId}"),
        AuthKind::None, [sv](RouteContext &ctx) {
            return sv->removeStream(ctx.params.value(QStringLiteral("sessionId")),
                       ctx.params.value(QStringLiteral("streamId")))
                ? Reply::noContent()
                : Reply::error(404, QStringLiteral("Stream not found"));
        });
    router.add("POST", QStringLiteral("/_sandbox/force"), AuthKind::None, [sv](RouteContext &ctx) {
        QJsonObject body;
        if (Reply r = bodyOrError(ctx.request, &body); r.status)
            return r;
        if (!body.value(QLatin1String("path")).isString())
            return Reply::error(400, QStringLiteral("path (a glob or ^regex) is required"));
        const auto status = rules::integerValue(body.value(QLatin1String("status")));
        if (!status || *status < 0 || *status > 999)
            return Reply::error(
                400, QStringLiteral("status must be an HTTP status (0 = delay only)"));
        const QJsonValue b = body.value(QLatin1String("body"));
        QByteArray payload;
        if (b.isString())
            payload = b.toString().toUtf8();
        else if (b.isObject())
            payload = QJsonDocument(b.toObject()).toJson(QJsonDocument::Compact);
        else if (b.isArray())
            payload = QJsonDocument(b.toArray()).toJson(QJsonDocument::Compact);
        QString retryAfter = body.value(QLatin1String("retryAfter")).toString();
        if (body.value(QLatin1String("retryAfter")).isDouble())
            retryAfter = QString::number(body.value(QLatin1String("retryAfter")).toInteger());
        sv->forceNextResponse(body.value(QLatin1String("method")).toString().toLatin1(),
            body.value(QLatin1String("path")).toString(), static_cast<int>(*status), payload,
            retryAfter.toLatin1(), body.value(QLatin1String("delayMs")).toInt(0),
            body.value(QLatin1String("times")).toInt(1));
        return Reply::noContent();
    });
    router.add("DELETE", QStringLiteral("/_sandbox/force"), AuthKind::None, [sv](RouteContext &) {
        sv->clearForcedResponses();
        return Reply::noContent();
    });
    router.add("POST", QStringLiteral("/_sandbox/time"), AuthKind::None, [sv](RouteContext &ctx) {
        QJsonObject body;
        if (Reply r = bodyOrError(ctx.request, &body); r.status)
            return r;
        const auto ms = rules::integerValue(body.value(QLatin1String("advanceMs")));
        if (!ms)
            return Reply::error(400, QStringLiteral("advanceMs (integer) is required"));
        sv->advanceTime(*ms);
        return Reply::json(QJsonObject {{QStringLiteral("nowMs"), sv->nowMs()}});
    });
    router.add("GET", QStringLiteral("/_sandbox/journal"), AuthKind::None, [sv](RouteContext &) {
        QJsonArray items;
        for (const JournalEntry &e : sv->journal()) {
            QJsonObject headers;
            for (auto it = e.headers.begin(); it != e.headers.end(); ++it)
                headers.insert(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
            items.append(QJsonObject {{QStringLiteral("method"), QString::fromLatin1(e.method)},
                {QStringLiteral("path"), e.path}, {QStringLiteral("query"), e.query},
                {QStringLiteral("headers"), headers},
                {QStringLiteral("body"), QString::fromUtf8(e.body)},
                {QStringLiteral("status"), e.status}});
        }
        return Reply::json(QJsonObject {
            {QStringLiteral("count"), items.size()}, {QStringLiteral("items"), items}});
    });
    router.add("DELETE", QStringLiteral("/_sandbox/journal"), AuthKind::None, [sv](RouteContext &) {
        sv->clearJournal();
        return Reply::noContent();
    });
    router.add("POST", QStringLiteral("/_sandbox/archives/{archiveId}/fail"), AuthKind::None,
        [sv](RouteContext &ctx) {
            const QString id = ctx.params.value(QStringLiteral("archiveId"));
            if (!sv->state().archives.contains(id))
                return Reply::error(404, QStringLiteral("Archive not found"));
            return sv->failArchive(id)
                ? Reply::noContent()
                : Reply::error(409, QStringLiteral("The archive is already final"));
        });
    router.add("GET", QStringLiteral("/_sandbox/download/archive/{file}"), AuthKind::None,
        [sv](RouteContext &ctx) {
            const QString file = ctx.params.value(QStringLiteral("file"));
            const QString id = file.section(QLatin1Char('.'), 0, 0);
            const auto it = sv->state().archives.constFind(id);
            if (it == sv->state().archives.cend() || it->status != u"available")
                return Reply::error(404, QStringLiteral("Archive file not available"));
            Reply r;
            r.contentType = file.endsWith(QLatin1String(".zip")) ? "application/zip" : "video/mp4";
            r.body = QByteArray(static_cast<qsizetype>(it->size), '\0');
            return r;
        });
}

} // namespace otadmin::sandbox
