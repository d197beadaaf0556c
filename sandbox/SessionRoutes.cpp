// SPDX-License-Identifier: GPL-3.0-or-later
// §2.1 session creation and §4 signalling, moderation, connections and streams.
#include "RequestRules.h"
#include "Router.h"
#include "Routes.h"
#include "SandboxState.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace otadmin::sandbox {

namespace {

const QString sessionPrefix = QStringLiteral("/v2/project/{apiKey}/session/{sessionId}");

Reply createSession(SandboxState &state, RouteContext &ctx)
{
    const QHash<QString, QString> form = rules::parseForm(ctx.request.body);
    const QString p2p = form.value(QStringLiteral("p2p.preference"), QStringLiteral("disabled"));
    if (p2p != u"enabled" && p2p != u"disabled")
        return Reply::error(400, QStringLiteral("p2p.preference must be enabled or disabled"));
    const bool routed = p2p == u"disabled";
    const QString archiveMode = form.value(QStringLiteral("archiveMode"), QStringLiteral("manual"));
    if (archiveMode != u"manual" && archiveMode != u"always")
        return Reply::error(400, QStringLiteral("archiveMode must be manual or always"));
    if (archiveMode == u"always" && !routed)
        return Reply::error(400, QStringLiteral("archiveMode=always requires a routed session"));
    QString archiveName;
    if (form.contains(QStringLiteral("archiveName"))) {
        archiveName = form.value(QStringLiteral("archiveName"));
        if (archiveMode != u"always")
            return Reply::error(
                400, QStringLiteral("archiveName is only valid with archiveMode=always"));
        // Characters, not UTF-16 units: 80 emoji are 80 characters (as the SDKs count them).
        const qsizetype characters = archiveName.toUcs4().size();
        if (characters == 0 || characters > 80)
            return Reply::error(400, QStringLiteral("archiveName must be 1 to 80 characters"));
        for (QChar &c : archiveName)
            if (c == u'~' || c == u'-' || c == u'_')
                c = u':';
    }
    const QString archiveResolution = form.value(QStringLiteral("archiveResolution"));
    if (form.contains(QStringLiteral("archiveResolution"))) {
        if (archiveMode != u"always")
            return Reply::error(
                400, QStringLiteral("archiveResolution is only valid with archiveMode=always"));
        if (!rules::isResolution(archiveResolution))
            return Reply::error(400, QStringLiteral("Invalid archiveResolution"));
    }
    const QString location = form.value(QStringLiteral("location"));
    if (form.contains(QStringLiteral("location")) && !rules::isIPv4(location))
        return Reply::error(400, QStringLiteral("location must be an IPv4 address"));
    const QString e2ee = form.value(QStringLiteral("e2ee"), QStringLiteral("false"));
    if (e2ee != u"true" && e2ee != u"false")
        return Reply::error(400, QStringLiteral("e2ee must be true or false"));
    if (e2ee == u"true" && (!routed || archiveMode == u"always"))
        return Reply::error(
            400, QStringLiteral("e2ee needs a routed session without automatic archiving"));

    Session &s = state.createSession(ctx.project->key, routed, ctx.nowMs, location);
    s.archiveMode = archiveMode;
    s.archiveName = archiveName;
    s.archiveResolution = archiveResolution;
    s.e2ee = e2ee == u"true";
    const QString created =
        QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(ctx.nowMs, QTimeZone::utc()),
            QStringLiteral("ddd MMM dd HH:mm:ss 'UTC' yyyy"));
    return Reply::json(QJsonArray {QJsonObject {{QStringLiteral("session_id"), s.id},
        {QStringLiteral("project_id"), s.projectKey}, {QStringLiteral("partner_id"), s.projectKey},
        {QStringLiteral("create_dt"), created}, {QStringLiteral("media_server_url"), QString()}}});
}

Reply sessionNotFound()
{
    return Reply::error(404, QStringLiteral("Session not found"));
}

Reply signal(SandboxState &state, RouteContext &ctx, bool toConnection)
{
    Session *s = state.sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
    if (!s)
        return sessionNotFound();
    const QString connectionId = ctx.params.value(QStringLiteral("connectionId"));
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    const QJsonValue type = body.value(QLatin1String("type"));
    const QJsonValue data = body.value(QLatin1String("data"));
    if (!type.isUndefined() && !type.isString())
        return Reply::error(400, QStringLiteral("type must be a string"));
    if (!data.isString())
        return Reply::error(400, QStringLiteral("data must be a string"));
    if (type.toString().toUtf8().size() > 128)
        return Reply::error(413, QStringLiteral("type is longer than 128 bytes"));
    if (data.toString().toUtf8().size() > 8192)
        return Reply::error(413, QStringLiteral("data is longer than 8 kB"));
    if (toConnection && !s->connection(connectionId))
        return Reply::error(404, QStringLiteral("Connection not connected to the session"));
    s->events.append(SessionEvent {QStringLiteral("signal"), connectionId, body});
    return Reply::noContent();
}

Reply listConnections(SandboxState &state, RouteContext &ctx)
{
    Session *s = state.sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
    if (!s)
        return sessionNotFound();
    QJsonArray items;
    for (const Connection &c : s->connections)
        items.append(QJsonObject {{QStringLiteral("connectionId"), c.id},
            {QStringLiteral("createdAt"), c.createdAt},
            {QStringLiteral("connectionState"), QStringLiteral("Connected")}});
    return Reply::json(QJsonObject {{QStringLiteral("count"), items.size()},
        {QStringLiteral("projectId"), s->projectKey}, {QStringLiteral("sessionId"), s->id},
        {QStringLiteral("items"), items}});
}

