// SPDX-License-Identifier: GPL-3.0-or-later
// Archive objects, archive lists and the start-archive options (reference §5.1, §5.2, §5.6).
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

/// Lifecycle of an archive (§5.1). Unknown keeps a status this client does not know yet
/// parseable; its text stays in Archive::statusString.
enum class ArchiveStatus
{
    Started,
    Paused,
    Stopped,
    Available,
    Uploaded,
    Expired,
    Failed,
    Deleted,
    Unknown
};
QString toApiString(ArchiveStatus status);
/// Unrecognised text gives ArchiveStatus::Unknown (never fails).
ArchiveStatus archiveStatusFromString(const QString &text);
/// True once the archive can no longer change by itself (available, uploaded, expired,
/// failed, deleted): pollers stop there. `available` still turns into `expired` after 72 h,
/// but that is not worth polling for.
bool isFinal(ArchiveStatus status);

/// Video bit-rate bounds for composed archives and broadcasts, in bits per second (§5.2, §6.2).
inline constexpr int kMinMaxBitrate = 100000;
inline constexpr int kMaxMaxBitrate = 6000000;
/// Quantization parameter bounds (§5.2): lower = better quality, variable bit rate.
inline constexpr int kMinQuantizationParameter = 15;
inline constexpr int kMaxQuantizationParameter = 40;
/// Name and tag limits for archives and broadcasts, in characters. The reference states none
/// for start calls ("free text"); 200 is well above the 80 the platform documents for
/// auto-archive names and keeps list columns and file names usable.
inline constexpr int kMaxArchiveNameLength = 200;
inline constexpr int kMaxMultiTagLength = 200;

/// Transcription settings of the newer transcription feature (Vonage JS types, §5.2).
struct TranscriptionProperties
{
    /// BCP 47 language tag such as "en-US"; empty = not sent (service default).
    QString primaryLanguageCode;
    bool hasSummary = false;

    Validation validate() const;
    QJsonObject toJson() const;
    static std::optional<TranscriptionProperties> fromJson(
        const QJsonValue &json, QString *error = nullptr);
    friend bool operator==(
        const TranscriptionProperties &, const TranscriptionProperties &) = default;
};

/// An archive as the service reports it. Only `id`, `status` and `sessionId` are required
/// (§5.1); every other field keeps its default when absent or null.
struct Archive
{
    QString id;
    ArchiveStatus status = ArchiveStatus::Unknown;
    /// The status text exactly as sent (useful when `status` is Unknown).
    QString statusString;
    /// Name given at start; empty when the server sent null or nothing.
    QString name;
    /// Why a `stopped`/`failed` archive ended; usually empty.
    QString reason;
    QString sessionId;
    /// API key, from `projectId`, else `partnerId` (older answers), else `applicationId`;
    /// number or string on the wire.
    QString projectId;
    /// Start time, Unix milliseconds.
    qint64 createdAt = 0;
    /// File size in bytes; 0 until the file exists.
    qint64 size = 0;
    /// Recorded length in **seconds** (not milliseconds, whatever the Go SDK says).
    qint64 duration = 0;
    /// nullopt when absent or a value this client does not know (see `raw`).
    std::optional<OutputMode> outputMode;
    /// nullopt when absent or a value this client does not know (see `raw`).
    std::optional<StreamMode> streamMode;
    bool hasAudio = true;
    bool hasVideo = true;
    /// Composed archives only; empty otherwise.
    QString resolution;
    /// Download URL while `available`, valid for about 10 minutes (fetch the archive again for a
    /// fresh one); empty when null (e.g. `uploaded`).
    QString url;
    /// Streams of a started manual-mode archive.
    QList<StreamInclusion> streams;
    /// Bits per second, when set at start.
    std::optional<int> maxBitrate;
    std::optional<int> quantizationParameter;
    QString multiArchiveTag;
    /// Password of an encrypted archive (storage with an encryption key). A secret: never log.
    QString password;
    bool hasTranscription = false;
    std::optional<TranscriptionProperties> transcriptionProperties;
    /// Everything the server sent, for "show raw" and export. About 1.5 KB per archive: the
    /// GUI's list model drops it (see ArchiveListModel).
    QJsonObject raw;

    static std::optional<Archive> fromJson(const QJsonValue &json, QString *error = nullptr);
    /// Every field, `raw` included.
    friend bool operator==(const Archive &, const Archive &) = default;
};

/// One page of GET /archive; `count` is the total number of matches (§5.6).
using ArchiveList = ItemList<Archive>;

/// Body of POST /archive (§5.2). Unset optionals and empty strings are not sent; the modes
/// and both track booleans are always sent explicitly.
struct ArchiveOptions
{
    QString sessionId;
    /// Free text, at most kMaxArchiveNameLength characters; empty = no name.
    QString name;
    /// Not both false.
    bool hasAudio = true;
    bool hasVideo = true;
    OutputMode outputMode = OutputMode::Composed;
    /// One of resolutions(); composed only; empty = service default (640x480).
    QString resolution;
    /// Composed only; absent = bestFit.
    std::optional<Layout> layout;
    StreamMode streamMode = StreamMode::Auto;
    /// Distinguishes simultaneous archives of one session; needed to start an archive by hand
    /// in an auto-archived session. At most kMaxMultiTagLength characters.
    QString multiArchiveTag;
    /// Video bits per second, kMinMaxBitrate–kMaxMaxBitrate; composed only; not with
    /// quantizationParameter.
    std::optional<int> maxBitrate;
    /// 15–40; composed only; not with maxBitrate.
    std::optional<int> quantizationParameter;
    /// Sent only when true.
    bool hasTranscription = false;
    /// Only with hasTranscription.
    std::optional<TranscriptionProperties> transcriptionProperties;

    /// Fields use the API names: "sessionId", "hasAudio", "resolution", "layout.stylesheet",
    /// "maxBitrate", "quantizationParameter", "name", "multiArchiveTag",
    /// "transcriptionProperties.primaryLanguageCode", …
    Validation validate() const;
    QJsonObject toJson() const;
};

} // namespace otadmin
