// SPDX-License-Identifier: GPL-3.0-or-later
// Argument dispatch, help texts and the run loop of opentok-admin-cli.
#include "CliApp.h"

#include "CliHelp.h"
#include "CliOutput.h"
#include "CurlCapture.h"

#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "net/RequestLog.h"
#include "net/RestClient.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

namespace otadmin::cli {

namespace {

const QString kProgram = QStringLiteral("opentok-admin-cli");

/// Options that would carry a secret on the command line, and where the secret goes instead.
struct ForbiddenOption
{
    const char *name;
    const char *instead;
};
constexpr ForbiddenOption kForbidden[] = {
    {"secret", "OPENTOK_API_SECRET (or a profile)"},
    {"api-secret", "OPENTOK_API_SECRET (or a profile)"},
    {"project-secret", "OPENTOK_API_SECRET (or a profile)"},
    {"account-secret", "OPENTOK_ACCOUNT_API_SECRET (or a profile)"},
    {"access-key", "OPENTOK_S3_ACCESS_KEY (or --secrets-stdin)"},
    {"secret-key", "OPENTOK_S3_SECRET_KEY (or --secrets-stdin)"},
    {"account-key", "OPENTOK_AZURE_ACCOUNT_KEY (or --secrets-stdin)"},
    {"password", "OPENTOK_SIP_PASSWORD (or --password-stdin)"},
    {"sip-password", "OPENTOK_SIP_PASSWORD (or --password-stdin)"},
    {"token", "standard input"},
};

} // namespace

CliApp::CliApp(QStringList arguments, QObject *parent)
    : QObject(parent), m_arguments(std::move(arguments)), m_credentials(this)
{
    // RequestLog lines go through our own --verbose output, not the logging category.
    QLoggingCategory::setFilterRules(QStringLiteral("otadmin.requests.info=false"));
}

CliApp::~CliApp() = default;

const QList<Command> &CliApp::commands()
{
    static const QList<Command> table = [] {
        QList<Command> all;
        all << sessionCommands() << moderationCommands() << archiveCommands() << broadcastCommands()
            << projectCommands() << profileCommands();
        return all;
    }();
    return table;
}

QList<QCommandLineOption> CliApp::globalOptions()
{
    return {
        {QStringLiteral("profile"),
            tr("Use the saved profile NAME (secret from the OS keychain) instead of the "
               "environment."),
            QStringLiteral("NAME")},
        {QStringLiteral("api-url"),
            tr("API base URL (default: the profile's, else $OPENTOK_API_URL, else "
               "https://api.opentok.com)."),
            QStringLiteral("URL")},
        {QStringLiteral("json"), tr("Print exactly one JSON document on stdout.")},
        {QStringLiteral("curl"),
            tr("Print the equivalent curl command (auth header as a placeholder); send "
               "nothing.")},
        {QStringLiteral("verbose"),
            tr("Print the (redacted) request log on stderr; never secrets.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, tr("Show help (for an area or verb).")},
        {QStringLiteral("version"), tr("Show the version.")},
    };
}

QString CliApp::forbiddenSecretOption(const QStringList &args)
{
    for (const QString &arg : args) {
        if (arg == QLatin1String("--"))
            break;
        if (!arg.startsWith(QLatin1String("--")))
            continue;
        const QString name = arg.mid(2).section(QLatin1Char('='), 0, 0);
        for (const ForbiddenOption &option : kForbidden) {
            if (name == QLatin1String(option.name)) {
                return tr("--%1 would put a secret on the command line, where other users and "
                          "the shell history can read it; use %2 instead")
                    .arg(name, QString::fromLatin1(option.instead));
            }
        }
    }
    return {};
}

int CliApp::usage(const QString &message, const QString &hint)
{
    CliOutput::err(tr("%1: %2").arg(kProgram, message));
    CliOutput::err(hint.isEmpty() ? tr("Try: %1 --help").arg(kProgram) : hint);
    done(ExitUsage);
    return ExitUsage;
}

void CliApp::done(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_exitCode = code;
    if (m_looping)
        QCoreApplication::exit(code);
}

int CliApp::run()
{
    start();
    if (!m_done) {
        m_looping = true;
        QCoreApplication::exec();
        m_looping = false;
    }
    return m_exitCode;
}

void CliApp::start()
{
    const QStringList args = m_arguments.mid(1);
    if (const QString forbidden = forbiddenSecretOption(args); !forbidden.isEmpty()) {
        usage(forbidden);
        return;
    }

    // Find AREA and VERB: the first two words that are neither options nor option values.
    const QStringList valued {QStringLiteral("--profile"), QStringLiteral("--api-url")};
    QList<qsizetype> positions;
    bool help = false;
    for (qsizetype i = 0; i < args.size() && positions.size() < 2; ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--version")) {
            CliOutput::out(QStringLiteral("%1 %2").arg(kProgram, QStringLiteral(OTADMIN_VERSION)));
            done(ExitSuccess);
            return;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            help = true;
            continue;
        }
        if (valued.contains(arg)) {
            ++i;
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')) && positions.isEmpty()) {
            const QString name = arg.section(QLatin1Char('='), 0, 0);
            bool known = false;
            for (const QCommandLineOption &option : globalOptions())
                known = known
                    || option.names().contains(
                        name.mid(name.startsWith(QLatin1String("--")) ? 2 : 1));
            if (!known) {
                usage(tr("unknown option %1 before AREA VERB").arg(name));
                return;
            }
            continue;
        }
        if (!arg.startsWith(QLatin1Char('-')))
            positions << i;
    }

    if (positions.isEmpty()) {
        if (help) {
            CliOutput::out(CliHelp::globalHelp(commands(), globalOptions()).trimmed());
            done(ExitSuccess);
        } else {
            CliOutput::err(CliHelp::globalHelp(commands(), globalOptions()).trimmed());
            done(ExitUsage);
        }
        return;
    }
    const QString area = args[positions[0]];
    bool areaKnown = false;
    for (const Command &command : commands())
        areaKnown = areaKnown || command.area == area;
    if (!areaKnown) {
        usage(tr("unknown area \u201c%1\u201d").arg(area));
        return;
    }
    if (positions.size() < 2) {
        if (help) {
            CliOutput::out(CliHelp::areaHelp(commands(), area).trimmed());
            done(ExitSuccess);
        } else {
            CliOutput::err(CliHelp::areaHelp(commands(), area).trimmed());
            done(ExitUsage);
        }
        return;
    }
    const QString verb = args[positions[1]];
    for (const Command &command : commands()) {
        if (command.area == area && command.verb == verb) {
            QStringList rest = args;
            rest.removeAt(positions[1]);
            rest.removeAt(positions[0]);
            startCommand(command, rest);
            return;
        }
    }
    usage(tr("unknown verb \u201c%1 %2\u201d").arg(area, verb),
        tr("Try: %1 %2 --help").arg(kProgram, area));
}

void CliApp::startCommand(const Command &command, QStringList rest)
{
    const QString hint = tr("Try: %1 %2 %3 --help").arg(kProgram, command.area, command.verb);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions(globalOptions());
    m_parser.addOptions(command.options);
    rest.prepend(kProgram);
    if (!m_parser.parse(rest)) {
        usage(m_parser.errorText(), hint);
        return;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        CliOutput::out(CliHelp::commandHelp(command, globalOptions()).trimmed());
        done(ExitSuccess);
        return;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < command.minArgs || (command.maxArgs >= 0 && count > command.maxArgs)) {
        usage(tr("%1 %2 takes %3")
                  .arg(command.area, command.verb,
                      command.args.isEmpty() ? tr("no arguments") : command.args),
            hint);
        return;
    }
    const bool curl = m_parser.isSet(QStringLiteral("curl"));
    if (curl && command.local) {
        usage(tr("%1 %2 makes no API call; --curl does not apply").arg(command.area, command.verb),
            hint);
        return;
    }
    if (curl && m_parser.isSet(QStringLiteral("json"))) {
        usage(tr("--curl and --json cannot be combined"), hint);
        return;
    }
    m_credentials.resolve(m_parser.value(QStringLiteral("profile")), command.scope, !curl,
        [this, &command, hint](
            const ResolvedCredentials &credentials, const QString &error, int code) {
            if (!error.isEmpty()) {
                if (code == ExitUsage)
                    usage(error, hint);
                else {
                    CliOutput::err(tr("%1: %2").arg(kProgram, error));
                    done(code);
                }
                return;
            }
            execute(command, credentials);
        });
}

void CliApp::execute(const Command &command, const ResolvedCredentials &credentials)
{
    const bool curl = m_parser.isSet(QStringLiteral("curl"));
    const bool verbose = m_parser.isSet(QStringLiteral("verbose"));
    m_network = curl ? new CurlCapture(this) : new QNetworkAccessManager(this);
    m_log = new RequestLog(this);
    m_client = new RestClient(m_network, SystemClock::shared(), SystemRandomSource::shared(), this);
    m_client->setRequestLog(m_log);

    QUrl apiUrl = credentials.apiUrl;
    if (m_parser.isSet(QStringLiteral("api-url")))
        apiUrl = QUrl(m_parser.value(QStringLiteral("api-url")), QUrl::StrictMode);
    if (!apiUrl.isEmpty()) {
        if (const Validation error = m_client->setBaseUrl(apiUrl)) {
            usage(tr("--api-url %1").arg(error->message));
            return;
        }
    }
    Credentials project = credentials.project;
    Credentials account = credentials.account;
    // --curl signs nothing that is sent: a missing secret only needs a stand-in.
    if (curl && project.apiSecret.isEmpty())
        project.apiSecret = QByteArrayLiteral("curl-placeholder");
    if (curl && account.apiSecret.isEmpty())
        account.apiSecret = QByteArrayLiteral("curl-placeholder");
    m_client->setProjectCredentials(project);
    m_client->setAccountCredentials(account);

    if (verbose) {
        CliOutput::err(tr("credentials: %1; API URL: %2")
                           .arg(credentials.source, m_client->baseUrl().toString()));
        connect(m_log, &RequestLog::entryAdded, this, [](const RequestLogEntry &entry) {
            CliOutput::err(
                QStringLiteral("> %1 %2 -> %3 (%4 ms)%5")
                    .arg(QString::fromLatin1(entry.method), entry.url.toString(QUrl::FullyEncoded),
                        entry.httpStatus ? QString::number(entry.httpStatus) : QStringLiteral("-"))
                    .arg(entry.durationMSecs)
                    .arg(entry.error.isEmpty() ? QString() : QStringLiteral(" ") + entry.error));
        });
    }

    m_invocation = std::make_unique<Invocation>(
        command, m_parser, m_client, m_log, m_parser.isSet(QStringLiteral("json")), curl);
    m_invocation->setFinishedHandler([this](int code) { done(code); });
    command.run(*m_invocation);
}

} // namespace otadmin::cli
