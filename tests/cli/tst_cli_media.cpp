// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli against the sandbox: broadcast, sip and project (account) commands.
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace otadmin;
using namespace otadmin::test;

class TestCliMedia : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<CliRunner> m_cli;
    QString m_session;
    QString m_connection;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    sandbox::JournalEntry last() { return server().journal().last(); }
    QJsonObject lastBody() { return QJsonDocument::fromJson(last().body).object(); }
    QHash<QString, QString> placeholders()
    {
        return {{QStringLiteral("SESSION_ID"), m_session},
            {QStringLiteral("PROJECT_KEY"), server().apiKey()}};
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_cli = std::make_unique<CliRunner>(*m_fixture);
        m_session = m_fixture->routedSessionWithConnection(&m_connection);
    }
    void cleanup()
    {
        const QStringList leaks = m_cli->leaks();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        m_cli.reset();
        m_fixture.reset();
    }

    void broadcastStartExample()
    {
        const auto result = m_cli->example(
            QStringLiteral("broadcast start SESSION_ID --hls --rtmp "
                           "id=yt,url=rtmps://a.example/live,stream=key1 --max-duration 5400"),
            placeholders());
        CLI_EXPECT(result, 0);
        const QJsonObject outputs = lastBody().value(QStringLiteral("outputs")).toObject();
        QVERIFY(outputs.contains(QStringLiteral("hls")));
        const QJsonObject rtmp = outputs.value(QStringLiteral("rtmp")).toArray().at(0).toObject();
        QCOMPARE(rtmp.value(QStringLiteral("id")).toString(), QStringLiteral("yt"));
        QCOMPARE(rtmp.value(QStringLiteral("serverUrl")).toString(),
            QStringLiteral("rtmps://a.example/live"));
        QCOMPARE(rtmp.value(QStringLiteral("streamName")).toString(), QStringLiteral("key1"));
        QCOMPARE(lastBody().value(QStringLiteral("maxDuration")).toInt(), 5400);
        QVERIFY(result.text().contains(QStringLiteral("started")));
        // The stream key is a secret of the RTMP channel: redacted in the output.
        QVERIFY(!result.out.contains("key1"));
    }

    void broadcastLifecycle()
    {
        QProcessEnvironment env = m_cli->env();
        env.insert(QStringLiteral("YT_KEY"), QStringLiteral("envStreamKey123"));
        m_cli->addSecret("envStreamKey123");
        auto result =
            m_cli->run({QStringLiteral("--json"), QStringLiteral("broadcast"),
                           QStringLiteral("start"), m_session, QStringLiteral("--rtmp"),
                           QStringLiteral("id=yt,url=rtmp://b.example/app,stream-env=YT_KEY"),
                           QStringLiteral("--stream-mode"), QStringLiteral("manual")},
                {}, env);
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody()
                     .value(QStringLiteral("outputs"))
                     .toObject()
                     .value(QStringLiteral("rtmp"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("streamName"))
                     .toString(),
            QStringLiteral("envStreamKey123"));
        const QString id = result.json().toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());

        result = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("broadcast"), QStringLiteral("get"), id});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toObject().value(QStringLiteral("id")).toString(), id);

        result = m_cli->run({QStringLiteral("broadcast"), QStringLiteral("layout"), id,
            QStringLiteral("--layout"), QStringLiteral("verticalPresentation")});
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody().value(QStringLiteral("type")).toString(),
            QStringLiteral("verticalPresentation"));

        const QString stream = server().addStream(m_session, m_connection);
        result =
            m_cli->run({QStringLiteral("broadcast"), QStringLiteral("add-stream"), id, stream});
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody().value(QStringLiteral("addStream")).toString(), stream);
        result =
            m_cli->run({QStringLiteral("broadcast"), QStringLiteral("remove-stream"), id, stream});
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody().value(QStringLiteral("removeStream")).toString(), stream);

        // Two more broadcasts (other sessions), then page through all three two at a time.
        for (int i = 0; i < 2; ++i) {
            const QString other = m_fixture->routedSessionWithConnection();
            CLI_EXPECT(m_cli->run({QStringLiteral("broadcast"), QStringLiteral("start"), other,
                           QStringLiteral("--hls")}),
                0);
        }
        server().clearJournal();
        result = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("broadcast"), QStringLiteral("list"),
                QStringLiteral("--all"), QStringLiteral("--count"), QStringLiteral("2")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toArray().size(), 3);
        QCOMPARE(server().journal().size(), 2);
        result = m_cli->run({QStringLiteral("broadcast"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.text().count(QLatin1Char('\n')), 4); // header + 3 rows

        result = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("broadcast"), QStringLiteral("stop"), id});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("stopped"));
        result = m_cli->run({QStringLiteral("broadcast"), QStringLiteral("stop"), id});
        CLI_EXPECT(result, 1);
    }

    void sipDialAndDtmf()
    {
        // Password from the environment (CliRunner sets OPENTOK_SIP_PASSWORD).
        auto result =
            m_cli->run({QStringLiteral("--json"), QStringLiteral("sip"), QStringLiteral("dial"),
                m_session, QStringLiteral("sip:+15551234567@sip.example.com;transport=tls"),
                QStringLiteral("--username"), QStringLiteral("ann"), QStringLiteral("--secure"),
                QStringLiteral("--header"), QStringLiteral("X-Room: 12")});
        CLI_EXPECT(result, 0);
        const QJsonObject sip = lastBody().value(QStringLiteral("sip")).toObject();
        QCOMPARE(sip.value(QStringLiteral("auth")).toObject().value(QStringLiteral("password")),
            QJsonValue(QString::fromLatin1(kSipPassword)));
        QCOMPARE(sip.value(QStringLiteral("secure")).toBool(), true);
        QCOMPARE(sip.value(QStringLiteral("headers")).toObject().value(QStringLiteral("X-Room")),
            QJsonValue(QStringLiteral("12")));
        QVERIFY(!lastBody().value(QStringLiteral("token")).toString().isEmpty());
        const QString connectionId =
            result.json().toObject().value(QStringLiteral("connectionId")).toString();
        QVERIFY(!connectionId.isEmpty());

        // Password on stdin instead.
        QProcessEnvironment env = m_cli->env();
        env.remove(QStringLiteral("OPENTOK_SIP_PASSWORD"));
        result =
            m_cli->run({QStringLiteral("sip"), QStringLiteral("dial"), m_session,
                           QStringLiteral("sip:bob@sip.example.com"), QStringLiteral("--username"),
                           QStringLiteral("bob"), QStringLiteral("--password-stdin")},
                QByteArray(kSipPassword) + '\n', env);
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody()
                     .value(QStringLiteral("sip"))
                     .toObject()
                     .value(QStringLiteral("auth"))
                     .toObject()
                     .value(QStringLiteral("password"))
                     .toString(),
            QString::fromLatin1(kSipPassword));

        result = m_cli->run(
            {QStringLiteral("sip"), QStringLiteral("dtmf"), m_session, QStringLiteral("1234#p9")});
        CLI_EXPECT(result, 0);
        QVERIFY(last().path.endsWith(QStringLiteral("/play-dtmf")));
        QCOMPARE(lastBody().value(QStringLiteral("digits")).toString(), QStringLiteral("1234#p9"));
        result =
            m_cli->run({QStringLiteral("--json"), QStringLiteral("sip"), QStringLiteral("dtmf"),
                m_session, QStringLiteral("5"), QStringLiteral("--connection"), connectionId});
        CLI_EXPECT(result, 0);
        QVERIFY(last().path.contains(connectionId));
        QCOMPARE(result.json().toObject().value(QStringLiteral("digits")).toString(),
            QStringLiteral("5"));
    }

    void projectStatusExample()
    {
        const auto result =
            m_cli->example(QStringLiteral("project status PROJECT_KEY suspended"), placeholders());
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("PUT"));
        QCOMPARE(last().path, QStringLiteral("/v2/project/%1").arg(server().apiKey()));
        QCOMPARE(
            lastBody().value(QStringLiteral("status")).toString(), QStringLiteral("SUSPENDED"));
        QVERIFY(result.text().contains(QStringLiteral("SUSPENDED")));
        // Suspended: project calls now fail with the service's 403 (exit 1).
        const auto refused = m_cli->run({QStringLiteral("archive"), QStringLiteral("list")});
        CLI_EXPECT(refused, 1);
        QVERIFY(refused.errText().contains(QStringLiteral("suspended"), Qt::CaseInsensitive));
        CLI_EXPECT(m_cli->run({QStringLiteral("project"), QStringLiteral("status"),
                       server().apiKey(), QStringLiteral("active")}),
            0);
        CLI_EXPECT(m_cli->run({QStringLiteral("archive"), QStringLiteral("list")}), 0);
    }

    void projectAdministration()
    {
        auto result = m_cli->run({QStringLiteral("--json"), QStringLiteral("project"),
            QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Support desk")});
        CLI_EXPECT(result, 0);
        QJsonObject project = result.json().toObject();
        const QString key = project.value(QStringLiteral("id")).toString();
        QVERIFY(!key.isEmpty());
        QCOMPARE(project.value(QStringLiteral("name")).toString(), QStringLiteral("Support desk"));
        // The new project's secret is hidden unless asked for.
        QCOMPARE(project.value(QStringLiteral("secret")).toString(), QStringLiteral("[redacted]"));

        result = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("project"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toArray().size(), 2);
        for (const QJsonValue &item : result.json().toArray())
            QCOMPARE(item.toObject().value(QStringLiteral("secret")).toString(),
                QStringLiteral("[redacted]"));
        result = m_cli->run({QStringLiteral("project"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().contains(QStringLiteral("Support desk")));

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("project"),
            QStringLiteral("get"), key, QStringLiteral("--reveal-secret")});
        CLI_EXPECT(result, 0);
        const QString oldSecret =
            result.json().toObject().value(QStringLiteral("secret")).toString();
        QVERIFY(oldSecret.size() >= 16);

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("project"),
            QStringLiteral("rotate-secret"), key, QStringLiteral("--reveal-secret")});
        CLI_EXPECT(result, 0);
        QVERIFY(last().path.endsWith(QStringLiteral("/refreshSecret")));
        const QString newSecret =
            result.json().toObject().value(QStringLiteral("secret")).toString();
        QVERIFY(newSecret.size() >= 16);
        QVERIFY(newSecret != oldSecret);
        result = m_cli->run({QStringLiteral("project"), QStringLiteral("rotate-secret"), key});
        CLI_EXPECT(result, 0);
        QVERIFY(!result.text().contains(newSecret));
        QVERIFY(result.text().contains(QStringLiteral("[redacted]")));

        result = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("project"), QStringLiteral("delete"), key});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("DELETE"));
        QCOMPARE(result.json().toObject().value(QStringLiteral("deleted")).toBool(), true);
        CLI_EXPECT(m_cli->run({QStringLiteral("project"), QStringLiteral("get"), key}), 1);
        // Every account call was signed with the account credentials.
        for (const auto &entry : server().journal())
            QVERIFY(entry.status != 403);
    }
};

QTEST_GUILESS_MAIN(TestCliMedia)
#include "tst_cli_media.moc"
