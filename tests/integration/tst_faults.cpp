// SPDX-License-Identifier: GPL-3.0-or-later
// Transport faults through the fault proxy: deadlines (G-REL-1), no double actions (G-REL-2).
#include "FaultTestKit.h"

#include "api/AccountApi.h"
#include "api/ArchivesApi.h"
#include "api/BroadcastsApi.h"
#include "api/ModerationApi.h"
#include "api/SipApi.h"
#include "api/StartReconciler.h"
#include "api/StorageApi.h"

#include <QElapsedTimer>
#include <QSignalSpy>

#include <functional>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;
using Mode = FaultPlan::Mode;

Q_DECLARE_METATYPE(otadmin::ApiError::Kind)
Q_DECLARE_METATYPE(otadmin::test::FaultPlan)

namespace {

/// One non-idempotent (or idempotent-but-never-retried) call of G-REL-2: what it sends and how
/// to make it, after setting up what it needs directly on the sandbox.
struct CallCase
{
    QByteArray method;
    QString pathSuffix;
    Idempotency idempotency;
    bool bodyless; ///< answers 204 without a body
    /// Sets up state (directly, not through the proxy), then starts the call through the proxy.
    /// Start calls return nullptr and set `*reconciler` instead.
    std::function<ApiReply *(ProxiedSandbox &, StartReconciler **reconciler)> run;
};

ArchivesApi *archivesOf(ProxiedSandbox &s)
{
    return new ArchivesApi(&s.client(), &s.client());
}

BroadcastsApi *broadcastsOf(ProxiedSandbox &s)
{
    return new BroadcastsApi(&s.client(), &s.client());
}

/// Starts something directly on the sandbox (fixture client) and returns the result's ID.
template<typename T>
QString idOf(ApiReply *reply)
{
    auto owned = await(reply);
    return owned->isSuccess() ? owned->template resultAs<T>().id : QString();
}

QHash<QString, CallCase> callCases()
{
    QHash<QString, CallCase> cases;
    cases.insert(QStringLiteral("archive start"),
        {"POST", QStringLiteral("/archive"), Idempotency::NonIdempotent, false,
            [](ProxiedSandbox &s, StartReconciler **r) -> ApiReply * {
                ArchiveOptions options;
                options.sessionId = s.fixture().routedSessionWithConnection();
                *r = StartReconciler::startArchive(archivesOf(s), options);
                return nullptr;
            }});
    cases.insert(QStringLiteral("archive stop"),
        {"POST", QStringLiteral("/stop"), Idempotency::Idempotent, false,
            [](ProxiedSandbox &s, StartReconciler **) {
                ArchiveOptions options;
                options.sessionId = s.fixture().routedSessionWithConnection();
                ArchivesApi direct(&s.fixture().client());
                const QString id = idOf<Archive>(direct.start(options));
                return archivesOf(s)->stop(id);
            }});
    cases.insert(QStringLiteral("broadcast start"),
        {"POST", QStringLiteral("/broadcast"), Idempotency::NonIdempotent, false,
            [](ProxiedSandbox &s, StartReconciler **r) -> ApiReply * {
                BroadcastOptions options;
                options.sessionId = s.fixture().routedSessionWithConnection();
                options.hls = HlsOptions {};
                *r = StartReconciler::startBroadcast(broadcastsOf(s), options);
                return nullptr;
            }});
    cases.insert(QStringLiteral("broadcast stop"),
        {"POST", QStringLiteral("/stop"), Idempotency::Idempotent, false,
            [](ProxiedSandbox &s, StartReconciler **) {
                BroadcastOptions options;
                options.sessionId = s.fixture().routedSessionWithConnection();
                options.hls = HlsOptions {};
                BroadcastsApi direct(&s.fixture().client());
                const QString id = idOf<Broadcast>(direct.start(options));
                return broadcastsOf(s)->stop(id);
            }});
    cases.insert(QStringLiteral("sip dial"),
        {"POST", QStringLiteral("/dial"), Idempotency::NonIdempotent, false,
            [](ProxiedSandbox &s, StartReconciler **) {
                SipDialOptions options;
                options.sessionId = s.fixture().routedSessionWithConnection();
                options.uri = QStringLiteral("sip:alice@sip.example.com");
                return (new SipApi(&s.client(), &s.client()))->dial(options);
            }});
    cases.insert(QStringLiteral("signal"),
        {"POST", QStringLiteral("/signal"), Idempotency::NonIdempotent, true,
            [](ProxiedSandbox &s, StartReconciler **) {
                SignalPayload payload;
                payload.type = QStringLiteral("chat");
                payload.data = QStringLiteral("hello");
                return (new ModerationApi(&s.client(), &s.client()))
                    ->sendSignal(s.fixture().routedSessionWithConnection(), payload);
            }});
    cases.insert(QStringLiteral("force disconnect"),
        {"DELETE", QString(), Idempotency::Idempotent, true,
            [](ProxiedSandbox &s, StartReconciler **) {
                QString connection;
                const QString session = s.fixture().routedSessionWithConnection(&connection);
                return (new ModerationApi(&s.client(), &s.client()))
                    ->forceDisconnect(session, connection);
            }});
    cases.insert(QStringLiteral("mute all"),
        {"POST", QStringLiteral("/mute"), Idempotency::Idempotent, false,
            [](ProxiedSandbox &s, StartReconciler **) {
                return (new ModerationApi(&s.client(), &s.client()))
                    ->muteAll(s.fixture().routedSessionWithConnection(), MuteAllOptions {});
            }});
    cases.insert(QStringLiteral("storage set"),
        {"PUT", QStringLiteral("/archive/storage"), Idempotency::Idempotent, false,
            [](ProxiedSandbox &s, StartReconciler **) {
                StorageTarget target;
                target.type = StorageTarget::Type::S3;
                target.bucket = QStringLiteral("fault-bucket");
                target.accessKey = QStringLiteral("AKIAFAULTACCESSKEY01");
                target.secretKey = QStringLiteral("faultSecretKey0123456789abcdefghijKLMNOP");
                return (new StorageApi(&s.client(), &s.client()))->set(target);
            }});
    cases.insert(QStringLiteral("project create"),
        {"POST", QStringLiteral("/v2/project"), Idempotency::NonIdempotent, false,
            [](ProxiedSandbox &s, StartReconciler **) {
                return (new AccountApi(&s.client(), &s.client()))->createProject();
            }});
    cases.insert(QStringLiteral("refresh secret"),
        {"POST", QStringLiteral("/refreshSecret"), Idempotency::NonIdempotent, false,
            [](ProxiedSandbox &s, StartReconciler **) {
                return (new AccountApi(&s.client(), &s.client()))
                    ->refreshSecret(s.server().apiKey());
            }});
    return cases;
}

const QStringList Fixtures {QStringLiteral("500"), QStringLiteral("502"), QStringLiteral("503"),
    QStringLiteral("504"), QStringLiteral("429"), QStringLiteral("reset-before-response"),
    QStringLiteral("reset-mid-body"), QStringLiteral("truncated"), QStringLiteral("hang"),
    QStringLiteral("drip")};

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
    std::unique_ptr<ProxiedSandbox> m_env;
    int m_entriesChecked = 0;
    QHash<QString, qint64> m_worstElapsed;

