// SPDX-License-Identifier: GPL-3.0-or-later
// Strict, path-aware reading of typed fields from the API's JSON responses.
#include "types/JsonReader.h"

#include <cmath>
#include <limits>

namespace otadmin {

namespace {
// Doubles represent every integer up to 2^53 exactly; beyond that a "number" is not an ID,
// a timestamp or a size we can trust.
constexpr double kMaxExactInteger = 9007199254740992.0;

QString missing()
{
    return QStringLiteral("missing required field");
}
} // namespace

JsonReader::JsonReader(const QJsonValue &json)
{
    if (json.isObject())
        m_object = json.toObject();
    else
        m_error = mismatch(QStringLiteral("an object"), json);
}

QJsonObject::const_iterator JsonReader::find(const QString &key) const
{
    if (m_keys.isEmpty()) { // read at the first lookup (again for an empty object: nothing)
        m_keys.reserve(m_object.size());
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
            m_keys.append(it.key());
    }
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i] == key)
            return m_object.constBegin() + i;
    }
    return m_object.constEnd();
}

bool JsonReader::has(const QString &key) const
{
    const auto it = find(key);
    return it != m_object.constEnd() && !it->isNull() && !it->isUndefined();
}

bool JsonReader::lookup(const QString &key, Presence presence, QJsonValue &value)
{
    if (!ok())
        return false;
    // One search per field (has() + value() searched twice): 1000-archive pages read ~20k.
    const auto it = find(key);
    if (it == m_object.constEnd() || it->isNull() || it->isUndefined()) {
        if (presence == Required)
            fail(key, missing());
        return false;
    }
    value = *it;
    return true;
}

bool JsonReader::fail(const QString &path, const QString &message)
{
    return fail(path.isEmpty() ? message : path + QStringLiteral(": ") + message);
}

bool JsonReader::fail(const QString &pathAndMessage)
{
    if (m_error.isEmpty())
        m_error = pathAndMessage;
    return false;
}

QString JsonReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString JsonReader::mismatch(const QString &expected, const QJsonValue &got)
{
    return QStringLiteral("expected %1, got %2").arg(expected, typeName(got));
}

QString JsonReader::elementPath(const QString &prefix, qsizetype index, const QString &nested)
{
    return nestedPath(QStringLiteral("%1[%2]").arg(prefix).arg(index), nested);
}

QString JsonReader::nestedPath(const QString &prefix, const QString &nested)
{
    if (prefix.isEmpty())
        return nested;
    if (nested.startsWith(QLatin1String("expected ")))
        return prefix + QStringLiteral(": ") + nested;
    return prefix + (nested.startsWith(QLatin1Char('[')) ? QString() : QStringLiteral("."))
        + nested;
}

bool JsonReader::read(const QString &key, QString &out, Presence presence)
{
    QJsonValue v;
    if (!lookup(key, presence, v))
        return ok();
    if (!v.isString())
        return fail(key, mismatch(QStringLiteral("a string"), v));
    out = v.toString();
    return true;
}

bool JsonReader::read(const QString &key, bool &out, Presence presence)
{
    QJsonValue v;
    if (!lookup(key, presence, v))
        return ok();
    if (!v.isBool())
        return fail(key, mismatch(QStringLiteral("a boolean"), v));
    out = v.toBool();
    return true;
}

bool JsonReader::integral(const QString &key, const QJsonValue &v, qint64 &out)
{
    if (!v.isDouble())
        return fail(key, mismatch(QStringLiteral("a number"), v));
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d)
        return fail(key, QStringLiteral("expected a whole number, got %1").arg(d));
    if (std::fabs(d) > kMaxExactInteger)
        return fail(key, QStringLiteral("number out of range"));
    out = v.toInteger(static_cast<qint64>(d));
    return true;
}

bool JsonReader::read(const QString &key, qint64 &out, Presence presence)
{
    QJsonValue v;
    if (!lookup(key, presence, v))
        return ok();
    return integral(key, v, out);
}

bool JsonReader::read(const QString &key, int &out, Presence presence)
{
    std::optional<int> value;
    if (!read(key, value, presence))
        return false;
    if (value)
        out = *value;
    return true;
}

bool JsonReader::read(const QString &key, std::optional<qint64> &out, Presence presence)
{
    QJsonValue v;
    if (!lookup(key, presence, v))
        return ok();
    qint64 value = 0;
    if (!integral(key, v, value))
        return false;
    out = value;
    return true;
}

bool JsonReader::read(const QString &key, std::optional<int> &out, Presence presence)
{
    std::optional<qint64> value;
    if (!read(key, value, presence))
        return false;
    if (!value)
        return true;
    if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max())
        return fail(key, QStringLiteral("number out of range"));
    out = static_cast<int>(*value);
    return true;
}

bool JsonReader::read(const QString &key, QStringList &out, Presence presence)
{
    QJsonArray array;
    if (!read(key, array, presence))
        return false;
    if (!has(key))
        return true;
    QStringList result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        if (!element.isString())
            return fail(elementPath(key, i, mismatch(QStringLiteral("a string"), element)));
        result.append(element.toString());
    }
    out = result;
    return true;
}

bool JsonReader::read(const QString &key, QJsonObject &out, Presence presence)
{
    QJsonValue v;
    if (!lookup(key, presence, v))
        return ok();
    if (!v.isObject())
        return fail(key, mismatch(QStringLiteral("an object"), v));
    out = v.toObject();
    return true;
}

bool JsonReader::read(const QString &key, QJsonArray &out, Presence presence)
{
    QJsonValue v;
    if (!lookup(key, presence, v))
        return ok();
    if (!v.isArray())
        return fail(key, mismatch(QStringLiteral("an array"), v));
    out = v.toArray();
    return true;
}

bool JsonReader::readId(const QString &key, QString &out, Presence presence)
{
    QJsonValue v;
    if (!lookup(key, presence, v))
        return ok();
    if (v.isString()) {
        out = v.toString();
        return true;
    }
    if (!v.isDouble())
        return fail(key, mismatch(QStringLiteral("a string or a number"), v));
    qint64 number = 0;
    if (!integral(key, v, number))
        return false;
    out = QString::number(number);
    return true;
}

bool JsonReader::readIdFallback(const QStringList &keys, QString &out, Presence presence)
{
    for (const QString &key : keys) {
        if (has(key))
            return readId(key, out, Required);
    }
    if (presence == Required && !keys.isEmpty())
        return fail(keys.first(), missing());
    return ok();
}

} // namespace otadmin
