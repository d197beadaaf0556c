// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli against the sandbox: session, token, signal, connection, stream, mute,
// archive and storage commands — output, exit codes and what the sandbox received.
#include "CliRunner.h"

#include "ReplyWaiter.h"
#include "api/ArchivesApi.h"
#include "auth/TokenInspector.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

using namespace otadmin;
using namespace otadmin::test;

class TestCliCommands : public QObject
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

    void sessionCreateExample()
    {
        const auto result = m_cli->example(
            QStringLiteral("session create --routed --archive-mode manual"), placeholders());
        CLI_EXPECT(result, 0);
        QCOMPARE(server().requestCount(), 1);
        QCOMPARE(last().path, QStringLiteral("/session/create"));
        const QUrlQuery form(QString::fromUtf8(last().body));
        QCOMPARE(form.queryItemValue(QStringLiteral("p2p.preference")), QStringLiteral("disabled"));
        QCOMPARE(form.queryItemValue(QStringLiteral("archiveMode")), QStringLiteral("manual"));
        QVERIFY(result.text().contains(QStringLiteral("session_id")));

        const auto json = m_cli->run({QStringLiteral("--json"), QStringLiteral("session"),
            QStringLiteral("create"), QStringLiteral("--relayed")});
        CLI_EXPECT(json, 0);
        const QString id = json.json().toObject().value(QStringLiteral("session_id")).toString();
        QVERIFY(id.startsWith(QStringLiteral("1_")));
        QVERIFY(!server().sessionState(id).isEmpty());
        QCOMPARE(QUrlQuery(QString::fromUtf8(last().body))
                     .queryItemValue(QStringLiteral("p2p.preference")),
            QStringLiteral("enabled"));
    }

    void tokenCreateExample()
    {
        const auto result = m_cli->example(
            QStringLiteral("token create SESSION_ID --role moderator --data \"name=Ann\" "
                           "--layout-class focus --expire-in 3600 --format t1"),
            placeholders());
        CLI_EXPECT(result, 0);
        QCOMPARE(server().requestCount(), 0);
        const QString token = result.text().trimmed();
        QVERIFY(token.startsWith(QStringLiteral("T1==")));
        const auto inspection =
            inspectToken(token, server().apiSecret().toUtf8(), SystemClock::shared());
        QCOMPARE(inspection.verdict, TokenInspection::Verdict::Valid);
        QCOMPARE(inspection.signature, TokenInspection::Signature::Valid);
        QCOMPARE(inspection.role, QStringLiteral("moderator"));
        QCOMPARE(inspection.connectionData, QStringLiteral("name=Ann"));
        QCOMPARE(inspection.layoutClasses, QStringList {QStringLiteral("focus")});
        QVERIFY(qAbs(*inspection.expireTime - (SystemClock::shared().nowSecs() + 3600)) <= 5);

        const auto json = m_cli->run({QStringLiteral("--json"), QStringLiteral("token"),
            QStringLiteral("create"), m_session});
        CLI_EXPECT(json, 0);
        const QJsonObject object = json.json().toObject();
        QCOMPARE(object.value(QStringLiteral("format")).toString(), QStringLiteral("jwt"));
        QCOMPARE(object.value(QStringLiteral("role")).toString(), QStringLiteral("publisher"));
        QCOMPARE(object.value(QStringLiteral("token")).toString().count(QLatin1Char('.')), 2);
    }

    void tokenInspect()
    {
        const auto created = m_cli->run({QStringLiteral("token"), QStringLiteral("create"),
            m_session, QStringLiteral("--role"), QStringLiteral("subscriber")});
        CLI_EXPECT(created, 0);
        const QByteArray token = created.out.trimmed();
        // From stdin ("-"): the token stays out of the process list.
        const auto inspected = m_cli->run({QStringLiteral("--json"), QStringLiteral("token"),
                                              QStringLiteral("inspect"), QStringLiteral("-")},
            token + '\n');
        CLI_EXPECT(inspected, 0);
        const QJsonObject object = inspected.json().toObject();
        QCOMPARE(object.value(QStringLiteral("verdict")).toString(), QStringLiteral("valid"));
        QCOMPARE(object.value(QStringLiteral("signature")).toString(), QStringLiteral("valid"));
        QCOMPARE(object.value(QStringLiteral("role")).toString(), QStringLiteral("subscriber"));
        QCOMPARE(object.value(QStringLiteral("sessionId")).toString(), m_session);
        QVERIFY(!inspected.out.contains(token));

        // Another secret: bad signature, exit 1. Garbage: malformed, exit 2.
        QProcessEnvironment env = m_cli->env();
        env.insert(QStringLiteral("OPENTOK_API_SECRET"), QStringLiteral("wrong-secret-0123456789"));
        const auto bad = m_cli->run(
            {QStringLiteral("token"), QStringLiteral("inspect"), QString::fromUtf8(token)}, {},
            env);
        CLI_EXPECT(bad, 1);
        QVERIFY(bad.text().contains(QStringLiteral("bad-signature")));
        CLI_EXPECT(m_cli->run({QStringLiteral("token"), QStringLiteral("inspect"),
                       QStringLiteral("not-a-token")}),
            2);
        QCOMPARE(server().requestCount(), 0);
    }

    void signalAndDisconnect()
    {
        auto result = m_cli->run(
            {QStringLiteral("signal"), QStringLiteral("send"), m_session, QStringLiteral("--type"),
                QStringLiteral("chat"), QStringLiteral("--data"), QStringLiteral("Hello")});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("POST"));
        QVERIFY(last().path.endsWith(QStringLiteral("/session/%1/signal").arg(m_session)));
        QCOMPARE(lastBody().value(QStringLiteral("data")).toString(), QStringLiteral("Hello"));
        QCOMPARE(lastBody().value(QStringLiteral("type")).toString(), QStringLiteral("chat"));

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("signal"),
            QStringLiteral("send"), m_session, QStringLiteral("--connection"), m_connection,
            QStringLiteral("--data"), QStringLiteral("Hi")});
        CLI_EXPECT(result, 0);
        QVERIFY(last().path.endsWith(QStringLiteral("/connection/%1/signal").arg(m_connection)));
        QCOMPARE(result.json().toObject().value(QStringLiteral("sent")).toBool(), true);

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("connection"),
            QStringLiteral("disconnect"), m_session, m_connection});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("DELETE"));
        QCOMPARE(last().status, 204);
        QCOMPARE(result.json().toObject().value(QStringLiteral("disconnected")).toBool(), true);

        // A repeat is the service's 404: exit 1 with its message on stderr, stdout empty.
        result = m_cli->run(
            {QStringLiteral("connection"), QStringLiteral("disconnect"), m_session, m_connection});
        CLI_EXPECT(result, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY(!result.err.isEmpty());
    }

    void streamsAndMute()
    {
        const QString stream = server().addStream(m_session, m_connection);
        const QString other = server().addStream(m_session, m_connection);
        auto result = m_cli->run({QStringLiteral("--json"), QStringLiteral("stream"),
            QStringLiteral("list"), m_session});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toArray().size(), 2);
        result = m_cli->run({QStringLiteral("stream"), QStringLiteral("list"), m_session});
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().startsWith(QStringLiteral("ID")));
        QVERIFY(result.text().contains(stream));

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("stream"),
            QStringLiteral("get"), m_session, stream});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toObject().value(QStringLiteral("id")).toString(), stream);

        result = m_cli->run({QStringLiteral("stream"), QStringLiteral("classes"), m_session, stream,
            QStringLiteral("focus"), QStringLiteral("full")});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("PUT"));
        const QJsonObject item =
            lastBody().value(QStringLiteral("items")).toArray().at(0).toObject();
        QCOMPARE(item.value(QStringLiteral("id")).toString(), stream);
        QCOMPARE(item.value(QStringLiteral("layoutClassList")).toArray(),
            QJsonArray({QStringLiteral("focus"), QStringLiteral("full")}));

        result = m_cli->run({QStringLiteral("mute"), QStringLiteral("stream"), m_session, stream});
        CLI_EXPECT(result, 0);
        QVERIFY(last().path.endsWith(QStringLiteral("/stream/%1/mute").arg(stream)));

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("mute"),
            QStringLiteral("all"), m_session, QStringLiteral("--exclude"), other});
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody().value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(
            lastBody().value(QStringLiteral("excludedStreamIds")).toArray(), QJsonArray({other}));

        result = m_cli->run({QStringLiteral("mute"), QStringLiteral("disable"), m_session});
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody().value(QStringLiteral("active")).toBool(), false);
        QCOMPARE(server().requestCount(), 7);
    }

    void archiveStartExampleAndLifecycle()
    {
        server().addStream(m_session, m_connection);
        auto result = m_cli->example(QStringLiteral("archive start SESSION_ID --name \"Town hall\" "
                                                    "--resolution 1280x720 --layout bestFit"),
            placeholders());
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody().value(QStringLiteral("name")).toString(), QStringLiteral("Town hall"));
        QCOMPARE(
            lastBody().value(QStringLiteral("resolution")).toString(), QStringLiteral("1280x720"));
        QCOMPARE(
            lastBody().value(QStringLiteral("layout")).toObject().value(QStringLiteral("type")),
            QJsonValue(QStringLiteral("bestFit")));
        QVERIFY(result.text().contains(QStringLiteral("Town hall")));

        // --json: the archive object.
        const QString session2 = m_fixture->routedSessionWithConnection();
        result = m_cli->run(
            {QStringLiteral("--json"), QStringLiteral("archive"), QStringLiteral("start"), session2,
                QStringLiteral("--stream-mode"), QStringLiteral("manual")});
        CLI_EXPECT(result, 0);
        const QString archiveId = result.json().toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!archiveId.isEmpty());
        QCOMPARE(result.json().toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("started"));

        const QString stream = server().addStream(session2, server().addConnection(session2));
        result = m_cli->run({QStringLiteral("archive"), QStringLiteral("add-stream"), archiveId,
            stream, QStringLiteral("--no-video")});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("PATCH"));
        QCOMPARE(lastBody().value(QStringLiteral("addStream")).toString(), stream);
        QCOMPARE(lastBody().value(QStringLiteral("hasVideo")).toBool(), false);
        result = m_cli->run(
            {QStringLiteral("archive"), QStringLiteral("remove-stream"), archiveId, stream});
        CLI_EXPECT(result, 0);
        QCOMPARE(lastBody().value(QStringLiteral("removeStream")).toString(), stream);

        result = m_cli->run({QStringLiteral("archive"), QStringLiteral("layout"), archiveId,
            QStringLiteral("--layout"), QStringLiteral("pip")});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("PUT"));
        QCOMPARE(lastBody().value(QStringLiteral("type")).toString(), QStringLiteral("pip"));

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("stop"), archiveId});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("stopped"));
        QTest::qWait(150); // the fast sandbox makes it available after 60 ms
        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("get"), archiveId});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("available"));

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("delete"), archiveId});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("DELETE"));
        QCOMPARE(result.json().toObject().value(QStringLiteral("deleted")).toBool(), true);
        result = m_cli->run({QStringLiteral("archive"), QStringLiteral("get"), archiveId});
        CLI_EXPECT(result, 1);
    }

    void archiveListAllPages()
    {
        ArchivesApi api(&m_fixture->client());
        for (int i = 0; i < 3; ++i) {
            ArchiveOptions options;
            options.sessionId = m_session;
            options.multiArchiveTag = QStringLiteral("tag%1").arg(i);
            OTADMIN_VERIFY_SUCCESS(await(api.start(options)));
        }
        ArchiveOptions elsewhere;
        elsewhere.sessionId = m_fixture->routedSessionWithConnection();
        OTADMIN_VERIFY_SUCCESS(await(api.start(elsewhere)));
        server().clearJournal();

        auto result = m_cli->example(
            QStringLiteral("archive list --session SESSION_ID --all"), placeholders());
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().startsWith(QStringLiteral("ID")));
        QCOMPARE(result.text().count(m_session), 3);

        server().clearJournal();
        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("list"), QStringLiteral("--session"), m_session, QStringLiteral("--all"),
            QStringLiteral("--count"), QStringLiteral("2")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toArray().size(), 3);
        const auto journal = server().journal();
        QCOMPARE(journal.size(), 2);
        QVERIFY(journal[0].query.contains(QStringLiteral("offset=0")));
        QVERIFY(journal[1].query.contains(QStringLiteral("offset=2")));

        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("list"), QStringLiteral("--count"), QStringLiteral("2")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toArray().size(), 2);
    }

    void archiveStopSeveralAtOnce()
    {
        ArchivesApi api(&m_fixture->client());
        QStringList ids;
        for (int i = 0; i < 4; ++i) {
            ArchiveOptions options;
            options.sessionId = m_session;
            options.multiArchiveTag = QStringLiteral("bulk%1").arg(i);
            auto reply = await(api.start(options));
            OTADMIN_VERIFY_SUCCESS(reply);
            ids << reply->resultAs<Archive>().id;
        }

        // A bad ID anywhere: a usage error, and nothing is sent.
        server().clearJournal();
        auto result = m_cli->run({QStringLiteral("archive"), QStringLiteral("stop"), ids[0],
            QStringLiteral("not/an-id")});
        CLI_EXPECT(result, 2);
        QVERIFY(result.errText().contains(QStringLiteral("not/an-id")));
        QVERIFY(server().journal().isEmpty());

        // Each ID once, one array in argument order.
        result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("stop"), ids[2], ids[0], ids[2], ids[1]});
        CLI_EXPECT(result, 0);
        const QJsonArray stopped = result.json().toArray();
        QCOMPARE(stopped.size(), 3);
        const QStringList order {ids[2], ids[0], ids[1]};
        for (qsizetype i = 0; i < order.size(); ++i) {
            QCOMPARE(stopped[i].toObject().value(QStringLiteral("id")).toString(), order[i]);
            QCOMPARE(stopped[i].toObject().value(QStringLiteral("status")).toString(),
                QStringLiteral("stopped"));
        }
        QCOMPARE(server().journal().size(), 3);
        for (const auto &entry : server().journal())
            QVERIFY(entry.method == "POST" && entry.path.endsWith(QLatin1String("/stop")));

        // --curl: every request printed, in argument order, and nothing sent.
        const int sent = server().requestCount();
        result = m_cli->run({QStringLiteral("--curl"), QStringLiteral("archive"),
            QStringLiteral("stop"), ids[3], ids[0]});
        CLI_EXPECT(result, 0);
        const QStringList curls = result.text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(curls.size(), 2);
        QVERIFY(curls[0].startsWith(QStringLiteral("curl")) && curls[0].contains(ids[3]));
        QVERIFY(curls[1].contains(ids[0]));
        QCOMPARE(server().requestCount(), sent);

        // One failure (already stopped: 409) does not hold back the others; exit 1.
        result = m_cli->run({QStringLiteral("archive"), QStringLiteral("stop"), ids[0], ids[3]});
        CLI_EXPECT(result, 1);
        QCOMPARE(result.text().trimmed(), ids[3] + QStringLiteral("\tstopped"));
        QVERIFY(result.errText().contains(ids[0]));
        QVERIFY(!result.errText().contains(ids[3]));
    }

    void storageSetAndDelete()
    {
        // Keys from the environment (set by CliRunner), never argv.
        auto result =
            m_cli->run({QStringLiteral("--json"), QStringLiteral("storage"), QStringLiteral("set"),
                QStringLiteral("s3"), QStringLiteral("--bucket"), QStringLiteral("my-archives"),
                QStringLiteral("--fallback"), QStringLiteral("opentok")});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("PUT"));
        QJsonObject config = lastBody().value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("accessKey")).toString(),
            QString::fromLatin1(kS3AccessKey));
        QCOMPARE(config.value(QStringLiteral("secretKey")).toString(),
            QString::fromLatin1(kS3SecretKey));
        QCOMPARE(config.value(QStringLiteral("bucket")).toString(), QStringLiteral("my-archives"));
        QCOMPARE(
            lastBody().value(QStringLiteral("fallback")).toString(), QStringLiteral("opentok"));
        QCOMPARE(result.json().toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("s3"));

        // Azure with the key on stdin.
        QProcessEnvironment env = m_cli->env();
        env.remove(QStringLiteral("OPENTOK_AZURE_ACCOUNT_KEY"));
        result = m_cli->run({QStringLiteral("storage"), QStringLiteral("set"),
                                QStringLiteral("azure"), QStringLiteral("--account-name"),
                                QStringLiteral("myaccount"), QStringLiteral("--container"),
                                QStringLiteral("archives"), QStringLiteral("--secrets-stdin")},
            QByteArray(kAzureKey) + '\n', env);
        CLI_EXPECT(result, 0);
        config = lastBody().value(QStringLiteral("config")).toObject();
        QCOMPARE(
            config.value(QStringLiteral("accountKey")).toString(), QString::fromLatin1(kAzureKey));

        // Missing key: usage error, nothing sent.
        const int before = server().requestCount();
        result =
            m_cli->run({QStringLiteral("storage"), QStringLiteral("set"), QStringLiteral("azure"),
                           QStringLiteral("--account-name"), QStringLiteral("myaccount"),
                           QStringLiteral("--container"), QStringLiteral("archives")},
                {}, env);
        CLI_EXPECT(result, 2);
        QVERIFY(result.errText().contains(QStringLiteral("OPENTOK_AZURE_ACCOUNT_KEY")));
        QCOMPARE(server().requestCount(), before);

        result = m_cli->run({QStringLiteral("storage"), QStringLiteral("delete")});
        CLI_EXPECT(result, 0);
        QCOMPARE(last().method, QByteArray("DELETE"));
        QVERIFY(last().path.endsWith(QStringLiteral("/archive/storage")));
    }
};

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
