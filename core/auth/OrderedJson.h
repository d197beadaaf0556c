// SPDX-License-Identifier: GPL-3.0-or-later
// Compact JSON object writer that keeps keys in insertion order.
#pragma once

#include <QByteArray>
#include <QString>

#include <charconv>
#include <iterator>
#include <utility>

namespace otadmin {

/// Builds `{"k":v,...}` with no whitespace and keys in the order they were added.
/// Needed because QJsonDocument sorts keys, while the reference's JWT vectors (§1.2, §3.4)
/// fix a key order; the bytes must match for the signatures to match.
class OrderedJson
{
public:
    OrderedJson &addString(const QString &key, const QString &value);
    /// Written as a plain JSON integer. Keep values below 2^53 if JavaScript or any
    /// double-based parser must read them back exactly.
    OrderedJson &addInteger(const QString &key, qint64 value);
    OrderedJson &addUnsigned(const QString &key, quint64 value);
    QByteArray toJson() const & { return m_body + '}'; }
    /// The same bytes, taking the buffer instead of copying it.
    QByteArray toJson() && { return std::move(m_body += '}'); }
    /// Room for `bytes` of JSON, so a known-size object is built without regrowing.
    OrderedJson &reserve(qsizetype bytes)
    {
        m_body.reserve(bytes);
        return *this;
    }

    /// A JSON string literal, quotes included, escaped the way QJsonDocument escapes it.
    static QByteArray quoted(const QString &value);
    /// Appends QByteArray::number(value) (plain decimal, also what QJsonDocument writes for an
    /// integer) without the temporary; token encoders share it.
    template<typename Integer>
    static void appendNumber(QByteArray &out, Integer value)
    {
        char digits[24];
        const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
        out.append(digits, end - digits);
    }

private:
    /// Appends `"key":` (with the separating comma when needed).
    OrderedJson &addKey(const QString &key);
    static void appendQuoted(QByteArray &out, const QString &value);
    QByteArray m_body = QByteArrayLiteral("{");
};

} // namespace otadmin
