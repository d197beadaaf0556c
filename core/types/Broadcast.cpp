// SPDX-License-Identifier: GPL-3.0-or-later
// Live-streaming broadcasts: the broadcast object, lists and start options (reference §6).
#include "types/Broadcast.h"

#include "types/Archive.h"
#include "types/JsonReader.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace otadmin {

RtmpStatus rtmpStatusFromString(const QString &text)
{
    if (text == QLatin1String("connecting"))
        return RtmpStatus::Connecting;
    if (text == QLatin1String("live"))
        return RtmpStatus::Live;
    if (text == QLatin1String("offline"))
        return RtmpStatus::Offline;
    return RtmpStatus::Other;
}

std::optional<RtmpTarget> RtmpTarget::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    RtmpTarget t;
    r.read(QStringLiteral("id"), t.id);
    r.read(QStringLiteral("serverUrl"), t.serverUrl);
    r.read(QStringLiteral("streamName"), t.streamName);
    r.read(QStringLiteral("status"), t.status);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    return t;
}

std::optional<HlsOptions> HlsOptions::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    HlsOptions h;
    r.read(QStringLiteral("dvr"), h.dvr);
    r.read(QStringLiteral("lowLatency"), h.lowLatency);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    return h;
}

namespace {
Validation validateRtmp(const QString &prefix, const RtmpTarget &target)
{
    if (!target.id.isEmpty()) {
        if (auto v = validateText(prefix + QStringLiteral(".id"), target.id, 1, kMaxRtmpIdLength))
            return v;
    }
    const QString urlField = prefix + QStringLiteral(".serverUrl");
    const QUrl url(target.serverUrl, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (target.serverUrl.isEmpty())
        return FieldError {urlField, QStringLiteral("is required")};
    if (!url.isValid() || (scheme != QLatin1String("rtmp") && scheme != QLatin1String("rtmps"))
        || url.host().isEmpty() || hasControlCharacters(target.serverUrl)
        || target.serverUrl.contains(QLatin1Char(' ')))
        return FieldError {
            urlField, QStringLiteral("must be an rtmp:// or rtmps:// URL with a host")};
    const QString nameField = prefix + QStringLiteral(".streamName");
    if (target.streamName.isEmpty())
        return FieldError {nameField, QStringLiteral("is required")};
    return validateText(nameField, target.streamName, 1, kMaxRtmpStreamNameLength);
}
} // namespace

Validation BroadcastOptions::validate() const
{
    if (auto v = validateSessionId(QStringLiteral("sessionId"), sessionId))
        return v;
    if (!hls && rtmp.isEmpty())
        return FieldError {QStringLiteral("outputs"),
            QStringLiteral("must include HLS or at least one RTMP target")};
    if (hls && hls->dvr && hls->lowLatency)
        return FieldError {QStringLiteral("outputs.hls.lowLatency"),
            QStringLiteral("cannot be combined with dvr")};
    if (rtmp.size() > kMaxRtmpTargets)
        return FieldError {QStringLiteral("outputs.rtmp"),
            QStringLiteral("must have at most %1 targets").arg(kMaxRtmpTargets)};
    QSet<QString> ids;
    for (qsizetype i = 0; i < rtmp.size(); ++i) {
        const QString prefix = QStringLiteral("outputs.rtmp[%1]").arg(i);
        if (auto v = validateRtmp(prefix, rtmp[i]))
            return v;
        if (!rtmp[i].id.isEmpty()) {
            if (ids.contains(rtmp[i].id))
                return FieldError {prefix + QStringLiteral(".id"),
                    QStringLiteral("must be unique among the RTMP targets")};
            ids.insert(rtmp[i].id);
        }
    }
    if (!hasAudio && !hasVideo)
        return FieldError {QStringLiteral("hasAudio"),
            QStringLiteral("hasAudio and hasVideo cannot both be false")};
    if (layout) {
        if (auto v = prefixed(QStringLiteral("layout"), layout->validate()))
            return v;
    }
    if (maxDuration) {
        if (auto v = validateRange(QStringLiteral("maxDuration"), *maxDuration,
                kMinBroadcastDuration, kMaxBroadcastDuration, QStringLiteral("seconds")))
            return v;
    }
    if (maxBitrate) {
        if (auto v = validateRange(QStringLiteral("maxBitrate"), *maxBitrate, kMinMaxBitrate,
                kMaxMaxBitrate, QStringLiteral("bits per second")))
            return v;
    }
    if (!resolution.isEmpty() && !isValidResolution(resolution))
        return FieldError {QStringLiteral("resolution"),
            QStringLiteral("must be one of %1").arg(resolutions().join(QStringLiteral(", ")))};
    if (!multiBroadcastTag.isEmpty())
        return validateText(
            QStringLiteral("multiBroadcastTag"), multiBroadcastTag, 1, kMaxMultiTagLength);
    return std::nullopt;
}

QJsonObject BroadcastOptions::toJson() const
{
    QJsonObject outputs;
    if (hls)
        outputs.insert(QStringLiteral("hls"),
            QJsonObject {{QStringLiteral("dvr"), hls->dvr},
                {QStringLiteral("lowLatency"), hls->lowLatency}});
    if (!rtmp.isEmpty()) {
        QJsonArray targets;
        for (const RtmpTarget &t : rtmp) {
            QJsonObject target {{QStringLiteral("serverUrl"), t.serverUrl},
                {QStringLiteral("streamName"), t.streamName}};
            if (!t.id.isEmpty())
                target.insert(QStringLiteral("id"), t.id);
            targets.append(target);
        }
        outputs.insert(QStringLiteral("rtmp"), targets);
    }
    QJsonObject json {
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("outputs"), outputs},
        {QStringLiteral("streamMode"), toApiString(streamMode)},
        {QStringLiteral("hasAudio"), hasAudio},
        {QStringLiteral("hasVideo"), hasVideo},
    };
    if (layout)
        json.insert(QStringLiteral("layout"), layout->toJson());
    if (maxDuration)
        json.insert(QStringLiteral("maxDuration"), *maxDuration);
    if (maxBitrate)
        json.insert(QStringLiteral("maxBitrate"), *maxBitrate);
    if (!resolution.isEmpty())
        json.insert(QStringLiteral("resolution"), resolution);
    if (!multiBroadcastTag.isEmpty())
        json.insert(QStringLiteral("multiBroadcastTag"), multiBroadcastTag);
    return json;
}

