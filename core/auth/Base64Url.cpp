// SPDX-License-Identifier: GPL-3.0-or-later
// base64url encode/decode on top of QByteArray's base64 options.
#include "auth/Base64Url.h"

namespace otadmin::Base64Url {

namespace {

constexpr char StandardAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char UrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// QByteArray::toBase64() goes a byte at a time through a temporary; tokens are base64 from
// end to end, so this was a visible share of each one (docs/performance.md).
void append(QByteArray &out, QByteArrayView data, const char *alphabet, bool pad)
{
    const qsizetype whole = data.size() / 3 * 3;
    const qsizetype rest = data.size() - whole;
    const qsizetype length = data.size() / 3 * 4 + (rest == 0 ? 0 : pad ? 4 : rest + 1);
    const qsizetype start = out.size();
    out.resize(start + length);
    const auto *in = reinterpret_cast<const uchar *>(data.data());
    char *o = out.data() + start;
    for (qsizetype i = 0; i < whole; i += 3) {
        const uint v = (uint(in[i]) << 16) | (uint(in[i + 1]) << 8) | uint(in[i + 2]);
        *o++ = alphabet[v >> 18];
        *o++ = alphabet[(v >> 12) & 63];
        *o++ = alphabet[(v >> 6) & 63];
        *o++ = alphabet[v & 63];
    }
    if (rest == 0)
        return;
    const uint v = (uint(in[whole]) << 16) | (rest == 2 ? uint(in[whole + 1]) << 8 : 0);
    *o++ = alphabet[v >> 18];
    *o++ = alphabet[(v >> 12) & 63];
    if (rest == 2)
        *o++ = alphabet[(v >> 6) & 63];
    else if (pad)
        *o++ = '=';
    if (pad)
        *o++ = '=';
}

} // namespace

QByteArray encode(const QByteArray &data)
{
    QByteArray out;
    appendEncoded(out, data);
    return out;
}

void appendEncoded(QByteArray &out, QByteArrayView data)
{
    append(out, data, UrlAlphabet, false);
}

void appendStandard(QByteArray &out, QByteArrayView data)
{
    append(out, data, StandardAlphabet, true);
}

std::optional<QByteArray> decode(QByteArrayView text)
{
    // One leftover character can never come from a whole number of bytes.
    QByteArray padded;
    padded.reserve(text.size() + 2); // room for the padding put back below
    padded.append(text);
    while (padded.endsWith('='))
        padded.chop(1);
    if (padded.size() % 4 == 1)
        return std::nullopt;
    while (padded.size() % 4 != 0)
        padded.append('=');
    auto result = QByteArray::fromBase64Encoding(
        padded, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return std::move(result.decoded);
}

} // namespace otadmin::Base64Url
