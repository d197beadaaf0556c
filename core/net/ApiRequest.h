// SPDX-License-Identifier: GPL-3.0-or-later
// One REST call described as data: a verb, an encoded path, a body, whose credentials sign it.
#pragma once

#include "auth/RestJwt.h"
#include "net/RetryPolicy.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <optional>

namespace otadmin {

/// Endpoints are data, not classes (STYLE §2). Area classes build an ApiRequest and hand it
/// to RestClient::send(). `path` is already percent-encoded; build it with apiPath().
struct ApiRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    /// Project credentials (`ist=project`) for everything but account administration (§9).
    IssuerType issuer = IssuerType::Project;
    Idempotency idempotency = Idempotency::NonIdempotent;

    static ApiRequest get(const QString &path);
    /// POST with a JSON body (an empty object is sent as `{}`); use postEmpty() for calls
    /// that take no body (stop calls, refreshSecret).
    static ApiRequest post(const QString &path, const QJsonObject &json,
        Idempotency idempotency = Idempotency::NonIdempotent);
    static ApiRequest postEmpty(const QString &path, Idempotency idempotency);
    /// POST with an application/x-www-form-urlencoded body (only /session/create uses it).
    static ApiRequest postForm(const QString &path, const QByteArray &form);
    static ApiRequest put(const QString &path, const QJsonObject &json);
    static ApiRequest patch(const QString &path, const QJsonObject &json);
    static ApiRequest del(const QString &path);

    ApiRequest &withQuery(const QString &key, const QString &value);
    ApiRequest &signedByAccount();
};

/// Joins path segments with '/', percent-encoding each one, so an ID can never change the
/// path's shape: apiPath({"v2", "project", key, "archive", id}) → "/v2/project/1234/archive/…".
QString apiPath(std::initializer_list<QString> segments);

/// Turns a successful response's JSON into the typed result stored in the reply.
/// Returns an invalid QVariant and sets *error (naming the field) when the JSON is malformed.
/// May run on a worker thread (RestClientConfig::offThreadParseBytes): it must touch nothing
/// but its arguments.
using ResponseParser = std::function<QVariant(const QJsonDocument &json, QString *error)>;

/// The parser for any value type with `static std::optional<T> fromJson(const QJsonValue &,
/// QString *)`.
template<typename T>
ResponseParser parserFor()
{
    return [](const QJsonDocument &json, QString *error) -> QVariant {
        const QJsonValue value =
            json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
        if (std::optional<T> parsed = T::fromJson(value, error))
            return QVariant::fromValue(std::move(*parsed));
        return {};
    };
}

} // namespace otadmin
