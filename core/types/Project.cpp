// SPDX-License-Identifier: GPL-3.0-or-later
// Projects managed with account credentials (reference §9).
#include "types/Project.h"

#include "types/Common.h"
#include "types/JsonReader.h"

#include <QJsonArray>

namespace otadmin {

QString toApiString(ProjectStatus status)
{
    switch (status) {
    case ProjectStatus::Active:
        return QStringLiteral("ACTIVE");
    case ProjectStatus::Suspended:
        return QStringLiteral("SUSPENDED");
    case ProjectStatus::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

ProjectStatus projectStatusFromString(const QString &text)
{
    if (text.compare(QLatin1String("ACTIVE"), Qt::CaseInsensitive) == 0
        || text.compare(QLatin1String("VALID"), Qt::CaseInsensitive) == 0)
        return ProjectStatus::Active;
    if (text.compare(QLatin1String("SUSPENDED"), Qt::CaseInsensitive) == 0)
        return ProjectStatus::Suspended;
    return ProjectStatus::Unknown;
}

QJsonObject projectStatusToJson(ProjectStatus status)
{
    return QJsonObject {{QStringLiteral("status"), toApiString(status)}};
}

std::optional<Project> Project::fromJson(const QJsonValue &json, QString *error)
{
    JsonReader r(json);
    Project p;
    r.readId(QStringLiteral("id"), p.id, JsonReader::Required);
    r.read(QStringLiteral("secret"), p.secret);
    r.read(QStringLiteral("status"), p.statusString);
    r.read(QStringLiteral("name"), p.name);
    if (r.has(QStringLiteral("environment")))
        r.read(QStringLiteral("environment"), p.environment);
    else
        r.read(QStringLiteral("environmentName"), p.environment);
    r.read(QStringLiteral("environmentDescription"), p.environmentDescription);
    r.read(QStringLiteral("createdAt"), p.createdAt);
    r.read(QStringLiteral("updatedAt"), p.updatedAt);
    if (!r.ok()) {
        reportError(error, r.error());
        return std::nullopt;
    }
    p.status = projectStatusFromString(p.statusString);
    p.raw = r.object();
    return p;
}

std::optional<QList<Project>> projectsFromJson(const QJsonValue &json, QString *error)
{
    if (!json.isArray()) {
        reportError(error, JsonReader::mismatch(QStringLiteral("an array"), json));
        return std::nullopt;
    }
    QList<Project> projects;
    QString message;
    if (!JsonReader::readElements(json.toArray(), QString(), projects, message)) {
        reportError(error, message);
        return std::nullopt;
    }
    return projects;
}

Validation ProjectCreateOptions::validate() const
{
    if (name.isEmpty())
        return std::nullopt;
    return validateText(QStringLiteral("name"), name, 1, kMaxProjectNameLength);
}

QJsonObject ProjectCreateOptions::toJson() const
{
    if (name.isEmpty())
        return {};
    return QJsonObject {{QStringLiteral("name"), name}};
}

} // namespace otadmin
