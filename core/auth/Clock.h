// SPDX-License-Identifier: GPL-3.0-or-later
// Injectable wall clock, so tokens, JWTs and retry timing can be tested at fixed times.
#pragma once

#include <QtGlobal>

namespace otadmin {

/// The source of "now" for everything that puts a time into a token or schedules a retry.
/// Pass a Clock by reference to whatever needs time; tests pass a FixedClock.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch (UTC).
    virtual qint64 nowMSecs() const = 0;
    /// Whole seconds since the Unix epoch, rounded down (what JWT `iat` and token times use).
    qint64 nowSecs() const { return nowMSecs() / 1000; }
};

/// The real system clock (QDateTime::currentMSecsSinceEpoch()).
class SystemClock final : public Clock
{
public:
    qint64 nowMSecs() const override;
    /// A process-wide instance for production wiring and tests that run in real time (against
    /// the sandbox); tests that pin time use FixedClock instead.
    static SystemClock &shared();
};

/// A clock that stands still until told to move; for tests.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 msecs = 0) : m_msecs(msecs) { }
    qint64 nowMSecs() const override { return m_msecs; }
    void setMSecs(qint64 msecs) { m_msecs = msecs; }
    void advanceMSecs(qint64 delta) { m_msecs += delta; }

private:
    qint64 m_msecs;
};

} // namespace otadmin
