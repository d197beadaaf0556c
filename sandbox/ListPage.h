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
    // Only the page has to be in order: partition at its start, then sort just its items. The ID
    // makes the order total, so every page of one state agrees (sequence is unique for items the
    // routes create; among equal ones the full sort used to follow the hash's random order).
    const auto newerFirst = [](const Item *x, const Item *y) {
        if (x->createdAt != y->createdAt)
            return x->createdAt > y->createdAt;
        if (x->sequence != y->sequence)
            return x->sequence > y->sequence;
        return x->id < y->id;
    };
    const qint64 begin = std::min<qint64>(matching.size(), page->offset);
    const qint64 end = std::min<qint64>(matching.size(), page->offset + page->count);
    if (begin > 0 && begin < matching.size())
        std::nth_element(matching.begin(), matching.begin() + begin, matching.end(), newerFirst);
    std::partial_sort(matching.begin() + begin, matching.begin() + end, matching.end(), newerFirst);
    QList<QByteArray> items;
    items.reserve(end - begin);
    qsizetype bytes = 32;
    for (qint64 i = begin; i < end; ++i) {
        items.append(cache.json(*matching.at(i)));
        bytes += items.constLast().size() + 1;
    }
    cache.prune(all);
    Reply reply;
    reply.body.reserve(bytes);
    reply.body.append("{\"count\":").append(QByteArray::number(matching.size()));
    reply.body.append(",\"items\":[");
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            reply.body.append(',');
        reply.body.append(items.at(i));
    }
    reply.body.append("]}");
    return reply;
}

} // namespace otadmin::sandbox
