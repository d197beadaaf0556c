// SPDX-License-Identifier: GPL-3.0-or-later
// Session ID decoding, ownership check and construction.
#include "auth/SessionId.h"

#include "auth/Base64Url.h"

#include <QStringDecoder>
#include <QVarLengthArray>

namespace otadmin {

namespace {

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-'
        || u == '_';
}

std::nullopt_t fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

/// The checks both decoders share, up to the decoded `~`-separated text.
std::optional<QString> decodedText(const QString &sessionId, QString *error)
{
    if (sessionId.isEmpty())
        return fail(error, QStringLiteral("The session ID is empty."));
    if (sessionId.size() > MaxSessionIdLength)
        return fail(error,
            QStringLiteral("The session ID is %1 characters long; at most %2 are "
                           "accepted.")
                .arg(sessionId.size())
                .arg(MaxSessionIdLength));
    // Checked and narrowed in one pass: only [A-Za-z0-9_-] gets through, so the Latin-1
    // copy is the ID itself.
    QVarLengthArray<char, MaxSessionIdLength> latin1(sessionId.size());
    for (qsizetype i = 0; i < sessionId.size(); ++i) {
        if (!isIdChar(sessionId.at(i)))
            return fail(error,
                QStringLiteral("The session ID contains '%1' at position %2; only "
                               "letters, digits, '-' and '_' are allowed.")
                    .arg(sessionId.at(i))
                    .arg(i + 1));
        latin1[i] = char(sessionId.at(i).unicode());
    }
    if (sessionId.size() < 3)
        return fail(error, QStringLiteral("The session ID is too short to hold a project key."));

    const auto bytes = Base64Url::decode(QByteArrayView(latin1.constData() + 2, latin1.size() - 2));
    if (!bytes)
        return fail(error,
            QStringLiteral("The session ID is not base64url after its two-character "
                           "prefix."));
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(*bytes);
    if (utf8.hasError() || text.contains(QChar(0)))
        return fail(error, QStringLiteral("The session ID does not decode to text."));
    return text;
}

} // namespace

std::optional<SessionIdInfo> decodeSessionId(const QString &sessionId, QString *error)
{
    const auto decoded = decodedText(sessionId, error);
    if (!decoded)
        return std::nullopt;
    const QString &text = *decoded;

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

std::optional<QString> sessionIdApiKey(const QString &sessionId, QString *error)
{
    const auto text = decodedText(sessionId, error);
    if (!text)
        return std::nullopt;
    // Field 1, as decodeSessionId() splits it, without building every field.
    const qsizetype first = text->indexOf(QLatin1Char('~'));
    const qsizetype second = first < 0 ? -1 : text->indexOf(QLatin1Char('~'), first + 1);
    const qsizetype end = second < 0 ? text->size() : second;
    if (first < 0 || end == first + 1)
        return fail(error, QStringLiteral("The session ID has no API key field."));
    return text->mid(first + 1, end - first - 1);
}

bool sessionBelongsTo(const QString &sessionId, const QString &apiKey)
{
    const auto key = sessionIdApiKey(sessionId);
    return key && !apiKey.isEmpty() && *key == apiKey;
}

QString makeSessionId(const QString &apiKey, qint64 createdMSecs, const QByteArray &randomPart,
    const QString &location)
{
    const QByteArray plain = "1~" + apiKey.toUtf8() + '~' + location.toUtf8() + '~'
        + QByteArray::number(createdMSecs) + '~' + randomPart + "~~";
    return QStringLiteral("1_") + QString::fromLatin1(Base64Url::encode(plain));
}

} // namespace otadmin
