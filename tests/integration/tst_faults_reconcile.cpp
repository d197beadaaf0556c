// SPDX-License-Identifier: GPL-3.0-or-later
// Start reconciliation under faults (G-REL-7) and determinism of every proxy mode (G-QA-5).
#include "FaultTestKit.h"

#include "api/ArchivesApi.h"
#include "api/BroadcastsApi.h"
#include "api/StartReconciler.h"

#include <QSignalSpy>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;
using Mode = FaultPlan::Mode;
using Outcome = StartReconciler::Outcome;

namespace {

} // namespace

class TestFaultReconcile : public QObject
{
    Q_OBJECT
    std::unique_ptr<ProxiedSandbox> m_env;

    bool makeEnv(int deadlineMSecs = 1500, int inactivityMSecs = 800)
    {
        m_env = std::make_unique<ProxiedSandbox>(deadlineMSecs, inactivityMSecs);
        return m_env->isListening();
    }
    std::unique_ptr<StartReconciler> startArchive(const QString &session)
    {
        ArchiveOptions options;
        options.sessionId = session;
        return await(StartReconciler::startArchive(
            new ArchivesApi(&m_env->client(), &m_env->client()), options));
    }

private Q_SLOTS:
    void cleanup()
    {
        if (m_env)
            OTADMIN_VERIFY_NO_HTTP2(m_env->log());
        m_env.reset();
    }

    // The first POST starts the archive and the connection is reset before any answer byte;
    // Qt re-sends it, and the copy gets 409. The result is our archive, with 1 list GET.
    void resetThenQtResendGets409()
    {
        QVERIFY(makeEnv());
        const QString session = m_env->fixture().routedSessionWithConnection();
        m_env->proxy().enqueue(FaultPlan::of(Mode::ResetBeforeResponse));
        auto result = startArchive(session);
        QVERIFY2(result->isSuccess(), qPrintable(result->error().userMessage()));
        QVERIFY(result->isReconciled());
        QCOMPARE(result->outcome(), Outcome::AlreadyRunning);
        const auto journal = m_env->server().journal();
        QCOMPARE(m_env->count("POST", QStringLiteral("/archive")), 2);
        QCOMPARE(journal[0].status, 200); // the first POST started it
        QCOMPARE(journal[1].status, 409); // Qt's own resend
        const Archive archive = result->result().value<Archive>();
        QCOMPARE(archive.sessionId, session);
        QCOMPARE(archive.status, ArchiveStatus::Started);
        QCOMPARE(result->listCalls(), 1);
        QCOMPARE(m_env->count("GET", QStringLiteral("/archive")), 1);
        QVERIFY(journal.last().query.contains(QStringLiteral("sessionId=") + session));
        // ...and it is the archive the sandbox really runs for that session
        ListQuery query;
        query.sessionId = session;
        ArchivesApi direct(&m_env->fixture().client());
        auto running = await(direct.list(query));
        OTADMIN_VERIFY_SUCCESS(running);
        QCOMPARE(running->resultAs<ArchiveList>().items.size(), 1);
        QCOMPARE(archive.id, running->resultAs<ArchiveList>().items.first().id);
    }

    // The archive starts, then the answer is lost: 500 instead, reset, or cut short.
    void startedThenAnswerLost_data()
    {
        QTest::addColumn<int>("kind"); // 0 = 500 after start, 1 = reset, 2 = cut body
        QTest::addRow("500 after start") << 0;
        QTest::addRow("reset before response, resend reset too") << 1;
        QTest::addRow("body cut short") << 2;
    }
    void startedThenAnswerLost()
    {
        QFETCH(int, kind);
        QVERIFY(makeEnv());
        const QString session = m_env->fixture().routedSessionWithConnection();
        if (kind == 0) {
            m_env->proxy().enqueue(FaultPlan::respond(500, "{\"code\":500,\"message\":\"oops\"}"));
        } else if (kind == 1) {
            m_env->proxy().enqueue(FaultPlan::of(Mode::ResetBeforeResponse));
            m_env->proxy().enqueue(FaultPlan::of(Mode::ResetBeforeResponse));
        } else {
            m_env->proxy().enqueue(FaultPlan::of(Mode::TruncateBody));
        }
        auto result = startArchive(session);
        QVERIFY2(result->isSuccess(), qPrintable(result->error().userMessage()));
        QCOMPARE(result->outcome(), Outcome::AnswerLost);
        QVERIFY(result->startOutcomeUnknown());
        QVERIFY(!result->note().isEmpty());
        QCOMPARE(result->result().value<Archive>().sessionId, session);
        QCOMPARE(result->listCalls(), 1);
        QCOMPARE(m_env->count("GET", QStringLiteral("/archive")), 1);
    }

