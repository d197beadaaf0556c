// SPDX-License-Identifier: GPL-3.0-or-later
// Removes secrets from anything that is logged, shown or exported (STYLE §9, G-SEC-2).
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace otadmin::Redactor {

/// What replaces a secret value.
inline constexpr char Placeholder[] = "[redacted]";

/// True for header names whose values are credentials (X-OPENTOK-AUTH, Authorization),
/// compared case-insensitively.
bool isSecretHeader(QByteArrayView name);

/// True for JSON keys whose values are secrets anywhere in a body: secret, apiSecret,
/// secretKey, accessKey, accountKey, password, token, and streamName (an RTMP stream key lets
/// anyone broadcast to that channel). Case-insensitive.
bool isSecretKey(QStringView key);

/// The value with every secret-bearing key's value replaced, recursively through objects
/// and arrays.
QJsonValue redactJson(const QJsonValue &value);

/// A request or response body made safe to show: JSON is redacted key by key; a body that
/// is not JSON (form data) has secret-named fields replaced; anything else that cannot be
/// inspected is replaced entirely by a size note.
QByteArray redactBody(const QByteArray &body);

/// The values of every secret-bearing key in a JSON or form body, so that free text (a server
/// error message echoing the request) can be scrubbed of them too.
QList<QByteArray> secretValues(const QByteArray &body);

/// Replaces every occurrence of each known secret value (and JWT-looking strings) in free
/// text such as a server error message.
QString scrubText(QString text, const QList<QByteArray> &knownSecrets);

} // namespace otadmin::Redactor
