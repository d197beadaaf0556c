// SPDX-License-Identifier: GPL-3.0-or-later
// Client token validation and T1/JWT encoding.
#include "auth/ClientToken.h"

#include "auth/Base64Url.h"
#include "auth/Jwt.h"
#include "auth/OrderedJson.h"
#include "auth/RestJwt.h"
#include "auth/SessionId.h"
#include "types/Common.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace otadmin {

namespace {

FieldError fieldError(const char *field, const QString &message)
{
    return FieldError {QString::fromLatin1(field), message};
}

/// QUrl::toPercentEncoding() with its defaults, appended to `out`: A-Z a-z 0-9 - . _ ~ as
/// they are, every other byte of the UTF-8 form as uppercase %XX. ASCII (what tokens nearly
/// always carry) is written straight into `out`; anything else still goes through Qt.
void appendPercentEncoded(QByteArray &out, const QString &value)
{
    const bool ascii =
        std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii) {
        out += QUrl::toPercentEncoding(value);
        return;
    }
    static constexpr char Hex[] = "0123456789ABCDEF";
    const qsizetype start = out.size();
    out.resize(start + 3 * value.size());
    char *o = out.data() + start;
    for (const QChar qc : value) {
        const auto c = char(qc.unicode());
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~') {
            *o++ = c;
        } else {
            *o++ = '%';
            *o++ = Hex[uchar(c) >> 4];
            *o++ = Hex[uchar(c) & 15];
        }
    }
    out.resize(o - out.constData());
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
    // One buffer, reserved once: the fixed keys and numbers need under 200 bytes, a value
    // at most triples when percent-encoded.
    const QString layoutClasses = data.initialLayoutClasses.join(QLatin1Char(' '));
    QByteArray out;
    out.reserve(
        200 + 3 * (data.sessionId.size() + data.connectionData.size() + layoutClasses.size()));
    out += "session_id=";
    appendPercentEncoded(out, data.sessionId);
    out += "&create_time=";
    OrderedJson::appendNumber(out, data.createTime);
    out += "&nonce=";
    OrderedJson::appendNumber(out, data.nonce);
    out += "&role=";
    appendPercentEncoded(out, roleName(data.role));
    out += "&expire_time=";
    OrderedJson::appendNumber(out, data.expireTime);
    if (!data.connectionData.isEmpty()) {
        out += "&connection_data=";
        appendPercentEncoded(out, data.connectionData);
    }
    if (!data.initialLayoutClasses.isEmpty()) {
        out += "&initial_layout_class_list=";
        appendPercentEncoded(out, layoutClasses);
    }
    if (data.includeScope)
        out += "&scope=session.connect";
    return out;
}

QString encodeT1(const QString &apiKey, const QByteArray &apiSecret, const QByteArray &dataString)
{
    const QByteArray sig =
        QMessageAuthenticationCode::hash(dataString, apiSecret, QCryptographicHash::Sha1);
    const QByteArray key = apiKey.toUtf8();
    QByteArray plain;
    plain.reserve(32 + key.size() + 2 * sig.size() + dataString.size());
    plain += "partner_id=";
    plain += key;
    plain += "&sig=";
    static constexpr char Hex[] = "0123456789abcdef"; // QByteArray::toHex(): lowercase
    const qsizetype at = plain.size();
    plain.resize(at + 2 * sig.size());
    for (qsizetype i = 0; i < sig.size(); ++i) {
        plain[at + 2 * i] = Hex[uchar(sig[i]) >> 4];
        plain[at + 2 * i + 1] = Hex[uchar(sig[i]) & 15];
    }
    plain += ':';
    plain += dataString;
    QByteArray token;
    token.reserve(4 + (plain.size() + 2) / 3 * 4);
    token += "T1==";
    Base64Url::appendStandard(token, plain);
    return QString::fromLatin1(token);
}

QByteArray jwtClientClaims(
    const QString &apiKey, const ClientTokenData &data, qint64 iatSecs, const QByteArray &jti)
{
    const QString layoutClasses = data.initialLayoutClasses.join(QLatin1Char(' '));
    OrderedJson claims;
    // The keys and numbers take under 300 bytes; strings are mostly copied as they are.
    claims.reserve(300 + apiKey.size() + jti.size() + data.sessionId.size()
        + data.connectionData.size() + layoutClasses.size());
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
        claims.addString(QStringLiteral("initial_layout_class_list"), layoutClasses);
    if (data.includeScope)
        claims.addString(QStringLiteral("scope"), QStringLiteral("session.connect"));
    return std::move(claims).toJson();
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
