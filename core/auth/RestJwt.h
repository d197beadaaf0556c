// SPDX-License-Identifier: GPL-3.0-or-later
// The X-OPENTOK-AUTH JWT that authenticates every REST call (reference §1.2).
#pragma once

#include "auth/Clock.h"
#include "auth/RandomSource.h"

#include <QByteArray>
#include <QString>

namespace otadmin {

/// The `ist` claim: `Project` for every endpoint except the account-management calls of
/// §9 (projects and their secrets), which need the account key/secret and `Account`.
enum class IssuerType
{
    Project,
    Account
};

namespace RestJwt {

/// `exp - iat` in seconds: the documented recommendation (the server allows up to 300), so
/// a local clock a little behind still yields a token the server accepts.
constexpr int LifetimeSecs = 180;

/// Deterministic form for tests and vectors. Payload, compact and in this key order:
/// `iss`, `ist`, `iat`, `exp` (= iat + LifetimeSecs), `jti`. `iatSecs` is Unix seconds.
QByteArray mint(const QString &apiKey, const QByteArray &secret, IssuerType ist, qint64 iatSecs,
    const QByteArray &jti);

/// What RestClient calls once per request: `iat` from `clock` (whole seconds, rounded
/// down), and a fresh `jti` from `random`. Never cache the result; a JWT is not reused.
QByteArray mint(const QString &apiKey, const QByteArray &secret, IssuerType ist, const Clock &clock,
    RandomSource &random);

/// A random UUID string (RFC 4122 version 4, lowercase, 36 characters). 128 bits are
/// drawn from `random`; the 6 version/variant bits are then fixed, leaving 122 random bits.
QByteArray newJti(RandomSource &random);

/// "project" or "account".
QString issuerTypeName(IssuerType ist);

} // namespace RestJwt
} // namespace otadmin
