// SPDX-License-Identifier: GPL-3.0-or-later
// base64url encode/decode on top of QByteArray's base64 options.
#include "auth/Base64Url.h"

namespace otadmin::Base64Url {

QByteArray encode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> decode(QByteArrayView text)
{
    // One leftover character can never come from a whole number of bytes.
    QByteArray padded = text.toByteArray();
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
