// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-1/G-SEC-2 for the CLI: a full workflow at maximum logging leaves 0 canaries anywhere.
#include "CanaryForms.h"
#include "CliRunner.h"

#include <QDirIterator>
#include <QJsonObject>
#include <QTest>

using namespace otadmin;
using namespace otadmin::test;

class TestCliCanary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noCanaryAfterWorkflowAtMaximumLogging();
};

void TestCliCanary::noCanaryAfterWorkflowAtMaximumLogging()
{
    const QByteArray rtmpKey = "rtmpCanaryStreamKey-0123456789abcdef";
    SandboxFixture fx;
    QVERIFY(fx.isListening());
    CliRunner cli(fx);
    const QString home = cli.home();
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TMPDIR"}) {
        const QString dir = home + QLatin1Char('/') + QString::fromLatin1(name).toLower();
        QVERIFY(QDir().mkpath(dir));
        cli.env().insert(QString::fromLatin1(name), dir);
    }
    cli.env().insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    cli.env().insert(QStringLiteral("OTADMIN_RTMP_KEY"), QString::fromLatin1(rtmpKey));
    const QByteArray oldSecret = fx.server().apiSecret().toUtf8();

    QByteArray output;
    int runs = 0;
    auto run = [&](QStringList args, const QByteArray &input = {}, int expected = 0) {
        args.prepend(QStringLiteral("--verbose"));
        const CliResult result = cli.run(args, input);
        output += result.out + '\n' + result.err + '\n';
        ++runs;
        if (result.code != expected)
            qWarning("%s: exit %d: %s", qPrintable(args.join(u' ')), result.code,
                result.err.right(400).constData());
        return result;
    };
    auto json = [&](QStringList args) {
        args.prepend(QStringLiteral("--json"));
        return run(args).json().toObject();
    };

    const QString session =
        json({QStringLiteral("session"), QStringLiteral("create"), QStringLiteral("--routed")})
            .value(QStringLiteral("session_id"))
            .toString();
    QVERIFY(!session.isEmpty());
    const QString connection = fx.server().addConnection(session);
    QVERIFY(!connection.isEmpty());
    QCOMPARE(run({QStringLiteral("token"), QStringLiteral("create"), session}).code, 0);
    const QString archive = json({QStringLiteral("archive"), QStringLiteral("start"), session})
                                .value(QStringLiteral("id"))
                                .toString();
    QVERIFY(!archive.isEmpty());
    QCOMPARE(run({QStringLiteral("archive"), QStringLiteral("stop"), archive}).code, 0);
    const QString broadcast = json(
        {QStringLiteral("broadcast"), QStringLiteral("start"), session, QStringLiteral("--rtmp"),
            QStringLiteral("id=a,url=rtmp://rtmp.example.com/live,stream-env=OTADMIN_RTMP_KEY")})
                                  .value(QStringLiteral("id"))
                                  .toString();
    QVERIFY(!broadcast.isEmpty());
    QCOMPARE(run({QStringLiteral("broadcast"), QStringLiteral("get"), broadcast}).code, 0);
    QCOMPARE(run({QStringLiteral("broadcast"), QStringLiteral("stop"), broadcast}).code, 0);
    QCOMPARE(run({QStringLiteral("storage"), QStringLiteral("set"), QStringLiteral("s3"),
                     QStringLiteral("--bucket"), QStringLiteral("canary-bucket")})
                 .code,
        0);
    QCOMPARE(run({QStringLiteral("storage"), QStringLiteral("set"), QStringLiteral("azure"),
                     QStringLiteral("--account-name"), QStringLiteral("canaryaccount"),
                     QStringLiteral("--container"), QStringLiteral("canary-container")})
                 .code,
        0);
    QCOMPARE(
        run({QStringLiteral("sip"), QStringLiteral("dial"), session,
                QStringLiteral("sip:alice@sip.example.com;transport=tls"),
                QStringLiteral("--username"), QStringLiteral("ann"), QStringLiteral("--secure")})
            .code,
        0);
    QCOMPARE(run({QStringLiteral("project"), QStringLiteral("rotate-secret"), fx.server().apiKey()})
                 .code,
        0);
    const QByteArray newSecret = fx.server().apiSecret().toUtf8();
    QVERIFY(newSecret != oldSecret);
    QCOMPARE(run({QStringLiteral("project"), QStringLiteral("get"), fx.server().apiKey()}).code, 0);
    // A saved profile: settings file plus the rotated secret in the keychain (from stdin).
    const CliResult added =
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("canary"),
                QStringLiteral("--api-key"), fx.server().apiKey()},
            newSecret + '\n');
    if (added.code == 0) {
        QCOMPARE(run({QStringLiteral("--profile"), QStringLiteral("canary"),
                         QStringLiteral("--api-url"), fx.server().baseUrl().toString(),
                         QStringLiteral("archive"), QStringLiteral("list")})
                     .code,
            0);
    } else {
        qInfo("no usable keychain here, profile step skipped: %s", added.describe().constData());
    }
    QVERIFY(output.contains("POST")); // the verbose request log was on

    // The canaries of G-SEC-2: secrets, keys, the rotated secret, every JWT and client token
    // the service received.
    QList<QByteArray> canaries {oldSecret, newSecret, fx.server().accountSecret().toUtf8(),
        kS3AccessKey, kS3SecretKey, kAzureKey, kSipPassword, rtmpKey};
    int jwts = 0;
    for (const sandbox::JournalEntry &entry : fx.server().journal()) {
        const QByteArray jwt = entry.headers.value("x-opentok-auth");
        if (!jwt.isEmpty()) {
            canaries << jwt;
            ++jwts;
        }
        const QJsonObject body = QJsonDocument::fromJson(entry.body).object();
        const QString token = body.value(QStringLiteral("token")).toString();
        if (!token.isEmpty())
            canaries << token.toUtf8();
    }
    QVERIFY(jwts >= runs - 2); // token create and profile add send nothing

    QList<QPair<QString, QByteArray>> haystacks {{QStringLiteral("stdout/stderr"), output}};
    QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            haystacks.append({file.fileName(), file.readAll()});
    }
    int checks = 0;
    int found = 0;
    for (const QByteArray &canary : std::as_const(canaries)) {
        for (const QByteArray &form : canaryForms(canary)) {
            for (const auto &[where, content] : std::as_const(haystacks)) {
                ++checks;
                if (content.contains(form)) {
                    ++found;
                    qWarning("a canary (%lld bytes) leaked into %s", qint64(canary.size()),
                        qPrintable(where));
                }
            }
        }
    }
    qInfo("G-SEC-1/2 (CLI): %d runs with --verbose and *.debug=true, %lld canaries (%d JWTs) x "
          "%lld forms in %lld haystacks (%lld files + output, %lld bytes of output): %d found",
        runs, qint64(canaries.size()), jwts, qint64(canaryForms({}).size()),
        qint64(haystacks.size()), qint64(haystacks.size() - 1), qint64(output.size()), found);
    QCOMPARE(found, 0);
    QVERIFY(checks > 0);
}

QTEST_GUILESS_MAIN(TestCliCanary)
#include "tst_cli_canary.moc"
