// SPDX-License-Identifier: GPL-3.0-or-later
// Account administration endpoints, signed with the account credentials.
#include "api/AccountApi.h"

#include "types/Common.h"

namespace otadmin {

namespace {
const QString ProjectKeyField = QStringLiteral("projectKey");

QString projectsPath(std::initializer_list<QString> segments = {})
{
    return apiPath({QStringLiteral("v2"), QStringLiteral("project")}) + apiPath(segments);
}

Validation validateProjectKey(const QString &key)
{
    if (auto error = validateId(ProjectKeyField, key))
        return error;
    for (const QChar c : key) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return FieldError {ProjectKeyField,
                QStringLiteral("must be a project API key, which has digits only")};
    }
    return std::nullopt;
}

QVariant parseProjects(const QJsonDocument &json, QString *error)
{
    const QJsonValue value = json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object());
    if (std::optional<QList<Project>> projects = projectsFromJson(value, error))
        return QVariant::fromValue(std::move(*projects));
    return {};
}
} // namespace

ApiReply *AccountApi::listProjects()
{
    const auto request = ApiRequest::get(projectsPath()).signedByAccount();
    return send(request, parseProjects,
        [this](const ApiReply &reply) { Q_EMIT projectsLoaded(reply.resultAs<QList<Project>>()); });
}

ApiReply *AccountApi::getProject(const QString &projectKey)
{
    if (auto error = validateProjectKey(projectKey))
        return reject(*error, Idempotency::Read);
    const auto request = ApiRequest::get(projectsPath({projectKey})).signedByAccount();
    return send(request, parserFor<Project>(),
        [this](const ApiReply &reply) { Q_EMIT projectChanged(reply.resultAs<Project>()); });
}

ApiReply *AccountApi::createProject(const ProjectCreateOptions &options)
{
    if (auto error = options.validate())
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::post(projectsPath(), options.toJson()).signedByAccount();
    return send(request, parserFor<Project>(),
        [this](const ApiReply &reply) { Q_EMIT projectChanged(reply.resultAs<Project>()); });
}

ApiReply *AccountApi::setProjectStatus(const QString &projectKey, ProjectStatus status)
{
    const Validation statusError = status == ProjectStatus::Unknown
        ? Validation(
            FieldError {QStringLiteral("status"), QStringLiteral("must be ACTIVE or SUSPENDED")})
        : std::nullopt;
    if (auto error = firstError({validateProjectKey(projectKey), statusError}))
        return reject(*error, Idempotency::Idempotent);
    const auto request =
        ApiRequest::put(projectsPath({projectKey}), projectStatusToJson(status)).signedByAccount();
    return send(request, parserFor<Project>(),
        [this](const ApiReply &reply) { Q_EMIT projectChanged(reply.resultAs<Project>()); });
}

ApiReply *AccountApi::deleteProject(const QString &projectKey)
{
    if (auto error = validateProjectKey(projectKey))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::del(projectsPath({projectKey})).signedByAccount();
    return send(
        request, {}, [this, projectKey](const ApiReply &) { Q_EMIT projectDeleted(projectKey); });
}

ApiReply *AccountApi::refreshSecret(const QString &projectKey)
{
    if (auto error = validateProjectKey(projectKey))
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::postEmpty(
        projectsPath({projectKey, QStringLiteral("refreshSecret")}), Idempotency::NonIdempotent)
                             .signedByAccount();
    return send(request, parserFor<Project>(), [this](const ApiReply &reply) {
        Q_EMIT projectSecretRefreshed(reply.resultAs<Project>());
    });
}

} // namespace otadmin