    bool makeEnv(int deadlineMSecs, int inactivityMSecs)
    {
        m_env = std::make_unique<ProxiedSandbox>(deadlineMSecs, inactivityMSecs);
        return m_env->isListening();
    }

private Q_SLOTS:
    void cleanup()
    {
        if (m_env) {
            OTADMIN_VERIFY_NO_HTTP2(m_env->log());
            m_entriesChecked += int(m_env->log().entries().size());
        }
        m_env.reset();
    }
    void cleanupTestCase()
    {
        QStringList worst;
        for (auto it = m_worstElapsed.cbegin(); it != m_worstElapsed.cend(); ++it)
            worst << QStringLiteral("%1=%2ms").arg(it.key()).arg(it.value());
        worst.sort();
        qInfo().noquote() << "G-REL-1 worst elapsed per mode (deadline 1500 ms):"
                          << worst.join(QLatin1Char(' '));
        qInfo().noquote() << "G-REL-9 request log entries checked for HTTP/2:" << m_entriesChecked;
    }

    // The proxy itself: pass-through works over a reused connection and counts requests.
    void passThroughForwardsAndCounts()
    {
        QVERIFY(makeEnv(5000, 3000));
        ArchivesApi api(&m_env->client());
        for (int i = 0; i < 3; ++i) {
            auto reply = await(api.list());
            OTADMIN_VERIFY_SUCCESS(reply);
        }
        QCOMPARE(m_env->proxy().requestsSeen(), 3);
        QCOMPARE(m_env->proxy().requestsForwarded(), 3);
        QCOMPARE(m_env->count("GET", QStringLiteral("/archive")), 3);
    }

