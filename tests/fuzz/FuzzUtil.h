// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the fuzz targets: input as JSON, as UTF-8 text and as raw UTF-16.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include "types/FieldError.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

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
    // Little-endian code units; one memcpy instead of a per-unit loop, which was a large part
    // of the validator targets' time (every loop here is instrumented).
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN);
    QString text(qsizetype(size / 2), Qt::Uninitialized);
    std::memcpy(static_cast<void *>(text.data()), data, size / 2 * 2);
    return text;
}

/// Input of the validator targets: byte 0 picks ONE validator (`op`, modulo the target's number
/// of validators) and its switches (`flags`, the rest of that byte); the remaining bytes are raw
/// UTF-16 (`text`), split at '|' into the fields of one option type (`parts`). Running one
/// validator per input keeps every target above 1,000,000 runs a minute (G-QA-1).
struct Fields
{
    unsigned op = 0;
    unsigned flags = 0;
    QString text;
    QStringList parts;

    QString part(qsizetype i) const { return i < parts.size() ? parts[i] : QString(); }
    /// The field as a decimal number, or `fallback` when it is not one.
    int number(qsizetype i, int fallback = 0) const
    {
        bool ok = false;
        const int value = part(i).toInt(&ok);
        return ok ? value : fallback;
    }
};

inline Fields fields(const uint8_t *data, size_t size, unsigned ops)
{
    Fields f;
    if (size == 0)
        return f;
    f.op = data[0] % ops;
    f.flags = data[0] / ops;
    f.text = utf16(data + 1, size - 1);
    f.parts = f.text.split(QChar(u'|'));
    return f;
}

/// A validator's answer is either success or an error naming a field or saying something.
inline void check(const std::optional<FieldError> &v)
{
    if (v && v->field.isEmpty() && v->message.isEmpty())
        __builtin_trap();
}

/// check(), then true when the input passed: only options that validate are serialized, as in
/// the application, which also keeps the allocations (and so ASan's cost) of a run down.
inline bool valid(const std::optional<FieldError> &v)
{
    check(v);
    return !v;
}

} // namespace otadmin::fuzz
