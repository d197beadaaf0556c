// SPDX-License-Identifier: GPL-3.0-or-later
// SIP dial-out options, the dial answer and DTMF digits (reference §7).
#pragma once

#include "types/FieldError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace otadmin {

/// Longest SIP URI, `from` and header value we send, in characters. The reference gives no
/// limit; SIP itself has none, but 1024 is far beyond any real URI and keeps INVITEs sane.
inline constexpr int kMaxSipUriLength = 1024;
/// Longest DTMF string, in digits (pauses included). The reference gives no limit; 256 is
/// over two minutes of pauses.
inline constexpr int kMaxDtmfDigits = 256;

/// Body of POST /v2/project/{apiKey}/dial (§7.1). The three booleans are always sent
/// (Node omits false ones, Java always sends them; explicit is unambiguous).
struct SipDialOptions
{
    QString sessionId;
    /// Client token the SIP leg connects with (a secret: never log).
    QString token;
    /// `sip:` or `sips:` URI with `user@host` or `host`; `;transport=tls` for TLS signalling.
    QString uri;
    /// Caller identity `user@domain`; empty = not sent.
    QString from;
    /// Custom INVITE headers, in order; names are RFC 7230 tokens, values without CR/LF.
    /// Names must be unique (case-insensitively): they become keys of a JSON object.
    QList<QPair<QString, QString>> headers;
    /// Digest auth for the SIP provider; username required when a password is given.
    QString username;
    /// A secret: never log.
    QString password;
    /// SRTP media encryption.
    bool secure = false;
    bool video = false;
    bool observeForceMute = false;
    /// Stream IDs the SIP participant receives; empty = all (not sent).
    QStringList streams;

    /// Fields: "sessionId", "token", "sip.uri", "sip.from", "sip.headers[2]",
    /// "sip.auth.username", "sip.auth.password", "sip.streams[0]".
    Validation validate() const;
    QJsonObject toJson() const;
};

/// The dial answer. End the call by force-disconnecting `connectionId` (§4.2), so it is
/// required along with `id`.
struct SipCall
{
    QString id;
    QString connectionId;
    /// The stream published by the SIP leg; may be absent.
    QString streamId;
    QJsonObject raw;

    static std::optional<SipCall> fromJson(const QJsonValue &json, QString *error = nullptr);
};

/// `^[0-9*#p]+$` (p = 500 ms pause, §7.2), at most kMaxDtmfDigits. Field "digits".
Validation validateDtmfDigits(const QString &digits);
/// {"digits": digits}.
QJsonObject dtmfToJson(const QString &digits);

} // namespace otadmin
