// SPDX-License-Identifier: GPL-3.0-or-later
// The client connections of one session, fed by ModerationApi's connection signals.
#pragma once

#include "models/KeyedTableModel.h"
#include "types/Stream.h"

namespace otadmin {

/// Follows one session at a time (setSession()). The owner connects
/// ModerationApi::connectionsLoaded to load() and ModerationApi::connectionDisconnected to
/// removeConnection(); answers for another session are ignored.
class ConnectionListModel : public KeyedTableModel<Connection>
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        StateColumn,
        CreatedColumn,
        ColumnCount
    };

    explicit ConnectionListModel(QObject *parent = nullptr);

    /// Empties the model and follows `sessionId` (empty: none).
    void setSession(const QString &sessionId);
    QString sessionId() const { return m_sessionId; }

    /// Replaces the rows when `sessionId` is the followed one; false otherwise.
    bool load(const QString &sessionId, const ConnectionList &connections);
    /// Drops a disconnected connection; false for another session or an unknown ID.
    bool removeConnection(const QString &sessionId, const QString &connectionId);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_sessionId;
};

} // namespace otadmin
