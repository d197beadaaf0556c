// SPDX-License-Identifier: GPL-3.0-or-later
// The list endpoints' shared answer: the project's items, a session filter, newest first, paged.
#pragma once

#include "RequestRules.h"
#include "Router.h"
#include "SandboxState.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace otadmin::sandbox {

/// GET /archive and GET /broadcast (§5.6, §6.5): items of the calling project, optionally of
/// one session, ordered newest first (start order breaks ties), the page `offset`/`count`
/// of them; `count` in the answer is the total number of matches, and `items` is always
/// present. `Item` needs projectKey, sessionId, createdAt, sequence and toJson().
template<typename Item>
Reply listPage(const QHash<QString, Item> &all, RouteContext &ctx)
{
    QString sessionId;
    QString error;
    const auto page = rules::parsePage(ctx.request.query, &sessionId, &error);
    if (!page)
        return Reply::error(400, error);
    QList<const Item *> matching;
    for (const Item &item : all) {
        if (item.projectKey == ctx.project->key
            && (sessionId.isEmpty() || item.sessionId == sessionId))
            matching.append(&item);
    }
    std::sort(matching.begin(), matching.end(), [](const Item *x, const Item *y) {
        return x->createdAt != y->createdAt ? x->createdAt > y->createdAt
                                            : x->sequence > y->sequence;
    });
    QJsonArray items;
    for (qint64 i = page->offset; i < matching.size() && i < page->offset + page->count; ++i)
        items.append(matching.at(i)->toJson());
    return Reply::json(
        QJsonObject {{QStringLiteral("count"), matching.size()}, {QStringLiteral("items"), items}});
}

} // namespace otadmin::sandbox
