// SPDX-License-Identifier: GPL-3.0-or-later
// Client token decoding and verification.
#include "auth/TokenInspector.h"

#include "auth/ConstantTime.h"
#include "auth/Jwt.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QStringDecoder>

#include <cmath>

namespace otadmin {

namespace {

using Field = QPair<QString, QString>;

bool isAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

QString formValue(QByteArray raw)
{
    raw.replace('+', ' ');
    // QString::fromUtf8() would drop a value's leading U+FEFF (%EF%BB%BF); keep it.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return utf8(QByteArray::fromPercentEncoding(raw));
}

QList<Field> parseForm(const QByteArray &form)
{
    QList<Field> out;
    if (form.isEmpty())
        return out;
    for (const QByteArray &pair : form.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            out.append({formValue(pair), QString()});
        else
            out.append({formValue(pair.left(eq)), formValue(pair.mid(eq + 1))});
    }
    return out;
}

QString valueOf(const QList<Field> &fields, const QString &key)
{
    for (const Field &f : fields) {
        if (f.first == key)
            return f.second;
    }
    return {};
}

bool hasKey(const QList<Field> &fields, const QString &key)
{
    for (const Field &f : fields) {
        if (f.first == key)
            return true;
    }
    return false;
}

std::optional<qint64> parseSeconds(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<qint64> jsonSeconds(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > 9007199254740992.0)
        return std::nullopt;
    return qint64(d);
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        if (jsonSeconds(value))
            return QString::number(*jsonSeconds(value));
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

void inspectT1(const QString &token, const QByteArray &secret, TokenInspection &out)
{
    out.format = TokenFormat::T1;
    QByteArray body = token.mid(4).toLatin1();
    // Java writes the URL-safe alphabet (keeping '='); accept it, and missing padding too.
    body.replace('-', '+').replace('_', '/');
    while (body.endsWith('='))
        body.chop(1);
    while (body.size() % 4 != 0)
        body.append('=');
    const auto decoded = QByteArray::fromBase64Encoding(
        body, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || token.size() <= 4 || !isAscii(token)) {
        out.error = QStringLiteral("The text after T1== is not base64.");
        return;
    }
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0) {
        out.error = QStringLiteral("The T1 token has no ':' between its signature and its data.");
        return;
    }
    const QByteArray header = decoded.decoded.left(colon);
    const QByteArray data = decoded.decoded.mid(colon + 1);
    const QList<Field> headerFields = parseForm(header);
    const QList<Field> dataFields = parseForm(data);
    out.fields = headerFields + dataFields;

    const QString sig = valueOf(headerFields, QStringLiteral("sig"));
    out.apiKey = valueOf(headerFields, QStringLiteral("partner_id"));
    out.sessionId = valueOf(dataFields, QStringLiteral("session_id"));
    out.role = valueOf(dataFields, QStringLiteral("role"));
    out.connectionData = valueOf(dataFields, QStringLiteral("connection_data"));
    out.layoutClasses = valueOf(dataFields, QStringLiteral("initial_layout_class_list"))
                            .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (out.apiKey.isEmpty() || sig.isEmpty()) {
        out.error = QStringLiteral("The T1 token lacks partner_id or sig.");
        return;
    }
    if (out.sessionId.isEmpty()) {
        out.error = QStringLiteral("The T1 token has no session_id.");
        return;
    }
    for (const char *key : {"create_time", "expire_time"}) {
        const QString name = QString::fromLatin1(key);
        if (!hasKey(dataFields, name))
            continue;
        const auto secs = parseSeconds(valueOf(dataFields, name));
        if (!secs) {
            out.error = QStringLiteral("%1 is not a whole number of seconds.").arg(name);
            return;
        }
        (name == QLatin1String("create_time") ? out.createTime : out.expireTime) = secs;
    }
    if (!secret.isEmpty()) {
        const QByteArray expected =
            QMessageAuthenticationCode::hash(data, secret, QCryptographicHash::Sha1).toHex();
        out.signature = ConstantTime::equals(expected, sig.toLatin1().toLower())
            ? TokenInspection::Signature::Valid
            : TokenInspection::Signature::Invalid;
    }
}

void inspectJwt(const QString &token, const QByteArray &secret, TokenInspection &out)
{
    out.format = TokenFormat::Jwt;
    QString error;
    const auto decoded = Jwt::decode(token.toLatin1(), &error);
    if (!decoded || !isAscii(token)) {
        out.error = error.isEmpty() ? QStringLiteral("The token is not ASCII.") : error;
        return;
    }
    for (auto it = decoded->header.begin(); it != decoded->header.end(); ++it)
        out.fields.append({QStringLiteral("header.") + it.key(), jsonText(it.value())});
    static const QStringList order = {"iss", "ist", "iat", "exp", "jti", "session_id",
        "create_time", "nonce", "role", "expire_time", "connection_data",
        "initial_layout_class_list", "scope"};
    const QJsonObject &claims = decoded->payload;
    for (const QString &key : order) {
        if (claims.contains(key))
            out.fields.append({key, jsonText(claims.value(key))});
    }
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        if (!order.contains(it.key()))
            out.fields.append({it.key(), jsonText(it.value())});
    }

