// SPDX-License-Identifier: GPL-3.0-or-later
// The SIP calls dialled from this app in this run, fed by SipApi::sipCallStarted.
#pragma once

#include "models/KeyedTableModel.h"
#include "types/Sip.h"

namespace otadmin {

/// One dialled call. The service has no "list SIP calls" endpoint, so the app only knows the
/// calls it made itself; the dial answer (SipCall) lacks the session and the time, which the
/// owner adds from the signal and its clock.
struct SipCallRecord
{
    QString sessionId;
    SipCall call;
    /// When the dial answer arrived, Unix **milliseconds**.
    qint64 dialedAtMs = 0;
    /// The SIP URI dialled, when the dialler said it (SipApi's signal carries IDs only).
    QString uri;
    /// The SIP leg's connection was force-disconnected (ModerationApi::connectionDisconnected).
    bool ended = false;
};

/// Rows keyed by SIP call ID, newest last (views sort through a proxy). Owners connect
/// SipApi::sipCallStarted to addCall(), ModerationApi::connectionDisconnected to
/// markDisconnected(), and clear() on Workspace::profileActivated.
class SipCallModel : public KeyedTableModel<SipCallRecord>
{
    Q_OBJECT

public:
    enum Column
    {
        DialedAt,
        Status,
        Uri,
        Session,
        CallId,
        ConnectionId,
        StreamId,
        ColumnCount
    };

    explicit SipCallModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Adds the call (or updates it, keeping a URI already known). `atMs`: Unix milliseconds.
    void addCall(const QString &sessionId, const SipCall &call, qint64 atMs);
    /// Records the dialled URI of a call already added; false when the call is unknown.
    bool setUri(const QString &callId, const QString &uri);
    /// Marks the call whose SIP leg is this connection of this session as ended; false when
    /// no call matches.
    bool markDisconnected(const QString &sessionId, const QString &connectionId);
    /// Calls not ended.
    int activeCount() const;
};

} // namespace otadmin
