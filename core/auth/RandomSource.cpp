// SPDX-License-Identifier: GPL-3.0-or-later
// System (CSPRNG) and seeded implementations of RandomSource.
#include "auth/RandomSource.h"

#include <QRandomGenerator>
#include <QVarLengthArray>

#include <cstring>

#ifdef Q_OS_UNIX
#include <pthread.h>
#endif

namespace otadmin {

namespace {

/// System generator output, drawn 256 bytes at a time and handed out once each. A call to
/// QRandomGenerator::system() costs 200-400 ns even for 8 bytes (RDRAND or getrandom() behind
/// it), against 5-15 ns a byte in bulk; a JWT draws twice (nonce, jti). Per thread, so no
/// lock; emptied in a forked child, so that parent and child never hand out the same bytes.
struct Pool
{
    static constexpr int Size = 256;
    quint32 words[Size / 4];
    int used = Size; ///< bytes handed out (or never filled)

    void take(void *out, int count)
    {
        if (count > Size) {
            QVarLengthArray<quint32, 16> direct((count + 3) / 4);
            QRandomGenerator::system()->fillRange(direct.data(), direct.size());
            std::memcpy(out, direct.constData(), size_t(count));
            return;
        }
        if (used + count > Size) {
            QRandomGenerator::system()->fillRange(words);
            used = 0;
        }
        std::memcpy(out, reinterpret_cast<const char *>(words) + used, size_t(count));
        used += count;
    }
};

thread_local Pool t_pool;

Pool &pool()
{
#ifdef Q_OS_UNIX
    static const bool forkHandler = [] {
        pthread_atfork(nullptr, nullptr, [] { t_pool.used = Pool::Size; });
        return true;
    }();
    Q_UNUSED(forkHandler);
#endif
    return t_pool;
}

} // namespace

QByteArray SystemRandomSource::bytes(int count)
{
    QByteArray out(qMax(count, 0), Qt::Uninitialized);
    pool().take(out.data(), int(out.size()));
    return out;
}

quint64 SystemRandomSource::next64()
{
    quint64 value;
    pool().take(&value, sizeof value);
    return value;
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
