// SPDX-License-Identifier: GPL-3.0-or-later
// Sorts the broadcasts table with running broadcasts on top and filters it by typed text.
#pragma once

#include <QSortFilterProxyModel>

namespace otadmin {

/// Running broadcasts stay above stopped ones whatever the sort column and order; within
/// each group rows sort by ModelRole::Sort. The filter text matches any column's display
/// text or full ID (case-insensitive). Rows whose outputs went offline get a red tint.
class BroadcastSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BroadcastSortProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace otadmin
