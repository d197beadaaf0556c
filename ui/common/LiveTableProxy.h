// SPDX-License-Identifier: GPL-3.0-or-later
// Sort and filter for live lists: running rows on top, full-value text filter, failure tint.
#pragma once

#include <QCollator>
#include <QList>
#include <QSortFilterProxyModel>
#include <QTimer>

#include <optional>

namespace otadmin {

/// Used by the archive and broadcast tables. Rows whose ModelRole::Running is true stay above
/// the others whatever the sort column and order; within each group rows sort by
/// ModelRole::Sort (a QString by the locale's collation, a QByteArray — for IDs, URLs and
/// keywords, where collation is slow and means nothing — byte by byte). The filter text matches any
/// column's display text or full value (ModelRole::Export, so a pasted full ID matches an elided
/// cell), case-insensitively. Rows with a ModelRole::Attention keyword get a tint of its badge
/// colour.
///
/// Why it caches: a 10,000-row table sorted through data() (a QVariant and a locale-aware
/// compare per comparison) or filtered through two roles of every column per keystroke stalls
/// the GUI thread for 50–120 ms. The proxy keeps, per source row, the sort key of the sort
/// column and one case-folded text of the row for the filter. Both are computed on first use
/// and dropped for exactly the rows a source signal touches (dataChanged, inserts, removals,
/// resets), before QSortFilterProxyModel re-sorts or re-filters them, so answers never go stale.
/// The filter texts exist only while a filter is set. When a filter is set and more than a
/// few hundred rows have no text yet, the texts are built a few milliseconds per
/// event-loop turn and the new filter applies once they are ready (filterPending() meanwhile,
/// then filterApplied()); the rows shown until then are the previous filter's.
class LiveTableProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LiveTableProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Rows where any column contains `text`; empty shows every row (and frees the filter
    /// texts).
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    /// The filter text changed but the row texts it needs are still being built.
    bool filterPending() const { return m_applied != m_needle; }

Q_SIGNALS:
    /// The filter text set last now decides which rows show.
    void filterApplied();

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    struct SortKey
    {
        enum Kind : quint8
        {
            Null,
            Integer,
            Real,
            Bytes, // machine text (IDs, URLs, keywords): byte order, no collation
            Text
        };
        bool running = false;
        Kind kind = Null;
        qint64 integer = 0;
        double real = 0;
        QByteArray bytes;
        std::optional<QCollatorSortKey> text;
    };

    /// The key of `sourceRow` in m_keyColumn; its slot must exist (lessThan() sizes the list).
    const SortKey &sortKey(int sourceRow) const;
    const QByteArray &rowText(int sourceRow) const;
    QByteArray buildRowText(int sourceRow) const;
    void forgetRows(int first, int last);
    void sourceRowsInserted(int first, int last);
    void sourceRowsRemoved(int first, int last);
    void forgetAll();
    /// Builds missing row texts for at most `budgetMSecs` (all of them for a negative budget);
    /// true when none is missing.
    bool buildRowTexts(qint64 budgetMSecs);
    void applyFilter();

    QString m_text;
    QByteArray m_needle; // m_text case-folded, UTF-8
    QByteArray m_applied; // the needle rows are filtered by (m_needle unless pending)
    QTimer *m_prepare;
    mutable QCollator m_collator;
    mutable int m_keyColumn = -1;
    mutable QList<std::optional<SortKey>> m_keys; // by source row, for m_keyColumn
    mutable QList<QByteArray> m_rows; // by source row (null = not built); empty without a filter
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace otadmin
