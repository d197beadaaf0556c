// SPDX-License-Identifier: GPL-3.0-or-later
// Small types and validators shared by archives, broadcasts, sessions and SIP calls.
#pragma once

#include "types/FieldError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace otadmin {

/// Which streams a composed archive or broadcast records: all of them (auto) or only those
/// added with StreamSelectionChange (manual, reference §5.8).
enum class StreamMode
{
    Auto,
    Manual
};
QString toApiString(StreamMode mode);
std::optional<StreamMode> streamModeFromString(const QString &text);

/// One MP4 for all streams (composed) or a ZIP of per-stream files (individual).
/// Resolution, layout, maxBitrate and quantizationParameter apply to composed only.
enum class OutputMode
{
    Composed,
    Individual
};
QString toApiString(OutputMode mode);
std::optional<OutputMode> outputModeFromString(const QString &text);

/// The six resolutions the service accepts for archives, auto-archives and broadcasts
/// (§2.1, §5.2, §6.2), landscape then portrait. The service default is "640x480".
const QStringList &resolutions();
bool isValidResolution(const QString &resolution);

/// Longest opaque ID we accept (session IDs are documented as up to 255 characters, §2.1; we
/// apply the same bound to every other ID).
inline constexpr int kMaxIdLength = 255;

/// Checks an opaque ID (archive, broadcast, stream, connection, project key…) typed by a user
/// before it goes into a URL path. The service does not document the format (§0), so only
/// what is always a mistake is refused: empty, longer than 255, whitespace or control
/// characters, invisible format characters (zero-width, bidi overrides, BOM), invalid UTF-16
/// or U+FFFD (the trace of a failed decode), and `/ ? # %` (which would change the URL's
/// meaning even though path segments are percent-encoded anyway).
Validation validateId(const QString &field, const QString &value);

/// Session IDs contain only `[A-Za-z0-9_-]` (§1.1), up to 255 characters.
Validation validateSessionId(const QString &field, const QString &value);

/// "must be between 100000 and 6000000 bits per second" unless min <= value <= max.
/// `unit` is the plural unit name ("seconds", "bits per second"), or empty.
Validation validateRange(
    const QString &field, qint64 value, qint64 min, qint64 max, const QString &unit = {});

/// Free text sent to the service (names, tags): at most `maxChars` Unicode characters (code
/// points, so an emoji counts once), valid UTF-16 (no lone surrogates) and no control
/// characters. `minChars` of 0 allows the empty string.
Validation validateText(const QString &field, const QString &value, int minChars, int maxChars);

/// Text whose limit the service states in bytes of UTF-8 (signal type and data, §4.1).
/// `allowControl` lets data carry newlines and tabs.
Validation validateUtf8Bytes(
    const QString &field, const QString &value, int maxBytes, bool allowControl);

/// True when the string survives a UTF-8 round trip (no lone surrogates).
bool isValidUnicode(const QString &value);
/// True for C0/C1 control characters (including CR, LF, TAB and NUL).
bool hasControlCharacters(const QString &value);

/// Re-labels a nested validator's field: ("layout", {"stylesheet", m}) -> {"layout.stylesheet", m}.
Validation prefixed(const QString &prefix, Validation validation);

/// One entry of the `streams` array of a started manual-mode archive or broadcast: which
/// tracks of that stream are being recorded (both true unless changed with
/// StreamSelectionChange).
struct StreamInclusion
{
    QString streamId;
    bool hasAudio = true;
    bool hasVideo = true;

    /// `streamId` is required; missing booleans mean true (the service default).
    static std::optional<StreamInclusion> fromJson(
        const QJsonValue &json, QString *error = nullptr);
    friend bool operator==(const StreamInclusion &, const StreamInclusion &) = default;
};

/// Body of `PATCH /archive/{id}/streams` and `PATCH /broadcast/{id}/streams` (§5.8, §6.7):
/// add a stream (or change the tracks of one already added) or remove one; manual stream
/// mode only. Adding always sends both booleans explicitly, because Node's SDK showed that
/// relying on defaults can silently include a track.
struct StreamSelectionChange
{
    enum class Op
    {
        Add,
        Remove
    };
    Op op = Op::Add;
    QString streamId;
    bool hasAudio = true;
    bool hasVideo = true;

    /// Field "addStream" or "removeStream", checked with validateId.
    Validation validate() const;
    /// {"addStream": id, "hasAudio": b, "hasVideo": b} or {"removeStream": id}.
    QJsonObject toJson() const;
};

} // namespace otadmin