    // G-REL-1: every fault ends within the deadline (+1 s), with the right kind of error.
    void everyFaultEndsWithinDeadline_data()
    {
        QTest::addColumn<FaultPlan>("plan");
        QTest::addColumn<bool>("post");
        QTest::addColumn<bool>("bigUpload");
        QTest::addColumn<Kind>("kind");
        const QList<std::tuple<const char *, FaultPlan, Kind>> modes {
            {"hang", FaultPlan::of(Mode::Hang), Kind::Timeout},
            {"drip body 1 byte/100 ms", FaultPlan::drip(100), Kind::Timeout},
            {"drip all 1 byte/100 ms", FaultPlan::drip(100, true), Kind::Timeout},
            {"never read body", FaultPlan::of(Mode::NeverReadBody), Kind::Timeout},
            {"latency 2 s per read", FaultPlan::latency(2000), Kind::Timeout},
            {"reset before forward", FaultPlan::of(Mode::ResetBeforeForward), Kind::Network},
            {"reset before response", FaultPlan::of(Mode::ResetBeforeResponse), Kind::Network},
            {"reset mid-body", FaultPlan::of(Mode::ResetMidBody), Kind::InvalidResponse},
            {"truncated body", FaultPlan::of(Mode::TruncateBody), Kind::InvalidResponse},
            {"pass-through", FaultPlan::passThrough(), Kind::None},
        };
        for (const auto &[name, plan, kind] : modes) {
            QTest::addRow("GET %s", name) << plan << false << false << kind;
            QTest::addRow("POST %s", name) << plan << true << false << kind;
        }
        // A 4 MiB upload the peer never reads: the socket buffers fill and the upload stalls.
        QTest::addRow("POST never read body, 4 MiB upload")
            << FaultPlan::of(Mode::NeverReadBody) << true << true << Kind::Timeout;
    }
    void everyFaultEndsWithinDeadline()
    {
        QFETCH(FaultPlan, plan);
        QFETCH(bool, post);
        QFETCH(bool, bigUpload);
        QFETCH(Kind, kind);
        const int deadline = 1500;
        QVERIFY(makeEnv(deadline, 800));
        const QString session = m_env->fixture().routedSessionWithConnection();
        m_env->proxy().setDefaultPlan(plan); // persistent: retries and Qt's resends meet it too
        ArchivesApi api(&m_env->client());

        QElapsedTimer timer;
        timer.start();
        ApiReply *call = nullptr;
        if (bigUpload) {
            call = m_env->client().send(ApiRequest::post(m_env->client().projectPath({"archive"}),
                {{"sessionId", session}, {"pad", QString(4 * 1024 * 1024, u'x')}}));
        } else if (post) {
            ArchiveOptions options;
            options.sessionId = session;
            call = api.start(options);
        } else {
            call = api.list();
        }
        auto reply = await(call, deadline + 5000);
        const qint64 elapsed = timer.elapsed();
        const QString mode = FaultPlan::modeName(plan.mode);
        m_worstElapsed[mode] = qMax(m_worstElapsed.value(mode), elapsed);

        QVERIFY2(elapsed <= deadline + 1000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->error().kind(), kind);
        if (kind == Kind::Timeout)
            QVERIFY2(elapsed >= 700, "a timeout came before the inactivity limit");
        if (post)
            QCOMPARE(reply->attempts(), 1);
        else
            QVERIFY(reply->attempts() <= 3);
    }

