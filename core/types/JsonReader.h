// SPDX-License-Identifier: GPL-3.0-or-later
// Strict, path-aware reading of typed fields from the API's JSON responses.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

namespace otadmin {

/// Reads fields of one JSON object and remembers the first problem as "path: message"
/// (e.g. "createdAt: expected a number, got a string"). Every parser uses it so that all
/// responses obey one rule set (reference §0, §14.5):
/// * unknown keys are ignored;
/// * a missing required field, or a present field of the wrong type, is an error;
/// * an optional field may be absent or `null` (Python-style servers send `null` for "unset"),
///   in which case the output keeps its default value.
/// Once an error is recorded the reader stops reading and keeps that first error. A reader
/// belongs to one thread at a time (its lookups fill a cache, even through const methods).
class JsonReader
{
public:
    enum Presence
    {
        Optional,
        Required
    };

    /// `json` that is not an object records "expected an object, got …" for the whole value.
    explicit JsonReader(const QJsonValue &json);

    bool ok() const { return m_error.isEmpty(); }
    /// The first error ("" when none). Paths are relative to this object.
    QString error() const { return m_error; }
    /// The object being read (empty when the value was not an object); parsed types keep it
    /// as `raw` so that the UI and CLI can show everything the server sent.
    const QJsonObject &object() const { return m_object; }

    /// True when `key` is present and not null.
    bool has(const QString &key) const;

    bool read(const QString &key, QString &out, Presence presence = Optional);
    bool read(const QString &key, bool &out, Presence presence = Optional);
    /// Integral numbers only (a fraction or a value beyond ±2^53 is an error).
    bool read(const QString &key, qint64 &out, Presence presence = Optional);
    bool read(const QString &key, int &out, Presence presence = Optional);
    bool read(const QString &key, std::optional<qint64> &out, Presence presence = Optional);
    bool read(const QString &key, std::optional<int> &out, Presence presence = Optional);
    bool read(const QString &key, QStringList &out, Presence presence = Optional);
    bool read(const QString &key, QJsonObject &out, Presence presence = Optional);
    bool read(const QString &key, QJsonArray &out, Presence presence = Optional);

    /// An opaque ID that the service sends as a JSON number in some responses and as a string
    /// in others (projectId, partnerId, id of a project). Numbers become their decimal text.
    bool readId(const QString &key, QString &out, Presence presence = Optional);
    /// The first of `keys` that is present (e.g. projectId, then partnerId, then applicationId).
    bool readIdFallback(const QStringList &keys, QString &out, Presence presence = Optional);

    /// An array of objects parsed with `T::fromJson`; errors are prefixed "key[i].".
    template<typename T>
    bool readList(const QString &key, QList<T> &out, Presence presence = Optional)
    {
        QJsonArray array;
        if (!read(key, array, presence))
            return false;
        return readElements<T>(array, key, out, m_error);
    }

    /// A nested object parsed with `T::fromJson`; errors are prefixed "key.".
    template<typename T>
    bool readObject(const QString &key, std::optional<T> &out, Presence presence = Optional)
    {
        if (!ok())
            return false;
        if (!has(key))
            return read(key, m_scratch, presence);
        QString nested;
        out = T::fromJson(find(key).value(), &nested);
        if (!out)
            return fail(nestedPath(key, nested));
        return true;
    }

    /// Parses each element of `array` with `T::fromJson`. On failure sets `error` to
    /// "prefix[i].field: problem" and returns false.
    template<typename T>
    static bool readElements(
        const QJsonArray &array, const QString &prefix, QList<T> &out, QString &error)
    {
        out.clear();
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            QString nested;
            std::optional<T> item = T::fromJson(array.at(i), &nested);
            if (!item) {
                error = elementPath(prefix, i, nested);
                return false;
            }
            out.append(std::move(*item));
        }
        return true;
    }

    /// Records `message` for `path` unless an error is already recorded; returns false.
    bool fail(const QString &path, const QString &message);
    bool fail(const QString &pathAndMessage);

    /// "a string", "a number", "null", … for messages.
    static QString typeName(const QJsonValue &value);
    /// "expected an object, got an array".
    static QString mismatch(const QString &expected, const QJsonValue &got);
    /// Joins "items", 3, "createdAt: …" into "items[3].createdAt: …".
    static QString elementPath(const QString &prefix, qsizetype index, const QString &nested);
    /// Joins "layout", "type: …" into "layout.type: …"; a whole-value error of the nested
    /// parser ("expected an object, got …") becomes "layout: expected an object, got …".
    static QString nestedPath(const QString &prefix, const QString &nested);

private:
    /// Looks up `key`; false (with an error for Required) when absent or null.
    bool lookup(const QString &key, Presence presence, QJsonValue &value);
    bool integral(const QString &key, const QJsonValue &value, qint64 &out);
    /// m_object's entry for `key`, or its end.
    QJsonObject::const_iterator find(const QString &key) const;

    QJsonObject m_object;
    QJsonObject m_scratch;
    QString m_error;
    // m_object's keys in its own order, read once at the first lookup: Qt 6.4's
    // QJsonObject::constFind() costs ~600 instructions a lookup (it compares every key it
    // probes in the key's stored encoding), and a 1000-archive page makes ~22,000 of them;
    // comparing QStrings (length first) is a few instructions a key.
    mutable QVarLengthArray<QString, 32> m_keys;
};

/// Copies a reader's first error to an optional out-parameter of a `fromJson` function.
inline void reportError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace otadmin
