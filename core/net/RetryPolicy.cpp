// SPDX-License-Identifier: GPL-3.0-or-later
// Retry decisions and jittered backoff for idempotent reads.
#include "net/RetryPolicy.h"

#include "auth/RandomSource.h"
#include "net/HttpDate.h"

namespace otadmin {

bool RetryPolicy::isTransient(int httpStatus, bool connectionFailed)
{
    if (httpStatus == 0)
        return connectionFailed;
    return httpStatus == 408 || httpStatus == 429 || httpStatus == 502 || httpStatus == 503
        || httpStatus == 504;
}

std::optional<qint64> RetryPolicy::nextDelayMSecs(Idempotency idempotency, int attemptsMade,
    int httpStatus, bool connectionFailed, const QByteArray &retryAfter, qint64 nowMSecs,
    RandomSource &random) const
{
    if (idempotency != Idempotency::Read || attemptsMade >= maxAttempts
        || !isTransient(httpStatus, connectionFailed))
        return std::nullopt;
    if (!retryAfter.isEmpty()) {
        if (const auto wait = HttpDate::retryAfterDelayMSecs(retryAfter, nowMSecs)) {
            if (*wait > maxRetryAfterMSecs)
                return std::nullopt;
            return *wait;
        }
    }
    const qint64 backoff = baseDelayMSecs << (attemptsMade - 1);
    return qint64(double(backoff) * (0.5 + random.nextDouble()));
}

} // namespace otadmin
