// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP-date and Retry-After parsing, and which failures are retried after how long.
#include "auth/RandomSource.h"
#include "net/HttpDate.h"
#include "net/RetryPolicy.h"

#include <QTest>

using namespace otadmin;

namespace {
// A random source that always returns the same fraction, to pin the jitter factor.
class ConstantRandom final : public RandomSource
{
public:
    explicit ConstantRandom(double value) : m_value(value) { }
    QByteArray bytes(int count) override { return QByteArray(count, 'x'); }
    quint64 next64() override { return 42; }
    double nextDouble() override { return m_value; }

private:
    double m_value;
};

constexpr qint64 Nov1994 = 784111777000; // Sun, 06 Nov 1994 08:49:37 GMT
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void httpDate_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("expected"); // -1 = rejected
        QTest::newRow("imf-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << Nov1994;
        QTest::newRow("rfc850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << Nov1994;
        QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << Nov1994;
        QTest::newRow("surrounding space")
            << QByteArray("  Sun, 06 Nov 1994 08:49:37 GMT ") << Nov1994;
        QTest::newRow("epoch") << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT") << qint64(0);
        QTest::newRow("not GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 PST") << qint64(-1);
        QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << qint64(-1);
        QTest::newRow("bad day") << QByteArray("Sun, 32 Nov 1994 08:49:37 GMT") << qint64(-1);
        QTest::newRow("bad hour") << QByteArray("Sun, 06 Nov 1994 25:49:37 GMT") << qint64(-1);
        QTest::newRow("no weekday") << QByteArray("06 Nov 1994 08:49:37 GMT") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("number") << QByteArray("120") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("\xff\xfe, 06 Nov") << qint64(-1);
    }
    void httpDate()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, expected);
        const auto parsed = HttpDate::parse(text);
        if (expected < 0) {
            QVERIFY(!parsed.has_value());
        } else {
            QVERIFY(parsed.has_value());
            QCOMPARE(*parsed, expected);
        }
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("expected"); // -1 = malformed
        QTest::newRow("seconds") << QByteArray("120") << Nov1994 << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << Nov1994 << qint64(0);
        QTest::newRow("date ahead")
            << QByteArray("Sun, 06 Nov 1994 08:50:07 GMT") << Nov1994 << qint64(30000);
        QTest::newRow("date past")
            << QByteArray("Sun, 06 Nov 1994 08:40:00 GMT") << Nov1994 << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << Nov1994 << qint64(-1);
        QTest::newRow("fraction") << QByteArray("1.5") << Nov1994 << qint64(-1);
        QTest::newRow("huge") << QByteArray("99999999999999999999") << Nov1994 << qint64(-1);
        QTest::newRow("empty") << QByteArray("") << Nov1994 << qint64(-1);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, now);
        QFETCH(qint64, expected);
        const auto delay = HttpDate::retryAfterDelayMSecs(text, now);
        if (expected < 0) {
            QVERIFY(!delay.has_value());
        } else {
            QVERIFY(delay.has_value());
            QCOMPARE(*delay, expected);
        }
    }

    void retryDecision_data()
    {
        QTest::addColumn<int>("idempotency");
        QTest::addColumn<int>("attemptsMade");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("connectionFailed");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<qint64>("expected"); // -1 = no retry
        const int read = int(Idempotency::Read);
        const int idem = int(Idempotency::Idempotent);
        const int post = int(Idempotency::NonIdempotent);
        // jitter fixed at 0.5 → factor 1.0
        QTest::newRow("read 503 first")
            << read << 1 << 503 << false << QByteArray() << qint64(1000);
        QTest::newRow("read 503 second")
            << read << 2 << 503 << false << QByteArray() << qint64(2000);
        QTest::newRow("read 503 third: give up")
            << read << 3 << 503 << false << QByteArray() << qint64(-1);
        QTest::newRow("read 408") << read << 1 << 408 << false << QByteArray() << qint64(1000);
        QTest::newRow("read 429") << read << 1 << 429 << false << QByteArray() << qint64(1000);
        QTest::newRow("read 502") << read << 1 << 502 << false << QByteArray() << qint64(1000);
        QTest::newRow("read 504") << read << 1 << 504 << false << QByteArray() << qint64(1000);
        QTest::newRow("read connect fail")
            << read << 1 << 0 << true << QByteArray() << qint64(1000);
        QTest::newRow("read timeout: no") << read << 1 << 0 << false << QByteArray() << qint64(-1);
        QTest::newRow("read 500: no") << read << 1 << 500 << false << QByteArray() << qint64(-1);
        QTest::newRow("read 400: no") << read << 1 << 400 << false << QByteArray() << qint64(-1);
        QTest::newRow("read 403: no") << read << 1 << 403 << false << QByteArray() << qint64(-1);
        QTest::newRow("read 404: no") << read << 1 << 404 << false << QByteArray() << qint64(-1);
        QTest::newRow("read 409: no") << read << 1 << 409 << false << QByteArray() << qint64(-1);
        QTest::newRow("retry-after seconds")
            << read << 1 << 429 << false << QByteArray("7") << qint64(7000);
        QTest::newRow("retry-after date")
            << read << 1 << 503 << false << QByteArray("Sun, 06 Nov 1994 08:50:07 GMT")
            << qint64(30000);
        QTest::newRow("retry-after at cap")
            << read << 1 << 429 << false << QByteArray("60") << qint64(60000);
        QTest::newRow("retry-after over cap: give up")
            << read << 1 << 429 << false << QByteArray("61") << qint64(-1);
        QTest::newRow("retry-after malformed: backoff")
            << read << 1 << 429 << false << QByteArray("soon") << qint64(1000);
        QTest::newRow("idempotent 503: never by machine")
            << idem << 1 << 503 << false << QByteArray() << qint64(-1);
        QTest::newRow("post 503: never") << post << 1 << 503 << false << QByteArray() << qint64(-1);
        QTest::newRow("post connect fail: never")
            << post << 1 << 0 << true << QByteArray() << qint64(-1);
        QTest::newRow("post 429 retry-after: never")
            << post << 1 << 429 << false << QByteArray("1") << qint64(-1);
    }
    void retryDecision()
    {
        QFETCH(int, idempotency);
        QFETCH(int, attemptsMade);
        QFETCH(int, status);
        QFETCH(bool, connectionFailed);
        QFETCH(QByteArray, retryAfter);
        QFETCH(qint64, expected);
        ConstantRandom random(0.5);
        const RetryPolicy policy;
        const auto delay = policy.nextDelayMSecs(Idempotency(idempotency), attemptsMade, status,
            connectionFailed, retryAfter, Nov1994, random);
        if (expected < 0) {
            QVERIFY(!delay.has_value());
        } else {
            QVERIFY(delay.has_value());
            QCOMPARE(*delay, expected);
        }
    }

    void jitterStaysInRange()
    {
        const RetryPolicy policy;
        SeededRandomSource random(7);
        for (int attempt = 1; attempt <= 2; ++attempt) {
            const qint64 base = 1000LL << (attempt - 1);
            qint64 low = base * 2, high = 0;
            for (int i = 0; i < 2000; ++i) {
                const auto delay =
                    policy.nextDelayMSecs(Idempotency::Read, attempt, 503, false, {}, 0, random);
                QVERIFY(delay.has_value());
                low = qMin(low, *delay);
                high = qMax(high, *delay);
            }
            QVERIFY2(low >= base / 2, qPrintable(QString::number(low)));
            QVERIFY2(high < base * 3 / 2, qPrintable(QString::number(high)));
            // the jitter really spreads: not stuck at one value
            QVERIFY(high - low > base / 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