QString toApiString(BroadcastStatus status)
{
    switch (status) {
    case BroadcastStatus::Started:
        return QStringLiteral("started");
    case BroadcastStatus::Stopped:
        return QStringLiteral("stopped");
    case BroadcastStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

BroadcastStatus broadcastStatusFromString(const QString &text)
{
    if (text == QLatin1String("started"))
        return BroadcastStatus::Started;
    if (text == QLatin1String("stopped"))
        return BroadcastStatus::Stopped;
    return BroadcastStatus::Unknown;
}

std::optional<Broadcast> Broadcast::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    Broadcast b;
    QString streamMode;
    QJsonObject urls;
    QJsonObject settings;
    r.read(QStringLiteral("id"), b.id, JsonReader::Required);
    r.read(QStringLiteral("sessionId"), b.sessionId, JsonReader::Required);
    r.read(QStringLiteral("status"), b.statusString, JsonReader::Required);
    r.readIdFallback(
        {QStringLiteral("projectId"), QStringLiteral("partnerId"), QStringLiteral("applicationId")},
        b.projectId);
    r.read(QStringLiteral("createdAt"), b.createdAt);
    r.read(QStringLiteral("updatedAt"), b.updatedAt);
    r.read(QStringLiteral("resolution"), b.resolution);
    r.read(QStringLiteral("maxDuration"), b.maxDuration);
    r.read(QStringLiteral("maxBitrate"), b.maxBitrate);
    r.read(QStringLiteral("streamMode"), streamMode);
    r.read(QStringLiteral("hasAudio"), b.hasAudio);
    r.read(QStringLiteral("hasVideo"), b.hasVideo);
    r.read(QStringLiteral("multiBroadcastTag"), b.multiBroadcastTag);
    r.readList(QStringLiteral("streams"), b.streams);
    r.read(QStringLiteral("broadcastUrls"), urls);
    r.read(QStringLiteral("settings"), settings);
    if (r.ok() && !urls.isEmpty()) {
        JsonReader u(urls);
        u.read(QStringLiteral("hls"), b.hlsUrl);
        u.read(QStringLiteral("hlsStatus"), b.hlsStatus);
        u.readList(QStringLiteral("rtmp"), b.rtmp);
        if (!u.ok())
            r.fail(JsonReader::nestedPath(QStringLiteral("broadcastUrls"), u.error()));
    }
    if (r.ok() && !settings.isEmpty()) {
        JsonReader s(settings);
        s.readObject(QStringLiteral("hls"), b.hlsSettings);
        if (!s.ok())
            r.fail(JsonReader::nestedPath(QStringLiteral("settings"), s.error()));
    }
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    b.status = broadcastStatusFromString(b.statusString);
    b.streamMode = streamModeFromString(streamMode);
    b.raw = r.object();
    return b;
}

} // namespace otadmin
