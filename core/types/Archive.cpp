// SPDX-License-Identifier: GPL-3.0-or-later
// Archive objects, archive lists and the start-archive options (reference §5.1, §5.2, §5.6).
#include "types/Archive.h"

#include "types/JsonReader.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace otadmin {

namespace {
struct StatusName
{
    ArchiveStatus status;
    const char *name;
};
constexpr StatusName kStatusNames[] = {
    {ArchiveStatus::Started, "started"},
    {ArchiveStatus::Paused, "paused"},
    {ArchiveStatus::Stopped, "stopped"},
    {ArchiveStatus::Available, "available"},
    {ArchiveStatus::Uploaded, "uploaded"},
    {ArchiveStatus::Expired, "expired"},
    {ArchiveStatus::Failed, "failed"},
    {ArchiveStatus::Deleted, "deleted"},
};

QString composedOnly()
{
    return QStringLiteral("is only allowed with outputMode composed");
}
} // namespace

QString toApiString(ArchiveStatus status)
{
    for (const auto &entry : kStatusNames) {
        if (entry.status == status)
            return QString::fromLatin1(entry.name);
    }
    return QStringLiteral("unknown");
}

ArchiveStatus archiveStatusFromString(const QString &text)
{
    for (const auto &entry : kStatusNames) {
        if (text == QLatin1String(entry.name))
            return entry.status;
    }
    return ArchiveStatus::Unknown;
}

bool isFinal(ArchiveStatus status)
{
    switch (status) {
    case ArchiveStatus::Available:
    case ArchiveStatus::Uploaded:
    case ArchiveStatus::Expired:
    case ArchiveStatus::Failed:
    case ArchiveStatus::Deleted:
        return true;
    case ArchiveStatus::Started:
    case ArchiveStatus::Paused:
    case ArchiveStatus::Stopped:
    case ArchiveStatus::Unknown:
        break;
    }
    return false;
}

Validation TranscriptionProperties::validate() const
{
    // A BCP 47 tag in its common shape: language, then subtags ("en", "en-US", "zh-Hant-TW").
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"));
    if (!primaryLanguageCode.isEmpty() && !tag.match(primaryLanguageCode).hasMatch())
        return FieldError {QStringLiteral("primaryLanguageCode"),
            QStringLiteral("must be a language tag such as en-US")};
    return std::nullopt;
}

QJsonObject TranscriptionProperties::toJson() const
{
    QJsonObject json {{QStringLiteral("hasSummary"), hasSummary}};
    if (!primaryLanguageCode.isEmpty())
        json.insert(QStringLiteral("primaryLanguageCode"), primaryLanguageCode);
    return json;
}

std::optional<TranscriptionProperties> TranscriptionProperties::fromJson(
    const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    TranscriptionProperties p;
    r.read(QStringLiteral("primaryLanguageCode"), p.primaryLanguageCode);
    r.read(QStringLiteral("hasSummary"), p.hasSummary);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    return p;
}

std::optional<Archive> Archive::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    Archive a;
    QString outputMode;
    QString streamMode;
    r.read(QStringLiteral("id"), a.id, JsonReader::Required);
    r.read(QStringLiteral("status"), a.statusString, JsonReader::Required);
    r.read(QStringLiteral("sessionId"), a.sessionId, JsonReader::Required);
    r.read(QStringLiteral("name"), a.name);
    r.read(QStringLiteral("reason"), a.reason);
    r.readIdFallback(
        {QStringLiteral("projectId"), QStringLiteral("partnerId"), QStringLiteral("applicationId")},
        a.projectId);
    r.read(QStringLiteral("createdAt"), a.createdAt);
    r.read(QStringLiteral("size"), a.size);
    r.read(QStringLiteral("duration"), a.duration);
    r.read(QStringLiteral("outputMode"), outputMode);
    r.read(QStringLiteral("streamMode"), streamMode);
    r.read(QStringLiteral("hasAudio"), a.hasAudio);
    r.read(QStringLiteral("hasVideo"), a.hasVideo);
    r.read(QStringLiteral("resolution"), a.resolution);
    r.read(QStringLiteral("url"), a.url);
    r.readList(QStringLiteral("streams"), a.streams);
    r.read(QStringLiteral("maxBitrate"), a.maxBitrate);
    r.read(QStringLiteral("quantizationParameter"), a.quantizationParameter);
    r.read(QStringLiteral("multiArchiveTag"), a.multiArchiveTag);
    r.read(QStringLiteral("password"), a.password);
    r.read(QStringLiteral("hasTranscription"), a.hasTranscription);
    r.readObject(QStringLiteral("transcriptionProperties"), a.transcriptionProperties);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    a.status = archiveStatusFromString(a.statusString);
    a.outputMode = outputModeFromString(outputMode);
    a.streamMode = streamModeFromString(streamMode);
    a.raw = r.object();
    return a;
}

