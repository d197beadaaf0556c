// SPDX-License-Identifier: GPL-3.0-or-later
// Verifies X-OPENTOK-AUTH REST JWTs the way the service does (reference §1.2).
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace otadmin::sandbox {

class JwtVerifier
{
public:
    struct Result
    {
        bool ok = false;
        QString message; // why it was refused (sent in the 403 body)
        QString issuer; // the `iss` claim, once the token parsed
    };

    // Returns the secret for an issuer, or an empty string when the issuer is unknown.
    using SecretLookup = std::function<QByteArray(const QString &issuer)>;

    // expectedIssuer: empty = any issuer the lookup knows (POST /session/create has no key in the
    // path). expectedIst: "project" or "account". nowSecs: the sandbox clock in Unix seconds.
    // Rules: alg HS256 only; typ optional (Java omits it) but "JWT" when present; claims in any
    // order; iat/exp integers; exp > now; 0 <= exp - iat <= 300; jti optional.
    static Result verify(const QByteArray &token, const QString &expectedIssuer,
        const QString &expectedIst, qint64 nowSecs, const SecretLookup &lookup);

    // HS256-signs a compact token; used by the sandbox's own tests and tools only.
    static QByteArray sign(
        const QByteArray &headerJson, const QByteArray &payloadJson, const QByteArray &secret);

    static constexpr qint64 maxLifetimeSecs = 300;
};

} // namespace otadmin::sandbox
