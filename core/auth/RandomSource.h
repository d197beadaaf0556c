// SPDX-License-Identifier: GPL-3.0-or-later
// Injectable random source for JWT `jti`, token nonces and retry jitter.
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace otadmin {

/// Where every random value in the core comes from. Production uses the OS CSPRNG
/// (QRandomGenerator::system()); tests substitute a deterministic source.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    /// `count` random bytes (a 128-bit `jti` takes 16).
    virtual QByteArray bytes(int count) = 0;
    /// A random unsigned 64-bit value (token nonces).
    virtual quint64 next64() = 0;
    /// A uniformly distributed double in [0, 1) (retry jitter).
    virtual double nextDouble() = 0;
};

/// Cryptographically secure: QRandomGenerator::system(), drawn in blocks of 256 bytes per
/// thread and handed out once each (bytes() and next64(); nextDouble() draws directly).
class SystemRandomSource final : public RandomSource
{
public:
    QByteArray bytes(int count) override;
    quint64 next64() override;
    double nextDouble() override;
    /// A process-wide instance for production wiring and real-time tests; tests that need
    /// repeatable values use SeededRandomSource instead.
    static SystemRandomSource &shared();
};

/// Deterministic, seeded (QRandomGenerator with a seed); for tests only.
class SeededRandomSource final : public RandomSource
{
public:
    explicit SeededRandomSource(quint32 seed = 1);
    QByteArray bytes(int count) override;
    quint64 next64() override;
    double nextDouble() override;

private:
    quint64 m_state;
};

} // namespace otadmin
