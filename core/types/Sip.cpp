// SPDX-License-Identifier: GPL-3.0-or-later
// SIP dial-out options, the dial answer and DTMF digits (reference §7).
#include "types/Sip.h"

#include "types/Common.h"
#include "types/JsonReader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace otadmin {

namespace {
bool hasWhitespaceOrControl(const QString &value)
{
    for (const QChar c : value) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

// RFC 7230 tchar: ALPHA / DIGIT / "!#$%&'*+-.^_`|~".
bool isToken(const QString &name)
{
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool alnum =
            (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9');
        if (!alnum && !extra.contains(c))
            return false;
    }
    return true;
}

Validation validateUri(const QString &uri)
{
    const QString field = QStringLiteral("sip.uri");
    if (uri.isEmpty())
        return FieldError {field, QStringLiteral("is required")};
    if (uri.size() > kMaxSipUriLength)
        return FieldError {
            field, QStringLiteral("must be at most %1 characters").arg(kMaxSipUriLength)};
    if (!isValidUnicode(uri) || hasWhitespaceOrControl(uri))
        return FieldError {
            field, QStringLiteral("must not contain whitespace or control characters")};
    QString rest;
    if (uri.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive))
        rest = uri.mid(5);
    else if (uri.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        rest = uri.mid(4);
    else
        return FieldError {field, QStringLiteral("must start with sip: or sips:")};
    // user@host[:port] before any ;parameters or ?headers.
    const qsizetype end = rest.indexOf(QRegularExpression(QStringLiteral("[;?]")));
    const QString address = end < 0 ? rest : rest.left(end);
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString user = at < 0 ? QString() : address.left(at);
    const QString host = at < 0 ? address : address.mid(at + 1);
    if ((at >= 0 && user.isEmpty()) || host.isEmpty() || host.startsWith(QLatin1Char(':')))
        return FieldError {field, QStringLiteral("must have the form sip:user@host or sip:host")};
    return std::nullopt;
}
} // namespace

Validation SipDialOptions::validate() const
{
    if (auto v = validateSessionId(QStringLiteral("sessionId"), sessionId))
        return v;
    if (token.isEmpty())
        return FieldError {QStringLiteral("token"), QStringLiteral("is required")};
    if (hasWhitespaceOrControl(token))
        return FieldError {QStringLiteral("token"),
            QStringLiteral("must not contain whitespace or control characters")};
    if (auto v = validateUri(uri))
        return v;
    if (!from.isEmpty()) {
        const qsizetype at = from.lastIndexOf(QLatin1Char('@'));
        if (from.size() > kMaxSipUriLength || at <= 0 || at == from.size() - 1
            || !isValidUnicode(from) || hasWhitespaceOrControl(from))
            return FieldError {
                QStringLiteral("sip.from"), QStringLiteral("must have the form user@domain")};
    }
    QSet<QString> names;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString field = QStringLiteral("sip.headers[%1]").arg(i);
        const auto &[name, value] = headers[i];
        if (!isToken(name))
            return FieldError {field,
                QStringLiteral("name must be a non-empty header token (letters, "
                               "digits and !#$%&'*+-.^_`|~)")};
        if (names.contains(name.toLower()))
            return FieldError {field, QStringLiteral("name \"%1\" is given twice").arg(name)};
        names.insert(name.toLower());
        if (!isValidUnicode(value) || value.contains(QLatin1Char('\r'))
            || value.contains(QLatin1Char('\n')) || value.contains(QChar(0)))
            return FieldError {field, QStringLiteral("value must not contain CR, LF or NUL")};
        if (value.size() > kMaxSipUriLength)
            return FieldError {
                field, QStringLiteral("value must be at most %1 characters").arg(kMaxSipUriLength)};
    }
    if (!password.isEmpty() && username.isEmpty())
        return FieldError {QStringLiteral("sip.auth.username"),
            QStringLiteral("is required when a password is given")};
    if (!username.isEmpty() && hasControlCharacters(username))
        return FieldError {QStringLiteral("sip.auth.username"),
            QStringLiteral("must not contain control characters")};
    for (qsizetype i = 0; i < streams.size(); ++i) {
        if (auto v = validateId(QStringLiteral("sip.streams[%1]").arg(i), streams[i]))
            return v;
    }
    return std::nullopt;
}

QJsonObject SipDialOptions::toJson() const
{
    QJsonObject sip {
        {QStringLiteral("uri"), uri},
        {QStringLiteral("secure"), secure},
        {QStringLiteral("video"), video},
        {QStringLiteral("observeForceMute"), observeForceMute},
    };
    if (!from.isEmpty())
        sip.insert(QStringLiteral("from"), from);
    if (!headers.isEmpty()) {
        QJsonObject h;
        for (const auto &[name, value] : headers)
            h.insert(name, value);
        sip.insert(QStringLiteral("headers"), h);
    }
    if (!username.isEmpty())
        sip.insert(QStringLiteral("auth"),
            QJsonObject {
                {QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    if (!streams.isEmpty())
        sip.insert(QStringLiteral("streams"), QJsonArray::fromStringList(streams));
    return QJsonObject {{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("token"), token},
        {QStringLiteral("sip"), sip}};
}

std::optional<SipCall> SipCall::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    SipCall call;
    r.read(QStringLiteral("id"), call.id, JsonReader::Required);
    r.read(QStringLiteral("connectionId"), call.connectionId, JsonReader::Required);
    r.read(QStringLiteral("streamId"), call.streamId);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    call.raw = r.object();
    return call;
}

Validation validateDtmfDigits(const QString &digits)
{
    const QString field = QStringLiteral("digits");
    if (digits.isEmpty())
        return FieldError {field, QStringLiteral("must not be empty")};
    if (digits.size() > kMaxDtmfDigits)
        return FieldError {field, QStringLiteral("must be at most %1 digits").arg(kMaxDtmfDigits)};
    for (const QChar c : digits) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || u == u'*' || u == u'#' || u == u'p'))
            return FieldError {
                field, QStringLiteral("may only contain 0-9, *, # and p (a 500 ms pause)")};
    }
    return std::nullopt;
}

QJsonObject dtmfToJson(const QString &digits)
{
    return QJsonObject {{QStringLiteral("digits"), digits}};
}

} // namespace otadmin
