// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real opentok-admin-cli as a process against an in-process sandbox, and checks leaks.
#pragma once

#include "SandboxFixture.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace otadmin::test {

struct CliResult
{
    int code = -1;
    QByteArray out;
    QByteArray err;

    QJsonValue json() const
    {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(out, &error);
        if (error.error != QJsonParseError::NoError)
            return QJsonValue(QJsonValue::Undefined);
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    QString text() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    /// "exit N, stderr: ..." for QVERIFY2 messages.
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(code) + ", stdout: " + out.left(400)
            + ", stderr: " + err.left(400);
    }
};

/// Secrets given to the CLI through the environment in every run (never through argv).
inline constexpr char kS3AccessKey[] = "AKIACANARYACCESSKEY01";
inline constexpr char kS3SecretKey[] = "s3CanarySecretKey/0123456789abcdefghijKLMN";
inline constexpr char kAzureKey[] = "azureCanaryAccountKey0123456789+/abcdefABCDEF==";
inline constexpr char kSipPassword[] = "sipCanaryPassw0rd!";

class CliRunner
{
public:
    explicit CliRunner(SandboxFixture &fixture) : m_fixture(fixture)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys()) {
            if (key.startsWith(QLatin1String("OPENTOK_")))
                env.remove(key);
        }
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("OPENTOK_API_URL"), fixture.server().baseUrl().toString());
        env.insert(QStringLiteral("OPENTOK_API_KEY"), fixture.server().apiKey());
        env.insert(QStringLiteral("OPENTOK_API_SECRET"), fixture.server().apiSecret());
        env.insert(QStringLiteral("OPENTOK_ACCOUNT_API_KEY"), fixture.server().accountKey());
        env.insert(QStringLiteral("OPENTOK_ACCOUNT_API_SECRET"), fixture.server().accountSecret());
        env.insert(QStringLiteral("OPENTOK_S3_ACCESS_KEY"), QString::fromLatin1(kS3AccessKey));
        env.insert(QStringLiteral("OPENTOK_S3_SECRET_KEY"), QString::fromLatin1(kS3SecretKey));
        env.insert(QStringLiteral("OPENTOK_AZURE_ACCOUNT_KEY"), QString::fromLatin1(kAzureKey));
        env.insert(QStringLiteral("OPENTOK_SIP_PASSWORD"), QString::fromLatin1(kSipPassword));
        m_env = env;
        m_secrets << fixture.server().apiSecret().toUtf8()
                  << fixture.server().accountSecret().toUtf8() << kS3AccessKey << kS3SecretKey
                  << kAzureKey << kSipPassword;
    }

    QProcessEnvironment &env() { return m_env; }
    QString home() const { return m_home.path(); }
    void addSecret(const QByteArray &secret) { m_secrets << secret; }

    /// Runs the CLI with `args` (never through a shell), feeding `input` on stdin, spinning
    /// the event loop so that the in-process sandbox answers.
    CliResult run(const QStringList &args, const QByteArray &input = {},
        const std::optional<QProcessEnvironment> &env = std::nullopt)
    {
        QProcess process;
        process.setProcessEnvironment(env ? *env : m_env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(CLI_PATH), args);
        CliResult result;
        if (!process.waitForStarted(5000))
            return result;
        process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(20000)) {
            process.kill();
            process.waitForFinished(2000);
            return result;
        }
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        m_allOutput += result.out + '\n' + result.err + '\n';
        m_runs << args.join(QLatin1Char(' '));
        return result;
    }

    /// An example line as printed in the issue/help: split like a shell (double quotes), with
    /// placeholders (SESSION_ID, PROJECT_KEY, ...) replaced.
    CliResult example(const QString &line, const QHash<QString, QString> &placeholders)
    {
        QStringList args;
        QString current;
        bool quoted = false;
        bool any = false;
        for (const QChar c : line) {
            if (c == QLatin1Char('"')) {
                quoted = !quoted;
                any = true;
            } else if (c == QLatin1Char(' ') && !quoted) {
                if (any)
                    args << current;
                current.clear();
                any = false;
            } else {
                current += c;
                any = true;
            }
        }
        if (any)
            args << current;
        for (QString &arg : args) {
            for (auto it = placeholders.begin(); it != placeholders.end(); ++it)
                arg.replace(it.key(), it.value());
        }
        return run(args);
    }

    /// Every secret and every JWT the sandbox received (and client tokens it was sent) that
    /// shows up in any output so far.
    QStringList leaks() const
    {
        QList<QByteArray> canaries = m_secrets;
        static const QRegularExpression tokenField(
            QStringLiteral("\"token\"\\s*:\\s*\"([^\"]+)\""));
        for (const sandbox::JournalEntry &entry : m_fixture.server().journal()) {
            canaries << entry.headers.value("x-opentok-auth");
            const auto match = tokenField.match(QString::fromUtf8(entry.body));
            if (match.hasMatch())
                canaries << match.captured(1).toUtf8();
        }
        QStringList found;
        for (const QByteArray &canary : canaries) {
            if (canary.size() >= 8 && m_allOutput.contains(canary))
                found << QString::fromUtf8(canary.left(12)) + QStringLiteral("...");
        }
        return found;
    }

private:
    SandboxFixture &m_fixture;
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    QList<QByteArray> m_secrets;
    QByteArray m_allOutput;
    QStringList m_runs;
};

} // namespace otadmin::test

/// The CLI exited with `expected`; on failure shows its output.
#define CLI_EXPECT(result, expected)                                                               \
    do {                                                                                           \
        const auto &cliResult_ = (result);                                                         \
        QVERIFY2(cliResult_.code == (expected), cliResult_.describe().constData());                \
    } while (false)
