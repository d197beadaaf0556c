// SPDX-License-Identifier: GPL-3.0-or-later
// Constructors for the common request shapes and the path encoder.
#include "net/ApiRequest.h"

#include <QUrl>

namespace otadmin {

namespace {
const QByteArray JsonType = QByteArrayLiteral("application/json");

ApiRequest make(QByteArray method, const QString &path, Idempotency idempotency)
{
    ApiRequest request;
    request.method = std::move(method);
    request.path = path;
    request.idempotency = idempotency;
    return request;
}

ApiRequest withJson(ApiRequest request, const QJsonObject &json)
{
    request.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    request.contentType = JsonType;
    return request;
}
} // namespace

ApiRequest ApiRequest::get(const QString &path)
{
    return make("GET", path, Idempotency::Read);
}

ApiRequest ApiRequest::post(const QString &path, const QJsonObject &json, Idempotency idempotency)
{
    return withJson(make("POST", path, idempotency), json);
}

ApiRequest ApiRequest::postEmpty(const QString &path, Idempotency idempotency)
{
    return make("POST", path, idempotency);
}

ApiRequest ApiRequest::postForm(const QString &path, const QByteArray &form)
{
    ApiRequest request = make("POST", path, Idempotency::NonIdempotent);
    request.body = form;
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    return request;
}

ApiRequest ApiRequest::put(const QString &path, const QJsonObject &json)
{
    return withJson(make("PUT", path, Idempotency::Idempotent), json);
}

ApiRequest ApiRequest::patch(const QString &path, const QJsonObject &json)
{
    return withJson(make("PATCH", path, Idempotency::Idempotent), json);
}

ApiRequest ApiRequest::del(const QString &path)
{
    return make("DELETE", path, Idempotency::Idempotent);
}

ApiRequest &ApiRequest::withQuery(const QString &key, const QString &value)
{
    query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(key)),
        QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return *this;
}

ApiRequest &ApiRequest::signedByAccount()
{
    issuer = IssuerType::Account;
    return *this;
}

QString apiPath(std::initializer_list<QString> segments)
{
    QString path;
    for (const QString &segment : segments)
        path += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    return path;
}

} // namespace otadmin
