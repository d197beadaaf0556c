// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON body of an error response, {"code": 404, "message": "…"} (reference §1.4).
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace otadmin {

/// What the service says about a failed call. Go and Node rely on `message` only, so `code`
/// may be missing (0). The message is server text: redact before showing or logging.
struct ApiErrorBody
{
    /// Usually repeats the HTTP status; 0 when absent. Accepted as a number or a numeric string.
    int code = 0;
    QString message;
    QJsonObject raw;

    /// Needs an object with at least one of `code` and `message`; an empty body is handled by
    /// the caller (it is not JSON).
    static std::optional<ApiErrorBody> fromJson(const QJsonValue &json, QString *error = nullptr);
};

} // namespace otadmin
