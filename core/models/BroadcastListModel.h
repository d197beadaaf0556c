// SPDX-License-Identifier: GPL-3.0-or-later
// The broadcasts table: one row per broadcast ID, fed by BroadcastsApi::broadcastChanged.
#pragma once

#include "models/KeyedTableModel.h"
#include "types/Broadcast.h"

#include <functional>

namespace otadmin {

/// Rows of Broadcast keyed by ID. The owner connects BroadcastsApi::broadcastChanged to
/// upsert() (every start, stop, get and listed item emits it) and fills refreshes with
/// replaceAll(). The Elapsed column of running broadcasts depends on the clock: the owner
/// calls touchRunning() once a second so views repaint it. Stream names (RTMP stream
/// keys) are secrets: no role of this model returns them, not even Export.
class BroadcastListModel : public KeyedTableModel<Broadcast>
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        SessionColumn,
        StatusColumn,
        TargetsColumn,
        CreatedColumn,
        ElapsedColumn,
        ResolutionColumn,
        MaxDurationColumn,
        HlsUrlColumn,
        ColumnCount
    };

    /// Worst state of the row's outputs ("offline", "connecting", "live" or empty). Answered
    /// for every column; ModelRole::Attention carries it when it is a failure state, and
    /// ModelRole::Running is true for a started broadcast.
    static constexpr int OutputStateRole = ModelRole::Export + 10;

    explicit BroadcastListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Unix milliseconds "now" for elapsed times (default: the system clock).
    void setNow(std::function<qint64()> now) { m_now = std::move(now); }
    /// Broadcasts whose status is started.
    int runningCount() const;
    /// dataChanged for the elapsed column of started broadcasts only (call once a second).
    void touchRunning();

    /// "HLS · 2 RTMP: 1 live, 1 offline"; "HLS" alone; "1 RTMP: 1 connecting". Target states
    /// only while the broadcast runs ("HLS · 2 RTMP" once stopped).
    static QString targetsSummary(const Broadcast &broadcast);
    /// Worst state of HLS and the RTMP targets: "offline" (also for unknown states such as
    /// "error"), else "connecting", else "live" (HLS "ready" counts as live); empty without
    /// outputs or once stopped.
    static QString outputState(const Broadcast &broadcast);
    /// An RTMP stream key made safe to show: the last four characters of a key of at least
    /// 12 characters behind bullets ("••••5f2a"), otherwise Redactor::Placeholder.
    static QString maskStreamName(const QString &streamName);

private:
    QVariant display(const Broadcast &b, int column) const;
    QVariant sortValue(const Broadcast &b, int column) const;
    QVariant exportValue(const Broadcast &b, int column) const;
    QString toolTip(const Broadcast &b, int column) const;
    qint64 elapsedSeconds(const Broadcast &b) const;

    std::function<qint64()> m_now;
};

} // namespace otadmin
