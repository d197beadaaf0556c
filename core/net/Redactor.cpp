// SPDX-License-Identifier: GPL-3.0-or-later
// Key-based and value-based redaction of secrets.
#include "net/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace otadmin::Redactor {

bool isSecretHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().toLower();
    return lower == "x-opentok-auth" || lower == "authorization" || lower == "x-tb-partner-auth";
}

bool isSecretKey(QStringView key)
{
    static const QStringView keys[] = {u"secret", u"apiSecret", u"secretKey", u"accessKey",
        u"accountKey", u"password", u"token", u"streamName"};
    for (QStringView k : keys) {
        if (key.compare(k, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonValue redactJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretKey(it.key()) && !it.value().isNull())
                it.value() = QString::fromLatin1(Placeholder);
            else
                it.value() = redactJson(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactJson(*it);
        return array;
    }
    return value;
}

QByteArray redactBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return body;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        const QJsonValue redacted = redactJson(
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()));
        return redacted.isArray()
            ? QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact);
    }
    // Form bodies (session create): k=v&k=v with printable characters only.
    static const QRegularExpression form(QStringLiteral("^[A-Za-z0-9._~%+&=*!'()-]*$"));
    const QString text = QString::fromUtf8(body);
    if (form.match(text).hasMatch()) {
        QUrlQuery query(text);
        auto items = query.queryItems(QUrl::FullyEncoded);
        for (auto &item : items) {
            if (isSecretKey(QUrl::fromPercentEncoding(item.first.toUtf8())))
                item.second = QString::fromLatin1(Placeholder);
        }
        query.setQueryItems(items);
        return query.toString(QUrl::FullyEncoded).toUtf8();
    }
    return QByteArray("[") + QByteArray::number(body.size()) + " bytes not shown]";
}

namespace {
void collectSecretValues(const QJsonValue &value, QList<QByteArray> *out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretKey(it.key()) && it.value().isString())
                out->append(it.value().toString().toUtf8());
            else
                collectSecretValues(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectSecretValues(item, out);
    }
}
} // namespace

QList<QByteArray> secretValues(const QByteArray &body)
{
    QList<QByteArray> values;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError) {
        collectSecretValues(
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()),
            &values);
        return values;
    }
    const QUrlQuery form(QString::fromUtf8(body));
    for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
        if (isSecretKey(item.first))
            values.append(item.second.toUtf8());
    }
    return values;
}

QString scrubText(QString text, const QList<QByteArray> &knownSecrets)
{
    for (const QByteArray &secret : knownSecrets) {
        if (secret.size() >= 4)
            text.replace(QString::fromUtf8(secret), QString::fromLatin1(Placeholder));
    }
    // Anything shaped like a compact JWT (header.payload.signature, base64url) goes too.
    static const QRegularExpression jwt(
        QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));
    text.replace(jwt, QString::fromLatin1(Placeholder));
    static const QRegularExpression t1(QStringLiteral("T1==[A-Za-z0-9+/=_-]{8,}"));
    text.replace(t1, QString::fromLatin1(Placeholder));
    return text;
}

} // namespace otadmin::Redactor
