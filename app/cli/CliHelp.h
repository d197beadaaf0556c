// SPDX-License-Identifier: GPL-3.0-or-later
// The --help texts of opentok-admin-cli.
#pragma once

#include "CliCommand.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

namespace otadmin::cli::CliHelp {

/// Usage line, every AREA VERB with its summary, global options, credentials, exit codes.
QString globalHelp(const QList<Command> &commands, const QList<QCommandLineOption> &globalOptions);
/// The verbs of one area.
QString areaHelp(const QList<Command> &commands, const QString &area);
/// Usage, options, secrets (which environment variables or stdin), credentials, examples.
QString commandHelp(const Command &command, const QList<QCommandLineOption> &globalOptions);

} // namespace otadmin::cli::CliHelp