    out.apiKey = jsonText(claims.value(QLatin1String("iss")));
    out.sessionId = claims.value(QLatin1String("session_id")).toString();
    out.role = claims.value(QLatin1String("role")).toString();
    out.connectionData = claims.value(QLatin1String("connection_data")).toString();
    out.layoutClasses = claims.value(QLatin1String("initial_layout_class_list"))
                            .toString()
                            .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (out.apiKey.isEmpty()) {
        out.error = QStringLiteral("The JWT has no iss (API key) claim.");
        return;
    }
    if (out.sessionId.isEmpty()) {
        out.error = QStringLiteral("The JWT has no session_id claim.");
        return;
    }
    const QJsonValue create = claims.contains(QLatin1String("create_time"))
        ? claims.value(QLatin1String("create_time"))
        : claims.value(QLatin1String("iat"));
    const QJsonValue expire = claims.contains(QLatin1String("exp"))
        ? claims.value(QLatin1String("exp"))
        : claims.value(QLatin1String("expire_time"));
    if (!create.isUndefined()) {
        out.createTime = jsonSeconds(create);
        if (!out.createTime) {
            out.error = QStringLiteral("The creation time is not a whole number of seconds.");
            return;
        }
    }
    if (!expire.isUndefined()) {
        out.expireTime = jsonSeconds(expire);
        if (!out.expireTime) {
            out.error = QStringLiteral("The expiry time is not a whole number of seconds.");
            return;
        }
    }
    if (!secret.isEmpty()) {
        out.signature = Jwt::verifyHs256(*decoded, secret) ? TokenInspection::Signature::Valid
                                                           : TokenInspection::Signature::Invalid;
    }
}

} // namespace

TokenInspection inspectToken(const QString &token, const QByteArray &secret, const Clock &clock)
{
    TokenInspection out;
    const QString text = token.trimmed();
    if (text.isEmpty()) {
        out.error = QStringLiteral("The token is empty.");
    } else if (text.startsWith(QLatin1String("T1=="))) {
        inspectT1(text, secret, out);
    } else if (text.count(QLatin1Char('.')) == 2) {
        inspectJwt(text, secret, out);
    } else {
        out.error = QStringLiteral("This is neither a T1 token (T1==...) nor a JWT.");
    }

    if (!out.error.isEmpty())
        out.verdict = TokenInspection::Verdict::Malformed;
    else if (out.signature == TokenInspection::Signature::Invalid)
        out.verdict = TokenInspection::Verdict::BadSignature;
    else if (out.expireTime && *out.expireTime < clock.nowSecs())
        out.verdict = TokenInspection::Verdict::Expired;
    else
        out.verdict = TokenInspection::Verdict::Valid;
    return out;
}

} // namespace otadmin
