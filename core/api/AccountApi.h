// SPDX-License-Identifier: GPL-3.0-or-later
// Reference §9: account administration — list, create, suspend, delete projects, rotate secrets.
#pragma once

#include "api/AreaApi.h"
#include "types/Project.h"

#include <QList>

namespace otadmin {

/// Every call is signed with the *account* credentials (`iss` = account key, `ist=account`);
/// without them a call fails with a Validation error on "accountCredentials" and nothing is
/// sent. Project keys are numeric (field "projectKey"). Results are Project objects that
/// carry the project secret: hand it to the keychain, never to a log or a setting.
class AccountApi : public AreaApi
{
    Q_OBJECT
public:
    using AreaApi::AreaApi;

    /// GET /v2/project. Result: QList<Project> (the service answers a bare array).
    /// Emits projectsLoaded.
    ApiReply *listProjects();
    /// GET /v2/project/{key}. Result: Project. Emits projectChanged.
    ApiReply *getProject(const QString &projectKey);
    /// POST /v2/project with an optional name. Result: the new Project with its key and
    /// secret. NOT idempotent (a repeat creates another project); never retried.
    /// Emits projectChanged.
    ApiReply *createProject(const ProjectCreateOptions &options = {});
    /// PUT /v2/project/{key} {"status": "ACTIVE"|"SUSPENDED"}. Result: Project. Idempotent.
    /// A suspended project's calls (and its sessions) fail with 403 until reactivated.
    /// Emits projectChanged.
    ApiReply *setProjectStatus(const QString &projectKey, ProjectStatus status);
    /// DELETE /v2/project/{key}. 204. Permanent; a repeat answers 404. Emits projectDeleted.
    ApiReply *deleteProject(const QString &projectKey);
    /// POST /v2/project/{key}/refreshSecret (no body). Result: the Project with its NEW
    /// secret; the old one stops working at once. NEVER retried, not even by a Retry button
    /// after an unknown outcome: each call rotates the secret again, so the caller must
    /// persist the new secret from the response first (and after a lost answer, ask the user
    /// to fetch it with getProject). Emits projectSecretRefreshed, not projectChanged.
    ApiReply *refreshSecret(const QString &projectKey);

Q_SIGNALS:
    void projectsLoaded(const QList<otadmin::Project> &projects);
    void projectChanged(const otadmin::Project &project);
    void projectDeleted(const QString &projectKey);
    void projectSecretRefreshed(const otadmin::Project &project);
};

} // namespace otadmin