    // A genuine 409: someone else's archive runs. Shown as already running, not "failed".
    void genuineConflictShowsTheRunningArchive()
    {
        QVERIFY(makeEnv());
        const QString session = m_env->fixture().routedSessionWithConnection();
        ArchivesApi other(&m_env->fixture().client());
        ArchiveOptions options;
        options.sessionId = session;
        auto theirs = await(other.start(options));
        OTADMIN_VERIFY_SUCCESS(theirs);
        m_env->server().clearJournal();

        auto result = startArchive(session);
        QVERIFY(result->isSuccess());
        QCOMPARE(result->outcome(), Outcome::AlreadyRunning);
        QCOMPARE(result->error().kind(), Kind::Conflict);
        QCOMPARE(result->result().value<Archive>().id, theirs->resultAs<Archive>().id);
        QCOMPARE(m_env->count("GET", QStringLiteral("/archive")), 1);
        QCOMPARE(m_env->count("POST", QStringLiteral("/archive")), 1);
    }

    // A forced 500 that started nothing: one list call, nothing runs, a plain failure.
    void serverErrorWithoutStartFails()
    {
        QVERIFY(makeEnv());
        const QString session = m_env->fixture().routedSessionWithConnection();
        m_env->server().forceNextResponse("POST", QStringLiteral("*/archive"), 500, {});
        auto result = startArchive(session);
        QVERIFY(!result->isSuccess());
        QCOMPARE(result->outcome(), Outcome::Failed);
        QVERIFY(!result->isOutcomeUnknown()); // the list proved nothing runs
        QCOMPARE(m_env->count("GET", QStringLiteral("/archive")), 1);
    }

    // Broadcasts: reset + Qt resend (409) ends with the running broadcast.
    void broadcastResetThenResend()
    {
        QVERIFY(makeEnv());
        const QString session = m_env->fixture().routedSessionWithConnection();
        m_env->proxy().enqueue(FaultPlan::of(Mode::ResetBeforeResponse));
        BroadcastOptions options;
        options.sessionId = session;
        options.hls = HlsOptions {};
        auto result = await(StartReconciler::startBroadcast(
            new BroadcastsApi(&m_env->client(), &m_env->client()), options));
        QVERIFY2(result->isSuccess(), qPrintable(result->error().userMessage()));
        QVERIFY(result->isReconciled());
        QCOMPARE(result->result().value<Broadcast>().sessionId, session);
        QCOMPARE(m_env->count("POST", QStringLiteral("/broadcast")), 2);
        QCOMPARE(m_env->count("GET", QStringLiteral("/broadcast")), 1);
    }

    // G-QA-5: each proxy mode, 20 runs in a row, gives the same outcome every time.
    void everyModeIsDeterministic_data()
    {
        QTest::addColumn<int>("mode");
        for (Mode mode : {Mode::PassThrough, Mode::Latency, Mode::Drip, Mode::Hang,
                 Mode::NeverReadBody, Mode::ResetBeforeForward, Mode::ResetBeforeResponse,
                 Mode::ResetMidBody, Mode::TruncateBody, Mode::Replace})
            QTest::addRow("%s", qPrintable(FaultPlan::modeName(mode))) << int(mode);
    }
    void everyModeIsDeterministic()
    {
        QFETCH(int, mode);
        QVERIFY(makeEnv(200, 120));
        FaultPlan plan = FaultPlan::of(Mode(mode));
        plan.delayMSecs = 300;
        plan.dripIntervalMSecs = 40;
        plan.raw = "HTTP/1.1 503 Busy\r\nContent-Type: application/json\r\nContent-Length: "
                   "2\r\nConnection: close\r\n\r\n{}";
        m_env->proxy().setDefaultPlan(plan);
        m_env->client().config().retry.maxAttempts = 1; // one attempt per run keeps it short
        ArchivesApi api(&m_env->client());
        QStringList outcomes;
        for (int run = 0; run < 20; ++run) {
            // Qt's resend-on-reset budget lives in its connection channels and is spent by an
            // earlier reset (2 requests on a fresh channel, 1 afterwards): start each run fresh.
            m_env->network().clearConnectionCache();
            const int before = m_env->count("GET", QStringLiteral("/archive"));
            auto reply = await(api.list(), 2000);
            outcomes << QStringLiteral("%1/%2/%3/%4")
                            .arg(ApiError::kindName(reply->error().kind()))
                            .arg(reply->httpStatus())
                            .arg(reply->attempts())
                            .arg(m_env->count("GET", QStringLiteral("/archive")) - before);
        }
        qInfo().noquote() << "G-QA-5" << FaultPlan::modeName(Mode(mode))
                          << "x20:" << outcomes.first();
        QVERIFY2(outcomes.count(outcomes.first()) == 20, qPrintable(outcomes.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestFaultReconcile)
#include "tst_faults_reconcile.moc"
