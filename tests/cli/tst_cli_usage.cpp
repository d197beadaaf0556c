// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli usage: help and version, bad input exits 2 with nothing sent, --curl sends
// nothing, API and network errors exit 1, secrets never on argv nor in any output.
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace otadmin;
using namespace otadmin::test;

namespace {
const QStringList kAreaVerbs = {
    QStringLiteral("session create"),
    QStringLiteral("token create"),
    QStringLiteral("token inspect"),
    QStringLiteral("signal send"),
    QStringLiteral("connection disconnect"),
    QStringLiteral("stream list"),
    QStringLiteral("stream get"),
    QStringLiteral("stream classes"),
    QStringLiteral("mute stream"),
    QStringLiteral("mute all"),
    QStringLiteral("mute disable"),
    QStringLiteral("archive start"),
    QStringLiteral("archive stop"),
    QStringLiteral("archive get"),
    QStringLiteral("archive delete"),
    QStringLiteral("archive list"),
    QStringLiteral("archive layout"),
    QStringLiteral("archive add-stream"),
    QStringLiteral("archive remove-stream"),
    QStringLiteral("storage set"),
    QStringLiteral("storage delete"),
    QStringLiteral("broadcast start"),
    QStringLiteral("broadcast stop"),
    QStringLiteral("broadcast get"),
    QStringLiteral("broadcast list"),
    QStringLiteral("broadcast layout"),
    QStringLiteral("broadcast add-stream"),
    QStringLiteral("broadcast remove-stream"),
    QStringLiteral("sip dial"),
    QStringLiteral("sip dtmf"),
    QStringLiteral("project list"),
    QStringLiteral("project get"),
    QStringLiteral("project create"),
    QStringLiteral("project status"),
    QStringLiteral("project delete"),
    QStringLiteral("project rotate-secret"),
    QStringLiteral("profile list"),
    QStringLiteral("profile add"),
    QStringLiteral("profile remove"),
};
} // namespace

