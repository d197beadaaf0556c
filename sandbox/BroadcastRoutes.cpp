// SPDX-License-Identifier: GPL-3.0-or-later
// §6 live-streaming broadcasts: start, stop, get, list, layout, streams.
#include "ListPage.h"
#include "RequestRules.h"
#include "Router.h"
#include "Routes.h"
#include "SandboxState.h"
#include "StreamSelection.h"

#include <algorithm>

namespace otadmin::sandbox {

namespace {

const QString broadcastPath = QStringLiteral("/v2/project/{apiKey}/broadcast");

Broadcast *broadcastOf(SandboxState &state, RouteContext &ctx)
{
    auto it = state.broadcasts.find(ctx.params.value(QStringLiteral("broadcastId")));
    if (it == state.broadcasts.end() || it->projectKey != ctx.project->key)
        return nullptr;
    return &it.value();
}

Reply broadcastNotFound()
{
    return Reply::error(404, QStringLiteral("Broadcast not found"));
}

QString parseOutputs(const QJsonObject &body, Broadcast &b)
{
    if (!body.value(QLatin1String("outputs")).isObject())
        return QStringLiteral("outputs is required");
    const QJsonObject outputs = body.value(QLatin1String("outputs")).toObject();
    if (outputs.contains(QLatin1String("hls"))) {
        if (!outputs.value(QLatin1String("hls")).isObject())
            return QStringLiteral("outputs.hls must be an object");
        const QJsonObject hls = outputs.value(QLatin1String("hls")).toObject();
        const auto dvr = rules::optionalBool(hls, QStringLiteral("dvr"), false);
        const auto lowLatency = rules::optionalBool(hls, QStringLiteral("lowLatency"), false);
        if (!dvr || !lowLatency)
            return QStringLiteral("outputs.hls.dvr and lowLatency must be booleans");
        if (*dvr && *lowLatency)
            return QStringLiteral("outputs.hls.dvr and lowLatency are mutually exclusive");
        b.hls = true;
        b.dvr = *dvr;
        b.lowLatency = *lowLatency;
    }
    if (outputs.contains(QLatin1String("rtmp"))) {
        if (!outputs.value(QLatin1String("rtmp")).isArray())
            return QStringLiteral("outputs.rtmp must be an array");
        const QJsonArray rtmp = outputs.value(QLatin1String("rtmp")).toArray();
        if (rtmp.size() > 5)
            return QStringLiteral("At most 5 RTMP targets are allowed");
        for (const QJsonValue &v : rtmp) {
            const QJsonObject o = v.toObject();
            RtmpTarget t;
            t.serverUrl = o.value(QLatin1String("serverUrl")).toString();
            t.streamName = o.value(QLatin1String("streamName")).toString();
            if (o.contains(QLatin1String("id")) && !o.value(QLatin1String("id")).isString())
                return QStringLiteral("rtmp id must be a string");
            t.id = o.value(QLatin1String("id")).toString();
            if (!v.isObject() || t.streamName.isEmpty()
                || !(t.serverUrl.startsWith(QLatin1String("rtmp://"))
                    || t.serverUrl.startsWith(QLatin1String("rtmps://"))))
                return QStringLiteral(
                    "Each RTMP target needs an rtmp(s):// serverUrl and a streamName");
            b.rtmp.append(t);
        }
    }
    if (!b.hls && b.rtmp.isEmpty())
        return QStringLiteral("At least one HLS or RTMP output is required");
    return {};
}

Reply startBroadcast(SandboxState &state, RouteContext &ctx)
{
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    const QJsonValue sessionId = body.value(QLatin1String("sessionId"));
    if (!sessionId.isString() || sessionId.toString().isEmpty())
        return Reply::error(400, QStringLiteral("sessionId is required"));
    Broadcast b;
    error = parseOutputs(body, b);
    if (!error.isEmpty())
        return Reply::error(400, error);
    if (body.contains(QLatin1String("layout"))) {
        b.layout = body.value(QLatin1String("layout")).toObject();
        error = body.value(QLatin1String("layout")).isObject()
            ? rules::layoutError(b.layout)
            : QStringLiteral("layout must be an object");
        if (!error.isEmpty())
            return Reply::error(400, error);
    }
    if (body.contains(QLatin1String("maxDuration"))) {
        const auto v = rules::integerValue(body.value(QLatin1String("maxDuration")));
        if (!v || *v < 60 || *v > 36000)
            return Reply::error(400, QStringLiteral("maxDuration must be 60 to 36000 seconds"));
        b.maxDuration = *v;
    }
    if (body.contains(QLatin1String("maxBitrate"))) {
        const auto v = rules::integerValue(body.value(QLatin1String("maxBitrate")));
        if (!v || *v < 100000 || *v > 6000000)
            return Reply::error(400, QStringLiteral("maxBitrate must be 100000 to 6000000"));
        b.maxBitrate = *v;
    }
    if (body.contains(QLatin1String("resolution"))) {
        b.resolution = body.value(QLatin1String("resolution")).toString();
        if (!rules::isResolution(b.resolution))
            return Reply::error(400, QStringLiteral("Invalid resolution"));
    }
    b.streamMode = body.value(QLatin1String("streamMode")).toString(QStringLiteral("auto"));
    if (b.streamMode != u"auto" && b.streamMode != u"manual")
        return Reply::error(400, QStringLiteral("streamMode must be auto or manual"));
    const QJsonValue tag = body.value(QLatin1String("multiBroadcastTag"));
    if (!tag.isUndefined() && !tag.isString())
        return Reply::error(400, QStringLiteral("multiBroadcastTag must be a string"));
    b.multiBroadcastTag = tag.toString();
    const auto hasAudio = rules::optionalBool(body, QStringLiteral("hasAudio"), true);
    const auto hasVideo = rules::optionalBool(body, QStringLiteral("hasVideo"), true);
    if (!hasAudio || !hasVideo)
        return Reply::error(400, QStringLiteral("hasAudio and hasVideo must be booleans"));
    b.hasAudio = *hasAudio;
    b.hasVideo = *hasVideo;

    Session *s = state.sessionOf(ctx.project->key, sessionId.toString());
    if (!s)
        return Reply::error(400, QStringLiteral("Invalid session: not found"));
    if (!s->routed)
        return Reply::error(
            409, QStringLiteral("The session is relayed; broadcasting needs a routed session"));
    if (s->connections.isEmpty())
        return Reply::error(400, QStringLiteral("No clients are connected to the session"));
    for (const Broadcast &other : std::as_const(state.broadcasts))
        if (other.sessionId == s->id && other.status == u"started"
            && other.multiBroadcastTag == b.multiBroadcastTag)
            return Reply::error(
                409, QStringLiteral("A broadcast is already running for the session"));

    b.id = SandboxState::newHexId();
    b.projectKey = ctx.project->key;
    b.sessionId = s->id;
    b.createdAt = b.updatedAt = ctx.nowMs;
    b.sequence = state.nextSequence();
    if (b.hls) {
        b.hlsStatus = QStringLiteral("connecting");
        b.hlsUrl = QStringLiteral("https://hls.sandbox.invalid/%1/playlist.m3u8").arg(b.id)
            + (b.dvr ? QStringLiteral("?DVR") : QString());
    }
    b.liveAtMs = ctx.nowMs + qMax(0, state.timings.rtmpConnectMs);
    state.broadcasts.insert(b.id, b);
    return Reply::json(b.toJson());
}

Reply listBroadcasts(SandboxState &state, RouteContext &ctx)
{
    return listPage(state.broadcasts, state.broadcastJson, ctx);
}

Reply patchStreams(SandboxState &state, RouteContext &ctx)
{
    Broadcast *b = broadcastOf(state, ctx);
    if (!b)
        return broadcastNotFound();
    Reply reply = changeIncludedStreams(state, QStringLiteral("broadcast"), b->projectKey,
        b->sessionId, b->streamMode, b->status == u"started", b->streams, ctx.request.body);
    if (reply.status == 204)
        b->updatedAt = ctx.nowMs;
    return reply;
}

} // namespace

void registerBroadcastRoutes(Router &router, SandboxState &state)
{
    SandboxState *st = &state;
    router.add("POST", broadcastPath, AuthKind::Project,
        [st](RouteContext &ctx) { return startBroadcast(*st, ctx); });
    router.add("GET", broadcastPath, AuthKind::Project,
        [st](RouteContext &ctx) { return listBroadcasts(*st, ctx); });
    router.add("GET", broadcastPath + QStringLiteral("/{broadcastId}"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Broadcast *b = broadcastOf(*st, ctx);
            return b ? Reply::json(b->toJson()) : broadcastNotFound();
        });
    router.add("POST", broadcastPath + QStringLiteral("/{broadcastId}/stop"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Broadcast *b = broadcastOf(*st, ctx);
            if (!b)
                return broadcastNotFound();
            if (b->status != u"started")
                return Reply::error(409, QStringLiteral("The broadcast is already stopped"));
            st->stopBroadcast(*b, ctx.nowMs);
            return Reply::json(b->toJson());
        });
    router.add("PUT", broadcastPath + QStringLiteral("/{broadcastId}/layout"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Broadcast *b = broadcastOf(*st, ctx);
            if (!b)
                return broadcastNotFound();
            QJsonObject body;
            QString error;
            if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
                return Reply::error(400, error);
            error = rules::layoutError(body);
            if (!error.isEmpty())
                return Reply::error(400, error);
            b->layout = body;
            b->updatedAt = ctx.nowMs;
            return Reply::json(b->toJson());
        });
    router.add("PATCH", broadcastPath + QStringLiteral("/{broadcastId}/streams"), AuthKind::Project,
        [st](RouteContext &ctx) { return patchStreams(*st, ctx); });
}

} // namespace otadmin::sandbox
