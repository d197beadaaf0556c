// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's start-up settings and credential formats: QtCore only, for hosts that build the
// server later, elsewhere (the desktop app loads it as a module at its first call).
#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

namespace otadmin::sandbox {

struct SandboxConfig
{
    QString apiKey, apiSecret; // empty = generate (8-digit key, 40-hex secret)
    QString accountKey, accountSecret; // empty = generate
    int archiveProcessingMs = 1000; // stopped -> available/uploaded
    int rtmpConnectMs = 1000; // connecting -> live (RTMP targets and HLS)
};

/// An API key in the service's format: 8 digits.
inline QString newApiKey()
{
    return QString::number(QRandomGenerator::global()->bounded(10000000, 100000000));
}

/// An API secret in the service's format: 40 hex digits (20 random bytes).
inline QString newSecret()
{
    QByteArray bytes(20, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 5);
    return QString::fromLatin1(bytes.toHex());
}

} // namespace otadmin::sandbox
