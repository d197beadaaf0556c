// SPDX-License-Identifier: GPL-3.0-or-later
// The published streams of one session, fed by ModerationApi's stream signals.
#pragma once

#include "models/KeyedTableModel.h"
#include "types/Stream.h"

namespace otadmin {

/// Follows one session at a time (setSession()). The owner connects
/// ModerationApi::streamsLoaded to load() and ModerationApi::streamClassesChanged to
/// applyClassChanges(); answers for any other session are ignored, so a late answer for the
/// previously selected session never shows under the new one.
class StreamListModel : public KeyedTableModel<Stream>
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        NameColumn,
        VideoTypeColumn,
        LayoutClassesColumn,
        ColumnCount
    };

    explicit StreamListModel(QObject *parent = nullptr);

    /// Empties the model and follows `sessionId` (empty: none).
    void setSession(const QString &sessionId);
    QString sessionId() const { return m_sessionId; }

    /// Replaces the rows with `streams` when `sessionId` is the followed one; false otherwise.
    bool load(const QString &sessionId, const StreamList &streams);
    /// Sets the new class lists of the streams it knows; false for another session.
    bool applyClassChanges(const QString &sessionId, const QList<StreamClassChange> &changes);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_sessionId;
};

} // namespace otadmin
