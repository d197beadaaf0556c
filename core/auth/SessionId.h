// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding of OpenTok session IDs, to check which project a session belongs to (reference §2.2).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace otadmin {

/// What a session ID says about itself. Session IDs are otherwise opaque; this exists so a
/// token is never signed for a session of another project (the server would refuse it).
struct SessionIdInfo
{
    QString apiKey; ///< field 1: the owning project's API key
    QString location; ///< field 2: location hint IP, usually empty
    QString createTime; ///< field 3 as written: Unix ms in modern IDs, a date string in old ones
    std::optional<qint64> createdAtMSecs; ///< field 3 when it is an integer (Unix milliseconds)
    QStringList fields; ///< every `~`-separated field, index 0 included
};

/// Longest session ID accepted. Our own sanity bound, not a documented platform limit: real
/// IDs are 70-100 characters, and anything far longer is a paste error.
inline constexpr int MaxSessionIdLength = 255;

/// Decodes "<2-char sentinel><base64url without padding of 1~key~location~time~random~...>".
/// Only [A-Za-z0-9_-] is accepted (IDs go into URL paths unescaped). The sentinel is not
/// checked, as no SDK checks it. On failure `error` gets a sentence saying what is wrong
/// (empty, too long, bad character and where, too short, not base64, no API key field).
std::optional<SessionIdInfo> decodeSessionId(const QString &sessionId, QString *error = nullptr);

/// Field 1 of the ID (the owning API key) after exactly the checks of decodeSessionId(), with
/// the same error sentences, but without splitting the other fields: signing a token checks
/// the session on every call.
std::optional<QString> sessionIdApiKey(const QString &sessionId, QString *error = nullptr);

/// The strict ownership check (Node and Go): field 1 equals `apiKey` exactly. Python and Java
/// accept the key in any field; we do not. A non-numeric creation time (old IDs) is fine.
bool sessionBelongsTo(const QString &sessionId, const QString &apiKey);

/// Builds a modern-looking ID, "1_" + base64url("1~key~location~ms~random~~"), for tests and
/// fixtures. `randomPart` must not contain `~`.
QString makeSessionId(const QString &apiKey, qint64 createdMSecs, const QByteArray &randomPart,
    const QString &location = {});

} // namespace otadmin
