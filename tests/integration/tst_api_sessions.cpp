// SPDX-License-Identifier: GPL-3.0-or-later
// SessionsApi against the sandbox: what is sent for each option, what comes back, what is refused.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/SessionsApi.h"

#include <QSignalSpy>
#include <QUrlQuery>

using namespace otadmin;
using namespace otadmin::test;

class TestSessionsApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<SessionsApi> m_api;

    QUrlQuery lastForm() const
    {
        const auto journal = m_fixture->server().journal();
        return journal.isEmpty() ? QUrlQuery() : QUrlQuery(QString::fromUtf8(journal.last().body));
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_api = std::make_unique<SessionsApi>(&m_fixture->client());
    }
    void cleanup()
    {
        m_api.reset();
        m_fixture.reset();
    }

    void createRoutedManual()
    {
        QSignalSpy created(m_api.get(), &SessionsApi::sessionCreated);
        auto reply = await(m_api->create({}));
        OTADMIN_VERIFY_SUCCESS(reply);
        const auto session = reply->resultAs<SessionInfo>();
        QVERIFY(session.sessionId.startsWith(QStringLiteral("1_"))
            || session.sessionId.startsWith(QStringLiteral("2_")));
        QCOMPARE(session.projectId, m_fixture->server().apiKey());
        QCOMPARE(created.count(), 1);
        QCOMPARE(created.first().first().value<SessionInfo>().sessionId, session.sessionId);

        const auto entry = m_fixture->server().journal().last();
        QCOMPARE(entry.method, QByteArray("POST"));
        QCOMPARE(entry.path, QStringLiteral("/session/create"));
        QCOMPARE(
            entry.headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(entry.headers.value("accept"), QByteArray("application/json"));
        QCOMPARE(lastForm().queryItemValue(QStringLiteral("p2p.preference")),
            QStringLiteral("disabled"));
        QCOMPARE(
            lastForm().queryItemValue(QStringLiteral("archiveMode")), QStringLiteral("manual"));
        // the new session is known to the service: it has (no) streams
        const QJsonObject state = m_fixture->server().sessionState(session.sessionId);
        QVERIFY(!state.isEmpty());
    }

    void createRelayed()
    {
        SessionOptions options;
        options.mediaMode = MediaMode::Relayed;
        auto reply = await(m_api->create(options));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(
            lastForm().queryItemValue(QStringLiteral("p2p.preference")), QStringLiteral("enabled"));
    }

    void createAlwaysArchivedWithEveryOption()
    {
        SessionOptions options;
        options.archiveMode = ArchiveMode::Always;
        options.archiveName = QStringLiteral("Town hall 2026");
        options.archiveResolution = QStringLiteral("1280x720");
        options.location = QStringLiteral("10.1.200.30");
        auto reply = await(m_api->create(options));
        OTADMIN_VERIFY_SUCCESS(reply);
        const QUrlQuery form = lastForm();
        QCOMPARE(form.queryItemValue(QStringLiteral("archiveMode")), QStringLiteral("always"));
        QCOMPARE(form.queryItemValue(QStringLiteral("archiveName"), QUrl::FullyDecoded),
            QStringLiteral("Town hall 2026"));
        QCOMPARE(
            form.queryItemValue(QStringLiteral("archiveResolution")), QStringLiteral("1280x720"));
        QCOMPARE(form.queryItemValue(QStringLiteral("location")), QStringLiteral("10.1.200.30"));
        QCOMPARE(form.queryItemValue(QStringLiteral("p2p.preference")), QStringLiteral("disabled"));
    }

    void createEndToEndEncrypted()
    {
        SessionOptions options;
        options.e2ee = true;
        auto reply = await(m_api->create(options));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(lastForm().queryItemValue(QStringLiteral("e2ee")), QStringLiteral("true"));
    }

    void invalidOptionsSendNothing_data()
    {
        QTest::addColumn<SessionOptions>("options");
        QTest::addColumn<QString>("field");
        SessionOptions relayedAlways;
        relayedAlways.mediaMode = MediaMode::Relayed;
        relayedAlways.archiveMode = ArchiveMode::Always;
        QTest::newRow("always needs routed") << relayedAlways << "archiveMode";
        SessionOptions nameWithManual;
        nameWithManual.archiveName = QStringLiteral("x");
        QTest::newRow("name only with always") << nameWithManual << "archiveName";
        SessionOptions badLocation;
        badLocation.location = QStringLiteral("example.com");
        QTest::newRow("location not IPv4") << badLocation << "location";
        SessionOptions v6;
        v6.location = QStringLiteral("::1");
        QTest::newRow("location IPv6") << v6 << "location";
        SessionOptions e2eeAlways;
        e2eeAlways.e2ee = true;
        e2eeAlways.archiveMode = ArchiveMode::Always;
        QTest::newRow("e2ee with always") << e2eeAlways << "e2ee";
        SessionOptions badResolution;
        badResolution.archiveMode = ArchiveMode::Always;
        badResolution.archiveResolution = QStringLiteral("800x600");
        QTest::newRow("resolution") << badResolution << "archiveResolution";
    }
    void invalidOptionsSendNothing()
    {
        QFETCH(SessionOptions, options);
        QFETCH(QString, field);
        QSignalSpy created(m_api.get(), &SessionsApi::sessionCreated);
        auto reply = await(m_api->create(options));
        QCOMPARE(reply->error().kind(), ApiError::Kind::Validation);
        QCOMPARE(reply->error().field(), field);
        QCOMPARE(m_fixture->server().requestCount(), 0);
        QCOMPARE(created.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionsApi)
#include "tst_api_sessions.moc"
