// SPDX-License-Identifier: GPL-3.0-or-later
// What the CLI writes: one JSON document, key/value text or a table on stdout; errors on stderr.
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace otadmin::cli::CliOutput {

/// One line to stdout / stderr (UTF-8, newline added, flushed).
void out(const QString &text);
void err(const QString &text);
/// Exactly one JSON document (indented) on stdout.
void json(const QJsonValue &value);
/// "key   value" lines; nested objects become dotted keys, arrays of scalars are joined
/// with ", ", arrays of objects get an index ("rtmp[0].id").
void keyValues(const QJsonObject &object);
/// A table with a header row; `columns` are JSON keys (dotted for nested) of each row object.
/// Keys named createdAt/updatedAt (Unix ms) are shown as UTC dates.
void table(const QStringList &columns, const QList<QJsonObject> &rows);
/// The scalar text of a value as shown in text output.
QString scalarText(const QString &key, const QJsonValue &value);

} // namespace otadmin::cli::CliOutput
