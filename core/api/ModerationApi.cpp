// SPDX-License-Identifier: GPL-3.0-or-later
// Signals, disconnects, streams and force mute.
#include "api/ModerationApi.h"

#include "types/Common.h"

namespace otadmin {

namespace {
const QString SessionIdField = QStringLiteral("sessionId");
const QString ConnectionIdField = QStringLiteral("connectionId");
const QString StreamIdField = QStringLiteral("streamId");
const QString SessionSegment = QStringLiteral("session");
const QString ConnectionSegment = QStringLiteral("connection");
const QString StreamSegment = QStringLiteral("stream");
} // namespace

ApiReply *ModerationApi::sendSignal(const QString &sessionId, const SignalPayload &payload)
{
    if (auto error = firstError({validateSessionId(SessionIdField, sessionId), payload.validate()}))
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::post(
        projectPath({SessionSegment, sessionId, QStringLiteral("signal")}), payload.toJson());
    return send(request, {}, [this, sessionId, payload](const ApiReply &) {
        Q_EMIT signalSent(sessionId, QString(), payload);
    });
}

ApiReply *ModerationApi::sendSignalToConnection(
    const QString &sessionId, const QString &connectionId, const SignalPayload &payload)
{
    if (auto error = firstError({validateSessionId(SessionIdField, sessionId),
            validateId(ConnectionIdField, connectionId), payload.validate()}))
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::post(projectPath({SessionSegment, sessionId, ConnectionSegment,
                                              connectionId, QStringLiteral("signal")}),
        payload.toJson());
    return send(request, {}, [this, sessionId, connectionId, payload](const ApiReply &) {
        Q_EMIT signalSent(sessionId, connectionId, payload);
    });
}

ApiReply *ModerationApi::forceDisconnect(const QString &sessionId, const QString &connectionId)
{
    if (auto error = firstError({validateSessionId(SessionIdField, sessionId),
            validateId(ConnectionIdField, connectionId)}))
        return reject(*error, Idempotency::Idempotent);
    const auto request =
        ApiRequest::del(projectPath({SessionSegment, sessionId, ConnectionSegment, connectionId}));
    return send(request, {}, [this, sessionId, connectionId](const ApiReply &) {
        Q_EMIT connectionDisconnected(sessionId, connectionId);
    });
}

ApiReply *ModerationApi::listConnections(const QString &sessionId)
{
    if (auto error = validateSessionId(SessionIdField, sessionId))
        return reject(*error, Idempotency::Read);
    const auto request =
        ApiRequest::get(projectPath({SessionSegment, sessionId, ConnectionSegment}));
    return send(request, parserFor<ConnectionList>(), [this, sessionId](const ApiReply &reply) {
        Q_EMIT connectionsLoaded(sessionId, reply.resultAs<ConnectionList>());
    });
}

ApiReply *ModerationApi::listStreams(const QString &sessionId)
{
    if (auto error = validateSessionId(SessionIdField, sessionId))
        return reject(*error, Idempotency::Read);
    const auto request = ApiRequest::get(projectPath({SessionSegment, sessionId, StreamSegment}));
    return send(request, parserFor<StreamList>(), [this, sessionId](const ApiReply &reply) {
        Q_EMIT streamsLoaded(sessionId, reply.resultAs<StreamList>());
    });
}

ApiReply *ModerationApi::getStream(const QString &sessionId, const QString &streamId)
{
    if (auto error = firstError(
            {validateSessionId(SessionIdField, sessionId), validateId(StreamIdField, streamId)}))
        return reject(*error, Idempotency::Read);
    const auto request =
        ApiRequest::get(projectPath({SessionSegment, sessionId, StreamSegment, streamId}));
    return send(request, parserFor<Stream>(), [this, sessionId](const ApiReply &reply) {
        Q_EMIT streamLoaded(sessionId, reply.resultAs<Stream>());
    });
}

ApiReply *ModerationApi::setStreamClasses(
    const QString &sessionId, const QList<StreamClassChange> &changes)
{
    if (auto error = firstError(
            {validateSessionId(SessionIdField, sessionId), validateStreamClassChanges(changes)}))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::put(
        projectPath({SessionSegment, sessionId, StreamSegment}), streamClassChangesToJson(changes));
    return send(request, {}, [this, sessionId, changes](const ApiReply &) {
        Q_EMIT streamClassesChanged(sessionId, changes);
    });
}

ApiReply *ModerationApi::muteStream(const QString &sessionId, const QString &streamId)
{
    if (auto error = firstError(
            {validateSessionId(SessionIdField, sessionId), validateId(StreamIdField, streamId)}))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::postEmpty(
        projectPath({SessionSegment, sessionId, StreamSegment, streamId, QStringLiteral("mute")}),
        Idempotency::Idempotent);
    return send(request, {},
        [this, sessionId, streamId](const ApiReply &) { Q_EMIT streamMuted(sessionId, streamId); });
}

ApiReply *ModerationApi::muteAll(const QString &sessionId, const MuteAllOptions &options)
{
    if (auto error = firstError({validateSessionId(SessionIdField, sessionId), options.validate()}))
        return reject(*error, Idempotency::Idempotent);
    const auto request =
        ApiRequest::post(projectPath({SessionSegment, sessionId, QStringLiteral("mute")}),
            options.toJson(), Idempotency::Idempotent);
    return send(request, {}, [this, sessionId, options](const ApiReply &) {
        Q_EMIT sessionMuteChanged(sessionId, options);
    });
}

} // namespace otadmin
