// SPDX-License-Identifier: GPL-3.0-or-later
// When an API call may be repeated by the machine, and how long to wait first.
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>

namespace otadmin {

class RandomSource;

/// How safe it is to send a request again (reference §12.4).
enum class Idempotency
{
    /// GET: retried automatically on transient failures.
    Read,
    /// Setting state (layout, classes, storage, project status, force mute, delete, stop):
    /// never retried by the machine, but offering the user a Retry button is safe.
    Idempotent,
    /// Creates something or delivers something (start archive/broadcast, dial, signal, DTMF,
    /// create session/project, refresh secret): never retried; an unknown outcome must be
    /// reconciled by reading the state.
    NonIdempotent,
};

/// Automatic retries of reads only (STYLE §8, RELIABILITY G-REL-3): at most `maxAttempts`
/// attempts in all, only after a connection failure or a 408/429/502/503/504; exponential
/// backoff of base, 2×base, 4×base, each multiplied by a random factor in [0.5, 1.5).
/// A `Retry-After` (seconds or HTTP-date) replaces the backoff; one longer than
/// `maxRetryAfterMSecs` means "give up", since we never retry earlier than the server says.
struct RetryPolicy
{
    int maxAttempts = 3;
    qint64 baseDelayMSecs = 1000;
    qint64 maxRetryAfterMSecs = 60'000;

    /// Whether a failed attempt with this outcome is worth repeating at all.
    /// `httpStatus` is 0 when no response arrived; `connectionFailed` is true for refused,
    /// reset or unreachable connections (not for timeouts: a hung server stays hung).
    static bool isTransient(int httpStatus, bool connectionFailed);

    /// The delay before the next attempt in milliseconds, or nullopt to stop and report the
    /// error. `attemptsMade` counts attempts already sent (1 after the first).
    std::optional<qint64> nextDelayMSecs(Idempotency idempotency, int attemptsMade, int httpStatus,
        bool connectionFailed, const QByteArray &retryAfter, qint64 nowMSecs,
        RandomSource &random) const;
};

} // namespace otadmin
