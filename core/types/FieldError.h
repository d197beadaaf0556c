// SPDX-License-Identifier: GPL-3.0-or-later
// The result of validating user input: which field is wrong and why, before anything is sent.
#pragma once

#include <QString>

#include <optional>

namespace otadmin {

/// One rejected input. `field` is the API's name for it (e.g. "maxBitrate", "sip.uri",
/// "outputs.rtmp[2].serverUrl"); `message` is a full sentence naming the limit
/// ("must be between 100000 and 6000000 bits per second").
struct FieldError
{
    QString field;
    QString message;

    /// "field: message", for logs and error banners.
    QString toString() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

/// What every validator returns: std::nullopt when the input is acceptable.
using Validation = std::optional<FieldError>;

} // namespace otadmin
