// SPDX-License-Identifier: GPL-3.0-or-later
// Composed-output layout of archives and broadcasts (reference §5.7, §6.6).
#include "types/Layout.h"

#include "types/Common.h"
#include "types/JsonReader.h"

namespace otadmin {

namespace {
struct TypeName
{
    Layout::Type type;
    const char *name;
};
constexpr TypeName kTypeNames[] = {
    {Layout::Type::BestFit, "bestFit"},
    {Layout::Type::Pip, "pip"},
    {Layout::Type::VerticalPresentation, "verticalPresentation"},
    {Layout::Type::HorizontalPresentation, "horizontalPresentation"},
    {Layout::Type::Custom, "custom"},
};
} // namespace

QString toApiString(Layout::Type type)
{
    for (const auto &entry : kTypeNames) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<Layout::Type> layoutTypeFromString(const QString &text)
{
    for (const auto &entry : kTypeNames) {
        if (text == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

Validation Layout::validate() const
{
    if (type == Type::Custom) {
        if (stylesheet.trimmed().isEmpty())
            return FieldError {
                QStringLiteral("stylesheet"), QStringLiteral("is required when type is custom")};
        if (!isValidUnicode(stylesheet))
            return FieldError {
                QStringLiteral("stylesheet"), QStringLiteral("must be valid Unicode text")};
        // CSS may span lines; any other control character (NUL, ESC, ...) is a paste error.
        for (const QChar c : stylesheet) {
            if (c.category() == QChar::Other_Control && c != QLatin1Char('\n')
                && c != QLatin1Char('\r') && c != QLatin1Char('\t'))
                return FieldError {QStringLiteral("stylesheet"),
                    QStringLiteral("must not contain control characters other than newlines "
                                   "and tabs")};
        }
        // Characters are code points (an emoji counts once), as for every other text limit.
        qsizetype codePoints = 0;
        for (const QChar c : stylesheet)
            codePoints += c.isLowSurrogate() ? 0 : 1;
        if (codePoints > kMaxLayoutStylesheetLength)
            return FieldError {QStringLiteral("stylesheet"),
                QStringLiteral("must be at most %1 characters").arg(kMaxLayoutStylesheetLength)};
    } else if (!stylesheet.isEmpty()) {
        return FieldError {
            QStringLiteral("stylesheet"), QStringLiteral("is only allowed when type is custom")};
    }
    if (screenshareType) {
        if (type != Type::BestFit)
            return FieldError {QStringLiteral("screenshareType"),
                QStringLiteral("is only allowed when type is bestFit")};
        if (*screenshareType == Type::Custom)
            return FieldError {QStringLiteral("screenshareType"),
                QStringLiteral("must be one of bestFit, pip, verticalPresentation, "
                               "horizontalPresentation")};
    }
    return std::nullopt;
}

QJsonObject Layout::toJson() const
{
    QJsonObject json {{QStringLiteral("type"), toApiString(type)}};
    if (!stylesheet.isEmpty())
        json.insert(QStringLiteral("stylesheet"), stylesheet);
    if (screenshareType)
        json.insert(QStringLiteral("screenshareType"), toApiString(*screenshareType));
    return json;
}

std::optional<Layout> Layout::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    QString typeText;
    QString screenshareText;
    Layout layout;
    r.read(QStringLiteral("type"), typeText, JsonReader::Required);
    r.read(QStringLiteral("stylesheet"), layout.stylesheet);
    r.read(QStringLiteral("screenshareType"), screenshareText);
    if (r.ok()) {
        if (const auto t = layoutTypeFromString(typeText))
            layout.type = *t;
        else
            r.fail(
                QStringLiteral("type"), QStringLiteral("unknown layout type \"%1\"").arg(typeText));
    }
    if (r.ok() && !screenshareText.isEmpty()) {
        layout.screenshareType = layoutTypeFromString(screenshareText);
        if (!layout.screenshareType)
            r.fail(QStringLiteral("screenshareType"),
                QStringLiteral("unknown layout type \"%1\"").arg(screenshareText));
    }
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    return layout;
}

} // namespace otadmin
