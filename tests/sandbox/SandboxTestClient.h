// SPDX-License-Identifier: GPL-3.0-or-later
// Test-only HTTP client and JWT minting for the sandbox's own tests (deliberately not core/).
#pragma once

#include "SandboxServer.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUuid>

namespace otadmin::sandbox::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

inline QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A compact HS256 token from raw header/payload JSON, so tests can craft malformed ones.
inline QByteArray signJwt(
    const QByteArray &header, const QByteArray &payload, const QByteArray &secret)
{
    const QByteArray input = b64url(header) + '.' + b64url(payload);
    return input + '.'
        + b64url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

inline QByteArray mintJwt(const QString &iss, const QString &secret, const QString &ist, qint64 iat,
    qint64 exp, const QByteArray &header = R"({"alg":"HS256","typ":"JWT"})")
{
    const QJsonObject claims {{QStringLiteral("iss"), iss}, {QStringLiteral("ist"), ist},
        {QStringLiteral("iat"), iat}, {QStringLiteral("exp"), exp},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
    return signJwt(header, QJsonDocument(claims).toJson(QJsonDocument::Compact), secret.toUtf8());
}

class SandboxTestClient
{
public:
    explicit SandboxTestClient(SandboxServer &server) : m_server(server) { }

    QByteArray projectJwt() const
    {
        const qint64 now = m_server.nowMs() / 1000;
        return mintJwt(
            m_server.apiKey(), m_server.apiSecret(), QStringLiteral("project"), now, now + 180);
    }
    QByteArray accountJwt() const
    {
        const qint64 now = m_server.nowMs() / 1000;
        return mintJwt(m_server.accountKey(), m_server.accountSecret(), QStringLiteral("account"),
            now, now + 180);
    }
    QString projectPath(const QString &rest) const
    {
        return QStringLiteral("/v2/project/") + m_server.apiKey() + rest;
    }

    // token: empty = a fresh project JWT; "-" = no auth header at all.
    HttpResult call(const QByteArray &method, const QString &path, const QByteArray &body = {},
        QByteArray token = {}, const QByteArray &contentType = "application/json",
        int timeoutMs = 5000)
    {
        QUrl url = m_server.baseUrl();
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(q < 0 ? path : path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        if (token.isEmpty())
            token = projectJwt();
        if (token != "-")
            request.setRawHeader("X-OPENTOK-AUTH", token);
        request.setRawHeader("Accept", "application/json");
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        request.setTransferTimeout(timeoutMs);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.error = reply->error();
        for (const auto &h : reply->rawHeaderPairs())
            result.headers.insert(h.first.toLower(), h.second);
        reply->deleteLater();
        return result;
    }
    HttpResult json(const QByteArray &method, const QString &path, const QJsonObject &body,
        QByteArray token = {})
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
    }

    QNetworkAccessManager &nam() { return m_nam; }

private:
    SandboxServer &m_server;
    QNetworkAccessManager m_nam;
};

} // namespace otadmin::sandbox::test
