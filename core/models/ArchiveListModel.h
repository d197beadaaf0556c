// SPDX-License-Identifier: GPL-3.0-or-later
// The archives table: one row per archive, fed by ArchivesApi's signals.
#pragma once

#include "models/KeyedTableModel.h"
#include "types/Archive.h"

#include <QSet>

namespace otadmin {

class Clock;
struct ListQuery;

/// Rows of Archive keyed by archive ID. Connect ArchivesApi::archiveChanged to applyChanged,
/// archiveDeleted to applyDeleted and archivesLoaded to applyLoaded; every view of archives
/// then stays current whoever made the call. Columns show people's units (local time, "1:02",
/// "1.4 MB"); ModelRole::Sort gives numbers (ms, seconds, bytes) and ModelRole::Export full
/// IDs, ISO UTC times and plain numbers. ModelRole::Status is the status keyword on every
/// column. A running archive (started/paused) shows the time elapsed since it started, read
/// from the clock at data() time: call touchRunning() every second to make it tick. Rows keep
/// the typed fields only (Archive::raw is dropped): 10,000 archives take about 15 MB less; and
/// rows share the strings archives repeat (session ID, status, resolution, ...).
class ArchiveListModel : public KeyedTableModel<Archive>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        IdColumn,
        SessionColumn,
        StatusColumn,
        CreatedColumn,
        DurationColumn,
        SizeColumn,
        OutputModeColumn,
        ResolutionColumn,
        UrlColumn,
        ColumnCount
    };

    /// `clock` (not owned) is "now" for the elapsed time of running archives; null = the
    /// system clock.
    explicit ArchiveListModel(const Clock *clock = nullptr, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Started or paused: still recording (or able to), so it can be stopped.
    static bool isRunning(ArchiveStatus status);
    int runningCount() const;

    /// Only archives of this session are taken in (empty = all). Changing it clears the model.
    void setSessionFilter(const QString &sessionId);
    QString sessionFilter() const { return m_sessionFilter; }

    /// archiveChanged: upsert (ignored when it does not pass the session filter; an unchanged
    /// copy emits nothing).
    void applyChanged(const Archive &archive);
    /// archiveDeleted.
    void applyDeleted(const QString &archiveId);
    /// archivesLoaded: upserts the page's items in one insertion.
    void applyLoaded(const ListQuery &query, const ArchiveList &page);
    /// Room for `rows` archives (the total a list answer reported), refresh bookkeeping
    /// included: the pages that follow are inserted without regrowing.
    void reserve(int rows);

    /// A full refresh is starting: the ticket for finishRefresh(). Rows seen from now on
    /// (through applyChanged/applyLoaded) are remembered.
    quint64 startRefresh();
    /// The refresh saw every archive: rows not seen since startRefresh() are removed (they
    /// were deleted elsewhere). False, changing nothing, for a stale ticket.
    bool finishRefresh(quint64 ticket);
    /// The refresh stopped before seeing everything (cancelled or failed): keep every row.
    void abandonRefresh();

    /// dataChanged for the duration column when an archive is running (elapsed time ticks).
    void touchRunning();

Q_SIGNALS:
    /// The number of started/paused archives changed.
    void runningCountChanged(int count);

private:
    static Archive withoutRaw(const Archive &archive);
    /// The copy a row keeps: no raw JSON, and the strings many archives repeat (status,
    /// reason, session, project, resolution, tag) shared with the rows that have them.
    Archive forRow(const Archive &archive);
    QString shared(const QString &text);
    QVariant display(const Archive &archive, int column) const;
    QVariant sortValue(const Archive &archive, int column) const;
    QVariant exportValue(const Archive &archive, int column) const;
    QString toolTip(const Archive &archive, int column) const;
    qint64 durationSecs(const Archive &archive) const;
    bool accepts(const Archive &archive) const;
    void noteRunningCount();

    const Clock *m_clock;
    QString m_sessionFilter;
    QSet<QString> m_seen;
    /// Distinct repeated strings (see forRow()); a session's 1000 archives share one
    /// session ID instead of holding 1000 copies.
    QSet<QString> m_shared;
    static constexpr qsizetype MaxSharedStrings = 50'000;
    bool m_refreshing = false;
    int m_lastRunning = 0;
};

} // namespace otadmin
