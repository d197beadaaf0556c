// SPDX-License-Identifier: GPL-3.0-or-later
// SIP dial and DTMF endpoints.
#include "api/SipApi.h"

#include "auth/ClientToken.h"
#include "types/Common.h"

namespace otadmin {

namespace {
const QString SessionIdField = QStringLiteral("sessionId");
const QString ConnectionIdField = QStringLiteral("connectionId");
const QString SessionSegment = QStringLiteral("session");
const QString PlayDtmfSegment = QStringLiteral("play-dtmf");

/// "sip=" + uri, at most MaxConnectionDataChars UTF-16 units (so at most as many code
/// points), never ending in half a surrogate pair.
QString sipConnectionData(const QString &uri)
{
    QString data = QStringLiteral("sip=") + uri;
    if (data.size() > ClientTokenLimits::MaxConnectionDataChars) {
        data.truncate(ClientTokenLimits::MaxConnectionDataChars);
        if (data.back().isHighSurrogate())
            data.chop(1);
    }
    return data;
}
} // namespace

ApiReply *SipApi::dial(const SipDialOptions &options)
{
    SipDialOptions effective = options;
    if (effective.token.isEmpty()) {
        // Check everything else first, so that a bad URI is reported as such and no token is
        // signed for a request that will not be sent.
        SipDialOptions probe = options;
        probe.token = QStringLiteral("generated");
        if (auto error = probe.validate())
            return reject(*error, Idempotency::NonIdempotent);
        const Credentials &project = client()->projectCredentials();
        if (!project.isComplete())
            return reject(FieldError {QStringLiteral("projectCredentials"),
                              tr("generating the SIP leg's token needs the project API key and "
                                 "secret; none are set")},
                Idempotency::NonIdempotent);
        ClientTokenOptions tokenOptions;
        tokenOptions.role = TokenRole::Publisher;
        tokenOptions.format = TokenFormat::Jwt;
        tokenOptions.connectionData = sipConnectionData(options.uri);
        const ClientTokenResult token = generateClientToken(project.apiKey, project.apiSecret,
            options.sessionId, tokenOptions, client()->clock(), client()->random());
        if (!token.ok())
            return reject(
                prefixed(QStringLiteral("token"), token.error)
                    .value_or(FieldError {QStringLiteral("token"), tr("could not be generated")}),
                Idempotency::NonIdempotent);
        effective.token = token.token;
    }
    if (auto error = effective.validate())
        return reject(*error, Idempotency::NonIdempotent);
    const auto request =
        ApiRequest::post(projectPath({QStringLiteral("dial")}), effective.toJson());
    const QString sessionId = options.sessionId;
    return send(request, parserFor<SipCall>(), [this, sessionId](const ApiReply &reply) {
        Q_EMIT sipCallStarted(sessionId, reply.resultAs<SipCall>());
    });
}

ApiReply *SipApi::playDtmf(const QString &sessionId, const QString &digits)
{
    if (auto error =
            firstError({validateSessionId(SessionIdField, sessionId), validateDtmfDigits(digits)}))
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::post(
        projectPath({SessionSegment, sessionId, PlayDtmfSegment}), dtmfToJson(digits));
    return send(request, {}, [this, sessionId, digits](const ApiReply &) {
        Q_EMIT dtmfPlayed(sessionId, QString(), digits);
    });
}

ApiReply *SipApi::playDtmfToConnection(
    const QString &sessionId, const QString &connectionId, const QString &digits)
{
    if (auto error = firstError({validateSessionId(SessionIdField, sessionId),
            validateId(ConnectionIdField, connectionId), validateDtmfDigits(digits)}))
        return reject(*error, Idempotency::NonIdempotent);
    const auto request =
        ApiRequest::post(projectPath({SessionSegment, sessionId, QStringLiteral("connection"),
                             connectionId, PlayDtmfSegment}),
            dtmfToJson(digits));
    return send(request, {}, [this, sessionId, connectionId, digits](const ApiReply &) {
        Q_EMIT dtmfPlayed(sessionId, connectionId, digits);
    });
}

} // namespace otadmin
