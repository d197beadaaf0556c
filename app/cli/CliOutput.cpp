// SPDX-License-Identifier: GPL-3.0-or-later
// Text, table and JSON output of the CLI.
#include "CliOutput.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <cstdio>

namespace otadmin::cli::CliOutput {

namespace {

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

bool isTimestampKey(const QString &key)
{
    return key.endsWith(QLatin1String("createdAt")) || key.endsWith(QLatin1String("updatedAt"));
}

void flatten(const QString &prefix, const QJsonValue &value, QList<QPair<QString, QString>> &rows)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty() && !prefix.isEmpty())
            rows.append({prefix, QStringLiteral("{}")});
        for (auto it = object.begin(); it != object.end(); ++it)
            flatten(prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), *it, rows);
        return;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool scalars = true;
        for (const QJsonValue &item : array)
            scalars = scalars && !item.isObject() && !item.isArray();
        if (scalars) {
            QStringList parts;
            for (const QJsonValue &item : array)
                parts << scalarText(prefix, item);
            rows.append({prefix, parts.join(QStringLiteral(", "))});
            return;
        }
        for (qsizetype i = 0; i < array.size(); ++i)
            flatten(QStringLiteral("%1[%2]").arg(prefix).arg(i), array.at(i), rows);
        return;
    }
    rows.append({prefix, scalarText(prefix, value)});
}

QJsonValue lookup(const QJsonObject &object, const QString &dottedKey)
{
    QJsonValue value = object;
    for (const QString &part : dottedKey.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value;
}

} // namespace

void out(const QString &text)
{
    write(stdout, text);
}

void err(const QString &text)
{
    write(stderr, text);
}

void json(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    const QByteArray bytes = document.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString scalarText(const QString &key, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("-");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (isTimestampKey(key) && number > 0) {
            return QDateTime::fromMSecsSinceEpoch(qint64(number), QTimeZone::utc())
                .toString(Qt::ISODate);
        }
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << scalarText(key, item);
        return parts.join(QLatin1Char(' '));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

void keyValues(const QJsonObject &object)
{
    QList<QPair<QString, QString>> rows;
    flatten({}, object, rows);
    qsizetype width = 0;
    for (const auto &row : rows)
        width = qMax(width, row.first.size());
    for (const auto &row : rows)
        out(row.first.leftJustified(width + 2) + row.second);
}

void table(const QStringList &columns, const QList<QJsonObject> &rows)
{
    QList<QStringList> cells;
    QList<qsizetype> widths;
    QStringList header;
    for (const QString &column : columns) {
        const QString title = column.section(QLatin1Char('.'), -1).toUpper();
        header << title;
        widths << title.size();
    }
    for (const QJsonObject &row : rows) {
        QStringList line;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            QString text = scalarText(columns[i], lookup(row, columns[i]));
            text.replace(QLatin1Char('\n'), QLatin1Char(' '));
            widths[i] = qMax(widths[i], text.size());
            line << text;
        }
        cells << line;
    }
    const auto print = [&](const QStringList &line) {
        QString text;
        for (qsizetype i = 0; i < line.size(); ++i)
            text += i + 1 < line.size() ? line[i].leftJustified(widths[i] + 2) : line[i];
        out(text);
    };
    print(header);
    for (const QStringList &line : cells)
        print(line);
}

} // namespace otadmin::cli::CliOutput
