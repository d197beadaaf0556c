// SPDX-License-Identifier: GPL-3.0-or-later
// Base of the list models: rows of value types keyed by ID, upserted from the area signals.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <algorithm>
#include <functional>
#include <optional>

namespace otadmin {

/// Roles every list model answers besides Qt's own.
namespace ModelRole {
/// The row's ID (archive ID, broadcast ID, ...), whatever the column.
inline constexpr int Id = Qt::UserRole + 1;
/// A value that sorts correctly (numbers and times as numbers); the views' proxy sorts by it.
inline constexpr int Sort = Qt::UserRole + 2;
/// A status keyword (e.g. "started", "failed") for the status badge delegate; empty if none.
inline constexpr int Status = Qt::UserRole + 3;
/// A plain value for export (JSON/CSV): full IDs, ISO times, numbers unformatted.
inline constexpr int Export = Qt::UserRole + 4;
/// True (for every column) while the row's object is live — a recording archive, a started
/// broadcast — so views keep it on top.
inline constexpr int Running = Qt::UserRole + 5;
/// A failure keyword ("failed", "offline", ...) when the row needs attention, answered for
/// every column, so views tint the whole row; empty otherwise.
inline constexpr int Attention = Qt::UserRole + 6;
} // namespace ModelRole

/// Rows of `T`, one per ID, in arrival order (views sort through a proxy). Models never make
/// network calls: whoever owns one connects it to an area signal (upsert, removeById) or fills
/// it from a list answer (replaceAll). Stale answers are dropped by generation: take a ticket
/// with beginRefresh() when a refresh starts and hand it to replaceAll() when it answers; a
/// ticket older than the latest beginRefresh() or clear() is refused. Subclasses say how to
/// read an ID and what each column shows.
template<typename T>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using IdOf = std::function<QString(const T &)>;

    explicit KeyedTableModel(IdOf idOf, QObject *parent = nullptr)
        : QAbstractTableModel(parent), m_idOf(std::move(idOf))
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_items.size());
    }

    const QList<T> &items() const { return m_items; }
    const T &at(int row) const { return m_items.at(row); }
    /// -1 when absent.
    int rowOf(const QString &id) const { return m_rows.value(id, -1); }
    bool contains(const QString &id) const { return m_rows.contains(id); }
    std::optional<T> find(const QString &id) const
    {
        const int row = rowOf(id);
        return row < 0 ? std::nullopt : std::optional<T>(m_items.at(row));
    }

    /// Replaces the row with the same ID (dataChanged for the whole row) or appends one.
    void upsert(const T &item)
    {
        const QString id = m_idOf(item);
        if (id.isEmpty())
            return;
        const int row = rowOf(id);
        if (row >= 0) {
            m_items[row] = item;
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
            return;
        }
        const int at = int(m_items.size());
        beginInsertRows({}, at, at);
        m_items.append(item);
        m_rows.insert(id, at);
        endInsertRows();
    }

    /// upsert() for many: one insertion for all new rows (cheap for a 1000-item page). A
    /// page's own duplicates keep their first copy.
    void upsertAll(QList<T> items)
    {
        QList<T> fresh;
        fresh.reserve(items.size());
        for (T &item : items) {
            const QString id = m_idOf(item);
            if (id.isEmpty())
                continue;
            if (contains(id))
                upsert(item);
            else
                fresh.append(std::move(item));
        }
        if (fresh.isEmpty())
            return;
        // The index learns the new rows first, one hash operation each, which also drops the
        // page's own duplicates. (Only rowsAboutToBeInserted runs while it is ahead of the
        // rows, and nothing answering it looks rows up by ID.)
        const int first = int(m_items.size());
        qsizetype kept = 0;
        for (T &item : fresh) {
            const qsizetype known = m_rows.size();
            int &row = m_rows[m_idOf(item)];
            if (m_rows.size() == known)
                continue; // a duplicate within the page
            row = first + int(kept);
            if (&fresh[kept] != &item)
                fresh[kept] = std::move(item);
            ++kept;
        }
        fresh.resize(kept);
        beginInsertRows({}, first, first + int(kept) - 1);
        m_items.append(std::move(fresh));
        endInsertRows();
    }

    /// Room for `rows` rows in all, so a list arriving page by page does not grow (copy and
    /// rehash) the rows and their index at every page. Never shrinks.
    void reserve(int rows)
    {
        m_items.reserve(rows);
        m_rows.reserve(rows);
    }

    bool removeById(const QString &id)
    {
        const int row = rowOf(id);
        if (row < 0)
            return false;
        beginRemoveRows({}, row, row);
        m_items.removeAt(row);
        reindex();
        endRemoveRows();
        return true;
    }

    /// Empties the model and invalidates every outstanding refresh ticket.
    void clear()
    {
        ++m_generation;
        if (m_items.isEmpty())
            return;
        beginResetModel();
        m_items.clear();
        m_rows.clear();
        endResetModel();
    }

    /// A ticket for a refresh that is about to start.
    quint64 beginRefresh() { return ++m_generation; }
    bool isCurrent(quint64 ticket) const { return ticket == m_generation; }

    /// The full answer of a refresh: rows not in `items` go, the others are upserted. Returns
    /// false, changing nothing, for a stale ticket.
    bool replaceAll(quint64 ticket, const QList<T> &items)
    {
        if (!isCurrent(ticket))
            return false;
        beginResetModel();
        m_items.clear();
        m_rows.clear();
        for (const T &item : items) {
            const QString id = m_idOf(item);
            if (id.isEmpty() || m_rows.contains(id))
                continue;
            m_rows.insert(id, int(m_items.size()));
            m_items.append(item);
        }
        endResetModel();
        return true;
    }

    /// Tells views that row contents changed without new data (e.g. elapsed time ticks).
    void touchColumn(int column)
    {
        if (!m_items.isEmpty())
            Q_EMIT dataChanged(index(0, column), index(int(m_items.size()) - 1, column));
    }

    /// touchColumn() for the rows where `pred` holds only, one dataChanged per consecutive
    /// run: a ticking elapsed time of 3 live rows among 10,000 makes views re-sort and
    /// re-filter 3 rows, not all of them.
    template<typename Pred>
    void touchColumnWhere(int column, Pred pred)
    {
        const int rows = int(m_items.size());
        for (int row = 0; row < rows; ++row) {
            if (!pred(m_items.at(row)))
                continue;
            const int first = row;
            while (row + 1 < rows && pred(m_items.at(row + 1)))
                ++row;
            Q_EMIT dataChanged(index(first, column), index(row, column));
        }
    }

protected:
    QString idAt(int row) const { return m_idOf(m_items.at(row)); }

private:
    void reindex()
    {
        m_rows.clear();
        for (int row = 0; row < m_items.size(); ++row)
            m_rows.insert(m_idOf(m_items.at(row)), row);
    }

    IdOf m_idOf;
    QList<T> m_items;
    QHash<QString, int> m_rows;
    quint64 m_generation = 0;
};

} // namespace otadmin
