// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastSortProxy: running first, then the chosen column; text filter; failure tint.
#include "broadcasts/BroadcastSortProxy.h"

#include "common/StatusBadge.h"
#include "models/BroadcastListModel.h"

#include <QColor>

namespace otadmin {

BroadcastSortProxy::BroadcastSortProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRole::Sort);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void BroadcastSortProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

QVariant BroadcastSortProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::BackgroundRole) {
        const QString state =
            QSortFilterProxyModel::data(index, BroadcastListModel::OutputStateRole).toString();
        if (isFailureStatus(state)) {
            QColor tint = statusColor(state);
            tint.setAlpha(40);
            return tint;
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

bool BroadcastSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftRunning = left.data(BroadcastListModel::RunningRole).toBool();
    const bool rightRunning = right.data(BroadcastListModel::RunningRole).toBool();
    if (leftRunning != rightRunning) {
        // Running first in either order: the view reverses lessThan for descending sorts.
        return sortOrder() == Qt::AscendingOrder ? leftRunning : rightRunning;
    }
    const QVariant l = left.data(ModelRole::Sort);
    const QVariant r = right.data(ModelRole::Sort);
    return QVariant::compare(l, r) == QPartialOrdering::Less;
}

bool BroadcastSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QString &text = m_text;
    if (text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        const QModelIndex index = model->index(sourceRow, column, sourceParent);
        if (index.data(Qt::DisplayRole).toString().contains(text, Qt::CaseInsensitive)
            || index.data(ModelRole::Export).toString().contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace otadmin
