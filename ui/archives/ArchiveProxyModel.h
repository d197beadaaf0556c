// SPDX-License-Identifier: GPL-3.0-or-later
// The archives table's sort and filter: running archives first, text filter on full values.
#pragma once

#include <QSortFilterProxyModel>

namespace otadmin {

/// Sorts by ModelRole::Sort with started/paused archives always on top (in either order),
/// filters on every column's full value (ModelRole::Export, so a pasted full ID matches an
/// elided cell) and tints failed rows.
class ArchiveProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ArchiveProxyModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Rows where any column contains `text` (case-insensitive); empty shows every row.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace otadmin
