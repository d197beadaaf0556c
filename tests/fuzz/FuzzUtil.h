// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the fuzz targets: input as JSON, as UTF-8 text and as raw UTF-16.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace otadmin::fuzz {

/// The bytes as a JSON value (array or object); Undefined when they are not JSON, which the
/// parsers must refuse as well.
inline QJsonValue jsonValue(const uint8_t *data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    return QJsonValue(QJsonValue::Undefined);
}

/// The bytes as UTF-8 text (invalid sequences become U+FFFD, as any decoder would).
inline QString utf8(const uint8_t *data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// The bytes as raw UTF-16 code units, so lone surrogates and every code point occur.
inline QString utf16(const uint8_t *data, size_t size)
{
    QString text(qsizetype(size / 2), Qt::Uninitialized);
    for (size_t i = 0; i + 1 < size; i += 2)
        text[qsizetype(i / 2)] = QChar(char16_t(data[i] | (data[i + 1] << 8)));
    return text;
}

} // namespace otadmin::fuzz
