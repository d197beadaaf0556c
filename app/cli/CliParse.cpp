// SPDX-License-Identifier: GPL-3.0-or-later
// Shared option parsers of the CLI.
#include "CliParse.h"

#include <QCoreApplication>

#include <cstdio>

namespace otadmin::cli {

QString tr(const char *text)
{
    return QCoreApplication::translate("otadmin::cli", text);
}

Command makeCommand(const QString &area, const QString &verb, const QString &args, int minArgs,
    int maxArgs, const QString &summary)
{
    Command c;
    c.area = area;
    c.verb = verb;
    c.args = args;
    c.minArgs = minArgs;
    c.maxArgs = maxArgs;
    c.summary = summary;
    return c;
}

QCommandLineOption valueOption(const QString &name, const QString &description,
    const QString &valueName, const QString &defaultValue)
{
    QCommandLineOption option(name, description, valueName);
    if (!defaultValue.isEmpty())
        option.setDefaultValue(defaultValue);
    return option;
}

QCommandLineOption flagOption(const QString &name, const QString &description)
{
    return QCommandLineOption(name, description);
}

QList<QCommandLineOption> layoutOptions()
{
    return {
        valueOption(QStringLiteral("layout"),
            tr("Layout: bestFit, pip, verticalPresentation, horizontalPresentation or custom."),
            QStringLiteral("TYPE")),
        valueOption(
            QStringLiteral("stylesheet"), tr("CSS of a custom layout."), QStringLiteral("CSS")),
        valueOption(QStringLiteral("screenshare-layout"),
            tr("Layout while a screen is shared (with bestFit only)."), QStringLiteral("TYPE")),
    };
}

bool readLayout(Invocation &inv, std::optional<Layout> &layout, bool required)
{
    const bool any = inv.isSet(QStringLiteral("layout")) || inv.isSet(QStringLiteral("stylesheet"))
        || inv.isSet(QStringLiteral("screenshare-layout"));
    if (!any) {
        if (required) {
            inv.usageError(tr("--layout TYPE is required"));
            return false;
        }
        return true;
    }
    Layout result;
    if (inv.isSet(QStringLiteral("layout"))) {
        const auto type = layoutTypeFromString(inv.value(QStringLiteral("layout")));
        if (!type) {
            inv.usageError(tr("--layout: unknown layout \u201c%1\u201d")
                               .arg(inv.value(QStringLiteral("layout"))));
            return false;
        }
        result.type = *type;
    } else if (inv.isSet(QStringLiteral("stylesheet"))) {
        result.type = Layout::Type::Custom;
    }
    result.stylesheet = inv.value(QStringLiteral("stylesheet"));
    if (inv.isSet(QStringLiteral("screenshare-layout"))) {
        const auto type = layoutTypeFromString(inv.value(QStringLiteral("screenshare-layout")));
        if (!type) {
            inv.usageError(tr("--screenshare-layout: unknown layout \u201c%1\u201d")
                               .arg(inv.value(QStringLiteral("screenshare-layout"))));
            return false;
        }
        result.screenshareType = *type;
    }
    layout = result;
    return true;
}

std::optional<QHash<QString, QString>> parseKeyValueList(const QString &text, QString *error)
{
    QHash<QString, QString> result;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = tr("expected key=value, got \u201c%1\u201d").arg(part);
            return std::nullopt;
        }
        const QString key = part.left(eq).trimmed();
        if (result.contains(key)) {
            *error = tr("%1 is given twice").arg(key);
            return std::nullopt;
        }
        result.insert(key, part.mid(eq + 1));
    }
    return result;
}

QByteArray readStdinLine()
{
    QByteArray line;
    int c;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.append(char(c));
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool readStreamMode(Invocation &inv, StreamMode &mode)
{
    if (!inv.isSet(QStringLiteral("stream-mode")))
        return true;
    const auto parsed = streamModeFromString(inv.value(QStringLiteral("stream-mode")));
    if (!parsed) {
        inv.usageError(tr("--stream-mode is auto or manual, not \u201c%1\u201d")
                           .arg(inv.value(QStringLiteral("stream-mode"))));
        return false;
    }
    mode = *parsed;
    return true;
}

QStringList splitList(const QStringList &values)
{
    QStringList result;
    for (const QString &value : values) {
        for (const QString &item : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            result << item.trimmed();
    }
    return result;
}

} // namespace otadmin::cli
