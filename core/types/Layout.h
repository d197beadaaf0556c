// SPDX-License-Identifier: GPL-3.0-or-later
// Composed-output layout of archives and broadcasts (reference §5.7, §6.6).
#pragma once

#include "types/FieldError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace otadmin {

/// Longest custom stylesheet we send, in characters. The reference gives no limit; 10,000
/// is far beyond any real layout CSS and keeps a pasted file from becoming a request body.
inline constexpr int kMaxLayoutStylesheetLength = 10000;

/// How the streams of a composed archive or broadcast are arranged. Only composed outputs
/// have layouts.
struct Layout
{
    enum class Type
    {
        BestFit,
        Pip,
        VerticalPresentation,
        HorizontalPresentation,
        Custom
    };

    Type type = Type::BestFit;
    /// CSS targeting layout classes; required with Custom, must be empty otherwise.
    QString stylesheet;
    /// Layout used while a screen-sharing stream is present; only with BestFit (and no
    /// stylesheet), and never Custom.
    std::optional<Type> screenshareType;

    /// Fields are relative ("type", "stylesheet", "screenshareType"); callers that embed the
    /// layout prefix them with "layout.".
    Validation validate() const;
    /// {"type": …, ["stylesheet": …], ["screenshareType": …]}.
    QJsonObject toJson() const;
    /// `type` is required and must be a known type (the service rejects unknown ones too).
    static std::optional<Layout> fromJson(const QJsonValue &json, QString *error = nullptr);

    friend bool operator==(const Layout &, const Layout &) = default;
};

/// "bestFit", "pip", "verticalPresentation", "horizontalPresentation", "custom".
QString toApiString(Layout::Type type);
std::optional<Layout::Type> layoutTypeFromString(const QString &text);

} // namespace otadmin
