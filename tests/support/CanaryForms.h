// SPDX-License-Identifier: GPL-3.0-or-later
// Every encoded form in which a secret canary could leak (RELIABILITY G-SEC-1, G-SEC-2).
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace otadmin::test {

/// Raw, base64, base64url, hex (both cases), percent-encoded and UTF-16LE forms of `canary`.
inline QList<QByteArray> canaryForms(const QByteArray &canary)
{
    const QString text = QString::fromUtf8(canary);
    const QByteArray utf16le(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    return {canary, canary.toBase64(),
        canary.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
        canary.toHex(), canary.toHex().toUpper(), QUrl::toPercentEncoding(text), utf16le};
}

} // namespace otadmin::test
