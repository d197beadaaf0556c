// SPDX-License-Identifier: GPL-3.0-or-later
// HS256 JWT signing, decoding and verification.
#include "auth/Jwt.h"

#include "auth/Base64Url.h"
#include "auth/ConstantTime.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMessageAuthenticationCode>

namespace otadmin::Jwt {

namespace {

QByteArray hmacSha256(const QByteArray &message, const QByteArray &secret)
{
    return QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha256);
}

std::optional<QJsonObject> decodeObject(QByteArrayView segment, const char *what, QString *error)
{
    const auto json = Base64Url::decode(segment);
    if (!json) {
        if (error)
            *error = QStringLiteral("The JWT %1 is not valid base64url.").arg(QLatin1String(what));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = QStringLiteral("The JWT %1 is not a JSON object.").arg(QLatin1String(what));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

QByteArray signHs256(
    const QByteArray &headerJson, const QByteArray &payloadJson, const QByteArray &secret)
{
    // One buffer for the whole token: header, payload, then the signature of what precedes it.
    QByteArray token;
    token.reserve((headerJson.size() + payloadJson.size() + 32) * 4 / 3 + 8);
    Base64Url::appendEncoded(token, headerJson);
    token += '.';
    Base64Url::appendEncoded(token, payloadJson);
    const QByteArray signature = hmacSha256(token, secret);
    token += '.';
    Base64Url::appendEncoded(token, signature);
    return token;
}

std::optional<Decoded> decode(QByteArrayView token, QString *error)
{
    const QByteArray text = token.trimmed().toByteArray();
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 3) {
        if (error)
            *error = QStringLiteral("A JWT has three dot-separated parts; this one has %1.")
                         .arg(parts.size());
        return std::nullopt;
    }
    Decoded decoded;
    const auto header = decodeObject(parts[0], "header", error);
    if (!header)
        return std::nullopt;
    const auto payload = decodeObject(parts[1], "payload", error);
    if (!payload)
        return std::nullopt;
    const auto signature = Base64Url::decode(parts[2]);
    if (!signature) {
        if (error)
            *error = QStringLiteral("The JWT signature is not valid base64url.");
        return std::nullopt;
    }
    decoded.header = *header;
    decoded.payload = *payload;
    decoded.signingInput = parts[0] + '.' + parts[1];
    decoded.signature = *signature;
    return decoded;
}

bool verifyHs256(const Decoded &decoded, const QByteArray &secret)
{
    if (secret.isEmpty())
        return false;
    if (decoded.header.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return false;
    return ConstantTime::equals(hmacSha256(decoded.signingInput, secret), decoded.signature);
}

} // namespace otadmin::Jwt
