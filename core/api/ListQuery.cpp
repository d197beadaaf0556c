// SPDX-License-Identifier: GPL-3.0-or-later
// Validation of list paging parameters.
#include "api/ListQuery.h"

#include "types/Common.h"

#include <QCoreApplication>

namespace otadmin {

Validation ListQuery::validate() const
{
    if (offset < 0) {
        return FieldError {QStringLiteral("offset"),
            QCoreApplication::translate("otadmin::ListQuery", "must be 0 or more")};
    }
    if (auto error = validateRange(QStringLiteral("count"), count, 1, MaxCount))
        return error;
    if (!sessionId.isEmpty())
        return validateSessionId(QStringLiteral("sessionId"), sessionId);
    return std::nullopt;
}

} // namespace otadmin
