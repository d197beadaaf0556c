// SPDX-License-Identifier: GPL-3.0-or-later
// Human formatting of sizes, durations, times and long IDs.
#include "models/Format.h"

#include <QDateTime>
#include <QLocale>

namespace otadmin {

QString formatBytes(qint64 bytes, bool emptyForZero)
{
    if (bytes <= 0)
        return emptyForZero ? QString() : QStringLiteral("0 B");
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString formatLocalTime(qint64 unixMs)
{
    if (unixMs == 0)
        return {};
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(unixMs);
    const QDate date = local.date();
    const QTime time = local.time();
    // What toString("yyyy-MM-dd HH:mm:ss") writes (C locale digits), without parsing the
    // pattern for every cell: a 10,000-row table formats this column per row it filters.
    if (date.year() < 0 || date.year() > 9999)
        return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return QString::asprintf("%04d-%02d-%02d %02d:%02d:%02d", date.year(), date.month(), date.day(),
        time.hour(), time.minute(), time.second());
}

QString formatUtcTime(qint64 unixMs)
{
    if (unixMs == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODate);
}

QString elideMiddle(const QString &id, int keep)
{
    if (keep <= 0 || id.size() <= 2 * keep + 1)
        return id;
    return id.left(keep) + QChar(0x2026) + id.right(keep);
}

} // namespace otadmin
