// SPDX-License-Identifier: GPL-3.0-or-later
// Body of the send-signal calls (reference §4.1).
#include "types/Signal.h"

#include "types/Common.h"

namespace otadmin {

Validation SignalPayload::validate() const
{
    if (auto v = validateUtf8Bytes(QStringLiteral("type"), type, kMaxSignalTypeBytes, false))
        return v;
    return validateUtf8Bytes(QStringLiteral("data"), data, kMaxSignalDataBytes, true);
}

QJsonObject SignalPayload::toJson() const
{
    QJsonObject json {{QStringLiteral("data"), data}};
    if (!type.isEmpty())
        json.insert(QStringLiteral("type"), type);
    return json;
}

} // namespace otadmin
