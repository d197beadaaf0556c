// SPDX-License-Identifier: GPL-3.0-or-later
// Body parsing and the validation rules shared by several areas (layouts, resolutions, paging).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace otadmin::sandbox {

struct Reply;

namespace rules {

// Parses a JSON object body. `null` members are dropped at every depth (Python sends unset
// options as null, §1.3). An empty body is an empty object when emptyAllowed (stop calls).
bool parseJsonObject(const QByteArray &body, bool emptyAllowed, QJsonObject *out, QString *error);

// application/x-www-form-urlencoded with both '+' and %20 as space (§2.1).
QHash<QString, QString> parseForm(const QByteArray &body);

bool isIPv4(const QString &text);
bool isResolution(const QString &text);
// Empty when the layout object follows §5.7; otherwise the reason.
QString layoutError(const QJsonObject &layout);

// Optional boolean member: absent -> fallback; present but not a bool -> nullopt.
std::optional<bool> optionalBool(const QJsonObject &object, const QString &key, bool fallback);
// Integer-valued JSON number; nullopt when not one.
std::optional<qint64> integerValue(const QJsonValue &value);

struct Page
{
    qint64 offset = 0;
    qint64 count = 50;
};
// offset >= 0, count 0..1000 (default 50); anything else is a 400 with *error set.
std::optional<Page> parsePage(const QString &query, QString *sessionId, QString *error);

} // namespace rules
} // namespace otadmin::sandbox
