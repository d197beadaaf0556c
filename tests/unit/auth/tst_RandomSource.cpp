// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for SystemRandomSource's per-thread pool: every byte handed out once, any size.
#include "auth/RandomSource.h"

#include <QSet>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace otadmin;

class tst_RandomSource : public QObject
{
    Q_OBJECT

private slots:
    void next64NeverRepeats();
    void bytesOfEverySize();
    void forkedChildDrawsOtherValues();
};

void tst_RandomSource::next64NeverRepeats()
{
    // Many refills of the pool; a value handed out twice would show as a duplicate.
    SystemRandomSource random;
    QSet<quint64> seen;
    for (int i = 0; i < 20000; ++i)
        seen.insert(random.next64());
    QCOMPARE(seen.size(), 20000);
}

void tst_RandomSource::bytesOfEverySize()
{
    // Sizes below, at and above the pool (256 bytes), so every path is taken, interleaved with
    // 64-bit draws; 16-byte draws (a jti) must never repeat.
    SystemRandomSource random;
    QSet<QByteArray> jtis;
    for (int count = 0; count <= 600; ++count) {
        const QByteArray bytes = random.bytes(count);
        QCOMPARE(bytes.size(), count);
        if (count >= 32)
            QVERIFY(bytes.count('\0') < count / 2);
        random.next64();
        jtis.insert(random.bytes(16));
    }
    QCOMPARE(jtis.size(), 601);
    QCOMPARE(random.bytes(-1).size(), 0);
}

void tst_RandomSource::forkedChildDrawsOtherValues()
{
#ifdef Q_OS_UNIX
    // The parent's pool is full after one draw; the child must not hand out its copy.
    SystemRandomSource random;
    random.next64();
    int fds[2];
    QCOMPARE(pipe(fds), 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        const quint64 value = random.next64();
        const bool written = write(fds[1], &value, sizeof value) == ssize_t(sizeof value);
        _exit(written ? 0 : 1);
    }
    close(fds[1]);
    quint64 fromChild = 0;
    QCOMPARE(read(fds[0], &fromChild, sizeof fromChild), ssize_t(sizeof fromChild));
    close(fds[0]);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QVERIFY(random.next64() != fromChild);
#else
    QSKIP("fork() is POSIX only");
#endif
}

QTEST_GUILESS_MAIN(tst_RandomSource)
#include "tst_RandomSource.moc"
