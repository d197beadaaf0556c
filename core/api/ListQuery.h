// SPDX-License-Identifier: GPL-3.0-or-later
// One page request of a list endpoint (archives, broadcasts): offset, count, session filter.
#pragma once

#include "types/FieldError.h"

#include <QString>

namespace otadmin {

/// Paging of §5.6/§6.5: `offset` 0 is the most recently started item; `count` is the page
/// size (the service's default is 50 and its maximum 1000); an empty `sessionId` lists all.
/// The answer's `count` is the total number of matches, so a caller pages with
/// `offset += items.size()` until `offset >= count`.
struct ListQuery
{
    static constexpr int DefaultCount = 50;
    static constexpr int MaxCount = 1000;

    int offset = 0;
    int count = DefaultCount;
    QString sessionId;
    /// Keep each item's `raw` JSON (for printing what the service sent). Without it a
    /// 1000-archive page's JSON document is freed as soon as it is parsed (about 1.5 MB less
    /// per page in flight); the GUI's tables never read `raw`.
    bool keepRaw = true;

    Validation validate() const;
    friend bool operator==(const ListQuery &, const ListQuery &) = default;
};

} // namespace otadmin
