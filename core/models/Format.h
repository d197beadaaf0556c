// SPDX-License-Identifier: GPL-3.0-or-later
// How list models show sizes, durations, times and IDs to people (local zone, human units).
#pragma once

#include <QString>
#include <QtGlobal>

namespace otadmin {

/// "1.4 MB" (SI units, as file managers show them); "" for 0 when `emptyForZero`.
QString formatBytes(qint64 bytes, bool emptyForZero = true);
/// "1:02:03" or "2:03" from **seconds**; "" for a negative value.
QString formatDuration(qint64 seconds);
/// Local date and time ("2026-11-25 18:30:12") from Unix **milliseconds**; "" for 0.
QString formatLocalTime(qint64 unixMs);
/// The same instant in UTC, ISO 8601 ("2026-11-25T17:30:12Z"), for tooltips and export.
QString formatUtcTime(qint64 unixMs);
/// "b40ef09b…c0c68f": the first and last `keep` characters with an ellipsis between, when the
/// ID is longer than 2 × keep + 1; unchanged otherwise.
QString elideMiddle(const QString &id, int keep = 8);

} // namespace otadmin
