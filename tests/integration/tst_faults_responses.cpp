// SPDX-License-Identifier: GPL-3.0-or-later
// Retries of reads (G-REL-3), malformed responses (G-REL-4), size cap and gzip bomb (G-REL-6).
#include "FaultTestKit.h"

#include "api/ArchivesApi.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpServer>
#include <QTimeZone>

#include <zlib.h>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;
using Mode = FaultPlan::Mode;

Q_DECLARE_METATYPE(otadmin::test::FaultPlan)

namespace {

const QByteArray ArchiveJson =
    "{\"id\":\"b40ef09b-3811-4726-b508-e41a0f96c68f\",\"status\":\"started\","
    "\"sessionId\":\"1_MX4\",\"createdAt\":1384221730000,\"name\":\"x\"";

QByteArray archiveWith(const QByteArray &extra = {})
{
    return ArchiveJson + extra + '}';
}

/// A gzip member whose deflate stream is `repeats` copies of the same full-flushed block
/// (each 1 MiB of zeros), then an empty final block: about 1 KiB per MiB expanded.
QByteArray gzipBomb(int repeats, qint64 *expandedBytes)
{
    const QByteArray zeros(1024 * 1024, '\0');
    z_stream stream {};
    deflateInit2(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    QByteArray block;
    QByteArray out(64 * 1024, '\0');
    for (int pass = 0; pass < 2; ++pass) { // the second block starts from a reset state
        block.clear();
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
        stream.avail_in = uInt(zeros.size());
        do {
            stream.next_out = reinterpret_cast<Bytef *>(out.data());
            stream.avail_out = uInt(out.size());
            deflate(&stream, Z_FULL_FLUSH);
            block += out.left(out.size() - stream.avail_out);
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    const uLong chunkCrc =
        crc32(0L, reinterpret_cast<const Bytef *>(zeros.constData()), zeros.size());
    uLong crc = 0;
    QByteArray bomb("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03", 10);
    bomb.reserve(10 + block.size() * repeats + 10);
    for (int i = 0; i < repeats; ++i) {
        bomb += block;
        crc = i == 0 ? chunkCrc : crc32_combine(crc, chunkCrc, zeros.size());
    }
    bomb += QByteArray("\x03\x00", 2); // empty final fixed-Huffman block
    const qint64 total = qint64(repeats) * zeros.size();
    for (int shift = 0; shift < 32; shift += 8)
        bomb += char((crc >> shift) & 0xff);
    for (int shift = 0; shift < 32; shift += 8)
        bomb += char((quint64(total) >> shift) & 0xff);
    *expandedBytes = total;
    return bomb;
}

/// Inflates the start of a gzip member: proves the bomb is a real one without expanding it all.
qint64 inflatePrefix(const QByteArray &gzip, qint64 limit)
{
    z_stream stream {};
    inflateInit2(&stream, 16 + 15);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gzip.constData()));
    stream.avail_in = uInt(gzip.size());
    QByteArray out(1024 * 1024, '\0');
    qint64 produced = 0;
    while (produced < limit) {
        stream.next_out = reinterpret_cast<Bytef *>(out.data());
        stream.avail_out = uInt(out.size());
        const int rc = inflate(&stream, Z_NO_FLUSH);
        produced += out.size() - stream.avail_out;
        if (rc != Z_OK)
            break;
    }
    inflateEnd(&stream);
    return produced;
}

} // namespace

class TestFaultResponses : public QObject
{
    Q_OBJECT
    std::unique_ptr<ProxiedSandbox> m_env;

    bool makeEnv(int deadlineMSecs = 3000, int inactivityMSecs = 1500)
    {
        m_env = std::make_unique<ProxiedSandbox>(deadlineMSecs, inactivityMSecs);
        return m_env->isListening();
    }
    QList<RequestLogEntry> attemptsOf(quint64 requestId)
    {
        QList<RequestLogEntry> found;
        for (const RequestLogEntry &entry : m_env->log().entries()) {
            if (entry.requestId == requestId)
                found << entry;
        }
        return found;
    }

private Q_SLOTS:
    void cleanup()
    {
        if (m_env)
            OTADMIN_VERIFY_NO_HTTP2(m_env->log());
        m_env.reset();
    }

    // G-REL-3: a read is tried at most 3 times on transient answers.
    void readsAtMostThreeAttempts_data()
    {
        QTest::addColumn<int>("status");
        for (int status : {408, 429, 502, 503, 504})
            QTest::addRow("%d", status) << status;
    }
    void readsAtMostThreeAttempts()
    {
        QFETCH(int, status);
        QVERIFY(makeEnv());
        m_env->server().forceNextResponse("GET", QStringLiteral("*/archive"), status, {}, {}, 0, 5);
        ArchivesApi api(&m_env->client());
        auto reply = await(api.list());
        QVERIFY(!reply->isSuccess());
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(m_env->count("GET", QStringLiteral("/archive")), 3);
    }

