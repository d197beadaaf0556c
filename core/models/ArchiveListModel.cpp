// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveListModel: what each column shows, sorts by and exports.
#include "models/ArchiveListModel.h"

#include "api/ListQuery.h"
#include "auth/Clock.h"
#include "models/Format.h"

namespace otadmin {

ArchiveListModel::ArchiveListModel(const Clock *clock, QObject *parent)
    : KeyedTableModel<Archive>([](const Archive &a) { return a.id; }, parent),
      m_clock(clock ? clock : &SystemClock::shared())
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &ArchiveListModel::noteRunningCount);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ArchiveListModel::noteRunningCount);
    connect(this, &QAbstractItemModel::modelReset, this, &ArchiveListModel::noteRunningCount);
    connect(this, &QAbstractItemModel::dataChanged, this, &ArchiveListModel::noteRunningCount);
}

int ArchiveListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ArchiveListModel::isRunning(ArchiveStatus status)
{
    return status == ArchiveStatus::Started || status == ArchiveStatus::Paused;
}

int ArchiveListModel::runningCount() const
{
    return int(std::count_if(
        items().cbegin(), items().cend(), [](const Archive &a) { return isRunning(a.status); }));
}

void ArchiveListModel::noteRunningCount()
{
    const int running = runningCount();
    if (running == m_lastRunning)
        return;
    m_lastRunning = running;
    Q_EMIT runningCountChanged(running);
}

qint64 ArchiveListModel::durationSecs(const Archive &archive) const
{
    if (isRunning(archive.status) && archive.createdAt > 0)
        return qMax<qint64>(0, (m_clock->nowMSecs() - archive.createdAt) / 1000);
    return archive.duration;
}

QVariant ArchiveListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Archive &a = at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(a, column);
    case Qt::ToolTipRole:
        return toolTip(a, column);
    case Qt::TextAlignmentRole:
        if (column == DurationColumn || column == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ModelRole::Id:
        return a.id;
    case ModelRole::Sort:
        return sortValue(a, column);
    case ModelRole::Status:
        return a.statusString;
    case ModelRole::Export:
        return exportValue(a, column);
    case ModelRole::Running:
        return isRunning(a.status);
    case ModelRole::Attention:
        return a.status == ArchiveStatus::Failed ? a.statusString : QString();
    default:
        return {};
    }
}

QVariant ArchiveListModel::display(const Archive &a, int column) const
{
    switch (column) {
    case NameColumn:
        return a.name.isEmpty() ? tr("(no name)") : a.name;
    case IdColumn:
        return elideMiddle(a.id);
    case SessionColumn:
        return elideMiddle(a.sessionId);
    case StatusColumn:
        return a.statusString;
    case CreatedColumn:
        return formatLocalTime(a.createdAt);
    case DurationColumn:
        return formatDuration(durationSecs(a));
    case SizeColumn:
        return formatBytes(a.size);
    case OutputModeColumn:
        return a.outputMode ? toApiString(*a.outputMode) : QString();
    case ResolutionColumn:
        return a.resolution;
    case UrlColumn:
        return a.url;
    default:
        return {};
    }
}

QVariant ArchiveListModel::sortValue(const Archive &a, int column) const
{
    // Machine text (IDs, keywords, URLs) sorts as bytes: a locale's collation means nothing
    // for them, and building its key per row was most of the cost of a 10,000-row sort.
    switch (column) {
    case NameColumn:
        return a.name.toCaseFolded();
    case IdColumn:
        return a.id.toUtf8();
    case SessionColumn:
        return a.sessionId.toUtf8();
    case CreatedColumn:
        return a.createdAt;
    case DurationColumn:
        return durationSecs(a);
    case SizeColumn:
        return a.size;
    default:
        return display(a, column).toString().toUtf8();
    }
}

QVariant ArchiveListModel::exportValue(const Archive &a, int column) const
{
    switch (column) {
    case NameColumn:
        return a.name;
    case IdColumn:
        return a.id;
    case SessionColumn:
        return a.sessionId;
    case CreatedColumn:
        return formatUtcTime(a.createdAt);
    case DurationColumn:
        return durationSecs(a);
    case SizeColumn:
        return a.size;
    default:
        return display(a, column);
    }
}

