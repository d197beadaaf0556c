// SPDX-License-Identifier: GPL-3.0-or-later
// What archive and broadcast commands share: a reconciled start and paging through a list.
#pragma once

#include "CliCommand.h"
#include "CliOutput.h"

#include "api/ListQuery.h"
#include "api/StartReconciler.h"
#include "net/Redactor.h"
#include "types/ItemList.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSharedPointer>

#include <functional>

namespace otadmin::cli {

QString tr(const char *text);

/// Finishes `inv` when `start` does: the running item (with a note on stderr when it was found
/// by reconciliation after a lost answer or a 409, G-REL-7), a usage error for rejected input,
/// or the API's error.
template<typename Item>
void finishStart(Invocation &inv, StartReconciler *start)
{
    QObject::connect(start, &StartReconciler::finished, start, [&inv, start] {
        if (!start->isSuccess()) {
            if (start->error().kind() == ApiError::Kind::Validation)
                inv.usageError(start->error().userMessage());
            else
                inv.failure(start->error().userMessage());
            return;
        }
        if (start->isReconciled())
            CliOutput::err(start->note());
        inv.printObject(start->result().value<Item>().raw);
        inv.finish(ExitSuccess);
    });
}

/// Reads --offset, --count and --session; --all raises the default page size to the maximum.
bool readListQuery(Invocation &inv, ListQuery &query);

/// Lists one page — or with `all` every page (offset += items until offset >= count) — then
/// prints the items (redacted) as one JSON array or as a table of `columns`.
template<typename Item>
void listPages(Invocation &inv, std::function<ApiReply *(const ListQuery &)> fetch, ListQuery query,
    bool all, QStringList columns,
    QSharedPointer<QJsonArray> items = QSharedPointer<QJsonArray>::create())
{
    inv.await(fetch(query), [&inv, fetch, query, all, columns, items](const ApiReply &reply) {
        const auto page = reply.resultAs<ItemList<Item>>();
        for (const Item &item : page.items)
            items->append(Redactor::redactJson(item.raw));
        const int next = query.offset + int(page.items.size());
        if (all && !page.items.isEmpty() && next < page.count) {
            ListQuery more = query;
            more.offset = next;
            listPages<Item>(inv, fetch, more, all, columns, items);
            return false;
        }
        if (inv.json()) {
            CliOutput::json(*items);
        } else {
            QList<QJsonObject> rows;
            for (const QJsonValue &item : *items)
                rows << item.toObject();
            CliOutput::table(columns, rows);
            if (!all && next < page.count)
                CliOutput::err(tr("%1 of %2 shown; --all lists every one.")
                                   .arg(items->size())
                                   .arg(page.count));
        }
        return true;
    });
}

} // namespace otadmin::cli
