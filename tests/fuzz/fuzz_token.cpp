// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the token inspector (T1 and JWT) and Jwt::decode.
#include "FuzzUtil.h"

#include "auth/Clock.h"
#include "auth/Jwt.h"
#include "auth/TokenInspector.h"

using namespace otadmin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const FixedClock clock(1700000000000);
    static const QByteArray secret = "0123456789abcdef0123456789abcdef01234567";
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto decoded = Jwt::decode(bytes, &error);
    if (decoded.has_value() == !error.isEmpty())
        __builtin_trap();
    if (decoded)
        (void)Jwt::verifyHs256(*decoded, secret);
    const QString token = fuzz::utf8(data, size);
    const TokenInspection checked = inspectToken(token, secret, clock);
    const TokenInspection unchecked = inspectToken(token, QByteArray(), clock);
    if (unchecked.signature != TokenInspection::Signature::NotChecked)
        __builtin_trap();
    if ((checked.verdict == TokenInspection::Verdict::Malformed)
        != (unchecked.verdict == TokenInspection::Verdict::Malformed))
        __builtin_trap();
    return 0;
}
