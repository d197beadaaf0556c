// SPDX-License-Identifier: GPL-3.0-or-later
// Body of the mute-all call, POST /session/{id}/mute (reference §4.6).
#include "types/Mute.h"

#include "types/Common.h"

#include <QJsonArray>

namespace otadmin {

Validation MuteAllOptions::validate() const
{
    if (!active && !excludedStreamIds.isEmpty())
        return FieldError {QStringLiteral("excludedStreamIds"),
            QStringLiteral("is only allowed when active is true")};
    for (qsizetype i = 0; i < excludedStreamIds.size(); ++i) {
        if (auto v =
                validateId(QStringLiteral("excludedStreamIds[%1]").arg(i), excludedStreamIds[i]))
            return v;
    }
    return std::nullopt;
}

QJsonObject MuteAllOptions::toJson() const
{
    QJsonObject json {{QStringLiteral("active"), active}};
    if (!excludedStreamIds.isEmpty())
        json.insert(
            QStringLiteral("excludedStreamIds"), QJsonArray::fromStringList(excludedStreamIds));
    return json;
}

} // namespace otadmin
