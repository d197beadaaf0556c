// SPDX-License-Identifier: GPL-3.0-or-later
// Small parsers shared by the command handlers: enums, layouts, key=value lists, stdin.
#pragma once

#include "CliCommand.h"

#include "types/Common.h"
#include "types/Layout.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace otadmin::cli {

QString tr(const char *text);

/// A command row without options or handler.
Command makeCommand(const QString &area, const QString &verb, const QString &args, int minArgs,
    int maxArgs, const QString &summary);

/// A value option: --name <VALUE>.
QCommandLineOption valueOption(const QString &name, const QString &description,
    const QString &valueName, const QString &defaultValue = {});
/// A flag: --name.
QCommandLineOption flagOption(const QString &name, const QString &description);

/// The layout options shared by archive/broadcast start and layout.
QList<QCommandLineOption> layoutOptions();
/// Reads --layout/--stylesheet/--screenshare-layout; nullopt result when none is given.
/// Returns false (after a usage error) when a type is unknown.
bool readLayout(Invocation &inv, std::optional<Layout> &layout, bool required);

/// "id=yt,url=rtmps://…,stream=key" → {"id": "yt", …}. Commas inside values are not allowed.
std::optional<QHash<QString, QString>> parseKeyValueList(const QString &text, QString *error);

/// One line of standard input without its line break (empty at end of input).
QByteArray readStdinLine();

/// Stream mode "auto"/"manual" from --stream-mode; false after a usage error.
bool readStreamMode(Invocation &inv, StreamMode &mode);

/// Stream IDs given as repeated options or comma-separated.
QStringList splitList(const QStringList &values);

} // namespace otadmin::cli