    void readsAtMostThreeAttemptsOnConnectFailure()
    {
        QVERIFY(makeEnv());
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there any more: connection refused
        QVERIFY(!m_env->client().setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        ArchivesApi api(&m_env->client());
        auto reply = await(api.list());
        QCOMPARE(reply->error().kind(), Kind::Network);
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(m_env->log().entries().size(), 3);
    }

    void noRetryOnOtherClientErrors_data()
    {
        QTest::addColumn<int>("status");
        for (int status : {400, 401, 403, 404, 405, 409, 413})
            QTest::addRow("%d", status) << status;
    }
    void noRetryOnOtherClientErrors()
    {
        QFETCH(int, status);
        QVERIFY(makeEnv());
        m_env->server().forceNextResponse(
            "GET", QStringLiteral("*/archive"), status, {}, "0", 0, 5);
        ArchivesApi api(&m_env->client());
        auto reply = await(api.list());
        QVERIFY(!reply->isSuccess());
        QCOMPARE(reply->attempts(), 1);
        QCOMPARE(m_env->count("GET", QStringLiteral("/archive")), 1);
    }

    // G-REL-3: Retry-After in seconds: the second attempt starts >= 1 s after the first.
    void retryAfterSecondsIsHonoured()
    {
        QVERIFY(makeEnv(5000, 3000));
        m_env->server().forceNextResponse("GET", QStringLiteral("*/archive"), 503, {}, "1");
        ArchivesApi api(&m_env->client());
        auto reply = await(api.list());
        OTADMIN_VERIFY_SUCCESS(reply);
        const QList<RequestLogEntry> entries = m_env->log().entries();
        QCOMPARE(entries.size(), 2);
        const qint64 waited =
            entries[1].startedAt.toMSecsSinceEpoch() - entries[0].startedAt.toMSecsSinceEpoch();
        qInfo("G-REL-3 Retry-After: 1 -> second attempt %lld ms after the first", waited);
        QVERIFY2(waited >= 1000, qPrintable(QStringLiteral("retried after %1 ms").arg(waited)));
    }

    // G-REL-3: Retry-After as an HTTP-date: never retried before that instant.
    void retryAfterHttpDateIsHonoured()
    {
        QVERIFY(makeEnv(6000, 4000));
        const qint64 notBefore = (QDateTime::currentMSecsSinceEpoch() / 1000 + 2) * 1000;
        const QByteArray date =
            QLocale::c()
                .toString(QDateTime::fromMSecsSinceEpoch(notBefore, QTimeZone::utc()),
                    QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                .toLatin1();
        m_env->server().forceNextResponse("GET", QStringLiteral("*/archive"), 429, {}, date);
        ArchivesApi api(&m_env->client());
        auto reply = await(api.list());
        OTADMIN_VERIFY_SUCCESS(reply);
        const QList<RequestLogEntry> entries = m_env->log().entries();
        QCOMPARE(entries.size(), 2);
        const qint64 second = entries[1].startedAt.toMSecsSinceEpoch();
        qInfo("G-REL-3 Retry-After: %s -> second attempt %lld ms after that instant",
            date.constData(), second - notBefore);
        QVERIFY2(second >= notBefore,
            qPrintable(QStringLiteral("retried %1 ms too early").arg(notBefore - second)));
    }

    // G-REL-4: malformed answers to GET archive/{id} all end in a named error, never success.
    void malformedResponses_data()
    {
        QTest::addColumn<FaultPlan>("plan");
        QTest::addColumn<QString>("mention");
        QTest::addRow("invalid JSON") << FaultPlan::respond(200, "{\"id\":") << "not valid JSON";
        QTest::addRow("wrong type")
            << FaultPlan::respond(200, "{\"id\":5,\"status\":\"started\",\"sessionId\":\"s\"}")
            << "id";
        QTest::addRow("missing required key")
            << FaultPlan::respond(200, "{\"status\":\"started\",\"sessionId\":\"s\"}") << "id";
        QTest::addRow("extra huge field") << FaultPlan::respond(
            200, archiveWith(",\"junk\":\"" + QByteArray(3 * 1024 * 1024, 'j') + '"'))
                                          << "larger than";
        QTest::addRow("HTML error page") << FaultPlan::respond(
            200, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
                                         << "text/html";
        QTest::addRow("empty body on 200") << FaultPlan::respond(200, {}) << "empty body";
        QTest::addRow("wrong content type")
            << FaultPlan::respond(200, archiveWith(), "text/plain") << "text/plain";
        QTest::addRow("non-UTF-8")
            << FaultPlan::respond(200, archiveWith(",\"reason\":\"\xff\xfe\xc3\x28\""))
            << "not valid JSON";
        QTest::addRow("deep nesting (10,000 arrays)")
            << FaultPlan::respond(200, QByteArray(10000, '[') + QByteArray(10000, ']'))
            << "not valid JSON";
        FaultPlan truncated = FaultPlan::of(Mode::TruncateBody);
        truncated.cutAfterBytes = 20;
        QTest::addRow("truncated") << truncated << "cut short";
        FaultPlan reset = FaultPlan::of(Mode::ResetMidBody);
        reset.cutAfterBytes = 20;
        QTest::addRow("reset mid-body") << reset << "cut short";
        QTest::addRow("array instead of object")
            << FaultPlan::respond(200, '[' + archiveWith() + ']') << "object";
    }
    void malformedResponses()
    {
        QFETCH(FaultPlan, plan);
        QFETCH(QString, mention);
        QVERIFY(makeEnv());
        ArchivesApi direct(&m_env->fixture().client());
        ArchiveOptions options;
        options.sessionId = m_env->fixture().routedSessionWithConnection();
        auto started = await(direct.start(options));
        OTADMIN_VERIFY_SUCCESS(started);
        const QString id = started->resultAs<Archive>().id;

        m_env->proxy().setDefaultPlan(plan); // retries of the read meet the same answer
        ArchivesApi api(&m_env->client());
        auto reply = await(api.get(id));
        QVERIFY(!reply->isSuccess());
        QVERIFY2(reply->error().kind() == Kind::InvalidResponse
                || (plan.mode == Mode::ResetMidBody && reply->error().kind() == Kind::Network),
            qPrintable(reply->error().userMessage()));
        QVERIFY2(reply->error().userMessage().contains(mention),
            qPrintable(reply->error().userMessage()));
    }

    // G-REL-6: bodies over 2 MiB are aborted, with or without a Content-Length.
    void oversizedBodyIsAborted_data()
    {
        QTest::addColumn<bool>("withLength");
        QTest::addRow("Content-Length 3 MiB") << true;
        QTest::addRow("close-delimited 3 MiB") << false;
    }
    void oversizedBodyIsAborted()
    {
        QFETCH(bool, withLength);
        QVERIFY(makeEnv());
        const QByteArray body =
            "{\"count\":1,\"items\":[],\"pad\":\"" + QByteArray(3 * 1024 * 1024, 'p') + "\"}";
        m_env->proxy().setDefaultPlan(
            FaultPlan::respond(200, body, "application/json", {}, withLength));
        ArchivesApi api(&m_env->client());
        auto reply = await(api.list());
        QCOMPARE(reply->error().kind(), Kind::InvalidResponse);
        QVERIFY2(reply->error().userMessage().contains(QStringLiteral("larger than")),
            qPrintable(reply->error().userMessage()));
    }

    // G-REL-6: a gzip bomb is never expanded: the client asks for identity and never inflates.
    void gzipBombIsNotExpanded()
    {
        qint64 expanded = 0;
        const QByteArray bomb = gzipBomb(1100, &expanded);
        QVERIFY(expanded > 1024LL * 1024 * 1024);
        QVERIFY(bomb.size() < 2 * 1024 * 1024);
        QCOMPARE(inflatePrefix(bomb, 8 * 1024 * 1024), 8 * 1024 * 1024); // a real bomb
        QVERIFY(makeEnv());
        m_env->proxy().setDefaultPlan(
            FaultPlan::respond(200, bomb, "application/json", {{"Content-Encoding", "gzip"}}));
        ArchivesApi api(&m_env->client());
        const qint64 before = residentKiB();
        auto reply = await(api.list());
        const qint64 growthKiB = residentKiB() - before;
        qInfo("G-REL-6 gzip bomb: %lld bytes compressed, %lld expanded, RSS growth %lld KiB",
            qint64(bomb.size()), expanded, growthKiB);
        QVERIFY(before > 0);
        QVERIFY(!reply->isSuccess());
        QVERIFY2(growthKiB <= 64 * 1024, qPrintable(QString::number(growthKiB)));
        QCOMPARE(m_env->server().journal().last().headers.value("accept-encoding"),
            QByteArray("identity"));
    }
};

QTEST_GUILESS_MAIN(TestFaultResponses)
#include "tst_faults_responses.moc"
