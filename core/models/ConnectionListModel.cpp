// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionListModel: the connections table of the Sessions panel.
#include "models/ConnectionListModel.h"

#include "models/Format.h"

namespace otadmin {

ConnectionListModel::ConnectionListModel(QObject *parent)
    : KeyedTableModel<Connection>([](const Connection &c) { return c.connectionId; }, parent)
{
}

void ConnectionListModel::setSession(const QString &sessionId)
{
    clear();
    m_sessionId = sessionId;
}

bool ConnectionListModel::load(const QString &sessionId, const ConnectionList &connections)
{
    if (sessionId.isEmpty() || sessionId != m_sessionId)
        return false;
    return replaceAll(beginRefresh(), connections.items);
}

bool ConnectionListModel::removeConnection(const QString &sessionId, const QString &connectionId)
{
    if (sessionId.isEmpty() || sessionId != m_sessionId)
        return false;
    return removeById(connectionId);
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Connection &c = at(index.row());
    if (role == ModelRole::Id)
        return c.connectionId;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return elideMiddle(c.connectionId, 8);
        case StateColumn:
            return c.connectionState;
        case CreatedColumn:
            return formatLocalTime(c.createdAt);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return c.connectionId;
        if (index.column() == CreatedColumn)
            return formatUtcTime(c.createdAt);
        break;
    case ModelRole::Status:
        // Badge keywords: connected reads as running, the others as waiting/grey.
        if (index.column() == StateColumn)
            return c.connectionState.toLower();
        break;
    case ModelRole::Sort:
        if (index.column() == CreatedColumn)
            return c.createdAt;
        if (index.column() == IdColumn)
            return c.connectionId;
        return c.connectionState.toLower();
    case ModelRole::Export:
        if (index.column() == IdColumn)
            return c.connectionId;
        if (index.column() == CreatedColumn)
            return formatUtcTime(c.createdAt);
        return c.connectionState;
    }
    return {};
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel<Connection>::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Connection ID");
    case StateColumn:
        return tr("State");
    case CreatedColumn:
        return tr("Connected since");
    }
    return {};
}

} // namespace otadmin
