// SPDX-License-Identifier: GPL-3.0-or-later
// Compact HS256 JSON Web Tokens (RFC 7519), used for X-OPENTOK-AUTH and JWT client tokens.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace otadmin::Jwt {

/// The header every token we mint carries (reference §1.2 and §3.3).
inline constexpr char Hs256Header[] = R"({"alg":"HS256","typ":"JWT"})";

/// Signs already-serialised header and payload JSON. The caller serialises, because the
/// exact bytes (key order, spacing) decide the token string and the test vectors depend
/// on them; QJsonDocument would reorder keys alphabetically. `secret` is used as raw bytes
/// (the UTF-8 API secret, not hex-decoded).
QByteArray signHs256(
    const QByteArray &headerJson, const QByteArray &payloadJson, const QByteArray &secret);

/// A token split into its parts. `signingInput` is the first two segments exactly as they
/// appeared ("header.payload"), which is what the signature covers.
struct Decoded
{
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput;
    QByteArray signature;
};

/// Splits and decodes a compact JWT without checking its signature. Fails (with a sentence
/// in `error`) unless there are exactly three base64url segments whose first two are JSON
/// objects.
std::optional<Decoded> decode(QByteArrayView token, QString *error = nullptr);

/// True only if the header says `alg` = `HS256` (anything else, `none` included, is
/// refused) and the HMAC-SHA256 of the signing input matches, compared in constant time.
/// An empty secret never verifies.
bool verifyHs256(const Decoded &decoded, const QByteArray &secret);

} // namespace otadmin::Jwt
