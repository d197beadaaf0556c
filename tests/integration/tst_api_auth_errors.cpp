// SPDX-License-Identifier: GPL-3.0-or-later
// What the service says about credentials and failures, through the real client and sandbox.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "api/ModerationApi.h"
#include "auth/Jwt.h"

#include <QJsonDocument>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

class TestAuthErrors : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<ArchivesApi> m_archives;

    sandbox::SandboxServer &server() { return m_fixture->server(); }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_archives = std::make_unique<ArchivesApi>(&m_fixture->client());
    }
    void cleanup()
    {
        m_archives.reset();
        m_fixture.reset();
    }

    void sandboxAcceptsOurJwt()
    {
        auto reply = await(m_archives->list());
        OTADMIN_VERIFY_SUCCESS(reply);
        const auto entry = server().journal().last();
        QCOMPARE(entry.status, 200);
        const auto jwt = Jwt::decode(entry.headers.value("x-opentok-auth"));
        QVERIFY(jwt.has_value());
        QCOMPARE(jwt->payload.value("ist").toString(), QStringLiteral("project"));
    }

    void wrongSecretIsForbidden()
    {
        m_fixture->client().setProjectCredentials(
            {server().apiKey(), QByteArray("0000000000000000000000000000000000000000")});
        auto reply = await(m_archives->list());
        QCOMPARE(reply->error().kind(), Kind::Forbidden);
        QCOMPARE(reply->httpStatus(), 403);
        QVERIFY(reply->error().userMessage().contains(QStringLiteral("secret")));
        QCOMPARE(reply->attempts(), 1); // a 403 is not retried, even for a read
    }

    void expiredJwtIsForbidden()
    {
        // The service's clock is 10 minutes ahead of ours: our 3-minute JWT is already expired.
        server().advanceTime(10 * 60 * 1000);
        auto reply = await(m_archives->list());
        QCOMPARE(reply->error().kind(), Kind::Forbidden);
        // the sandbox sends its own Date, so the client can name the skew
        if (reply->error().clockSkewSecs())
            QVERIFY2(reply->error().userMessage().contains(QStringLiteral("clock")),
                qPrintable(reply->error().userMessage()));
    }

    void accountCredentialsForProjectCallAreForbidden()
    {
        // project endpoint signed with the account key: wrong iss/ist for this endpoint
        m_fixture->client().setProjectCredentials(
            {server().accountKey(), server().accountSecret().toUtf8()});
        auto reply = await(m_archives->list());
        QCOMPARE(reply->error().kind(), Kind::Forbidden);
    }

    void forcedStatusesMapToKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("400") << 400 << int(Kind::BadRequest);
        QTest::newRow("401") << 401 << int(Kind::Unauthorized);
        QTest::newRow("403") << 403 << int(Kind::Forbidden);
        QTest::newRow("404") << 404 << int(Kind::NotFound);
        QTest::newRow("405") << 405 << int(Kind::WrongStreamMode);
        QTest::newRow("409") << 409 << int(Kind::Conflict);
        QTest::newRow("413") << 413 << int(Kind::PayloadTooLarge);
        QTest::newRow("429") << 429 << int(Kind::RateLimited);
        QTest::newRow("500") << 500 << int(Kind::Server);
        QTest::newRow("502") << 502 << int(Kind::Server);
        QTest::newRow("503") << 503 << int(Kind::Server);
        QTest::newRow("504") << 504 << int(Kind::Server);
    }
    void forcedStatusesMapToKinds()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        // a POST, so that no automatic retry hides the forced answer
        const QString session = m_fixture->routedSessionWithConnection();
        server().forceNextResponse("POST", QStringLiteral("*/archive"), status,
            R"({"code":0,"message":"forced by the test"})");
        ArchiveOptions options;
        options.sessionId = session;
        auto reply = await(m_archives->start(options));
        QCOMPARE(int(reply->error().kind()), kind);
        QCOMPARE(reply->httpStatus(), status);
        QCOMPARE(reply->error().serverMessage(), QStringLiteral("forced by the test"));
        QCOMPARE(server().requestCount(), 1);
    }

    void readRetriesHonourRetryAfter()
    {
        m_fixture->client().config().retry.baseDelayMSecs = 10;
        server().forceNextResponse("GET", QStringLiteral("*/archive"), 503, {}, "0", 0, 2);
        auto reply = await(m_archives->list());
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(reply->attempts(), 3);
        QCOMPARE(server().requestCount(), 3);
    }

    void startIsNeverRetried()
    {
        m_fixture->client().config().retry.baseDelayMSecs = 10;
        const QString session = m_fixture->routedSessionWithConnection();
        server().forceNextResponse("POST", QStringLiteral("*/archive"), 503, {}, "0", 0, 3);
        ArchiveOptions options;
        options.sessionId = session;
        auto reply = await(m_archives->start(options));
        QCOMPARE(reply->error().kind(), Kind::Server);
        QVERIFY(reply->isOutcomeUnknown());
        QTest::qWait(100);
        QCOMPARE(server().requestCount(), 1);
    }

    void deadlineCoversSlowServer()
    {
        m_fixture->client().config().deadlineMSecs = 300;
        server().forceNextResponse("GET", QStringLiteral("*/archive"), 0, {}, {}, 2000);
        auto reply = await(m_archives->list());
        QCOMPARE(reply->error().kind(), Kind::Timeout);
        // the sandbox survives the client hanging up on a delayed answer
        QTest::qWait(2100);
        m_fixture->client().config().deadlineMSecs = 30000;
        OTADMIN_VERIFY_SUCCESS(await(m_archives->list()));
    }
};

QTEST_GUILESS_MAIN(TestAuthErrors)
#include "tst_api_auth_errors.moc"
