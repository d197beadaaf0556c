// SPDX-License-Identifier: GPL-3.0-or-later
// RequestLogModel: rows of the redacted request log.
#include "models/RequestLogModel.h"

#include "models/Format.h"
#include "models/KeyedTableModel.h"

namespace otadmin {

RequestLogModel::RequestLogModel(RequestLog *log, int capacity, QObject *parent)
    : QAbstractTableModel(parent),
      m_log(log),
      m_entries(log->entries()),
      m_capacity(qMax(1, capacity))
{
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
    connect(log, &RequestLog::entryAdded, this, &RequestLogModel::append);
    connect(log, &RequestLog::cleared, this, &RequestLogModel::reset);
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const RequestLogEntry &e = m_entries.at(index.row());
    const qint64 ms = e.startedAt.toMSecsSinceEpoch();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case MethodColumn:
            return QString::fromLatin1(e.method);
        case PathColumn: {
            QString path = e.url.path(QUrl::FullyDecoded);
            if (e.url.hasQuery())
                path += QLatin1Char('?') + e.url.query(QUrl::FullyDecoded);
            return e.attempt > 1 ? tr("%1 (attempt %2)").arg(path).arg(e.attempt) : path;
        }
        case StatusColumn:
            return e.httpStatus ? QVariant(e.httpStatus) : QVariant(QStringLiteral("\u2014"));
        case DurationColumn:
            return tr("%1 ms").arg(e.durationMSecs);
        case ErrorColumn:
            return e.error;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return formatUtcTime(ms);
        if (index.column() == ErrorColumn || index.column() == PathColumn)
            return index.column() == ErrorColumn ? e.error : e.url.toString();
        break;
    case ModelRole::Sort:
        switch (index.column()) {
        case TimeColumn:
            return ms;
        case StatusColumn:
            return e.httpStatus;
        case DurationColumn:
            return e.durationMSecs;
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRole::Status:
        if (index.column() == StatusColumn)
            return !e.error.isEmpty() ? QStringLiteral("failed") : QStringLiteral("ok");
        break;
    case ModelRole::Export:
        switch (index.column()) {
        case TimeColumn:
            return formatUtcTime(ms);
        case StatusColumn:
            return e.httpStatus;
        case DurationColumn:
            return e.durationMSecs;
        default:
            return data(index, Qt::DisplayRole);
        }
    case ModelRole::Id:
        return e.requestId;
    default:
        break;
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case DurationColumn:
        return tr("Duration");
    case ErrorColumn:
        return tr("Error");
    }
    return {};
}

void RequestLogModel::append(const RequestLogEntry &entry)
{
    if (m_entries.size() >= m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_entries.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void RequestLogModel::reset()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

} // namespace otadmin
