// SPDX-License-Identifier: GPL-3.0-or-later
// Reference §7: SIP dial-out and DTMF tones to SIP participants.
#pragma once

#include "api/AreaApi.h"
#include "types/Sip.h"

namespace otadmin {

/// Connects a session to a phone or SIP endpoint. The SIP leg joins the session as a
/// connection with a stream; end the call with ModerationApi::forceDisconnect on
/// SipCall::connectionId. Neither the SIP auth password nor the token ever reaches a signal.
class SipApi : public AreaApi
{
    Q_OBJECT
public:
    using AreaApi::AreaApi;

    /// POST .../dial. Result: SipCall. 404 unknown session, 409 relayed session.
    /// NOT idempotent: every call creates another SIP leg, so it is never retried; after an
    /// unknown outcome look the session's connections up instead of dialling again.
    ///
    /// When `options.token` is empty, a client token is generated locally (like the Go SDK):
    /// JWT format, role publisher, the default expiry (24 h), signed with the client's
    /// project credentials, clock and random source, with connection data "sip=<uri>" cut to
    /// the 1000-character limit so other participants can tell the SIP leg apart. A fresh
    /// token is minted for every call. A token given by the caller is sent unchanged.
    ApiReply *dial(const SipDialOptions &options);
    /// POST .../session/{id}/play-dtmf — to every SIP participant of the session.
    /// Digits `0-9 * # p` (p = 500 ms pause). Not idempotent: a repeat plays the tones again.
    ApiReply *playDtmf(const QString &sessionId, const QString &digits);
    /// POST .../session/{id}/connection/{connectionId}/play-dtmf — to one SIP participant.
    /// 404 when that connection is not (or no longer) connected. Not idempotent.
    ApiReply *playDtmfToConnection(
        const QString &sessionId, const QString &connectionId, const QString &digits);

Q_SIGNALS:
    /// The call carries IDs only; the dial options (token, SIP password) are not repeated.
    void sipCallStarted(const QString &sessionId, const otadmin::SipCall &call);
    /// `connectionId` is empty when the tones went to every SIP participant.
    void dtmfPlayed(const QString &sessionId, const QString &connectionId, const QString &digits);
};

} // namespace otadmin
