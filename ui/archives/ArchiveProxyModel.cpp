// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveProxyModel: running-first sorting, full-value filtering, failed-row tint.
#include "archives/ArchiveProxyModel.h"

#include "common/StatusBadge.h"
#include "models/ArchiveListModel.h"

#include <QColor>

namespace otadmin {

namespace {
bool isRunningStatus(const QVariant &status)
{
    return ArchiveListModel::isRunning(archiveStatusFromString(status.toString()));
}
} // namespace

ArchiveProxyModel::ArchiveProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRole::Sort);
    setDynamicSortFilter(true);
    setSortLocaleAware(true);
}

QVariant ArchiveProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::BackgroundRole
        && index.data(ModelRole::Status).toString() == QLatin1String("failed")) {
        QColor tint = statusColor(QStringLiteral("failed"));
        tint.setAlpha(48);
        return tint;
    }
    return QSortFilterProxyModel::data(index, role);
}

void ArchiveProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ArchiveProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftRunning = isRunningStatus(left.data(ModelRole::Status));
    const bool rightRunning = isRunningStatus(right.data(ModelRole::Status));
    if (leftRunning != rightRunning) {
        // Descending order shows b before a when lessThan(b, a): answer so that running
        // archives come first whichever way the column is sorted.
        return sortOrder() == Qt::AscendingOrder ? leftRunning : rightRunning;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool ArchiveProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QString needle = m_text;
    if (needle.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        const QModelIndex index = model->index(sourceRow, column, sourceParent);
        if (index.data(ModelRole::Export).toString().contains(needle, Qt::CaseInsensitive)
            || index.data(Qt::DisplayRole).toString().contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace otadmin
