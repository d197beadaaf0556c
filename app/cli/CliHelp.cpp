// SPDX-License-Identifier: GPL-3.0-or-later
// The --help texts: global, per area and per command (with examples and secret sources).
#include "CliHelp.h"

#include <QCoreApplication>

namespace otadmin::cli::CliHelp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("otadmin::cli", text);
}

const QString kProgram = QStringLiteral("opentok-admin-cli");

QString optionHelp(const QList<QCommandLineOption> &options)
{
    QList<QPair<QString, QString>> rows;
    qsizetype width = 0;
    for (const QCommandLineOption &option : options) {
        QStringList names;
        for (const QString &name : option.names())
            names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            left += QStringLiteral(" <%1>").arg(option.valueName());
        QString right = option.description();
        if (!option.defaultValues().isEmpty())
            right += tr(" (default: %1)").arg(option.defaultValues().join(QLatin1Char(',')));
        width = qMax(width, left.size());
        rows.append({left, right});
    }
    QString text;
    for (const auto &row : rows)
        text += QStringLiteral("  ") + row.first.leftJustified(width + 2) + row.second
            + QLatin1Char('\n');
    return text;
}

QString credentialHelp(Scope scope)
{
    switch (scope) {
    case Scope::None:
        return {};
    case Scope::Project:
        return tr("Credentials: --profile NAME (a project profile; secret from the OS "
                  "keychain), or OPENTOK_API_KEY and OPENTOK_API_SECRET in the environment.\n");
    case Scope::ProjectOptional:
        return tr("Credentials (optional): --profile NAME or OPENTOK_API_KEY and "
                  "OPENTOK_API_SECRET; with them the signature is verified.\n");
    case Scope::Account:
        return tr("Credentials: --profile NAME (an account profile; secret from the OS "
                  "keychain), or OPENTOK_ACCOUNT_API_KEY and OPENTOK_ACCOUNT_API_SECRET in "
                  "the environment.\n");
    }
    return {};
}

QString exitCodeHelp()
{
    return tr("Exit codes: 0 success; 1 API or network error; 2 usage or validation error "
              "(nothing was sent).\n");
}

} // namespace

QString globalHelp(const QList<Command> &commands, const QList<QCommandLineOption> &globalOptions)
{
    QString text = tr("Usage: %1 [--profile NAME | credentials from the environment] "
                      "[--api-url URL] [--json] [--curl] AREA VERB [ARGS] [OPTIONS]\n\n"
                      "Every operation of OpenTok Admin as a command.\n\nCommands:\n")
                       .arg(kProgram);
    qsizetype width = 0;
    for (const Command &command : commands)
        width = qMax(width, command.area.size() + command.verb.size() + 1);
    for (const Command &command : commands) {
        text += QStringLiteral("  ")
            + (command.area + QLatin1Char(' ') + command.verb).leftJustified(width + 2)
            + command.summary + QLatin1Char('\n');
    }
    text += tr("\nGlobal options:\n") + optionHelp(globalOptions);
    text += tr("\nCredentials: --profile NAME (saved with \u201cprofile add\u201d; the secret "
               "lives in the OS keychain), or from the environment: OPENTOK_API_KEY and "
               "OPENTOK_API_SECRET for project calls, OPENTOK_ACCOUNT_API_KEY and "
               "OPENTOK_ACCOUNT_API_SECRET for account calls (project ...). Other secrets "
               "(S3/Azure keys, SIP password) come from environment variables or standard "
               "input, never from the command line.\n\n");
    text += exitCodeHelp();
    text += tr("\nMore: %1 AREA --help, %1 AREA VERB --help\n").arg(kProgram);
    return text;
}

QString areaHelp(const QList<Command> &commands, const QString &area)
{
    QString text =
        tr("Usage: %1 [GLOBAL OPTIONS] %2 VERB [ARGS] [OPTIONS]\n\nVerbs:\n").arg(kProgram, area);
    for (const Command &command : commands) {
        if (command.area == area) {
            text += QStringLiteral("  %1 %2\n      %3\n")
                        .arg(command.verb, command.args, command.summary);
        }
    }
    text += tr("\nMore: %1 %2 VERB --help\n").arg(kProgram, area);
    return text;
}

QString commandHelp(const Command &command, const QList<QCommandLineOption> &globalOptions)
{
    QString text = tr("Usage: %1 [GLOBAL OPTIONS] %2 %3%4 [OPTIONS]\n\n%5\n")
                       .arg(kProgram, command.area, command.verb,
                           command.args.isEmpty() ? QString() : QLatin1Char(' ') + command.args,
                           command.summary);
    if (!command.options.isEmpty())
        text += tr("\nOptions:\n") + optionHelp(command.options);
    text += tr("\nGlobal options:\n") + optionHelp(globalOptions);
    if (!command.secretNotes.isEmpty()) {
        text += tr("\nSecrets (never on the command line):\n");
        for (const QString &note : command.secretNotes)
            text += QStringLiteral("  ") + note + QLatin1Char('\n');
    }
    const QString credentials = credentialHelp(command.scope);
    if (!credentials.isEmpty())
        text += QLatin1Char('\n') + credentials;
    if (!command.examples.isEmpty()) {
        text += tr("\nExamples:\n");
        for (const QString &example : command.examples)
            text += QStringLiteral("  %1 %2\n").arg(kProgram, example);
    }
    text += QLatin1Char('\n') + exitCodeHelp();
    return text;
}

} // namespace otadmin::cli::CliHelp
