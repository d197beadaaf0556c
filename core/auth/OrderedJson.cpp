// SPDX-License-Identifier: GPL-3.0-or-later
// Insertion-ordered compact JSON object writer.
#include "auth/OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace otadmin {

QByteArray OrderedJson::quoted(const QString &value)
{
    // Let Qt do the escaping: serialise ["value"] and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    // Qt 6.4's QJsonDocument::fromJson() drops a raw U+FEFF at the start of a string, so our
    // own decoder (and the inspector) would lose it; the escaped form survives every parser.
    return array.mid(1, array.size() - 2).replace("\xEF\xBB\xBF", "\\ufeff");
}

OrderedJson &OrderedJson::addRaw(const QString &key, const QByteArray &rawValue)
{
    if (m_body.size() > 1)
        m_body += ',';
    m_body += quoted(key) + ':' + rawValue;
    return *this;
}

OrderedJson &OrderedJson::addString(const QString &key, const QString &value)
{
    return addRaw(key, quoted(value));
}

OrderedJson &OrderedJson::addInteger(const QString &key, qint64 value)
{
    return addRaw(key, QByteArray::number(value));
}

OrderedJson &OrderedJson::addUnsigned(const QString &key, quint64 value)
{
    return addRaw(key, QByteArray::number(value));
}

} // namespace otadmin
