// SPDX-License-Identifier: GPL-3.0-or-later
// Insertion-ordered compact JSON object writer.
#include "auth/OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace otadmin {

namespace {
/// Printable ASCII other than the quote and the backslash: QJsonDocument copies it as is.
bool isPlain(const QString &value)
{
    return std::all_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
}
} // namespace

void OrderedJson::appendQuoted(QByteArray &out, const QString &value)
{
    // Fast path, byte for byte what QJsonDocument writes. Claims are mostly such text; building
    // a QJsonArray per key and value made this the cost of a client JWT (docs/performance.md).
    if (!isPlain(value)) {
        out += quoted(value);
        return;
    }
    // Written through a pointer: appending a char at a time was most of a claim's cost.
    const qsizetype start = out.size();
    out.resize(start + value.size() + 2);
    char *o = out.data() + start;
    *o++ = '"';
    for (const QChar c : value)
        *o++ = char(c.unicode());
    *o = '"';
}

QByteArray OrderedJson::quoted(const QString &value)
{
    if (isPlain(value)) {
        QByteArray out;
        appendQuoted(out, value);
        return out;
    }
    // Let Qt do the escaping: serialise ["value"] and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    // Qt 6.4's QJsonDocument::fromJson() drops a raw U+FEFF at the start of a string, so our
    // own decoder (and the inspector) would lose it; the escaped form survives every parser.
    return array.mid(1, array.size() - 2).replace("\xEF\xBB\xBF", "\\ufeff");
}

OrderedJson &OrderedJson::addKey(const QString &key)
{
    if (m_body.size() > 1)
        m_body += ',';
    appendQuoted(m_body, key);
    m_body += ':';
    return *this;
}

OrderedJson &OrderedJson::addString(const QString &key, const QString &value)
{
    addKey(key);
    appendQuoted(m_body, value);
    return *this;
}

OrderedJson &OrderedJson::addInteger(const QString &key, qint64 value)
{
    addKey(key);
    appendNumber(m_body, value);
    return *this;
}

OrderedJson &OrderedJson::addUnsigned(const QString &key, quint64 value)
{
    addKey(key);
    appendNumber(m_body, value);
    return *this;
}

} // namespace otadmin
