// SPDX-License-Identifier: GPL-3.0-or-later
// Client token validation and T1/JWT encoding.
#include "auth/ClientToken.h"

#include "auth/Jwt.h"
#include "auth/OrderedJson.h"
#include "auth/RestJwt.h"
#include "auth/SessionId.h"
#include "types/Common.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

namespace otadmin {

namespace {

FieldError fieldError(const char *field, const QString &message)
{
    return FieldError {QString::fromLatin1(field), message};
}

qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

} // namespace

QString roleName(TokenRole role)
{
    switch (role) {
    case TokenRole::Publisher:
        return QStringLiteral("publisher");
    case TokenRole::Subscriber:
        return QStringLiteral("subscriber");
    case TokenRole::Moderator:
        return QStringLiteral("moderator");
    case TokenRole::PublisherOnly:
        return QStringLiteral("publisheronly");
    }
    return {};
}

std::optional<TokenRole> roleFromName(const QString &name)
{
    for (TokenRole role : {TokenRole::Publisher, TokenRole::Subscriber, TokenRole::Moderator,
             TokenRole::PublisherOnly}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

QByteArray t1DataString(const ClientTokenData &data)
{
    QByteArray out;
    auto add = [&out](const char *key, const QByteArray &value) {
        if (!out.isEmpty())
            out += '&';
        out += key;
        out += '=';
        out += value;
    };
    auto encode = [](const QString &value) { return QUrl::toPercentEncoding(value); };
    add("session_id", encode(data.sessionId));
    add("create_time", QByteArray::number(data.createTime));
    add("nonce", QByteArray::number(data.nonce));
    add("role", encode(roleName(data.role)));
    add("expire_time", QByteArray::number(data.expireTime));
    if (!data.connectionData.isEmpty())
        add("connection_data", encode(data.connectionData));
    if (!data.initialLayoutClasses.isEmpty())
        add("initial_layout_class_list", encode(data.initialLayoutClasses.join(QLatin1Char(' '))));
    if (data.includeScope)
        add("scope", "session.connect");
    return out;
}

QString encodeT1(const QString &apiKey, const QByteArray &apiSecret, const QByteArray &dataString)
{
    const QByteArray sig =
        QMessageAuthenticationCode::hash(dataString, apiSecret, QCryptographicHash::Sha1).toHex();
    const QByteArray plain = "partner_id=" + apiKey.toUtf8() + "&sig=" + sig + ':' + dataString;
    return QStringLiteral("T1==") + QString::fromLatin1(plain.toBase64());
}

QByteArray jwtClientClaims(
    const QString &apiKey, const ClientTokenData &data, qint64 iatSecs, const QByteArray &jti)
{
    OrderedJson claims;
    claims.addString(QStringLiteral("iss"), apiKey)
        .addString(QStringLiteral("ist"), QStringLiteral("project"))
        .addInteger(QStringLiteral("iat"), iatSecs)
        .addInteger(QStringLiteral("exp"), data.expireTime);
    if (!jti.isEmpty())
        claims.addString(QStringLiteral("jti"), QString::fromLatin1(jti));
    claims.addString(QStringLiteral("session_id"), data.sessionId)
        .addInteger(QStringLiteral("create_time"), data.createTime)
        .addUnsigned(QStringLiteral("nonce"), data.nonce)
        .addString(QStringLiteral("role"), roleName(data.role))
        .addInteger(QStringLiteral("expire_time"), data.expireTime);
    if (!data.connectionData.isEmpty())
        claims.addString(QStringLiteral("connection_data"), data.connectionData);
    if (!data.initialLayoutClasses.isEmpty())
        claims.addString(QStringLiteral("initial_layout_class_list"),
            data.initialLayoutClasses.join(QLatin1Char(' ')));
    if (data.includeScope)
        claims.addString(QStringLiteral("scope"), QStringLiteral("session.connect"));
    return claims.toJson();
}

QString encodeJwt(const QString &apiKey, const QByteArray &apiSecret, const ClientTokenData &data,
    qint64 iatSecs, const QByteArray &jti)
{
    return QString::fromLatin1(Jwt::signHs256(
        QByteArray(Jwt::Hs256Header), jwtClientClaims(apiKey, data, iatSecs, jti), apiSecret));
}

Validation validateClientToken(const QString &apiKey, const QByteArray &apiSecret,
    const QString &sessionId, const ClientTokenOptions &options, qint64 nowSecs)
{
    using namespace ClientTokenLimits;
    if (apiKey.isEmpty())
        return fieldError("apiKey", QStringLiteral("The API key is required."));
    if (apiSecret.isEmpty())
        return fieldError("apiSecret", QStringLiteral("The API secret is required."));

    QString sessionError;
    const auto sessionKey = sessionIdApiKey(sessionId, &sessionError);
    if (!sessionKey)
        return fieldError("sessionId", sessionError);
    if (*sessionKey != apiKey)
        return fieldError("sessionId",
            QStringLiteral("The session belongs to project %1, not to "
                           "project %2.")
                .arg(*sessionKey, apiKey));

    if (roleName(options.role).isEmpty())
        return fieldError("role",
            QStringLiteral("The role must be publisher, subscriber, "
                           "moderator or publisheronly."));

    if (options.expireTimeSecs) {
        const qint64 expire = *options.expireTimeSecs;
        if (expire < nowSecs)
            return fieldError("expireTime", QStringLiteral("The expiry time is in the past."));
        if (expire - nowSecs > MaxLifetimeSecs)
            return fieldError("expireTime",
                QStringLiteral("The expiry time must be at most 30 "
                               "days (%1 seconds) from now.")
                    .arg(MaxLifetimeSecs));
    }

    if (!isValidUnicode(options.connectionData))
        return fieldError("connectionData",
            QStringLiteral("The connection data must be valid Unicode text (no lone surrogates)."));
    if (codePoints(options.connectionData) > MaxConnectionDataChars)
        return fieldError("connectionData",
            QStringLiteral("The connection data must be at most "
                           "%1 characters; it has %2.")
                .arg(MaxConnectionDataChars)
                .arg(codePoints(options.connectionData)));

    for (qsizetype i = 0; i < options.initialLayoutClasses.size(); ++i) {
        const QString &layoutClass = options.initialLayoutClasses.at(i);
        const QString field = QStringLiteral("initialLayoutClassList[%1]").arg(i);
        if (layoutClass.isEmpty())
            return FieldError {field, QStringLiteral("A layout class must not be empty.")};
        for (const QChar c : layoutClass) {
            if (c.isSpace() || c.category() == QChar::Other_Control)
                return FieldError {field,
                    QStringLiteral("A layout class must not contain "
                                   "whitespace or control characters.")};
        }
        if (!isValidUnicode(layoutClass))
            return FieldError {field,
                QStringLiteral("A layout class must be valid Unicode text (no lone surrogates).")};
    }
    const qsizetype joined = codePoints(options.initialLayoutClasses.join(QLatin1Char(' ')));
    if (joined > MaxLayoutClassListChars)
        return fieldError("initialLayoutClassList",
            QStringLiteral("The layout classes, joined with spaces, must be at most "
                           "%1 characters; they are %2.")
                .arg(MaxLayoutClassListChars)
                .arg(joined));

    if (options.format != TokenFormat::Jwt && options.format != TokenFormat::T1)
        return fieldError("format", QStringLiteral("The token format must be JWT or T1."));
    return std::nullopt;
}

ClientTokenResult generateClientToken(const QString &apiKey, const QByteArray &apiSecret,
    const QString &sessionId, const ClientTokenOptions &options, const Clock &clock,
    RandomSource &random)
{
    ClientTokenResult result;
    const qint64 now = clock.nowSecs();
    result.error = validateClientToken(apiKey, apiSecret, sessionId, options, now);
    if (result.error)
        return result;

    ClientTokenData data;
    data.sessionId = sessionId;
    data.createTime = now;
    data.expireTime = options.expireTimeSecs.value_or(now + ClientTokenLimits::DefaultLifetimeSecs);
    data.nonce = random.next64() >> 11; // 53 bits: exact in every JSON parser
    data.role = options.role;
    data.connectionData = options.connectionData;
    data.initialLayoutClasses = options.initialLayoutClasses;
    data.includeScope = true;

    result.createTime = data.createTime;
    result.expireTime = data.expireTime;
    if (options.format == TokenFormat::T1)
        result.token = encodeT1(apiKey, apiSecret, t1DataString(data));
    else
        result.token = encodeJwt(apiKey, apiSecret, data, now, RestJwt::newJti(random));
    return result;
}

} // namespace otadmin
