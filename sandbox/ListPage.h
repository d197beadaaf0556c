// SPDX-License-Identifier: GPL-3.0-or-later
// The list endpoints' shared answer: the project's items, a session filter, newest first, paged.
#pragma once

#include "ListJsonCache.h"
#include "RequestRules.h"
#include "Router.h"
#include "SandboxState.h"

#include <QByteArray>
#include <QList>

#include <algorithm>

namespace otadmin::sandbox {

/// GET /archive and GET /broadcast (§5.6, §6.5): items of the calling project, optionally of
/// one session, ordered newest first (start order breaks ties), the page `offset`/`count`
/// of them; `count` in the answer is the total number of matches, and `items` is always
/// present. `Item` needs id, projectKey, sessionId, createdAt, sequence, toJson() and ==.
/// The body is the bytes QJsonDocument writes for {"count", "items"} (keys in that order,
/// compact), put together from `cache` instead of re-serializing every item of the page.
template<typename Item>
Reply listPage(const QHash<QString, Item> &all, ListJsonCache<Item> &cache, RouteContext &ctx)
{
    QString sessionId;
    QString error;
    const auto page = rules::parsePage(ctx.request.query, &sessionId, &error);
    if (!page)
        return Reply::error(400, error);
    QList<const Item *> matching;
    matching.reserve(all.size());
    for (const Item &item : all) {
        if (item.projectKey == ctx.project->key
            && (sessionId.isEmpty() || item.sessionId == sessionId))
            matching.append(&item);
    }
    std::sort(matching.begin(), matching.end(), [](const Item *x, const Item *y) {
        return x->createdAt != y->createdAt ? x->createdAt > y->createdAt
                                            : x->sequence > y->sequence;
    });
    const qint64 end = std::min<qint64>(matching.size(), page->offset + page->count);
    QList<QByteArray> items;
    qsizetype bytes = 32;
    for (qint64 i = page->offset; i < end; ++i) {
        items.append(cache.json(*matching.at(i)));
        bytes += items.constLast().size() + 1;
    }
    cache.prune(all);
    Reply reply;
    reply.body.reserve(bytes);
    reply.body.append("{\"count\":").append(QByteArray::number(matching.size()));
    reply.body.append(",\"items\":[").append(items.join(',')).append("]}");
    return reply;
}

} // namespace otadmin::sandbox
