// SPDX-License-Identifier: GPL-3.0-or-later
// The one error type of the core: what went wrong with an API call, for code and for people.
#pragma once

#include "types/FieldError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace otadmin {

/// Every failure of an API call — rejected input, HTTP error, bad response, timeout, network —
/// ends as one ApiError. `kind` is for code (e.g. offer Retry only when retrying is safe),
/// `userMessage()` is a finished sentence for a banner: what happened, why, what to do.
/// HTTP statuses map to kinds in exactly one place: ApiError::fromHttp().
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(otadmin::ApiError)

public:
    enum class Kind
    {
        None, ///< no error
        Validation, ///< input rejected before anything was sent; see field()
        BadRequest, ///< 400
        Unauthorized, ///< 401
        Forbidden, ///< 403: credentials, account vs project, clock skew
        NotFound, ///< 404
        WrongStreamMode, ///< 405: add/remove stream on a non-manual archive/broadcast
        Conflict, ///< 409: state conflict (already recording, not routed, ...)
        PayloadTooLarge, ///< 413: signal type/data too long
        RateLimited, ///< 429
        Server, ///< 5xx
        HttpStatus, ///< any other non-2xx status
        Redirect, ///< 3xx: never followed, credentials must not go elsewhere
        InvalidResponse, ///< 2xx whose body is malformed, truncated, too large or not JSON
        Timeout, ///< overall deadline or inactivity timeout reached
        Network, ///< connection refused/reset, DNS, TLS
        Cancelled, ///< aborted by the caller
    };

    ApiError() = default;
    ApiError(Kind kind, QString userMessage) : m_kind(kind), m_userMessage(std::move(userMessage))
    {
    }

    /// Input rejected before sending: names the field and the limit.
    static ApiError validation(const FieldError &error);
    /// Maps a non-2xx HTTP answer to a kind and a specific sentence. `serverMessage` is the
    /// redacted `message` of the service's JSON error body (may be empty). `clockSkewSecs` is
    /// server time minus local time when the response carried a `Date` header.
    static ApiError fromHttp(int status, const QString &serverMessage,
        std::optional<qint64> clockSkewSecs = std::nullopt);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    /// The HTTP status, or 0 when no response was received (validation, network, timeout).
    int httpStatus() const { return m_httpStatus; }
    /// The service's own `message` (already redacted), if it sent one.
    QString serverMessage() const { return m_serverMessage; }
    /// For Validation errors: the API's name of the offending field ("maxBitrate", "sip.uri").
    QString field() const { return m_field; }
    /// Seconds the server asked us to wait (429/503 `Retry-After`), when it said so.
    std::optional<qint64> retryAfterSecs() const { return m_retryAfterSecs; }
    /// Server clock minus local clock in seconds, when known (from the response `Date`).
    std::optional<qint64> clockSkewSecs() const { return m_clockSkewSecs; }
    /// A full sentence for people: what happened, the likely cause, what to do.
    QString userMessage() const { return m_userMessage; }
    /// Short machine-readable name of the kind ("forbidden", "timeout", ...).
    static QString kindName(Kind kind);

    void setRetryAfterSecs(std::optional<qint64> secs) { m_retryAfterSecs = secs; }
    void setServerMessage(const QString &message) { m_serverMessage = message; }

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_serverMessage;
    QString m_field;
    QString m_userMessage;
    std::optional<qint64> m_retryAfterSecs;
    std::optional<qint64> m_clockSkewSecs;
};

} // namespace otadmin
