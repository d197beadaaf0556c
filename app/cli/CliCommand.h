// SPDX-License-Identifier: GPL-3.0-or-later
// One CLI command as data (area, verb, options, help) and the context a handler runs in.
#pragma once

#include "net/ApiReply.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace otadmin {
class RestClient;
class RequestLog;
} // namespace otadmin

namespace otadmin::cli {

/// Exit codes of every command (documented in --help and the README).
enum ExitCode
{
    ExitSuccess = 0, ///< done
    ExitFailure = 1, ///< the API or the network failed (or a token did not verify)
    ExitUsage = 2, ///< bad arguments or input rejected by validation: nothing was sent
};

/// Which credentials a command needs before it runs.
enum class Scope
{
    None, ///< local only (profile commands)
    Project, ///< project API key + secret
    ProjectOptional, ///< used when available (token inspect verifies with the secret)
    Account, ///< account API key + secret (project administration)
};

class Invocation;

/// A row of the command table: `AREA VERB ARGS [OPTIONS]`, its help and its handler.
struct Command
{
    QString area;
    QString verb;
    QString args; ///< positional syntax for the usage line, e.g. "SESSION_ID [CLASS...]"
    QString summary;
    int minArgs = 0;
    int maxArgs = 0; ///< -1 = unbounded
    Scope scope = Scope::Project;
    bool local = false; ///< makes no API call: --curl does not apply
    QList<QCommandLineOption> options;
    QStringList examples;
    /// Which secrets the command reads and from where (environment variables, stdin).
    QStringList secretNotes;
    std::function<void(Invocation &)> run;
};

/// Everything a handler needs: its parsed arguments, the configured client, output helpers,
/// and a way to finish with an exit code. Handlers never block: they start a call and finish
/// from the reply's `finished` slot.
class Invocation
{
public:
    Invocation(const Command &command, const QCommandLineParser &parser, RestClient *client,
        RequestLog *log, bool json, bool curl);

    const Command &command() const { return m_command; }
    const QCommandLineParser &parser() const { return m_parser; }
    QStringList args() const { return m_args; }
    QString arg(int index) const { return m_args.value(index); }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }
    QStringList values(const QString &option) const { return m_parser.values(option); }
    RestClient *client() const { return m_client; }
    bool json() const { return m_json; }
    bool curl() const { return m_curl; }

    /// Parses an integer option; on bad input reports a usage error and returns false.
    bool intOption(const QString &option, std::optional<int> &out);
    bool int64Option(const QString &option, std::optional<qint64> &out);

    /// Prints `message` as a usage error and finishes with ExitUsage.
    void usageError(const QString &message);
    /// Prints the error and finishes with ExitFailure.
    void failure(const QString &message);
    /// Finishes with `code`; the first call wins.
    void finish(int code);
    bool isFinished() const { return m_finished; }
    int exitCode() const { return m_exitCode; }
    void setFinishedHandler(std::function<void(int)> handler) { m_onFinished = std::move(handler); }

    /// Waits for `reply`. In --curl mode prints the captured request as curl and finishes.
    /// On failure prints the API's message and finishes (2 for validation, 1 otherwise).
    /// On success calls `onSuccess`; it returns true when the command is done (exit 0), or
    /// false when it started another call (paging) and will finish later.
    void await(ApiReply *reply, std::function<bool(const ApiReply &)> onSuccess);

    /// Prints an API object: its `raw` JSON (redacted unless `reveal`) with --json, key/value
    /// text otherwise.
    void printObject(const QJsonObject &raw, bool reveal = false);
    /// Prints a body-less result: `json` with --json, the sentence otherwise.
    void printDone(const QString &sentence, const QJsonObject &json);

private:
    const Command &m_command;
    const QCommandLineParser &m_parser;
    RestClient *m_client;
    RequestLog *m_log;
    QStringList m_args;
    bool m_json;
    bool m_curl;
    bool m_finished = false;
    int m_exitCode = ExitSuccess;
    std::function<void(int)> m_onFinished;
};

/// The command tables of each area (one file each).
QList<Command> sessionCommands(); // session, token
QList<Command> moderationCommands(); // signal, connection, stream, mute
QList<Command> archiveCommands(); // archive, storage
QList<Command> broadcastCommands(); // broadcast, sip
QList<Command> projectCommands(); // project
QList<Command> profileCommands(); // profile

} // namespace otadmin::cli
