// SPDX-License-Identifier: GPL-3.0-or-later
// Session ID decoding, ownership check and construction.
#include "auth/SessionId.h"

#include "auth/Base64Url.h"

#include <QStringDecoder>

namespace otadmin {

namespace {

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-'
        || u == '_';
}

std::optional<SessionIdInfo> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

std::optional<SessionIdInfo> decodeSessionId(const QString &sessionId, QString *error)
{
    if (sessionId.isEmpty())
        return fail(error, QStringLiteral("The session ID is empty."));
    if (sessionId.size() > MaxSessionIdLength)
        return fail(error,
            QStringLiteral("The session ID is %1 characters long; at most %2 are "
                           "accepted.")
                .arg(sessionId.size())
                .arg(MaxSessionIdLength));
    for (qsizetype i = 0; i < sessionId.size(); ++i) {
        if (!isIdChar(sessionId.at(i)))
            return fail(error,
                QStringLiteral("The session ID contains '%1' at position %2; only "
                               "letters, digits, '-' and '_' are allowed.")
                    .arg(sessionId.at(i))
                    .arg(i + 1));
    }
    if (sessionId.size() < 3)
        return fail(error, QStringLiteral("The session ID is too short to hold a project key."));

    const auto bytes = Base64Url::decode(sessionId.mid(2).toLatin1());
    if (!bytes)
        return fail(error,
            QStringLiteral("The session ID is not base64url after its two-character "
                           "prefix."));
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(*bytes);
    if (utf8.hasError() || text.contains(QChar(0)))
        return fail(error, QStringLiteral("The session ID does not decode to text."));

    SessionIdInfo info;
    info.fields = text.split(QLatin1Char('~'));
    if (info.fields.size() < 2 || info.fields.at(1).isEmpty())
        return fail(error, QStringLiteral("The session ID has no API key field."));
    info.apiKey = info.fields.at(1);
    info.location = info.fields.value(2);
    info.createTime = info.fields.value(3);
    // Only plain digits count: toLongLong() alone would also take " 12" or "+12".
    bool isNumber = !info.createTime.isEmpty();
    for (const QChar c : std::as_const(info.createTime))
        isNumber = isNumber && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    const qint64 ms = isNumber ? info.createTime.toLongLong(&isNumber) : 0;
    if (isNumber)
        info.createdAtMSecs = ms;
    return info;
}

bool sessionBelongsTo(const QString &sessionId, const QString &apiKey)
{
    const auto info = decodeSessionId(sessionId);
    return info && !apiKey.isEmpty() && info->apiKey == apiKey;
}

QString makeSessionId(const QString &apiKey, qint64 createdMSecs, const QByteArray &randomPart,
    const QString &location)
{
    const QByteArray plain = "1~" + apiKey.toUtf8() + '~' + location.toUtf8() + '~'
        + QByteArray::number(createdMSecs) + '~' + randomPart + "~~";
    return QStringLiteral("1_") + QString::fromLatin1(Base64Url::encode(plain));
}

} // namespace otadmin
