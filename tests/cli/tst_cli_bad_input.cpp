// SPDX-License-Identifier: GPL-3.0-or-later
// G-QA-3 for the command line: bad and hostile arguments exit 2, name the field, send nothing.
#include "CliRunner.h"

using namespace otadmin;
using namespace otadmin::test;

namespace {
QString rep(const QString &unit, int times)
{
    return unit.repeated(times);
}
const QString kEmoji = QString::fromUcs4(U"\U0001F600", 1);
const QString kRlo = QString(QChar(0x202E));
const QString kZwsp = QString(QChar(0x200B));
const QString kReplacement = QString(QChar(0xFFFD)); // what an over-long UTF-8 decodes to
const QString kFullwidth12 = QString(QChar(0xFF11)) + QChar(0xFF12);
const QString S = QStringLiteral("SESSION_ID");
} // namespace

class TestCliBadInput : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<CliRunner> m_cli;
    QString m_session;

    sandbox::SandboxServer &server() { return m_fixture->server(); }

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
        QVERIFY2(m_cli->leaks().isEmpty(), qPrintable(m_cli->leaks().join(QLatin1Char(' '))));
        m_cli.reset();
        m_fixture.reset();
    }

    void badArgumentExits2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        auto row = [](const char *name, const QStringList &args, const char *field) {
            QTest::newRow(name) << args << QString::fromUtf8(field);
        };
        const QString archive = QStringLiteral("archive");
        row("archive get ../", {archive, QStringLiteral("get"), QStringLiteral("a/../b")},
            "archiveId");
        row("archive stop ?query", {archive, QStringLiteral("stop"), QStringLiteral("abc?x=1")},
            "archiveId");
        row("archive delete #fragment", {archive, QStringLiteral("delete"), QStringLiteral("a#b")},
            "archiveId");
        row("archive get CR/LF", {archive, QStringLiteral("get"), QStringLiteral("abc\r\nX: y")},
            "archiveId");
        row("archive get RTL override",
            {archive, QStringLiteral("get"), kRlo + QStringLiteral("abc")}, "archiveId");
        row("archive get zero-width space",
            {archive, QStringLiteral("get"), QStringLiteral("ab") + kZwsp}, "archiveId");
        row("archive get over-long UTF-8",
            {archive, QStringLiteral("get"), QStringLiteral("a") + kReplacement}, "archiveId");
        row("archive get 256 chars",
            {archive, QStringLiteral("get"), rep(QStringLiteral("x"), 256)}, "archiveId");
        row("broadcast get %2e%2e",
            {QStringLiteral("broadcast"), QStringLiteral("get"), QStringLiteral("%2e%2e")},
            "broadcastId");
        row("stream get TAB",
            {QStringLiteral("stream"), QStringLiteral("get"), S, QStringLiteral("s\tt")},
            "streamId");
        row("signal send type 33 emoji",
            {QStringLiteral("signal"), QStringLiteral("send"), S, QStringLiteral("--type"),
                rep(kEmoji, 33)},
            "type");
        row("signal send data 8193 bytes",
            {QStringLiteral("signal"), QStringLiteral("send"), S, QStringLiteral("--data"),
                rep(QStringLiteral("d"), 8193)},
            "data");
        row("signal send session ../",
            {QStringLiteral("signal"), QStringLiteral("send"), S + QStringLiteral("/../x"),
                QStringLiteral("--data"), QStringLiteral("x")},
            "sessionId");
        row("archive start name 201",
            {archive, QStringLiteral("start"), S, QStringLiteral("--name"),
                rep(QStringLiteral("n"), 201)},
            "name");
        row("archive start name LF",
            {archive, QStringLiteral("start"), S, QStringLiteral("--name"), QStringLiteral("a\nb")},
            "name");
        row("archive start tag 201",
            {archive, QStringLiteral("start"), S, QStringLiteral("--tag"),
                rep(QStringLiteral("t"), 201)},
            "multiArchiveTag");
        row("archive start quantization 41",
            {archive, QStringLiteral("start"), S, QStringLiteral("--quantization"),
                QStringLiteral("41")},
            "quantizationParameter");
        row("archive start max-bitrate 6000001",
            {archive, QStringLiteral("start"), S, QStringLiteral("--max-bitrate"),
                QStringLiteral("6000001")},
            "maxBitrate");
        row("archive list session ?x",
            {archive, QStringLiteral("list"), QStringLiteral("--session"),
                S + QStringLiteral("?x")},
            "sessionId");
        row("broadcast start max-duration 36001",
            {QStringLiteral("broadcast"), QStringLiteral("start"), S, QStringLiteral("--hls"),
                QStringLiteral("--max-duration"), QStringLiteral("36001")},
            "maxDuration");
        row("broadcast start resolution 1920x1081",
            {QStringLiteral("broadcast"), QStringLiteral("start"), S, QStringLiteral("--hls"),
                QStringLiteral("--resolution"), QStringLiteral("1920x1081")},
            "resolution");
        row("broadcast start rtmp URL CR/LF",
            {QStringLiteral("broadcast"), QStringLiteral("start"), S, QStringLiteral("--rtmp"),
                QStringLiteral("id=a,url=rtmp://h.example/a\r\nX: y,stream=k")},
            "serverUrl");
        row("storage set s3 bucket IPv4",
            {QStringLiteral("storage"), QStringLiteral("set"), QStringLiteral("s3"),
                QStringLiteral("--bucket"), QStringLiteral("192.168.1.1")},
            "bucket");
        row("storage set s3 bucket ../etc",
            {QStringLiteral("storage"), QStringLiteral("set"), QStringLiteral("s3"),
                QStringLiteral("--bucket"), QStringLiteral("../etc")},
            "bucket");
        row("storage set azure account AB",
            {QStringLiteral("storage"), QStringLiteral("set"), QStringLiteral("azure"),
                QStringLiteral("--account-name"), QStringLiteral("AB"),
                QStringLiteral("--container"), QStringLiteral("box")},
            "accountName");
        row("storage set azure container a--b",
            {QStringLiteral("storage"), QStringLiteral("set"), QStringLiteral("azure"),
                QStringLiteral("--account-name"), QStringLiteral("acct"),
                QStringLiteral("--container"), QStringLiteral("a--b")},
            "container");
        row("sip dial uri CR/LF",
            {QStringLiteral("sip"), QStringLiteral("dial"), S,
                QStringLiteral("sip:a@b.example\r\nVia: x")},
            "sip.uri");
        row("sip dial uri 1025",
            {QStringLiteral("sip"), QStringLiteral("dial"), S,
                QStringLiteral("sip:a@") + rep(QStringLiteral("h"), 1019)},
            "sip.uri");
        row("sip dtmf fullwidth digits",
            {QStringLiteral("sip"), QStringLiteral("dtmf"), S, kFullwidth12}, "digits");
        row("sip dtmf 257 digits",
            {QStringLiteral("sip"), QStringLiteral("dtmf"), S, rep(QStringLiteral("1"), 257)},
            "digits");
        row("project get fullwidth digits",
            {QStringLiteral("project"), QStringLiteral("get"), kFullwidth12}, "projectKey");
        row("project delete ?x",
            {QStringLiteral("project"), QStringLiteral("delete"), QStringLiteral("1?x")},
            "projectKey");
        row("project create name LF",
            {QStringLiteral("project"), QStringLiteral("create"), QStringLiteral("--name"),
                QStringLiteral("a\nb")},
            "name");
        row("token create data 1001",
            {QStringLiteral("token"), QStringLiteral("create"), S, QStringLiteral("--data"),
                rep(kEmoji, 1001)},
            "connectionData");
        row("token create layout class with space",
            {QStringLiteral("token"), QStringLiteral("create"), S, QStringLiteral("--layout-class"),
                QStringLiteral("a b")},
            "initialLayoutClassList");
        row("mute all exclude zero-width",
            {QStringLiteral("mute"), QStringLiteral("all"), S, QStringLiteral("--exclude"),
                QStringLiteral("a") + kZwsp},
            "excludedStreamIds");
        row("session create archive-name 81",
            {QStringLiteral("session"), QStringLiteral("create"), QStringLiteral("--archive-mode"),
                QStringLiteral("always"), QStringLiteral("--archive-name"),
                rep(QStringLiteral("n"), 81)},
            "archiveName");
    }
    void badArgumentExits2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        for (QString &arg : args)
            arg.replace(S, m_session);
        const auto result = m_cli->run(args);
        CLI_EXPECT(result, 2);
        QVERIFY2(result.errText().contains(field), result.describe().constData());
        QVERIFY(result.out.isEmpty());
        QCOMPARE(server().requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_bad_input.moc"
