// SPDX-License-Identifier: GPL-3.0-or-later
// The `{"count": N, "items": [...]}` list shape shared by streams, archives and broadcasts.
#pragma once

#include "types/JsonReader.h"

#include <QList>

#include <optional>

namespace otadmin {

/// One answer of a list endpoint. For paged lists (archives §5.6, broadcasts §6.5) `count` is
/// the TOTAL number of matches, not the page size: page with `offset += items.size()` until
/// `offset >= count`. `items` is required (Node 2.23 fails without it, and so do we); a
/// missing `count` means items.size().
template<typename T>
struct ItemList
{
    int count = 0;
    QList<T> items;

    static std::optional<ItemList> fromJson(const QJsonValue &json, QString *error = nullptr)
    {
        JsonReader r(json);
        ItemList list;
        std::optional<int> count;
        r.read(QStringLiteral("count"), count);
        r.readList(QStringLiteral("items"), list.items, JsonReader::Required);
        if (!r.ok()) {
            reportError(error, r.error());
            return std::nullopt;
        }
        list.count = count.value_or(int(list.items.size()));
        return list;
    }
};

} // namespace otadmin
