// SPDX-License-Identifier: GPL-3.0-or-later
// HS256 REST-JWT verification with the service's claim rules.
#include "JwtVerifier.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <cmath>

namespace otadmin::sandbox {

namespace {

constexpr auto b64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool decodeSegment(const QByteArray &segment, QByteArray *out)
{
    const auto result =
        QByteArray::fromBase64Encoding(segment, b64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = *result;
    return true;
}

bool decodeObject(const QByteArray &segment, QJsonObject *out)
{
    QByteArray raw;
    if (!decodeSegment(segment, &raw))
        return false;
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *out = doc.object();
    return true;
}

bool integerClaim(const QJsonObject &claims, const char *name, qint64 *out)
{
    const QJsonValue v = claims.value(QLatin1String(name));
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (std::floor(d) != d || std::abs(d) > 9.0e15)
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

JwtVerifier::Result fail(const QString &message, const QString &issuer = {})
{
    return JwtVerifier::Result {false, message, issuer};
}

} // namespace

QByteArray JwtVerifier::sign(
    const QByteArray &headerJson, const QByteArray &payloadJson, const QByteArray &secret)
{
    const QByteArray input = headerJson.toBase64(b64url) + '.' + payloadJson.toBase64(b64url);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
    return input + '.' + mac.toBase64(b64url);
}

JwtVerifier::Result JwtVerifier::verify(const QByteArray &token, const QString &expectedIssuer,
    const QString &expectedIst, qint64 nowSecs, const SecretLookup &lookup)
{
    if (token.isEmpty())
        return fail(QStringLiteral("Missing X-OPENTOK-AUTH header"));
    const QList<QByteArray> parts = token.trimmed().split('.');
    if (parts.size() != 3)
        return fail(QStringLiteral("Invalid token format"));

    QJsonObject header;
    QJsonObject claims;
    if (!decodeObject(parts.at(0), &header))
        return fail(QStringLiteral("Invalid token header"));
    if (!decodeObject(parts.at(1), &claims))
        return fail(QStringLiteral("Invalid token payload"));
    if (header.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return fail(QStringLiteral("Invalid token algorithm: only HS256 is accepted"));
    if (header.contains(QLatin1String("typ"))
        && header.value(QLatin1String("typ"))
                .toString()
                .compare(QLatin1String("JWT"), Qt::CaseInsensitive)
            != 0)
        return fail(QStringLiteral("Invalid token type"));

    // SDKs send iss as a string; a number with the same digits is tolerated.
    const QJsonValue issValue = claims.value(QLatin1String("iss"));
    QString issuer;
    if (issValue.isString())
        issuer = issValue.toString();
    else if (issValue.isDouble())
        issuer = QString::number(static_cast<qint64>(issValue.toDouble()));
    if (issuer.isEmpty())
        return fail(QStringLiteral("Missing iss claim"));
    if (!expectedIssuer.isEmpty() && issuer != expectedIssuer)
        return fail(QStringLiteral("Invalid iss claim: does not match the API key"), issuer);
    const QByteArray secret = lookup(issuer);
    if (secret.isEmpty())
        return fail(QStringLiteral("Invalid iss claim: unknown API key"), issuer);

    QByteArray signature;
    if (!decodeSegment(parts.at(2), &signature))
        return fail(QStringLiteral("Invalid token signature"), issuer);
    const QByteArray expected = QMessageAuthenticationCode::hash(
        parts.at(0) + '.' + parts.at(1), secret, QCryptographicHash::Sha256);
    if (!constantTimeEquals(signature, expected))
        return fail(QStringLiteral("Invalid token signature"), issuer);

    if (claims.value(QLatin1String("ist")).toString() != expectedIst)
        return fail(
            QStringLiteral("Invalid ist claim: this endpoint needs ist=%1").arg(expectedIst),
            issuer);
    qint64 iat = 0;
    qint64 exp = 0;
    if (!integerClaim(claims, "iat", &iat))
        return fail(QStringLiteral("Invalid iat claim: an integer is required"), issuer);
    if (!integerClaim(claims, "exp", &exp))
        return fail(QStringLiteral("Invalid exp claim: an integer is required"), issuer);
    if (exp <= nowSecs)
        return fail(QStringLiteral("Token expired"), issuer);
    if (exp < iat || exp - iat > maxLifetimeSecs)
        return fail(
            QStringLiteral("Invalid token lifetime: exp must be at most 300 s after iat"), issuer);
    return Result {true, {}, issuer};
}

} // namespace otadmin::sandbox
