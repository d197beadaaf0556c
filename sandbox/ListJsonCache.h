// SPDX-License-Identifier: GPL-3.0-or-later
// Each listed item's compact JSON, kept until the item changes, so a list page is not
// re-serialized.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QString>

#include <utility>

namespace otadmin::sandbox {

/// A 1000-item list page was mostly Item::toJson() and QJsonDocument::toJson(). An entry is
/// reused only while the item compares equal to the copy it was made from, so a change made
/// anywhere (routes, lifecycles, seeds, tests writing SandboxState directly) is seen on the
/// next list without any notification. Relies on Item::toJson() (and appendCompactJson())
/// reading nothing but the item's own members, and on Item::operator== comparing all of them.
/// A miss still built a QJsonObject per item (most of a cold page), so an Item may write the
/// same bytes itself with `bool appendCompactJson(QByteArray &) const`, false to decline.
template<typename Item>
class ListJsonCache
{
public:
    /// `QJsonDocument(item.toJson()).toJson(Compact)`, the bytes an item has inside a compact
    /// array.
    QByteArray json(const Item &item)
    {
        auto it = m_entries.find(item.id);
        if (it == m_entries.end())
            it = m_entries.emplace(item.id, Entry {item, serialize(item)});
        else if (!(it->item == item))
            *it = Entry {item, serialize(item)};
        return it->json;
    }

    /// Drops the entries of items that are gone, once they could be as many as the live ones.
    void prune(const QHash<QString, Item> &all)
    {
        if (m_entries.size() <= all.size() + 64)
            return;
        m_entries.removeIf([&all](const std::pair<const QString &, Entry &> &entry) {
            return !all.contains(entry.first);
        });
    }

    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry
    {
        Item item;
        QByteArray json;
    };

    QByteArray serialize(const Item &item)
    {
        if constexpr (requires(QByteArray & out) { item.appendCompactJson(out); }) {
            // Written into a reused buffer, then copied at its exact size: entries live long.
            m_scratch.truncate(0);
            if (item.appendCompactJson(m_scratch))
                return QByteArray(m_scratch.constData(), m_scratch.size());
        }
        return QJsonDocument(item.toJson()).toJson(QJsonDocument::Compact);
    }

    QHash<QString, Entry> m_entries;
    QByteArray m_scratch;
};

} // namespace otadmin::sandbox
