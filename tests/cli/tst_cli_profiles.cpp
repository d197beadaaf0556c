// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli profiles with the real keychain (run inside scripts/with-secret-service):
// profile add with the secret on stdin, --profile NAME for project and account calls, remove.
#include "CliRunner.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace otadmin;
using namespace otadmin::test;

class TestCliProfiles : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<CliRunner> m_cli;
    QProcessEnvironment m_bare; // HOME/XDG only: no credentials, no API URL

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    CliResult bare(const QStringList &args, const QByteArray &input = {})
    {
        return m_cli->run(args, input, m_bare);
    }
    QByteArray settingsFiles() const
    {
        QByteArray all;
        QDirIterator it(m_cli->home(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }

private Q_SLOTS:
    void init()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a Secret Service: run the tests inside scripts/with-secret-service");
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_cli = std::make_unique<CliRunner>(*m_fixture);
        m_bare = m_cli->env();
        for (const QString &key : m_bare.keys()) {
            if (key.startsWith(QLatin1String("OPENTOK_")))
                m_bare.remove(key);
        }
    }
    void cleanup()
    {
        if (!m_cli)
            return;
        bare({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("sandbox")});
        bare({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("admin")});
        const QStringList leaks = m_cli->leaks();
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
        QVERIFY(!settingsFiles().contains(server().apiSecret().toUtf8()));
        QVERIFY(!settingsFiles().contains(server().accountSecret().toUtf8()));
        m_cli.reset();
        m_fixture.reset();
    }

    void addUseRemoveProjectProfile()
    {
        const QString url = server().baseUrl().toString();
        auto result = bare(
            {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("sandbox"),
                QStringLiteral("--kind"), QStringLiteral("project"), QStringLiteral("--api-key"),
                server().apiKey(), QStringLiteral("--api-url"), url},
            server().apiSecret().toUtf8() + '\n');
        CLI_EXPECT(result, 0);
        QCOMPARE(server().requestCount(), 0);

        result =
            bare({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        const QJsonArray profiles = result.json().toArray();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("sandbox"));
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("apiKey")).toString(),
            server().apiKey());
        QVERIFY(settingsFiles().contains(server().apiKey().toUtf8()));

        // The profile alone: no credentials or URL in the environment.
        result = bare({QStringLiteral("--profile"), QStringLiteral("sandbox"),
            QStringLiteral("--json"), QStringLiteral("archive"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.json().isArray());
        QCOMPARE(server().requestCount(), 1);
        QCOMPARE(server().journal().last().status, 200);
        result = bare({QStringLiteral("--profile"), QStringLiteral("sandbox"),
            QStringLiteral("session"), QStringLiteral("create")});
        CLI_EXPECT(result, 0);

        // Wrong kind, unknown profile, duplicate name: usage errors, nothing sent.
        const int sent = server().requestCount();
        CLI_EXPECT(bare({QStringLiteral("--profile"), QStringLiteral("sandbox"),
                       QStringLiteral("project"), QStringLiteral("list")}),
            2);
        CLI_EXPECT(bare({QStringLiteral("--profile"), QStringLiteral("nope"),
                       QStringLiteral("archive"), QStringLiteral("list")}),
            2);
        CLI_EXPECT(
            bare({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("sandbox"),
                     QStringLiteral("--api-key"), server().apiKey()},
                "x\n"),
            2);
        CLI_EXPECT(bare({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("other"),
                       QStringLiteral("--api-key"), server().apiKey()}),
            2); // no secret on stdin
        QCOMPARE(server().requestCount(), sent);

        result =
            bare({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("sandbox")});
        CLI_EXPECT(result, 0);
        CLI_EXPECT(bare({QStringLiteral("--profile"), QStringLiteral("sandbox"),
                       QStringLiteral("archive"), QStringLiteral("list")}),
            2);
        result =
            bare({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(result.json().toArray().size(), 0);
    }

    void accountProfile()
    {
        auto result = bare(
            {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("admin"),
                QStringLiteral("--kind"), QStringLiteral("account"), QStringLiteral("--api-key"),
                server().accountKey(), QStringLiteral("--api-url"), server().baseUrl().toString()},
            server().accountSecret().toUtf8() + '\n');
        CLI_EXPECT(result, 0);
        result = bare({QStringLiteral("--profile"), QStringLiteral("admin"),
            QStringLiteral("--json"), QStringLiteral("project"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        QCOMPARE(result.json().toArray().size(), 1);
        // An account profile does not sign project calls.
        CLI_EXPECT(bare({QStringLiteral("--profile"), QStringLiteral("admin"),
                       QStringLiteral("archive"), QStringLiteral("list")}),
            2);
        // --curl with a profile needs no keychain read and sends nothing.
        const int sent = server().requestCount();
        result = bare({QStringLiteral("--profile"), QStringLiteral("admin"),
            QStringLiteral("--curl"), QStringLiteral("project"), QStringLiteral("list")});
        CLI_EXPECT(result, 0);
        QVERIFY(result.text().contains(server().baseUrl().toString()));
        QCOMPARE(server().requestCount(), sent);
        CLI_EXPECT(
            bare({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("admin")}),
            0);
    }
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cli_profiles.moc"
