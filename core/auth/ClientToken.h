// SPDX-License-Identifier: GPL-3.0-or-later
// Client tokens (T1 and JWT) with which OpenTok clients join a session (reference §3).
#pragma once

#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "types/FieldError.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace otadmin {

/// What the client may do. Names on the wire: publisher, subscriber, moderator, publisheronly.
enum class TokenRole
{
    Publisher,
    Subscriber,
    Moderator,
    PublisherOnly
};

/// The wire name ("publisheronly" for PublisherOnly); empty for a value outside the enum.
QString roleName(TokenRole role);
/// Exact, lowercase wire names only.
std::optional<TokenRole> roleFromName(const QString &name);

/// Jwt is the default of every current SDK; T1 ("T1==...") is the legacy format, still
/// accepted by the platform.
enum class TokenFormat
{
    Jwt,
    T1
};

/// Limits enforced before signing (reference §3.2, "strict set").
namespace ClientTokenLimits {
/// Default lifetime when no expiry is given, seconds (all SDKs).
inline constexpr qint64 DefaultLifetimeSecs = 86400;
/// Latest accepted expiry after now, seconds: the documented platform limit of 30 days.
inline constexpr qint64 MaxLifetimeSecs = 30 * 86400;
/// Documented platform limit (Python/Java/PHP); Node and Go allow 1024. Counted in Unicode
/// code points, so 1000 emoji are accepted.
inline constexpr int MaxConnectionDataChars = 1000;
/// Joined length of the layout class list (classes plus single separating spaces). Not a
/// documented limit: taken from the Python SDK, the strictest SDK that checks it.
inline constexpr int MaxLayoutClassListChars = 1000;
} // namespace ClientTokenLimits

struct ClientTokenOptions
{
    TokenRole role = TokenRole::Publisher;
    /// Absolute expiry, Unix seconds. Unset: creation time + 86400. Must lie in
    /// [now, now + 30 days], both ends included.
    std::optional<qint64> expireTimeSecs;
    /// Delivered to other clients with the connection; empty = not sent.
    QString connectionData;
    /// Each class non-empty and without whitespace; sent joined with single spaces.
    QStringList initialLayoutClasses;
    TokenFormat format = TokenFormat::Jwt;
};

struct ClientTokenResult
{
    QString token; ///< empty when `error` is set
    std::optional<FieldError> error;
    qint64 createTime = 0; ///< Unix seconds
    qint64 expireTime = 0; ///< Unix seconds
    bool ok() const { return !error && !token.isEmpty(); }
};

/// The resolved contents of a token, shared by both formats. Lower-level than
/// ClientTokenOptions: no defaults, no validation; tests build the §3.4 vectors from it.
struct ClientTokenData
{
    QString sessionId;
    qint64 createTime = 0; ///< Unix seconds
    qint64 expireTime = 0; ///< Unix seconds
    /// Opaque to the server. We draw 53 bits so that it is an exact JSON number for every
    /// parser (JavaScript, Python floats); T1 carries it as decimal text.
    quint64 nonce = 0;
    TokenRole role = TokenRole::Publisher;
    QString connectionData; ///< empty = field omitted
    QStringList initialLayoutClasses; ///< empty = field omitted
    bool includeScope = true; ///< `scope=session.connect` (Node and Java send it; vector B not)
};

/// T1 data string in Node 2.23's field order: session_id, create_time, nonce, role,
/// expire_time, [connection_data], [initial_layout_class_list], [scope]. Values are encoded
/// with QUrl::toPercentEncoding() defaults (space -> %20, '=' -> %3D); the signature covers
/// these exact bytes, so any consistent encoding is accepted by the server.
QByteArray t1DataString(const ClientTokenData &data);

/// "T1==" + base64("partner_id=<key>&sig=<hex HMAC-SHA1(secret, data)>:<data>"), standard
/// base64 alphabet with padding.
QString encodeT1(const QString &apiKey, const QByteArray &apiSecret, const QByteArray &dataString);

/// Compact JWT claims: iss, ist=project, iat, exp (= expire_time), [jti], session_id,
/// create_time, nonce, role, expire_time, [connection_data], [initial_layout_class_list],
/// [scope]. This is Node 2.23's layout plus a `jti` (omitted when `jti` is empty, which
/// reproduces vector C). `iatSecs` is Unix seconds.
QByteArray jwtClientClaims(
    const QString &apiKey, const ClientTokenData &data, qint64 iatSecs, const QByteArray &jti);

/// HS256-signs jwtClientClaims() with the API secret.
QString encodeJwt(const QString &apiKey, const QByteArray &apiSecret, const ClientTokenData &data,
    qint64 iatSecs, const QByteArray &jti);

/// Checks everything generateClientToken() checks, at `nowSecs`. The FieldError names the
/// option: apiKey, apiSecret, sessionId, role, expireTime, connectionData,
/// initialLayoutClassList (or initialLayoutClassList[i] for one bad class), format.
Validation validateClientToken(const QString &apiKey, const QByteArray &apiSecret,
    const QString &sessionId, const ClientTokenOptions &options, qint64 nowSecs);

/// Validates, then signs a token locally (no network). create_time and iat are
/// clock.nowSecs(); the nonce and (JWT) jti come from `random`, fresh on every call.
ClientTokenResult generateClientToken(const QString &apiKey, const QByteArray &apiSecret,
    const QString &sessionId, const ClientTokenOptions &options, const Clock &clock,
    RandomSource &random);

} // namespace otadmin
