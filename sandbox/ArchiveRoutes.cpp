// SPDX-License-Identifier: GPL-3.0-or-later
// §5 archives (start, stop, get, delete, list, layout, streams) and §5.9 storage.
#include "ListPage.h"
#include "RequestRules.h"
#include "Router.h"
#include "Routes.h"
#include "SandboxState.h"
#include "StreamSelection.h"

#include <algorithm>

namespace otadmin::sandbox {

namespace {

const QString archivePath = QStringLiteral("/v2/project/{apiKey}/archive");

Reply archiveNotFound()
{
    return Reply::error(404, QStringLiteral("Archive not found"));
}

Archive *archiveOf(SandboxState &state, RouteContext &ctx)
{
    auto it = state.archives.find(ctx.params.value(QStringLiteral("archiveId")));
    if (it == state.archives.end() || it->projectKey != ctx.project->key)
        return nullptr;
    return &it.value();
}

Reply startArchive(SandboxState &state, RouteContext &ctx)
{
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    const QJsonValue sessionId = body.value(QLatin1String("sessionId"));
    if (!sessionId.isString() || sessionId.toString().isEmpty())
        return Reply::error(400, QStringLiteral("sessionId is required"));
    Archive a;
    const QJsonValue name = body.value(QLatin1String("name"));
    if (!name.isUndefined() && !name.isString())
        return Reply::error(400, QStringLiteral("name must be a string"));
    if (name.isString())
        a.name = name.toString();
    const auto hasAudio = rules::optionalBool(body, QStringLiteral("hasAudio"), true);
    const auto hasVideo = rules::optionalBool(body, QStringLiteral("hasVideo"), true);
    if (!hasAudio || !hasVideo)
        return Reply::error(400, QStringLiteral("hasAudio and hasVideo must be booleans"));
    if (!*hasAudio && !*hasVideo)
        return Reply::error(400, QStringLiteral("hasAudio and hasVideo cannot both be false"));
    a.hasAudio = *hasAudio;
    a.hasVideo = *hasVideo;
    a.outputMode = body.value(QLatin1String("outputMode")).toString(QStringLiteral("composed"));
    if (a.outputMode != u"composed" && a.outputMode != u"individual")
        return Reply::error(400, QStringLiteral("outputMode must be composed or individual"));
    const bool composed = a.outputMode == u"composed";
    if (body.contains(QLatin1String("resolution"))) {
        if (!composed)
            return Reply::error(
                400, QStringLiteral("resolution is only valid for composed archives"));
        a.resolution = body.value(QLatin1String("resolution")).toString();
        if (!rules::isResolution(a.resolution))
            return Reply::error(400, QStringLiteral("Invalid resolution"));
    }
    if (body.contains(QLatin1String("layout"))) {
        if (!composed)
            return Reply::error(400, QStringLiteral("layout is only valid for composed archives"));
        a.layout = body.value(QLatin1String("layout")).toObject();
        const QString layoutError = body.value(QLatin1String("layout")).isObject()
            ? rules::layoutError(a.layout)
            : QStringLiteral("layout must be an object");
        if (!layoutError.isEmpty())
            return Reply::error(400, layoutError);
    }
    a.streamMode = body.value(QLatin1String("streamMode")).toString(QStringLiteral("auto"));
    if (a.streamMode != u"auto" && a.streamMode != u"manual")
        return Reply::error(400, QStringLiteral("streamMode must be auto or manual"));
    const QJsonValue tag = body.value(QLatin1String("multiArchiveTag"));
    if (!tag.isUndefined() && !tag.isString())
        return Reply::error(400, QStringLiteral("multiArchiveTag must be a string"));
    a.multiArchiveTag = tag.toString();
    if (body.contains(QLatin1String("maxBitrate"))
        && body.contains(QLatin1String("quantizationParameter")))
        return Reply::error(
            400, QStringLiteral("maxBitrate and quantizationParameter are mutually exclusive"));
    if (body.contains(QLatin1String("maxBitrate"))) {
        const auto v = rules::integerValue(body.value(QLatin1String("maxBitrate")));
        if (!composed)
            return Reply::error(
                400, QStringLiteral("maxBitrate is only valid for composed archives"));
        if (!v || *v < 100000 || *v > 6000000)
            return Reply::error(400, QStringLiteral("maxBitrate must be 100000 to 6000000"));
        a.maxBitrate = *v;
    }
    if (body.contains(QLatin1String("quantizationParameter"))) {
        const auto v = rules::integerValue(body.value(QLatin1String("quantizationParameter")));
        if (!composed)
            return Reply::error(
                400, QStringLiteral("quantizationParameter is only valid for composed archives"));
        if (!v || *v < 15 || *v > 40)
            return Reply::error(400, QStringLiteral("quantizationParameter must be 15 to 40"));
        a.quantizationParameter = *v;
    }
    const auto transcription = rules::optionalBool(body, QStringLiteral("hasTranscription"), false);
    if (!transcription)
        return Reply::error(400, QStringLiteral("hasTranscription must be a boolean"));
    a.hasTranscription = *transcription;
    if (body.contains(QLatin1String("transcriptionProperties"))) {
        if (!a.hasTranscription || !body.value(QLatin1String("transcriptionProperties")).isObject())
            return Reply::error(
                400, QStringLiteral("transcriptionProperties needs hasTranscription=true"));
        a.transcriptionProperties = body.value(QLatin1String("transcriptionProperties")).toObject();
    }

    Session *s = state.sessionOf(ctx.project->key, sessionId.toString());
    if (!s)
        return Reply::error(404, QStringLiteral("Session not found"));
    if (!s->routed)
        return Reply::error(
            409, QStringLiteral("The session is relayed; archiving needs a routed session"));
    if (s->connections.isEmpty())
        return Reply::error(400, QStringLiteral("No clients are connected to the session"));
    for (const Archive &other : std::as_const(state.archives))
        if (other.sessionId == s->id && other.isRecording()
            && other.multiArchiveTag == a.multiArchiveTag)
            return Reply::error(409, QStringLiteral("The session is already being recorded"));

    a.id = SandboxState::newUuid();
    a.projectKey = ctx.project->key;
    a.sessionId = s->id;
    a.createdAt = ctx.nowMs;
    a.sequence = state.nextSequence();
    a.status = QStringLiteral("started");
    state.archives.insert(a.id, a);
    return Reply::json(a.toJson());
}

Reply listArchives(SandboxState &state, RouteContext &ctx)
{
    return listPage(state.archives, state.archiveJson, ctx);
}

Reply patchStreams(SandboxState &state, RouteContext &ctx)
{
    Archive *a = archiveOf(state, ctx);
    if (!a)
        return archiveNotFound();
    Reply reply = changeIncludedStreams(state, QStringLiteral("archive"), a->projectKey,
        a->sessionId, a->streamMode, a->isRecording(), a->streams, ctx.request.body);
    return reply;
}

Reply setStorage(RouteContext &ctx)
{
    QJsonObject body;
    QString error;
    if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
        return Reply::error(400, error);
    const QString type = body.value(QLatin1String("type")).toString();
    const QJsonObject config = body.value(QLatin1String("config")).toObject();
    QStringList required;
    QStringList optional;
    if (type == u"s3") {
        required = {
            QStringLiteral("accessKey"), QStringLiteral("secretKey"), QStringLiteral("bucket")};
        optional = {QStringLiteral("endpoint"), QStringLiteral("sse")};
    } else if (type == u"azure") {
        required = {QStringLiteral("accountName"), QStringLiteral("accountKey"),
            QStringLiteral("container")};
        optional = {QStringLiteral("domain")};
    } else {
        return Reply::error(400, QStringLiteral("type must be s3 or azure"));
    }
    if (!body.value(QLatin1String("config")).isObject())
        return Reply::error(400, QStringLiteral("config must be an object"));
    for (const QString &key : std::as_const(required))
        if (!config.value(key).isString() || config.value(key).toString().isEmpty())
            return Reply::error(400, QStringLiteral("config.%1 is required").arg(key));
    for (const QString &key : std::as_const(optional))
        if (config.contains(key) && !config.value(key).isString())
            return Reply::error(400, QStringLiteral("config.%1 must be a string").arg(key));
    const QString endpoint = config.value(QLatin1String("endpoint")).toString();
    if (config.contains(QLatin1String("endpoint"))
        && !endpoint.startsWith(QLatin1String("https://"))
        && !endpoint.startsWith(QLatin1String("http://")))
        return Reply::error(400, QStringLiteral("config.endpoint must be a URL with a scheme"));
    const QString sse = config.value(QLatin1String("sse")).toString();
    if (config.contains(QLatin1String("sse")) && sse != u"s3" && sse != u"none")
        return Reply::error(400, QStringLiteral("config.sse must be s3 or none"));
    const QString fallback = body.value(QLatin1String("fallback")).toString(QStringLiteral("none"));
    if (fallback != u"opentok" && fallback != u"none")
        return Reply::error(400, QStringLiteral("fallback must be opentok or none"));
    body.insert(QStringLiteral("fallback"), fallback);
    ctx.project->storage = body;
    return Reply::json(body);
}

} // namespace

void registerArchiveRoutes(Router &router, SandboxState &state)
{
    SandboxState *st = &state;
    router.add("PUT", archivePath + QStringLiteral("/storage"), AuthKind::Project,
        [](RouteContext &ctx) { return setStorage(ctx); });
    router.add("DELETE", archivePath + QStringLiteral("/storage"), AuthKind::Project,
        [](RouteContext &ctx) {
            ctx.project->storage.reset();
            return Reply::noContent();
        });
    router.add("POST", archivePath, AuthKind::Project,
        [st](RouteContext &ctx) { return startArchive(*st, ctx); });
    router.add("GET", archivePath, AuthKind::Project,
        [st](RouteContext &ctx) { return listArchives(*st, ctx); });
    router.add("GET", archivePath + QStringLiteral("/{archiveId}"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Archive *a = archiveOf(*st, ctx);
            return a ? Reply::json(a->toJson()) : archiveNotFound();
        });
    router.add("DELETE", archivePath + QStringLiteral("/{archiveId}"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Archive *a = archiveOf(*st, ctx);
            if (!a)
                return archiveNotFound();
            if (a->status != u"available" && a->status != u"uploaded")
                return Reply::error(
                    409, QStringLiteral("Only available or uploaded archives can be deleted"));
            st->archives.remove(a->id);
            return Reply::noContent();
        });
    router.add("POST", archivePath + QStringLiteral("/{archiveId}/stop"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Archive *a = archiveOf(*st, ctx);
            if (!a)
                return archiveNotFound();
            if (!a->isRecording())
                return Reply::error(409, QStringLiteral("The archive is not recording"));
            st->stopArchive(*a, ctx.nowMs);
            return Reply::json(a->toJson());
        });
    router.add("PUT", archivePath + QStringLiteral("/{archiveId}/layout"), AuthKind::Project,
        [st](RouteContext &ctx) {
            Archive *a = archiveOf(*st, ctx);
            if (!a)
                return archiveNotFound();
            QJsonObject body;
            QString error;
            if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
                return Reply::error(400, error);
            error = rules::layoutError(body);
            if (!error.isEmpty())
                return Reply::error(400, error);
            if (a->outputMode != u"composed")
                return Reply::error(400, QStringLiteral("Layouts only apply to composed archives"));
            a->layout = body;
            return Reply::json(a->toJson());
        });
    router.add("PATCH", archivePath + QStringLiteral("/{archiveId}/streams"), AuthKind::Project,
        [st](RouteContext &ctx) { return patchStreams(*st, ctx); });
}

} // namespace otadmin::sandbox
