// SPDX-License-Identifier: GPL-3.0-or-later
// Reference §4: signals, force disconnect, connections, streams, layout classes, force mute.
#pragma once

#include "api/AreaApi.h"
#include "types/Mute.h"
#include "types/Signal.h"
#include "types/Stream.h"

namespace otadmin {

/// Everything done to the participants of a live session. IDs are validated locally (a
/// malformed one never reaches the network); whether a connection or stream exists is the
/// service's answer (404).
class ModerationApi : public AreaApi
{
    Q_OBJECT
public:
    using AreaApi::AreaApi;

    /// POST .../session/{id}/signal — to every connection. 204. Not idempotent (a repeat is
    /// delivered twice). Limits: type 128 bytes, data 8 kB (413 from the service otherwise).
    ApiReply *sendSignal(const QString &sessionId, const SignalPayload &payload);
    /// POST .../session/{id}/connection/{connectionId}/signal — to one connection.
    ApiReply *sendSignalToConnection(
        const QString &sessionId, const QString &connectionId, const SignalPayload &payload);
    /// DELETE .../session/{id}/connection/{connectionId}. 204; a repeat answers 404.
    ApiReply *forceDisconnect(const QString &sessionId, const QString &connectionId);
    /// GET .../session/{id}/connection. Result: ConnectionList.
    ApiReply *listConnections(const QString &sessionId);
    /// GET .../session/{id}/stream. Result: StreamList (published streams only).
    ApiReply *listStreams(const QString &sessionId);
    /// GET .../session/{id}/stream/{streamId}. Result: Stream.
    ApiReply *getStream(const QString &sessionId, const QString &streamId);
    /// PUT .../session/{id}/stream — set the layout classes of several streams at once
    /// (an empty list clears a stream's classes). Idempotent.
    ApiReply *setStreamClasses(const QString &sessionId, const QList<StreamClassChange> &changes);
    /// POST .../session/{id}/stream/{streamId}/mute — mute one stream's audio. Idempotent.
    ApiReply *muteStream(const QString &sessionId, const QString &streamId);
    /// POST .../session/{id}/mute with `active: true` — mute every stream (also those
    /// published later) except `excludedStreamIds`; with `active: false` stop muting new
    /// streams (already muted ones stay muted). Idempotent.
    ApiReply *muteAll(const QString &sessionId, const MuteAllOptions &options);

Q_SIGNALS:
    /// `connectionId` is empty for a signal to the whole session.
    void signalSent(const QString &sessionId, const QString &connectionId,
        const otadmin::SignalPayload &payload);
    void connectionDisconnected(const QString &sessionId, const QString &connectionId);
    void connectionsLoaded(const QString &sessionId, const otadmin::ConnectionList &connections);
    void streamsLoaded(const QString &sessionId, const otadmin::StreamList &streams);
    void streamLoaded(const QString &sessionId, const otadmin::Stream &stream);
    void streamClassesChanged(
        const QString &sessionId, const QList<otadmin::StreamClassChange> &changes);
    void streamMuted(const QString &sessionId, const QString &streamId);
    void sessionMuteChanged(const QString &sessionId, const otadmin::MuteAllOptions &options);
};

} // namespace otadmin
