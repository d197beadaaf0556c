// SPDX-License-Identifier: GPL-3.0-or-later
// Live-streaming broadcasts: the broadcast object, lists and start options (reference §6).
#pragma once

#include "types/Common.h"
#include "types/FieldError.h"
#include "types/ItemList.h"
#include "types/Layout.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace otadmin {

/// At most this many RTMP targets per broadcast (§6.2; the service answers 400 beyond).
inline constexpr int kMaxRtmpTargets = 5;
/// maxDuration bounds in seconds (§6.2): 1 minute to 10 hours; the service default is 4 h.
inline constexpr int kMinBroadcastDuration = 60;
inline constexpr int kMaxBroadcastDuration = 36000;
/// Longest RTMP label and stream name we send, in characters. The reference gives none;
/// real stream keys are well under 200 characters.
inline constexpr int kMaxRtmpIdLength = 200;
inline constexpr int kMaxRtmpStreamNameLength = 1000;

/// State of one RTMP target (§6.1). Anything but connecting/live/offline (e.g. "error") is
/// Other and should be shown as failed.
enum class RtmpStatus
{
    Connecting,
    Live,
    Offline,
    Other
};
RtmpStatus rtmpStatusFromString(const QString &text);

/// One RTMP output. In start options `status` is ignored; in a parsed broadcast every field
/// is optional.
struct RtmpTarget
{
    /// Optional label, unique within the broadcast.
    QString id;
    /// rtmp:// or rtmps:// URL with a host, e.g. "rtmps://a.rtmp.example/live2".
    QString serverUrl;
    /// The stream key. A secret for most platforms: do not log.
    QString streamName;
    /// As sent by the server ("connecting", "live", "offline", …).
    QString status;

    RtmpStatus state() const { return rtmpStatusFromString(status); }
    static std::optional<RtmpTarget> fromJson(const QJsonValue &json, QString *error = nullptr);
};

/// HLS output options; DVR and low latency are mutually exclusive.
struct HlsOptions
{
    bool dvr = false;
    bool lowLatency = false;

    static std::optional<HlsOptions> fromJson(const QJsonValue &json, QString *error = nullptr);
};

/// Body of POST /broadcast (§6.2). Modes and track booleans are always sent explicitly;
/// unset optionals and empty strings are not sent.
struct BroadcastOptions
{
    QString sessionId;
    /// Present = HLS output requested (sent as {"dvr":…, "lowLatency":…}).
    std::optional<HlsOptions> hls;
    /// Up to kMaxRtmpTargets; empty = no RTMP output. At least one of hls/rtmp is required.
    QList<RtmpTarget> rtmp;
    std::optional<Layout> layout;
    /// Seconds, kMinBroadcastDuration–kMaxBroadcastDuration.
    std::optional<int> maxDuration;
    /// Video bits per second, kMinMaxBitrate–kMaxMaxBitrate (types/Archive.h).
    std::optional<int> maxBitrate;
    /// One of resolutions(); empty = service default (640x480).
    QString resolution;
    StreamMode streamMode = StreamMode::Auto;
    /// Distinguishes simultaneous broadcasts of one session; at most kMaxMultiTagLength chars.
    QString multiBroadcastTag;
    /// Not both false (as for archives).
    bool hasAudio = true;
    bool hasVideo = true;

    /// Fields: "sessionId", "outputs", "outputs.hls.lowLatency", "outputs.rtmp",
    /// "outputs.rtmp[2].serverUrl", "outputs.rtmp[0].streamName", "outputs.rtmp[1].id",
    /// "layout.…", "maxDuration", "maxBitrate", "resolution", "multiBroadcastTag", "hasAudio".
    Validation validate() const;
    QJsonObject toJson() const;
};

/// `started` until stopped or maxDuration ends it, then `stopped` for good. Unknown keeps a
/// new status parseable (text in Broadcast::statusString).
enum class BroadcastStatus
{
    Started,
    Stopped,
    Unknown
};
QString toApiString(BroadcastStatus status);
BroadcastStatus broadcastStatusFromString(const QString &text);

/// A broadcast as the service reports it (§6.1). Required: id, sessionId, status.
struct Broadcast
{
    QString id;
    QString sessionId;
    /// From `projectId`, else `partnerId`, else `applicationId` (number or string).
    QString projectId;
    /// Unix milliseconds; 0 when absent.
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    QString resolution;
    BroadcastStatus status = BroadcastStatus::Unknown;
    QString statusString;
    /// Seconds, as requested or the default in effect.
    std::optional<int> maxDuration;
    /// Bits per second.
    std::optional<int> maxBitrate;
    /// nullopt when absent or unknown (see raw).
    std::optional<StreamMode> streamMode;
    bool hasAudio = true;
    bool hasVideo = true;
    QString multiBroadcastTag;
    /// broadcastUrls.hls: the .m3u8 playlist (with "?DVR" when DVR is on); empty without HLS.
    QString hlsUrl;
    /// broadcastUrls.hlsStatus: connecting, ready, live, ended, error.
    QString hlsStatus;
    /// broadcastUrls.rtmp.
    QList<RtmpTarget> rtmp;
    /// settings.hls: HLS options in effect.
    std::optional<HlsOptions> hlsSettings;
    /// Started manual-mode broadcasts only.
    QList<StreamInclusion> streams;
    QJsonObject raw;

    static std::optional<Broadcast> fromJson(const QJsonValue &json, QString *error = nullptr);
};

/// One page of GET /broadcast; `count` is the total number of matches (§6.5).
using BroadcastList = ItemList<Broadcast>;

} // namespace otadmin