    // G-REL-2: under each of the 10 fixtures every non-idempotent (or never-retried) call
    // reaches the sandbox exactly once, except "reset before any response byte": Qt 6.4
    // re-sends the request by itself once (RELIABILITY, seen 3 of 3; our code never retries a
    // POST). Pinned here at 2 so that a Qt upgrade changing it shows up. Ambiguous outcomes
    // are reported as such, and a start is reconciled with exactly 1 list GET.
    void noDoubleActions_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("fixture");
        QStringList calls = callCases().keys();
        calls.sort();
        for (const QString &call : std::as_const(calls)) {
            for (const QString &fixture : Fixtures)
                QTest::addRow("%s | %s", qPrintable(call), qPrintable(fixture)) << call << fixture;
        }
    }
    void noDoubleActions()
    {
        QFETCH(QString, call);
        QFETCH(QString, fixture);
        const CallCase c = callCases().value(call);
        QVERIFY(makeEnv(400, 250));

        bool isStatus = false;
        const int status = fixture.toInt(&isStatus);
        const bool resetBeforeResponse = fixture == QLatin1String("reset-before-response");
        if (isStatus) {
            // Retry-After 0 invites a retry; a non-idempotent call must still not take it.
            m_env->server().forceNextResponse(
                c.method, QLatin1Char('*') + c.pathSuffix, status, {}, "0", 0, 3);
        } else if (resetBeforeResponse) {
            m_env->proxy().enqueue(FaultPlan::of(Mode::ResetBeforeResponse));
            m_env->proxy().enqueue(FaultPlan::of(Mode::ResetBeforeResponse)); // Qt's resend
        } else if (fixture == QLatin1String("reset-mid-body")) {
            m_env->proxy().enqueue(FaultPlan::of(Mode::ResetMidBody));
        } else if (fixture == QLatin1String("truncated")) {
            m_env->proxy().enqueue(FaultPlan::of(Mode::TruncateBody));
        } else if (fixture == QLatin1String("hang")) {
            m_env->proxy().enqueue(FaultPlan::of(Mode::Hang));
        } else {
            m_env->proxy().enqueue(FaultPlan::drip(40, true));
        }

        StartReconciler *reconciler = nullptr;
        ApiReply *started = c.run(*m_env, &reconciler);
        // What the setup sent directly is not what we count.
        const int setupRequests = m_env->count(c.method, c.pathSuffix);
        bool failed = false;
        bool outcomeUnknown = false;
        bool retrySafe = false;
        int listCalls = 0;
        std::unique_ptr<StartReconciler> reconciled;
        if (reconciler) {
            reconciled = await(reconciler);
            failed = reconciled->error().isError(); // kept even when reconciled
            outcomeUnknown = reconciled->startOutcomeUnknown();
            listCalls = reconciled->listCalls();
        } else {
            auto reply = await(started);
            QCOMPARE(reply->idempotency(), c.idempotency);
            QCOMPARE(reply->attempts(), 1);
            failed = !reply->isSuccess();
            outcomeUnknown = reply->isOutcomeUnknown();
            retrySafe = reply->isRetrySafe();
        }
        QTest::qWait(20); // anything late would reach the sandbox now

        // A cut inside a body-less (204) answer falls inside its headers. Qt 6.4.2 then sends
        // the request twice more by itself (3 in all), deterministically, and the reply takes
        // whichever answer comes: the call may even report success. Nothing in QNetworkRequest
        // turns this off; pinned so that a Qt upgrade changing it shows up.
        const bool cutInHeaders = c.bodyless
            && (fixture == QLatin1String("reset-mid-body")
                || fixture == QLatin1String("truncated"));
        const int expectedCount = resetBeforeResponse ? 2 : cutInHeaders ? 3 : 1;
        QCOMPARE(m_env->count(c.method, c.pathSuffix) - setupRequests, expectedCount);
        if (cutInHeaders)
            return;
        QVERIFY2(failed, "the fault was not reported");
        const bool ambiguous = status != 429;
        const bool nonIdempotent = c.idempotency == Idempotency::NonIdempotent;
        QCOMPARE(outcomeUnknown, nonIdempotent && ambiguous);
        if (!reconciler && !nonIdempotent)
            QVERIFY2(retrySafe, "an idempotent call should offer Retry");
        if (reconciler) {
            // exactly one reconciliation GET when ambiguous, none otherwise
            QCOMPARE(listCalls, ambiguous ? 1 : 0);
            QCOMPARE(m_env->count("GET", c.pathSuffix), ambiguous ? 1 : 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
