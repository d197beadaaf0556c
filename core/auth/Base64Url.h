// SPDX-License-Identifier: GPL-3.0-or-later
// base64url (RFC 4648 §5) without padding, the encoding of JWT segments and session IDs.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace otadmin::Base64Url {

/// URL-safe alphabet (`-`, `_`) with no trailing `=`, as JWT compact serialisation requires.
QByteArray encode(const QByteArray &data);

/// Appends what encode() returns to `out`, with no temporary. For token signing, where the
/// segments are built into one reserved buffer.
void appendEncoded(QByteArray &out, QByteArrayView data);

/// Appends standard base64 (`+`, `/`, `=` padding): QByteArray::toBase64() with its defaults,
/// byte for byte. Not base64url; lives here so both encoders share one loop (T1 tokens).
void appendStandard(QByteArray &out, QByteArrayView data);

/// Strict decode of the URL-safe alphabet. Padding is optional (JWTs and session IDs omit
/// it); returns std::nullopt on any character outside the alphabet, on a misplaced `=` or on
/// an impossible length, instead of silently returning the bytes decoded so far.
std::optional<QByteArray> decode(QByteArrayView text);

} // namespace otadmin::Base64Url