QString ArchiveListModel::toolTip(const Archive &a, int column) const
{
    switch (column) {
    case IdColumn:
        return a.id;
    case SessionColumn:
        return a.sessionId;
    case StatusColumn:
        return a.reason.isEmpty() ? a.statusString
                                  : a.statusString + QStringLiteral(": ") + a.reason;
    case CreatedColumn:
        return formatUtcTime(a.createdAt);
    case DurationColumn:
        return isRunning(a.status) ? tr("Recording for %1").arg(formatDuration(durationSecs(a)))
                                   : tr("%n second(s)", nullptr, int(a.duration));
    case SizeColumn:
        return tr("%L1 bytes").arg(a.size);
    case UrlColumn:
        return a.url.isEmpty()
            ? QString()
            : tr("%1\nValid for about 10 minutes after it was fetched").arg(a.url);
    default:
        return display(a, column).toString();
    }
}

QVariant ArchiveListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("ID");
    case SessionColumn:
        return tr("Session");
    case StatusColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Created");
    case DurationColumn:
        return tr("Duration");
    case SizeColumn:
        return tr("Size");
    case OutputModeColumn:
        return tr("Output");
    case ResolutionColumn:
        return tr("Resolution");
    case UrlColumn:
        return tr("URL");
    default:
        return {};
    }
}

void ArchiveListModel::setSessionFilter(const QString &sessionId)
{
    if (sessionId == m_sessionFilter)
        return;
    m_sessionFilter = sessionId;
    m_refreshing = false;
    m_seen.clear();
    clear();
}

bool ArchiveListModel::accepts(const Archive &archive) const
{
    return m_sessionFilter.isEmpty() || archive.sessionId == m_sessionFilter;
}

Archive ArchiveListModel::withoutRaw(const Archive &archive)
{
    Archive row = archive;
    row.raw = QJsonObject();
    return row;
}

QString ArchiveListModel::shared(const QString &text)
{
    if (text.isEmpty())
        return text;
    const auto it = m_shared.constFind(text);
    if (it != m_shared.cend())
        return *it;
    if (m_shared.size() >= MaxSharedStrings)
        m_shared.clear(); // rows keep their copies; sharing starts over
    m_shared.insert(text);
    return text;
}

Archive ArchiveListModel::forRow(const Archive &archive)
{
    Archive row = withoutRaw(archive);
    row.statusString = shared(row.statusString);
    row.reason = shared(row.reason);
    row.sessionId = shared(row.sessionId);
    row.projectId = shared(row.projectId);
    row.resolution = shared(row.resolution);
    row.multiArchiveTag = shared(row.multiArchiveTag);
    return row;
}

void ArchiveListModel::applyChanged(const Archive &archive)
{
    if (!accepts(archive))
        return;
    if (m_refreshing)
        m_seen.insert(archive.id);
    const int at = rowOf(archive.id);
    // A poll or list answer that changed nothing must not repaint or re-sort the views. Rows
    // hold no raw JSON: compare without it (and without copying when there is none).
    if (at >= 0
        && (archive.raw.isEmpty() ? this->at(at) == archive : this->at(at) == withoutRaw(archive)))
        return;
    upsert(forRow(archive));
}

void ArchiveListModel::applyDeleted(const QString &archiveId)
{
    m_seen.remove(archiveId);
    removeById(archiveId);
}

void ArchiveListModel::applyLoaded(const ListQuery &, const ArchiveList &page)
{
    QList<Archive> fresh;
    fresh.reserve(page.items.size());
    for (const Archive &archive : page.items) {
        if (!accepts(archive))
            continue;
        if (contains(archive.id)) {
            applyChanged(archive); // notes it as seen
            continue;
        }
        if (m_refreshing)
            m_seen.insert(archive.id);
        fresh.append(forRow(archive));
    }
    upsertAll(std::move(fresh));
}

void ArchiveListModel::reserve(int rows)
{
    KeyedTableModel<Archive>::reserve(rows);
    if (m_refreshing)
        m_seen.reserve(rows);
}

quint64 ArchiveListModel::startRefresh()
{
    m_refreshing = true;
    m_seen.clear();
    return beginRefresh();
}

bool ArchiveListModel::finishRefresh(quint64 ticket)
{
    if (!isCurrent(ticket) || !m_refreshing)
        return false;
    m_refreshing = false;
    QStringList gone;
    for (const Archive &archive : items()) {
        if (!m_seen.contains(archive.id))
            gone << archive.id;
    }
    m_seen.clear();
    for (const QString &id : std::as_const(gone))
        removeById(id);
    return true;
}

void ArchiveListModel::abandonRefresh()
{
    m_refreshing = false;
    m_seen.clear();
}

void ArchiveListModel::touchRunning()
{
    if (m_lastRunning > 0)
        touchColumnWhere(DurationColumn, [](const Archive &a) { return isRunning(a.status); });
}

} // namespace otadmin
