// SPDX-License-Identifier: GPL-3.0-or-later
// Body of the send-signal calls (reference §4.1).
#pragma once

#include "types/FieldError.h"

#include <QJsonObject>
#include <QString>

namespace otadmin {

/// Limits of §4.1, in bytes of UTF-8 (the service answers 413 beyond them): type 128 bytes,
/// data "8 kB", taken as 8192 bytes.
inline constexpr int kMaxSignalTypeBytes = 128;
inline constexpr int kMaxSignalDataBytes = 8192;

/// A signal to every connection of a session or to one connection.
struct SignalPayload
{
    /// Optional label clients filter on; empty = not sent. At most 128 UTF-8 bytes and no
    /// control characters. The reference names no character set, so nothing else is refused.
    QString type;
    /// Always sent (never null; the empty string is allowed). At most 8192 UTF-8 bytes; any
    /// text including newlines, but valid Unicode.
    QString data;

    /// Fields "type" and "data"; messages name the limit in bytes.
    Validation validate() const;
    /// {"type": …, "data": …} or {"data": …}.
    QJsonObject toJson() const;
};

} // namespace otadmin