Reply setStreamClasses(SandboxState &state, RouteContext &ctx)
{
    Session *s = state.sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
    if (!s)
        return sessionNotFound();
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    if (!body.value(QLatin1String("items")).isArray())
        return Reply::error(400, QStringLiteral("items must be an array"));
    QList<QPair<QString, QStringList>> changes;
    for (const QJsonValue &item : body.value(QLatin1String("items")).toArray()) {
        const QJsonObject o = item.toObject();
        const QJsonValue list = o.value(QLatin1String("layoutClassList"));
        if (!o.value(QLatin1String("id")).isString() || !list.isArray())
            return Reply::error(
                400, QStringLiteral("each item needs an id and a layoutClassList array"));
        QStringList classes;
        for (const QJsonValue &c : list.toArray()) {
            if (!c.isString())
                return Reply::error(400, QStringLiteral("layout classes must be strings"));
            classes.append(c.toString());
        }
        if (!s->stream(o.value(QLatin1String("id")).toString()))
            return Reply::error(404, QStringLiteral("Stream not found"));
        changes.append({o.value(QLatin1String("id")).toString(), classes});
    }
    for (const auto &change : changes)
        s->stream(change.first)->layoutClassList = change.second;
    return Reply::json(QJsonObject {});
}

Reply muteAll(SandboxState &state, RouteContext &ctx)
{
    Session *s = state.sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
    if (!s)
        return sessionNotFound();
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    if (!body.value(QLatin1String("active")).isBool())
        return Reply::error(400, QStringLiteral("active must be a boolean"));
    QStringList excluded;
    const QJsonValue ex = body.value(QLatin1String("excludedStreamIds"));
    if (!ex.isUndefined() && !ex.isArray())
        return Reply::error(400, QStringLiteral("excludedStreamIds must be an array"));
    for (const QJsonValue &v : ex.toArray()) {
        if (!v.isString())
            return Reply::error(400, QStringLiteral("excludedStreamIds must hold strings"));
        excluded.append(v.toString());
    }
    s->muteActive = body.value(QLatin1String("active")).toBool();
    if (s->muteActive) {
        s->muteExcluded = excluded;
        for (Stream &stream : s->streams)
            if (!excluded.contains(stream.id))
                stream.audioMuted = true;
    } else {
        s->muteExcluded.clear(); // streams already muted stay muted
    }
    return Reply::json(QJsonObject {{QStringLiteral("projectId"), s->projectKey},
        {QStringLiteral("sessionId"), s->id},
        {QStringLiteral("status"), QStringLiteral("ACTIVE")}});
}

} // namespace

void registerSessionRoutes(Router &router, SandboxState &state)
{
    SandboxState *st = &state;
    router.add("POST", QStringLiteral("/session/create"), AuthKind::Project,
        [st](RouteContext &ctx) { return createSession(*st, ctx); });
    router.add("POST", sessionPrefix + QStringLiteral("/signal"), AuthKind::Project,
        [st](RouteContext &ctx) { return signal(*st, ctx, false); });
    router.add("POST", sessionPrefix + QStringLiteral("/connection/{connectionId}/signal"),
        AuthKind::Project, [st](RouteContext &ctx) { return signal(*st, ctx, true); });
    router.add("GET", sessionPrefix + QStringLiteral("/connection"), AuthKind::Project,
        [st](RouteContext &ctx) { return listConnections(*st, ctx); });
    router.add("DELETE", sessionPrefix + QStringLiteral("/connection/{connectionId}"),
        AuthKind::Project, [st](RouteContext &ctx) {
            Session *s =
                st->sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
            if (!s)
                return sessionNotFound();
            const QString id = ctx.params.value(QStringLiteral("connectionId"));
            if (!s->connection(id))
                return Reply::error(404, QStringLiteral("Connection not connected to the session"));
            st->removeConnection(*s, id, ctx.nowMs);
            return Reply::noContent();
        });
    router.add("GET", sessionPrefix + QStringLiteral("/stream"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Session *s =
                st->sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
            if (!s)
                return sessionNotFound();
            QJsonArray items;
            for (const Stream &stream : s->streams)
                items.append(stream.toJson());
            return Reply::json(QJsonObject {
                {QStringLiteral("count"), items.size()}, {QStringLiteral("items"), items}});
        });
    router.add("PUT", sessionPrefix + QStringLiteral("/stream"), AuthKind::Project,
        [st](RouteContext &ctx) { return setStreamClasses(*st, ctx); });
    router.add("GET", sessionPrefix + QStringLiteral("/stream/{streamId}"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Session *s =
                st->sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
            if (!s)
                return sessionNotFound();
            Stream *stream = s->stream(ctx.params.value(QStringLiteral("streamId")));
            if (!stream)
                return Reply::error(404, QStringLiteral("Stream not found"));
            return Reply::json(stream->toJson());
        });
    router.add("POST", sessionPrefix + QStringLiteral("/stream/{streamId}/mute"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Session *s =
                st->sessionOf(ctx.project->key, ctx.params.value(QStringLiteral("sessionId")));
            if (!s)
                return sessionNotFound();
            Stream *stream = s->stream(ctx.params.value(QStringLiteral("streamId")));
            if (!stream)
                return Reply::error(404, QStringLiteral("Stream not found"));
            stream->audioMuted = true;
            return Reply::json(QJsonObject {{QStringLiteral("projectId"), s->projectKey},
                {QStringLiteral("sessionId"), s->id},
                {QStringLiteral("status"), QStringLiteral("ACTIVE")}});
        });
    router.add("POST", sessionPrefix + QStringLiteral("/mute"), AuthKind::Project,
        [st](RouteContext &ctx) { return muteAll(*st, ctx); });
}

} // namespace otadmin::sandbox
