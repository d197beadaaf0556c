// SPDX-License-Identifier: GPL-3.0-or-later
// Body parsing and shared validation rules.
#include "RequestRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <cmath>

namespace otadmin::sandbox::rules {

namespace {

QJsonValue stripNulls(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            if (!it.value().isNull())
                out.insert(it.key(), stripNulls(it.value()));
        return out;
    }
    return value;
}

const QStringList &layoutTypes()
{
    static const QStringList types {QStringLiteral("bestFit"), QStringLiteral("pip"),
        QStringLiteral("verticalPresentation"), QStringLiteral("horizontalPresentation"),
        QStringLiteral("custom")};
    return types;
}

} // namespace

bool parseJsonObject(const QByteArray &body, bool emptyAllowed, QJsonObject *out, QString *error)
{
    if (body.trimmed().isEmpty()) {
        if (emptyAllowed) {
            *out = {};
            return true;
        }
        *error = QStringLiteral("A JSON body is required");
        return false;
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("Invalid JSON: %1").arg(parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("The JSON body must be an object");
        return false;
    }
    *out = stripNulls(doc.object()).toObject();
    return true;
}

QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return out;
}

bool isIPv4(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$)"));
    return re.match(text).hasMatch();
}

bool isResolution(const QString &text)
{
    static const QStringList all {QStringLiteral("640x480"), QStringLiteral("480x640"),
        QStringLiteral("1280x720"), QStringLiteral("720x1280"), QStringLiteral("1920x1080"),
        QStringLiteral("1080x1920")};
    return all.contains(text);
}

QString layoutError(const QJsonObject &layout)
{
    const QJsonValue type = layout.value(QLatin1String("type"));
    if (!type.isString() || !layoutTypes().contains(type.toString()))
        return QStringLiteral("Invalid layout type");
    const bool custom = type.toString() == u"custom";
    const QJsonValue stylesheet = layout.value(QLatin1String("stylesheet"));
    if (custom && (!stylesheet.isString() || stylesheet.toString().isEmpty()))
        return QStringLiteral("A custom layout needs a stylesheet");
    if (!custom && layout.contains(QLatin1String("stylesheet")))
        return QStringLiteral("A stylesheet is only allowed with the custom layout type");
    if (layout.contains(QLatin1String("screenshareType"))) {
        const QJsonValue share = layout.value(QLatin1String("screenshareType"));
        if (type.toString() != u"bestFit")
            return QStringLiteral("screenshareType is only allowed with the bestFit layout type");
        if (!share.isString() || share.toString() == u"custom"
            || !layoutTypes().contains(share.toString()))
            return QStringLiteral("Invalid screenshareType");
    }
    return {};
}

std::optional<bool> optionalBool(const QJsonObject &object, const QString &key, bool fallback)
{
    if (!object.contains(key))
        return fallback;
    const QJsonValue v = object.value(key);
    if (!v.isBool())
        return std::nullopt;
    return v.toBool();
}

std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (std::floor(d) != d || std::abs(d) > 9.0e15)
        return std::nullopt;
    return static_cast<qint64>(d);
}

std::optional<Page> parsePage(const QString &query, QString *sessionId, QString *error)
{
    const QUrlQuery q(query);
    Page page;
    const auto number = [&](const char *name, qint64 *out) {
        if (!q.hasQueryItem(QLatin1String(name)))
            return true;
        bool ok = false;
        const qint64 n = q.queryItemValue(QLatin1String(name)).toLongLong(&ok);
        if (!ok || n < 0) {
            *error = QStringLiteral("Invalid %1").arg(QLatin1String(name));
            return false;
        }
        *out = n;
        return true;
    };
    if (!number("offset", &page.offset) || !number("count", &page.count))
        return std::nullopt;
    if (page.count > 1000) {
        *error = QStringLiteral("count must be at most 1000");
        return std::nullopt;
    }
    *sessionId = q.queryItemValue(QStringLiteral("sessionId"), QUrl::FullyDecoded);
    return page;
}

} // namespace otadmin::sandbox::rules
