// SPDX-License-Identifier: GPL-3.0-or-later
// Sort and filter for live lists: running rows on top, full-value text filter, failure tint.
#pragma once

#include <QSortFilterProxyModel>

namespace otadmin {

/// Used by the archive and broadcast tables. Rows whose ModelRole::Running is true stay above
/// the others whatever the sort column and order; within each group rows sort by
/// ModelRole::Sort. The filter text matches any column's display text or full value
/// (ModelRole::Export, so a pasted full ID matches an elided cell), case-insensitively. Rows
/// with a ModelRole::Attention keyword get a tint of its badge colour.
class LiveTableProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LiveTableProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Rows where any column contains `text`; empty shows every row.
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace otadmin
