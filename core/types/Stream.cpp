// SPDX-License-Identifier: GPL-3.0-or-later
// Streams and connections of a session, and the set-layout-classes body (reference §4.3–§4.5).
#include "types/Stream.h"

#include "types/Common.h"
#include "types/JsonReader.h"

#include <QJsonArray>

namespace otadmin {

std::optional<Stream> Stream::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    Stream s;
    r.read(QStringLiteral("id"), s.id, JsonReader::Required);
    r.read(QStringLiteral("videoType"), s.videoType);
    r.read(QStringLiteral("name"), s.name);
    r.read(QStringLiteral("layoutClassList"), s.layoutClassList);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    s.raw = r.object();
    return s;
}

QJsonObject streamClassChangesToJson(const QList<StreamClassChange> &changes)
{
    QJsonArray items;
    for (const StreamClassChange &change : changes) {
        items.append(QJsonObject {{QStringLiteral("id"), change.id},
            {QStringLiteral("layoutClassList"),
                QJsonArray::fromStringList(change.layoutClassList)}});
    }
    return QJsonObject {{QStringLiteral("items"), items}};
}

Validation validateStreamClassChanges(const QList<StreamClassChange> &changes)
{
    if (changes.isEmpty())
        return FieldError {
            QStringLiteral("items"), QStringLiteral("must contain at least one stream")};
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString item = QStringLiteral("items[%1]").arg(i);
        if (auto v = validateId(item + QStringLiteral(".id"), changes[i].id))
            return v;
        const QStringList &classes = changes[i].layoutClassList;
        for (qsizetype j = 0; j < classes.size(); ++j) {
            const QString field = item + QStringLiteral(".layoutClassList[%1]").arg(j);
            const QString &name = classes[j];
            if (name.isEmpty())
                return FieldError {field, QStringLiteral("must not be empty")};
            if (!isValidUnicode(name))
                return FieldError {field, QStringLiteral("must be valid Unicode text")};
            for (const QChar c : name) {
                if (c.isSpace() || c.category() == QChar::Other_Control)
                    return FieldError {field,
                        QStringLiteral("must not contain whitespace or "
                                       "control characters")};
            }
        }
    }
    return std::nullopt;
}

std::optional<Connection> Connection::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    Connection c;
    r.read(QStringLiteral("connectionId"), c.connectionId, JsonReader::Required);
    r.read(QStringLiteral("createdAt"), c.createdAt);
    r.read(QStringLiteral("connectionState"), c.connectionState);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    c.raw = r.object();
    return c;
}

std::optional<ConnectionList> ConnectionList::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    ConnectionList list;
    std::optional<int> count;
    r.read(QStringLiteral("count"), count);
    r.readId(QStringLiteral("projectId"), list.projectId);
    r.read(QStringLiteral("sessionId"), list.sessionId);
    r.readList(QStringLiteral("items"), list.items, JsonReader::Required);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    list.count = count.value_or(int(list.items.size()));
    return list;
}

} // namespace otadmin
