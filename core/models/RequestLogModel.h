// SPDX-License-Identifier: GPL-3.0-or-later
// The request log as a table: time, method, path, status, duration, error (already redacted).
#pragma once

#include "net/RequestLog.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace otadmin {

/// Mirrors a RequestLog: the entries present when the model is created, then one row per
/// entryAdded (the oldest rows go when the log's capacity is exceeded) and a reset on cleared.
/// Entries are redacted by the log, so every cell is safe to show and copy.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        DurationColumn,
        ErrorColumn,
        ColumnCount
    };

    explicit RequestLogModel(RequestLog *log, int capacity = 2000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const RequestLogEntry &entry(int row) const { return m_entries.at(row); }

private:
    void append(const RequestLogEntry &entry);
    void reset();

    QPointer<RequestLog> m_log;
    QList<RequestLogEntry> m_entries;
    int m_capacity;
};

} // namespace otadmin
