// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli through the fault proxy: a start whose answer is lost ends with the item.
#include "CliRunner.h"
#include "FaultProxy.h"

#include <QJsonObject>

using namespace otadmin;
using namespace otadmin::test;

class TestCliFaults : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<CliRunner> m_cli;

    int count(const QByteArray &method, const QString &suffix)
    {
        int n = 0;
        for (const sandbox::JournalEntry &entry : m_fixture->server().journal())
            n += entry.method == method && entry.path.endsWith(suffix);
        return n;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_proxy = std::make_unique<FaultProxy>(m_fixture->server().baseUrl());
        QVERIFY(m_proxy->listen());
        m_cli = std::make_unique<CliRunner>(*m_fixture);
        m_cli->env().insert(QStringLiteral("OPENTOK_API_URL"), m_proxy->baseUrl().toString());
    }
    void cleanup()
    {
        const QStringList leaks = m_cli->leaks();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        m_cli.reset();
        m_proxy.reset();
        m_fixture.reset();
    }

    // G-REL-7: the first POST starts the archive and the connection is reset; Qt re-sends it
    // and the copy gets 409. The CLI lists the session once and prints the running archive.
    void archiveStartAfterResetPrintsTheRunningArchive()
    {
        const QString session = m_fixture->routedSessionWithConnection();
        m_proxy->enqueue(FaultPlan::of(FaultPlan::Mode::ResetBeforeResponse));
        const auto result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("start"), session});
        CLI_EXPECT(result, 0);
        const QJsonObject archive = result.json().toObject();
        QCOMPARE(archive.value(QStringLiteral("sessionId")).toString(), session);
        QCOMPARE(archive.value(QStringLiteral("status")).toString(), QStringLiteral("started"));
        QVERIFY(!archive.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY2(result.errText().contains(QStringLiteral("already has a running archive")),
            result.describe().constData());
        QCOMPARE(count("POST", QStringLiteral("/archive")), 2);
        QCOMPARE(count("GET", QStringLiteral("/archive")), 1);
    }

    void broadcastStartWithLostAnswerPrintsTheBroadcast()
    {
        const QString session = m_fixture->routedSessionWithConnection();
        m_proxy->enqueue(FaultPlan::respond(500, "{\"code\":500,\"message\":\"lost\"}"));
        const auto result = m_cli->run({QStringLiteral("broadcast"), QStringLiteral("start"),
            session, QStringLiteral("--hls")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().contains(session));
        QVERIFY2(result.errText().contains(QStringLiteral("answer was lost")),
            result.describe().constData());
        QCOMPARE(count("POST", QStringLiteral("/broadcast")), 1);
        QCOMPARE(count("GET", QStringLiteral("/broadcast")), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_cli_faults.moc"
