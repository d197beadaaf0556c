// SPDX-License-Identifier: GPL-3.0-or-later
// Body of the mute-all call, POST /session/{id}/mute (reference §4.6).
#pragma once

#include "types/FieldError.h"

#include <QJsonObject>
#include <QStringList>

namespace otadmin {

/// Mute every stream of a session (active = true; streams published later are muted too),
/// optionally sparing some, or end that state (active = false; muted streams stay muted).
struct MuteAllOptions
{
    bool active = true;
    /// Sent as `excludedStreamIds`, the documented name (Python and Go SDKs use others that the
    /// service ignores). Only meaningful with active = true.
    QStringList excludedStreamIds;

    /// Fields "excludedStreamIds" and "excludedStreamIds[i]" (validateId).
    Validation validate() const;
    /// {"active": b} plus "excludedStreamIds" when non-empty.
    QJsonObject toJson() const;
};

} // namespace otadmin
