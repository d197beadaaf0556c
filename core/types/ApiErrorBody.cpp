// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON body of an error response, {"code": 404, "message": "…"} (reference §1.4).
#include "types/ApiErrorBody.h"

#include "types/JsonReader.h"

namespace otadmin {

std::optional<ApiErrorBody> ApiErrorBody::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    ApiErrorBody body;
    QString codeText;
    r.readId(QStringLiteral("code"), codeText);
    r.read(QStringLiteral("message"), body.message);
    if (r.ok() && !codeText.isEmpty()) {
        bool ok = false;
        body.code = codeText.toInt(&ok);
        if (!ok)
            r.fail(QStringLiteral("code"),
                QStringLiteral("expected a status code, got \"%1\"").arg(codeText.left(40)));
    }
    if (r.ok() && !r.has(QStringLiteral("code")) && !r.has(QStringLiteral("message")))
        r.fail(QStringLiteral("message"), QStringLiteral("missing required field"));
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    body.raw = r.object();
    return body;
}

} // namespace otadmin
