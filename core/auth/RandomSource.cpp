// SPDX-License-Identifier: GPL-3.0-or-later
// System (CSPRNG) and seeded implementations of RandomSource.
#include "auth/RandomSource.h"

#include <QRandomGenerator>
#include <QVarLengthArray>

#include <cstring>

namespace otadmin {

QByteArray SystemRandomSource::bytes(int count)
{
    // One draw for all the bytes: each draw from the system generator is costly, and a draw
    // per byte made 16 bytes (a jti) take 4.3 us instead of 0.4 (docs/performance.md).
    QVarLengthArray<quint32, 16> words((qMax(count, 0) + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray out(qMax(count, 0), Qt::Uninitialized);
    std::memcpy(out.data(), words.constData(), size_t(out.size()));
    return out;
}

quint64 SystemRandomSource::next64()
{
    return QRandomGenerator::system()->generate64();
}

double SystemRandomSource::nextDouble()
{
    return QRandomGenerator::system()->generateDouble();
}

SystemRandomSource &SystemRandomSource::shared()
{
    static SystemRandomSource source;
    return source;
}

// splitmix64: small, fast and fully deterministic across platforms.
SeededRandomSource::SeededRandomSource(quint32 seed) : m_state(seed) { }

quint64 SeededRandomSource::next64()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QByteArray SeededRandomSource::bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    for (int i = 0; i < count; ++i)
        out[i] = char(next64() & 0xff);
    return out;
}

double SeededRandomSource::nextDouble()
{
    return double(next64() >> 11) * (1.0 / 9007199254740992.0);
}

} // namespace otadmin
