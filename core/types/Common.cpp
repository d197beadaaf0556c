// SPDX-License-Identifier: GPL-3.0-or-later
// Small types and validators shared by archives, broadcasts, sessions and SIP calls.
#include "types/Common.h"

#include "types/JsonReader.h"

namespace otadmin {

QString toApiString(StreamMode mode)
{
    return mode == StreamMode::Manual ? QStringLiteral("manual") : QStringLiteral("auto");
}

std::optional<StreamMode> streamModeFromString(const QString &text)
{
    if (text == QLatin1String("auto"))
        return StreamMode::Auto;
    if (text == QLatin1String("manual"))
        return StreamMode::Manual;
    return std::nullopt;
}

QString toApiString(OutputMode mode)
{
    return mode == OutputMode::Individual ? QStringLiteral("individual")
                                          : QStringLiteral("composed");
}

std::optional<OutputMode> outputModeFromString(const QString &text)
{
    if (text == QLatin1String("composed"))
        return OutputMode::Composed;
    if (text == QLatin1String("individual"))
        return OutputMode::Individual;
    return std::nullopt;
}

const QStringList &resolutions()
{
    static const QStringList list {
        QStringLiteral("640x480"),
        QStringLiteral("1280x720"),
        QStringLiteral("1920x1080"),
        QStringLiteral("480x640"),
        QStringLiteral("720x1280"),
        QStringLiteral("1080x1920"),
    };
    return list;
}

bool isValidResolution(const QString &resolution)
{
    return resolutions().contains(resolution);
}

bool isValidUnicode(const QString &value)
{
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= value.size() || !value.at(i + 1).isLowSurrogate())
                return false;
            ++i;
        } else if (c.isLowSurrogate()) {
            return false;
        }
    }
    return true;
}

bool hasControlCharacters(const QString &value)
{
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

Validation validateId(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return FieldError {field, QStringLiteral("must not be empty")};
    if (value.size() > kMaxIdLength)
        return FieldError {
            field, QStringLiteral("must be at most %1 characters").arg(kMaxIdLength)};
    if (!isValidUnicode(value) || value.contains(QChar::ReplacementCharacter))
        return FieldError {field, QStringLiteral("must be valid Unicode text")};
    for (const QChar c : value) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return FieldError {
                field, QStringLiteral("must not contain whitespace or control characters")};
        // Zero-width characters, bidirectional overrides and the BOM: invisible in a pasted
        // ID, so never part of one (and a spoofing vector when shown back).
        if (c.category() == QChar::Other_Format)
            return FieldError {field,
                QStringLiteral("must not contain invisible formatting characters "
                               "(zero-width, bidirectional overrides)")};
        if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#')
            || c == QLatin1Char('%'))
            return FieldError {field, QStringLiteral("must not contain '/', '?', '#' or '%'")};
    }
    return std::nullopt;
}

Validation validateSessionId(const QString &field, const QString &value)
{
    if (value.isEmpty())
        return FieldError {field, QStringLiteral("must not be empty")};
    if (value.size() > kMaxIdLength)
        return FieldError {
            field, QStringLiteral("must be at most %1 characters").arg(kMaxIdLength)};
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z')
            || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!allowed)
            return FieldError {field,
                QStringLiteral("may only contain letters A-Z and a-z, digits, "
                               "'_' and '-'")};
    }
    return std::nullopt;
}

Validation validateRange(
    const QString &field, qint64 value, qint64 min, qint64 max, const QString &unit)
{
    if (value >= min && value <= max)
        return std::nullopt;
    QString message = QStringLiteral("must be between %1 and %2").arg(min).arg(max);
    if (!unit.isEmpty())
        message += QLatin1Char(' ') + unit;
    return FieldError {field, message};
}

Validation validateText(const QString &field, const QString &value, int minChars, int maxChars)
{
    if (!isValidUnicode(value))
        return FieldError {field, QStringLiteral("must be valid Unicode text")};
    if (hasControlCharacters(value))
        return FieldError {field, QStringLiteral("must not contain control characters")};
    qsizetype codePoints = 0;
    for (const QChar c : value) {
        if (!c.isLowSurrogate())
            ++codePoints;
    }
    if (codePoints < minChars || codePoints > maxChars) {
        if (minChars <= 0)
            return FieldError {
                field, QStringLiteral("must be at most %1 characters").arg(maxChars)};
        return FieldError {field,
            QStringLiteral("must be between %1 and %2 characters").arg(minChars).arg(maxChars)};
    }
    return std::nullopt;
}

Validation validateUtf8Bytes(
    const QString &field, const QString &value, int maxBytes, bool allowControl)
{
    if (!isValidUnicode(value))
        return FieldError {field, QStringLiteral("must be valid Unicode text")};
    if (!allowControl && hasControlCharacters(value))
        return FieldError {field, QStringLiteral("must not contain control characters")};
    if (value.toUtf8().size() > maxBytes)
        return FieldError {
            field, QStringLiteral("must be at most %1 bytes when encoded as UTF-8").arg(maxBytes)};
    return std::nullopt;
}

Validation prefixed(const QString &prefix, Validation validation)
{
    if (validation && !prefix.isEmpty())
        validation->field = validation->field.isEmpty() ? prefix
                                                        : prefix
                + (validation->field.startsWith(QLatin1Char('[')) ? QString() : QStringLiteral("."))
                + validation->field;
    return validation;
}

std::optional<StreamInclusion> StreamInclusion::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    StreamInclusion s;
    r.read(QStringLiteral("streamId"), s.streamId, JsonReader::Required);
    r.read(QStringLiteral("hasAudio"), s.hasAudio);
    r.read(QStringLiteral("hasVideo"), s.hasVideo);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    return s;
}

Validation StreamSelectionChange::validate() const
{
    return validateId(
        op == Op::Add ? QStringLiteral("addStream") : QStringLiteral("removeStream"), streamId);
}

QJsonObject StreamSelectionChange::toJson() const
{
    if (op == Op::Remove)
        return QJsonObject {{QStringLiteral("removeStream"), streamId}};
    return QJsonObject {{QStringLiteral("addStream"), streamId},
        {QStringLiteral("hasAudio"), hasAudio}, {QStringLiteral("hasVideo"), hasVideo}};
}

} // namespace otadmin
