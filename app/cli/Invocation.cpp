// SPDX-License-Identifier: GPL-3.0-or-later
// The running command: option parsing helpers, waiting for replies, output and exit codes.
#include "CliCommand.h"
#include "CliOutput.h"

#include "net/Redactor.h"
#include "net/RequestLog.h"
#include "net/RestClient.h"

#include <QCoreApplication>

#include <limits>

namespace otadmin::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("otadmin::cli", text);
}
} // namespace

Invocation::Invocation(const Command &command, const QCommandLineParser &parser, RestClient *client,
    RequestLog *log, bool json, bool curl)
    : m_command(command),
      m_parser(parser),
      m_client(client),
      m_log(log),
      m_args(parser.positionalArguments()),
      m_json(json),
      m_curl(curl)
{
}

bool Invocation::intOption(const QString &option, std::optional<int> &out)
{
    std::optional<qint64> wide;
    if (!int64Option(option, wide))
        return false;
    if (wide
        && (*wide < std::numeric_limits<int>::min() || *wide > std::numeric_limits<int>::max())) {
        usageError(tr("--%1: %2 is out of range").arg(option, QString::number(*wide)));
        return false;
    }
    if (wide)
        out = int(*wide);
    return true;
}

bool Invocation::int64Option(const QString &option, std::optional<qint64> &out)
{
    if (!m_parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 number = m_parser.value(option).toLongLong(&ok);
    if (!ok) {
        usageError(tr("--%1 takes a whole number, not \u201c%2\u201d")
                       .arg(option, m_parser.value(option)));
        return false;
    }
    out = number;
    return true;
}

void Invocation::usageError(const QString &message)
{
    CliOutput::err(tr("opentok-admin-cli: %1").arg(message));
    CliOutput::err(tr("Try: opentok-admin-cli %1 %2 --help").arg(m_command.area, m_command.verb));
    finish(ExitUsage);
}

void Invocation::failure(const QString &message)
{
    CliOutput::err(tr("opentok-admin-cli: %1").arg(message));
    finish(ExitFailure);
}

void Invocation::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = code;
    if (m_onFinished)
        m_onFinished(code);
}

void Invocation::await(ApiReply *reply, std::function<bool(const ApiReply &)> onSuccess)
{
    QObject::connect(reply, &ApiReply::finished, reply, [this, reply, onSuccess] {
        const ApiError &error = reply->error();
        if (error.kind() == ApiError::Kind::Validation) {
            usageError(error.userMessage());
            return;
        }
        if (m_curl) {
            const QList<RequestLogEntry> entries = m_log->entries();
            if (entries.isEmpty()) {
                failure(error.userMessage());
                return;
            }
            CliOutput::out(entries.last().toCurl());
            finish(ExitSuccess);
            return;
        }
        if (error.isError()) {
            failure(error.userMessage());
            return;
        }
        if (onSuccess(*reply))
            finish(ExitSuccess);
    });
}

void Invocation::printObject(const QJsonObject &raw, bool reveal)
{
    const QJsonObject shown = reveal ? raw : Redactor::redactJson(raw).toObject();
    if (m_json)
        CliOutput::json(shown);
    else
        CliOutput::keyValues(shown);
}

void Invocation::printDone(const QString &sentence, const QJsonObject &json)
{
    if (m_json)
        CliOutput::json(json);
    else
        CliOutput::out(sentence);
}

} // namespace otadmin::cli