class TestCliUsage : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<CliRunner> m_cli;
    QString m_session;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    QStringList words(const QString &line)
    {
        QStringList args = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (QString &arg : args) {
            arg.replace(QStringLiteral("SESSION_ID"), m_session);
            arg.replace(QStringLiteral("PROJECT_KEY"), server().apiKey());
            arg.replace(QLatin1Char('~'), QLatin1Char(' '));
        }
        return args;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_cli = std::make_unique<CliRunner>(*m_fixture);
        m_session = m_fixture->routedSessionWithConnection();
    }
    void cleanup()
    {
        const QStringList leaks = m_cli->leaks();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        m_cli.reset();
        m_fixture.reset();
    }

    void versionAndHelp()
    {
        auto result = m_cli->run({QStringLiteral("--version")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().startsWith(QStringLiteral("opentok-admin-cli ")));
        result = m_cli->run({QStringLiteral("--help")});
        CLI_EXPECT(result, 0);
        for (const QString &areaVerb : kAreaVerbs)
            QVERIFY2(result.text().contains(areaVerb), qPrintable(areaVerb));
        for (const char *variable : {"OPENTOK_API_KEY", "OPENTOK_API_SECRET",
                 "OPENTOK_ACCOUNT_API_KEY", "OPENTOK_ACCOUNT_API_SECRET"})
            QVERIFY(result.out.contains(variable));
        result = m_cli->run({});
        CLI_EXPECT(result, 2);
        result = m_cli->run({QStringLiteral("archive"), QStringLiteral("--help")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().contains(QStringLiteral("add-stream")));
        QCOMPARE(server().requestCount(), 0);
    }

    void helpForEveryVerb_data()
    {
        QTest::addColumn<QString>("areaVerb");
        for (const QString &areaVerb : kAreaVerbs)
            QTest::newRow(qPrintable(areaVerb)) << areaVerb;
    }
    void helpForEveryVerb()
    {
        QFETCH(QString, areaVerb);
        const auto result =
            m_cli->run(areaVerb.split(QLatin1Char(' ')) << QStringLiteral("--help"));
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().contains(QStringLiteral("Usage: opentok-admin-cli")));
        QVERIFY(result.text().contains(QStringLiteral("Examples:")));
        QVERIFY(result.text().contains(QStringLiteral("Exit codes")));
        QVERIFY(result.text().contains(QStringLiteral("opentok-admin-cli ") + areaVerb));
        if (areaVerb == QLatin1String("storage set")) {
            QVERIFY(result.out.contains("OPENTOK_S3_ACCESS_KEY"));
            QVERIFY(result.out.contains("OPENTOK_S3_SECRET_KEY"));
            QVERIFY(result.out.contains("OPENTOK_AZURE_ACCOUNT_KEY"));
        }
        if (areaVerb == QLatin1String("sip dial"))
            QVERIFY(result.out.contains("OPENTOK_SIP_PASSWORD"));
        if (areaVerb.startsWith(QLatin1String("project ")))
            QVERIFY(result.out.contains("OPENTOK_ACCOUNT_API_SECRET"));
        QCOMPARE(server().requestCount(), 0);
    }

    void badInputSendsNothing_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("mentions");
        // '~' stands for a space inside one argument.
        const QList<QPair<QByteArray, const char *>> rows = {
            {"nonsense list", "nonsense"},
            {"archive explode", "explode"},
            {"archive get", "ARCHIVE_ID"},
            {"archive get a b", "ARCHIVE_ID"},
            {"archive list --bogus", "bogus"},
            {"--bogus archive list", "bogus"},
            {"session create --archive-mode sometimes", "archive-mode"},
            {"session create --relayed --archive-mode always", "archiveMode"},
            {"session create --location 999.1.1.1", "location"},
            {"token create SESSION_ID --role king", "role"},
            {"token create SESSION_ID --expire-in 99999999", "expireTime"},
            {"token create not/a/session", "sessionId"},
            {"token create SESSION_ID --format t2", "format"},
            {"signal send SESSION_ID --type " + QByteArray(129, 'x'), "type"},
            {"signal send bad/session --data x", "sessionId"},
            {"connection disconnect SESSION_ID bad?id", "connectionId"},
            {"stream get SESSION_ID", "STREAM_ID"},
            {"stream classes SESSION_ID s1 two~words", "layoutClassList"},
            {"mute all SESSION_ID --exclude bad#id", "excludedStreamIds"},
            {"archive start SESSION_ID --resolution 999x1", "resolution"},
            {"archive start SESSION_ID --max-bitrate abc", "max-bitrate"},
            {"archive start SESSION_ID --max-bitrate 50", "maxBitrate"},
            {"archive start SESSION_ID --layout spiral", "spiral"},
            {"archive start SESSION_ID --no-audio --no-video", "hasAudio"},
            {"archive start SESSION_ID --output mixed", "output"},
            {"archive start SESSION_ID --stream-mode sometimes", "stream-mode"},
            {"archive layout ARCHIVE", "--layout"},
            {"archive layout ARCHIVE --layout custom", "stylesheet"},
            {"archive list --count 5000", "count"},
            {"archive list --offset -1", "offset"},
            {"archive add-stream ../x s1", "archiveId"},
            {"storage set gcs", "s3 or azure"},
            {"storage set s3 --bucket UPPER", "bucket"},
            {"storage set s3 --bucket ok-bucket --fallback maybe", "fallback"},
            {"broadcast start SESSION_ID", "outputs"},
            {"broadcast start SESSION_ID --hls --max-duration 10", "maxDuration"},
            {"broadcast start SESSION_ID --rtmp id=a,url=http://x.example/a,stream=k", "serverUrl"},
            {"broadcast start SESSION_ID --rtmp nonsense", "key=value"},
            {"broadcast start SESSION_ID --rtmp id=a,colour=red", "colour"},
            {"broadcast start SESSION_ID --rtmp id=a,url=rtmp://h/a,stream-env=NOT_SET_ANYWHERE",
                "NOT_SET_ANYWHERE"},
            {"broadcast start SESSION_ID --hls-dvr --hls-low-latency", "lowLatency"},
            {"broadcast layout B1", "--layout"},
            {"broadcast list --count zero", "count"},
            {"sip dial SESSION_ID notasipuri", "sip.uri"},
            {"sip dial SESSION_ID sip:a@b.example --header NoColon", "header"},
            {"sip dtmf SESSION_ID 12x", "digits"},
            {"project status PROJECT_KEY paused", "active or suspended"},
            {"project create --name " + QByteArray(300, 'n'), "name"},
            {"project get bad/key", "projectKey"},
            {"--api-url http://example.com archive list", "https"},
            {"--api-url ftp://127.0.0.1 archive list", "https"},
            {"--curl token create SESSION_ID", "--curl"},
            {"--curl --json archive list", "--curl"},
            {"archive start SESSION_ID --password hunter2", "OPENTOK_SIP_PASSWORD"},
            {"storage set s3 --bucket b --secret-key abc", "OPENTOK_S3_SECRET_KEY"},
            {"storage set s3 --bucket b --access-key=abc", "OPENTOK_S3_ACCESS_KEY"},
            {"storage set azure --account-key abc", "OPENTOK_AZURE_ACCOUNT_KEY"},
            {"--api-secret abc archive list", "OPENTOK_API_SECRET"},
            {"project list --account-secret abc", "OPENTOK_ACCOUNT_API_SECRET"},
            {"sip dial SESSION_ID sip:a@b.example --token abc", "standard input"},
            {"profile add p1 --kind project --api-key 1 --secret abc", "OPENTOK_API_SECRET"},
        };
        for (const auto &row : rows)
            QTest::newRow(row.first.left(60).constData())
                << QString::fromUtf8(row.first) << QString::fromUtf8(row.second);
    }
    void badInputSendsNothing()
    {
        QFETCH(QString, line);
        QFETCH(QString, mentions);
        const auto result = m_cli->run(words(line));
        CLI_EXPECT(result, 2);
        QVERIFY2(result.errText().contains(mentions), result.err.constData());
        QVERIFY(result.out.isEmpty());
        QCOMPARE(server().requestCount(), 0);
    }

    void missingCredentialsExit2()
    {
        QProcessEnvironment env = m_cli->env();
        env.remove(QStringLiteral("OPENTOK_API_SECRET"));
        env.remove(QStringLiteral("OPENTOK_ACCOUNT_API_KEY"));
        auto result = m_cli->run({QStringLiteral("archive"), QStringLiteral("list")}, {}, env);
        CLI_EXPECT(result, 2);
        QVERIFY(result.errText().contains(QStringLiteral("OPENTOK_API_SECRET")));
        result = m_cli->run({QStringLiteral("project"), QStringLiteral("list")}, {}, env);
        CLI_EXPECT(result, 2);
        QVERIFY(result.errText().contains(QStringLiteral("OPENTOK_ACCOUNT_API_KEY")));
        result =
            m_cli->run({QStringLiteral("token"), QStringLiteral("create"), m_session}, {}, env);
        CLI_EXPECT(result, 2);
        QCOMPARE(server().requestCount(), 0);
    }

    void curlSendsNothing_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("account");
        QTest::newRow("archive start") << "--curl archive start SESSION_ID --name Town~hall"
                                       << "POST"
                                       << "/archive" << false;
        QTest::newRow("archive list all") << "archive list --session SESSION_ID --all --curl"
                                          << "GET"
                                          << "/archive?" << false;
        QTest::newRow("session create") << "--curl session create"
                                        << "POST"
                                        << "/session/create" << false;
        QTest::newRow("storage set") << "--curl storage set s3 --bucket my-archives"
                                     << "PUT"
                                     << "/archive/storage" << false;
        QTest::newRow("sip dial") << "--curl sip dial SESSION_ID sip:a@b.example --username a"
                                  << "POST"
                                  << "/dial" << false;
        QTest::newRow("broadcast") << "--curl broadcast start SESSION_ID --rtmp "
                                      "id=yt,url=rtmps://a.example/live,stream=key1"
                                   << "POST"
                                   << "/broadcast" << false;
        QTest::newRow("project rotate") << "--curl project rotate-secret PROJECT_KEY"
                                        << "POST"
                                        << "/refreshSecret" << true;
        QTest::newRow("project list") << "--curl project list"
                                      << "GET"
                                      << "/v2/project" << true;
    }
    void curlSendsNothing()
    {
        QFETCH(QString, line);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(bool, account);
        const auto result = m_cli->run(words(line));
        CLI_EXPECT(result, 0);
        const QString text = result.text().trimmed();
        QVERIFY2(text.startsWith(QStringLiteral("curl -X ") + method), result.out.constData());
        QVERIFY(text.contains(path));
        QVERIFY(text.contains(
            account ? QStringLiteral("$OPENTOK_ACCOUNT_JWT") : QStringLiteral("$OPENTOK_JWT")));
        QVERIFY(!result.out.contains("key1"));
        QVERIFY(!result.out.contains("eyJ")); // no JWT of any kind
        QCOMPARE(text.count(QLatin1Char('\n')), 0);
        QCOMPARE(server().requestCount(), 0);

        // Only the API key is needed: the secret is never used.
        QProcessEnvironment env = m_cli->env();
        env.remove(QStringLiteral("OPENTOK_API_SECRET"));
        env.remove(QStringLiteral("OPENTOK_ACCOUNT_API_SECRET"));
        CLI_EXPECT(m_cli->run(words(line), {}, env), 0);
        QCOMPARE(server().requestCount(), 0);
    }

    void apiAndNetworkErrorsExit1()
    {
        server().forceNextResponse("POST", QStringLiteral("*/archive"), 500,
            QByteArrayLiteral("{\"code\":500,\"message\":\"Media router on fire\"}"));
        auto result = m_cli->run({QStringLiteral("--json"), QStringLiteral("archive"),
            QStringLiteral("start"), m_session});
        CLI_EXPECT(result, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY(result.errText().contains(QStringLiteral("Media router on fire")));
        // A POST is never retried; its unknown outcome is reconciled with one list call.
        int posts = 0;
        int lists = 0;
        for (const auto &entry : server().journal()) {
            posts += entry.method == "POST" ? 1 : 0;
            lists +=
                entry.method == "GET" && entry.path.endsWith(QLatin1String("/archive")) ? 1 : 0;
        }
        QCOMPARE(posts, 1);
        QCOMPARE(lists, 1);

        result = m_cli->run({QStringLiteral("archive"), QStringLiteral("get"),
            QStringLiteral("00000000-0000-0000-0000-000000000000")});
        CLI_EXPECT(result, 1);
        QVERIFY(!result.err.isEmpty());

        // Wrong secret: the service's 403.
        QProcessEnvironment env = m_cli->env();
        env.insert(QStringLiteral("OPENTOK_API_SECRET"), QStringLiteral("not-the-secret-0000"));
        m_cli->addSecret("not-the-secret-0000");
        result = m_cli->run({QStringLiteral("session"), QStringLiteral("create")}, {}, env);
        CLI_EXPECT(result, 1);

        // Nobody listening.
        result = m_cli->run({QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:1"),
            QStringLiteral("session"), QStringLiteral("create")});
        CLI_EXPECT(result, 1);
        QVERIFY(!result.err.isEmpty());
    }

    void verboseLogsNoSecrets()
    {
        QProcessEnvironment env = m_cli->env();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        auto result = m_cli->run(
            {QStringLiteral("--verbose"), QStringLiteral("storage"), QStringLiteral("set"),
                QStringLiteral("s3"), QStringLiteral("--bucket"), QStringLiteral("my-archives")},
            {}, env);
        CLI_EXPECT(result, 0);
        QVERIFY(result.errText().contains(QStringLiteral("> PUT ")));
        result =
            m_cli->run({QStringLiteral("--verbose"), QStringLiteral("sip"), QStringLiteral("dial"),
                           m_session, QStringLiteral("sip:a@b.example"),
                           QStringLiteral("--username"), QStringLiteral("a")},
                {}, env);
        CLI_EXPECT(result, 0);
        result = m_cli->run({QStringLiteral("--verbose"), QStringLiteral("project"),
                                QStringLiteral("get"), server().apiKey()},
            {}, env);
        CLI_EXPECT(result, 0);
        QVERIFY(result.errText().contains(QStringLiteral("> GET ")));
        // cleanup() checks every output for secrets and the JWTs the sandbox received.
    }

    void globalOptionsAnywhere()
    {
        // Before AREA VERB as in the usage line, or after it.
        auto result = m_cli->run({QStringLiteral("--json"), QStringLiteral("--api-url"),
            server().baseUrl().toString(), QStringLiteral("archive"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.json().isArray());
        result = m_cli->run(
            {QStringLiteral("archive"), QStringLiteral("list"), QStringLiteral("--json")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.json().isArray());
    }
};

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cli_usage.moc"
