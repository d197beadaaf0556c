// SPDX-License-Identifier: GPL-3.0-or-later
// Archive upload target, PUT /archive/storage (reference §5.9).
#include "types/Storage.h"

#include "types/Common.h"
#include "types/JsonReader.h"

#include <QRegularExpression>
#include <QUrl>

namespace otadmin {

namespace {
Validation required(const QString &name, const QString &value)
{
    const QString field = QStringLiteral("config.") + name;
    if (value.isEmpty())
        return FieldError {field, QStringLiteral("is required")};
    if (!isValidUnicode(value) || hasControlCharacters(value))
        return FieldError {field, QStringLiteral("must not contain control characters")};
    return std::nullopt;
}

bool matches(const char *pattern, const QString &value)
{
    return QRegularExpression(QString::fromLatin1(pattern)).match(value).hasMatch();
}
} // namespace

Validation StorageTarget::validate() const
{
    if (type == Type::S3) {
        for (const auto &[name, value] : {std::pair {"accessKey", &accessKey},
                 std::pair {"secretKey", &secretKey}, std::pair {"bucket", &bucket}}) {
            if (auto v = required(QString::fromLatin1(name), *value))
                return v;
        }
        if (!matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", bucket)
            || bucket.contains(QLatin1String(".."))
            || matches("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$", bucket))
            return FieldError {QStringLiteral("config.bucket"),
                QStringLiteral("must be 3-63 lowercase letters, digits, dots or "
                               "hyphens, start and end with a letter or digit, "
                               "and not look like an IP address")};
        if (!endpoint.isEmpty()) {
            const QUrl url(endpoint, QUrl::StrictMode);
            const QString scheme = url.scheme().toLower();
            if (!url.isValid() || url.host().isEmpty()
                || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
                || hasControlCharacters(endpoint) || endpoint.contains(QLatin1Char(' ')))
                return FieldError {QStringLiteral("config.endpoint"),
                    QStringLiteral("must be an absolute http:// or https:// URL")};
        }
        if (!sse.isEmpty() && sse != QLatin1String("s3") && sse != QLatin1String("none"))
            return FieldError {QStringLiteral("config.sse"), QStringLiteral("must be s3 or none")};
        return std::nullopt;
    }
    for (const auto &[name, value] : {std::pair {"accountName", &accountName},
             std::pair {"accountKey", &accountKey}, std::pair {"container", &container}}) {
        if (auto v = required(QString::fromLatin1(name), *value))
            return v;
    }
    if (!matches("^[a-z0-9]{3,24}$", accountName))
        return FieldError {QStringLiteral("config.accountName"),
            QStringLiteral("must be 3-24 lowercase letters or digits")};
    if (!matches("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$", container))
        return FieldError {QStringLiteral("config.container"),
            QStringLiteral("must be 3-63 lowercase letters, digits or single "
                           "hyphens, starting and ending with a letter or digit")};
    if (!domain.isEmpty()
        && !matches("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]"
                    "{0,61}[A-Za-z0-9])?)*$",
            domain))
        return FieldError {QStringLiteral("config.domain"),
            QStringLiteral("must be a domain name such as blob.core.windows.net")};
    return std::nullopt;
}

QJsonObject StorageTarget::toJson() const
{
    QJsonObject config;
    const auto put = [&config](const char *key, const QString &value) {
        if (!value.isEmpty())
            config.insert(QString::fromLatin1(key), value);
    };
    if (type == Type::S3) {
        put("accessKey", accessKey);
        put("secretKey", secretKey);
        put("bucket", bucket);
        put("endpoint", endpoint);
        put("sse", sse);
    } else {
        put("accountName", accountName);
        put("accountKey", accountKey);
        put("container", container);
        put("domain", domain);
    }
    return QJsonObject {
        {QStringLiteral("type"), type == Type::S3 ? QStringLiteral("s3") : QStringLiteral("azure")},
        {QStringLiteral("config"), config},
        {QStringLiteral("fallback"),
            fallback == Fallback::OpenTok ? QStringLiteral("opentok") : QStringLiteral("none")},
    };
}

std::optional<StorageTarget> StorageTarget::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    StorageTarget t;
    QString typeText;
    QString fallbackText;
    QJsonObject configObject;
    r.read(QStringLiteral("type"), typeText, JsonReader::Required);
    r.read(QStringLiteral("config"), configObject, JsonReader::Required);
    r.read(QStringLiteral("fallback"), fallbackText);
    if (r.ok()) {
        if (typeText == QLatin1String("s3"))
            t.type = Type::S3;
        else if (typeText == QLatin1String("azure"))
            t.type = Type::Azure;
        else
            r.fail(QStringLiteral("type"),
                QStringLiteral("unknown storage type \"%1\"").arg(typeText));
    }
    if (r.ok()) {
        if (fallbackText == QLatin1String("opentok"))
            t.fallback = Fallback::OpenTok;
        else if (fallbackText.isEmpty() || fallbackText == QLatin1String("none"))
            t.fallback = Fallback::None;
        else
            r.fail(QStringLiteral("fallback"),
                QStringLiteral("unknown fallback \"%1\"").arg(fallbackText));
    }
    if (r.ok()) {
        JsonReader c(configObject);
        c.read(QStringLiteral("accessKey"), t.accessKey);
        c.read(QStringLiteral("secretKey"), t.secretKey);
        c.read(QStringLiteral("bucket"), t.bucket);
        c.read(QStringLiteral("endpoint"), t.endpoint);
        c.read(QStringLiteral("sse"), t.sse);
        c.read(QStringLiteral("accountName"), t.accountName);
        c.read(QStringLiteral("accountKey"), t.accountKey);
        c.read(QStringLiteral("container"), t.container);
        c.read(QStringLiteral("domain"), t.domain);
        if (!c.ok())
            r.fail(JsonReader::nestedPath(QStringLiteral("config"), c.error()));
    }
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    return t;
}

} // namespace otadmin
