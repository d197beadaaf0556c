// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli: global options, the command table, help, credentials and the exit code.
#pragma once

#include "CliCommand.h"
#include "CliCredentials.h"

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace otadmin {
class RequestLog;
class RestClient;
} // namespace otadmin

namespace otadmin::cli {

class CliApp : public QObject
{
    Q_OBJECT
public:
    explicit CliApp(QStringList arguments, QObject *parent = nullptr);
    ~CliApp() override;

    /// Runs the command (the event loop only while a reply is pending) and returns the exit
    /// code.
    int run();

    /// Every command, in help order.
    static const QList<Command> &commands();

private:
    void start();
    void startCommand(const Command &command, QStringList rest);
    void execute(const Command &command, const ResolvedCredentials &credentials);
    void done(int code);
    int usage(const QString &message, const QString &hint = {});

    static QList<QCommandLineOption> globalOptions();
    /// A secret option given on argv ("--password", "--secret-key=..."), or empty.
    static QString forbiddenSecretOption(const QStringList &args);

    QStringList m_arguments;
    QCommandLineParser m_parser;
    CliCredentials m_credentials;
    QNetworkAccessManager *m_network = nullptr;
    RequestLog *m_log = nullptr;
    RestClient *m_client = nullptr;
    std::unique_ptr<Invocation> m_invocation;
    bool m_done = false;
    bool m_looping = false;
    int m_exitCode = ExitSuccess;
};

} // namespace otadmin::cli
