// SPDX-License-Identifier: GPL-3.0-or-later
// Timing-safe comparison for signatures (JWT HS256, T1 HMAC-SHA1).
#pragma once

#include <QByteArrayView>

namespace otadmin::ConstantTime {

/// True when both byte strings are identical. The time taken depends only on the lengths,
/// never on where the first difference is, so a verifier cannot be used as an oracle to
/// guess a signature byte by byte. (Signature lengths are public, so a length mismatch may
/// return early.)
bool equals(QByteArrayView a, QByteArrayView b);

} // namespace otadmin::ConstantTime
