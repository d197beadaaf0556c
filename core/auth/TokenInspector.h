// SPDX-License-Identifier: GPL-3.0-or-later
// Decodes and checks a client token of either format, for the token inspector and tests.
#pragma once

#include "auth/ClientToken.h"
#include "auth/Clock.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace otadmin {

struct TokenInspection
{
    TokenFormat format = TokenFormat::Jwt;
    /// Every field for display, in token order for T1 (partner_id, sig, then the data
    /// fields as written); for JWT the header (as "header.alg", ...) then the claims in
    /// the usual claim order, unknown claims last. Values are decoded text.
    QList<QPair<QString, QString>> fields;
    QString apiKey; ///< T1 partner_id, JWT iss
    QString sessionId;
    QString role;
    QString connectionData;
    QStringList layoutClasses;
    std::optional<qint64> createTime; ///< Unix seconds
    std::optional<qint64> expireTime; ///< Unix seconds; unset when the token has none (PHP T1)

    enum class Signature
    {
        NotChecked,
        Valid,
        Invalid
    };
    Signature signature = Signature::NotChecked;

    /// The first that applies: Malformed, BadSignature, Expired (expiry before now),
    /// Valid. Valid with Signature::NotChecked only means "well-formed and not expired".
    enum class Verdict
    {
        Valid,
        Expired,
        BadSignature,
        Malformed
    };
    Verdict verdict = Verdict::Malformed;
    QString error; ///< why it is Malformed, for display
};

/// T1: "T1==" + base64 in the standard or Java's URL-safe alphabet, padded or not; split at
/// the first ':'; data parsed as a form with both '+' and %20 meaning space; the HMAC-SHA1
/// is recomputed over the embedded data bytes. JWT: three base64url parts, HS256 only.
/// An empty `secret` leaves the signature NotChecked; comparisons are constant-time.
TokenInspection inspectToken(const QString &token, const QByteArray &secret, const Clock &clock);

} // namespace otadmin
