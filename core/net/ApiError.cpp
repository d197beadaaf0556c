// SPDX-License-Identifier: GPL-3.0-or-later
// Maps HTTP statuses and failures to ApiError kinds and specific sentences, in one place.
#include "net/ApiError.h"

#include <QCoreApplication>

namespace otadmin {

namespace {
// Differences below this are ordinary clock jitter, not a cause worth naming.
constexpr qint64 SkewWorthNamingSecs = 60;

QString withServerMessage(QString sentence, const QString &serverMessage)
{
    if (!serverMessage.isEmpty())
        sentence += ApiError::tr(" The service said: \u201c%1\u201d").arg(serverMessage);
    return sentence;
}

QString describeSkew(qint64 skew)
{
    const qint64 magnitude = skew < 0 ? -skew : skew;
    // Date has whole seconds, so the skew is known to about 1 s: 599 s is "10 minutes".
    const QString amount = magnitude >= 120 ? ApiError::tr("%1 minutes").arg((magnitude + 30) / 60)
                                            : ApiError::tr("%1 seconds").arg(magnitude);
    return skew > 0
        ? ApiError::tr("This computer's clock is %1 behind the server's.").arg(amount)
        : ApiError::tr("This computer's clock is %1 ahead of the server's.").arg(amount);
}
} // namespace

ApiError ApiError::validation(const FieldError &error)
{
    ApiError e(Kind::Validation, error.toString());
    e.m_field = error.field;
    return e;
}

ApiError ApiError::fromHttp(
    int status, const QString &serverMessage, std::optional<qint64> clockSkewSecs)
{
    ApiError e;
    e.m_httpStatus = status;
    e.m_serverMessage = serverMessage;
    e.m_clockSkewSecs = clockSkewSecs;
    QString sentence;
    if (status == 400) {
        e.m_kind = Kind::BadRequest;
        sentence = ApiError::tr(
            "The service rejected the request as invalid (400). Check the values sent.");
    } else if (status == 401) {
        e.m_kind = Kind::Unauthorized;
        sentence =
            ApiError::tr("The service did not accept the credentials (401). Check the API key and "
                         "secret of this profile.");
    } else if (status == 403) {
        e.m_kind = Kind::Forbidden;
        const bool skewed = clockSkewSecs
            && (*clockSkewSecs >= SkewWorthNamingSecs || *clockSkewSecs <= -SkewWorthNamingSecs);
        if (skewed) {
            sentence =
                ApiError::tr("The service refused the credentials (403), most likely because of "
                             "the clock: %1 The signed request is only valid for 3 minutes; set "
                             "the clock right (enable network time) and try again.")
                    .arg(describeSkew(*clockSkewSecs));
        } else {
            sentence =
                ApiError::tr("The service refused the credentials (403). Likely causes: a wrong or "
                             "rotated API secret; account credentials used for a project call (or "
                             "project credentials for account administration); a suspended "
                             "project; or this computer's clock is wrong.");
        }
    } else if (status == 404) {
        e.m_kind = Kind::NotFound;
        sentence =
            ApiError::tr("Not found (404): the session, connection, stream, archive, broadcast or "
                         "project does not exist, or is no longer connected.");
    } else if (status == 405) {
        e.m_kind = Kind::WrongStreamMode;
        sentence = ApiError::tr("Not allowed (405): streams can only be added or removed when the "
                                "archive or broadcast uses the manual stream mode.");
    } else if (status == 409) {
        e.m_kind = Kind::Conflict;
        sentence =
            ApiError::tr("Conflict (409): the object is not in a state that allows this, e.g. "
                         "already recording or already stopped, or the session is not routed.");
    } else if (status == 413) {
        e.m_kind = Kind::PayloadTooLarge;
        sentence =
            ApiError::tr("Too large (413): the signal type must be at most 128 bytes and its data "
                         "at most 8 kB.");
    } else if (status == 429) {
        e.m_kind = Kind::RateLimited;
        sentence =
            ApiError::tr("Too many requests (429): the service is rate limiting this project. Wait "
                         "a moment and try again.");
    } else if (status >= 500 && status <= 599) {
        e.m_kind = Kind::Server;
        sentence =
            ApiError::tr("The service had an internal problem (%1). This is usually temporary; "
                         "try again shortly.")
                .arg(status);
    } else if (status >= 300 && status <= 399) {
        e.m_kind = Kind::Redirect;
        sentence =
            ApiError::tr("The server answered with a redirect (%1). Redirects are never followed, "
                         "so that credentials cannot be sent elsewhere; check the API URL.")
                .arg(status);
    } else {
        e.m_kind = Kind::HttpStatus;
        sentence = ApiError::tr("The service answered with an unexpected status (%1).").arg(status);
    }
    e.m_userMessage = withServerMessage(sentence, serverMessage);
    return e;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Validation:
        return QStringLiteral("validation");
    case Kind::BadRequest:
        return QStringLiteral("bad-request");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("forbidden");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::WrongStreamMode:
        return QStringLiteral("wrong-stream-mode");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    case Kind::PayloadTooLarge:
        return QStringLiteral("payload-too-large");
    case Kind::RateLimited:
        return QStringLiteral("rate-limited");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::HttpStatus:
        return QStringLiteral("http-status");
    case Kind::Redirect:
        return QStringLiteral("redirect");
    case Kind::InvalidResponse:
        return QStringLiteral("invalid-response");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace otadmin
