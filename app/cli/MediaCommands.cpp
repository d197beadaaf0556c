// SPDX-License-Identifier: GPL-3.0-or-later
// List options shared by archive and broadcast commands.
#include "MediaCommands.h"

namespace otadmin::cli {

bool readListQuery(Invocation &inv, ListQuery &query)
{
    std::optional<int> offset;
    std::optional<int> count;
    if (!inv.intOption(QStringLiteral("offset"), offset)
        || !inv.intOption(QStringLiteral("count"), count))
        return false;
    query.offset = offset.value_or(0);
    query.count = count.value_or(
        inv.isSet(QStringLiteral("all")) ? ListQuery::MaxCount : ListQuery::DefaultCount);
    query.sessionId = inv.value(QStringLiteral("session"));
    return true;
}

} // namespace otadmin::cli