Validation ArchiveOptions::validate() const
{
    if (auto v = validateSessionId(QStringLiteral("sessionId"), sessionId))
        return v;
    if (!hasAudio && !hasVideo)
        return FieldError {QStringLiteral("hasAudio"),
            QStringLiteral("hasAudio and hasVideo cannot both be false")};
    if (!name.isEmpty()) {
        if (auto v = validateText(QStringLiteral("name"), name, 1, kMaxArchiveNameLength))
            return v;
    }
    if (!multiArchiveTag.isEmpty()) {
        if (auto v = validateText(
                QStringLiteral("multiArchiveTag"), multiArchiveTag, 1, kMaxMultiTagLength))
            return v;
    }
    const bool composed = outputMode == OutputMode::Composed;
    if (!resolution.isEmpty()) {
        if (!composed)
            return FieldError {QStringLiteral("resolution"), composedOnly()};
        if (!isValidResolution(resolution))
            return FieldError {QStringLiteral("resolution"),
                QStringLiteral("must be one of %1").arg(resolutions().join(QStringLiteral(", ")))};
    }
    if (layout) {
        if (!composed)
            return FieldError {QStringLiteral("layout"), composedOnly()};
        if (auto v = prefixed(QStringLiteral("layout"), layout->validate()))
            return v;
    }
    if (maxBitrate && quantizationParameter)
        return FieldError {QStringLiteral("quantizationParameter"),
            QStringLiteral("cannot be combined with maxBitrate")};
    if (maxBitrate) {
        if (!composed)
            return FieldError {QStringLiteral("maxBitrate"), composedOnly()};
        if (auto v = validateRange(QStringLiteral("maxBitrate"), *maxBitrate, kMinMaxBitrate,
                kMaxMaxBitrate, QStringLiteral("bits per second")))
            return v;
    }
    if (quantizationParameter) {
        if (!composed)
            return FieldError {QStringLiteral("quantizationParameter"), composedOnly()};
        if (auto v = validateRange(QStringLiteral("quantizationParameter"), *quantizationParameter,
                kMinQuantizationParameter, kMaxQuantizationParameter))
            return v;
    }
    if (transcriptionProperties) {
        if (!hasTranscription)
            return FieldError {QStringLiteral("transcriptionProperties"),
                QStringLiteral("is only allowed when hasTranscription is true")};
        if (auto v = prefixed(
                QStringLiteral("transcriptionProperties"), transcriptionProperties->validate()))
            return v;
    }
    return std::nullopt;
}

QJsonObject ArchiveOptions::toJson() const
{
    QJsonObject json {
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("hasAudio"), hasAudio},
        {QStringLiteral("hasVideo"), hasVideo},
        {QStringLiteral("outputMode"), toApiString(outputMode)},
        {QStringLiteral("streamMode"), toApiString(streamMode)},
    };
    if (!name.isEmpty())
        json.insert(QStringLiteral("name"), name);
    if (!resolution.isEmpty())
        json.insert(QStringLiteral("resolution"), resolution);
    if (layout)
        json.insert(QStringLiteral("layout"), layout->toJson());
    if (!multiArchiveTag.isEmpty())
        json.insert(QStringLiteral("multiArchiveTag"), multiArchiveTag);
    if (maxBitrate)
        json.insert(QStringLiteral("maxBitrate"), *maxBitrate);
    if (quantizationParameter)
        json.insert(QStringLiteral("quantizationParameter"), *quantizationParameter);
    if (hasTranscription)
        json.insert(QStringLiteral("hasTranscription"), true);
    if (transcriptionProperties)
        json.insert(QStringLiteral("transcriptionProperties"), transcriptionProperties->toJson());
    return json;
}

} // namespace otadmin
