// SPDX-License-Identifier: GPL-3.0-or-later
// Format: the hand-built local time equals what QDateTime's pattern writes, across zones and DST.
#include "models/Format.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

#include <ctime>

using namespace otadmin;

class TestFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localTimeMatchesThePattern_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::newRow("UTC") << QByteArray("UTC");
        QTest::newRow("Paris (DST)") << QByteArray("Europe/Paris");
        QTest::newRow("New York (DST)") << QByteArray("America/New_York");
        QTest::newRow("Kolkata (half hour)") << QByteArray("Asia/Kolkata");
    }
    void localTimeMatchesThePattern()
    {
        QFETCH(QByteArray, zone);
        const QByteArray saved = qgetenv("TZ");
        qputenv("TZ", zone);
        ::tzset();
        QRandomGenerator random(42);
        QList<qint64> times {1, 999, 1000, 1711846799000, 1711846800000, 1711850400000,
            1730595600000, 1730599200000, 253402300799000}; // DST edges, last second of 9999
        for (int i = 0; i < 2000; ++i)
            times << random.bounded(qint64(4102444800)) * 1000 + random.bounded(1000);
        for (const qint64 ms : std::as_const(times)) {
            const QString expected =
                QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            QCOMPARE(formatLocalTime(ms), expected);
        }
        QVERIFY(formatLocalTime(0).isEmpty()); // "no time", not the epoch
        if (saved.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", saved);
        ::tzset();
    }
};

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
