// SPDX-License-Identifier: GPL-3.0-or-later
// Minting of the X-OPENTOK-AUTH REST JWT.
#include "auth/RestJwt.h"

#include "auth/Jwt.h"
#include "auth/OrderedJson.h"

namespace otadmin::RestJwt {

QString issuerTypeName(IssuerType ist)
{
    return ist == IssuerType::Account ? QStringLiteral("account") : QStringLiteral("project");
}

QByteArray mint(const QString &apiKey, const QByteArray &secret, IssuerType ist, qint64 iatSecs,
    const QByteArray &jti)
{
    const QByteArray payload = OrderedJson()
                                   .addString(QStringLiteral("iss"), apiKey)
                                   .addString(QStringLiteral("ist"), issuerTypeName(ist))
                                   .addInteger(QStringLiteral("iat"), iatSecs)
                                   .addInteger(QStringLiteral("exp"), iatSecs + LifetimeSecs)
                                   .addString(QStringLiteral("jti"), QString::fromLatin1(jti))
                                   .toJson();
    return Jwt::signHs256(QByteArray(Jwt::Hs256Header), payload, secret);
}

QByteArray mint(const QString &apiKey, const QByteArray &secret, IssuerType ist, const Clock &clock,
    RandomSource &random)
{
    return mint(apiKey, secret, ist, clock.nowSecs(), newJti(random));
}

QByteArray newJti(RandomSource &random)
{
    QByteArray raw = random.bytes(16);
    if (raw.size() < 16) // a misbehaving source must not shorten the UUID
        raw += QByteArray(16 - raw.size(), '\0');
    raw.truncate(16);
    raw[6] = char((quint8(raw[6]) & 0x0f) | 0x40); // version 4
    raw[8] = char((quint8(raw[8]) & 0x3f) | 0x80); // RFC 4122 variant
    // 8-4-4-4-12 lowercase hex digits, written in place (QByteArray::toHex() and five slices
    // cost a microsecond per token).
    static constexpr char Hex[] = "0123456789abcdef";
    QByteArray out(36, Qt::Uninitialized);
    char *o = out.data();
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *o++ = '-';
        *o++ = Hex[quint8(raw[i]) >> 4];
        *o++ = Hex[quint8(raw[i]) & 15];
    }
    return out;
}

} // namespace otadmin::RestJwt
