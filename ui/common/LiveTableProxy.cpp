// SPDX-License-Identifier: GPL-3.0-or-later
// LiveTableProxy: running-first sorting, full-value filtering, attention tint.
#include "common/LiveTableProxy.h"

#include "common/StatusBadge.h"
#include "models/KeyedTableModel.h"

#include <QColor>

namespace otadmin {

LiveTableProxy::LiveTableProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRole::Sort);
    setDynamicSortFilter(true);
    setSortLocaleAware(true);
}

QVariant LiveTableProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::BackgroundRole) {
        const QString attention = index.data(ModelRole::Attention).toString();
        if (!attention.isEmpty()) {
            QColor tint = statusColor(attention);
            tint.setAlpha(48);
            return tint;
        }
    }
    return QSortFilterProxyModel::data(index, role);
}

void LiveTableProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool LiveTableProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftRunning = left.data(ModelRole::Running).toBool();
    const bool rightRunning = right.data(ModelRole::Running).toBool();
    if (leftRunning != rightRunning) {
        // A descending sort shows b before a when lessThan(b, a): answer so that running rows
        // come first whichever way the column is sorted.
        return sortOrder() == Qt::AscendingOrder ? leftRunning : rightRunning;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

bool LiveTableProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        const QModelIndex index = model->index(sourceRow, column, sourceParent);
        if (index.data(ModelRole::Export).toString().contains(m_text, Qt::CaseInsensitive)
            || index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace otadmin
