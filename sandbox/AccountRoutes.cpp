// SPDX-License-Identifier: GPL-3.0-or-later
// §9 account management: projects, their status and secrets (account credentials).
#include "RequestRules.h"
#include "Router.h"
#include "Routes.h"
#include "SandboxConfig.h"
#include "SandboxState.h"

#include <algorithm>

namespace otadmin::sandbox {

namespace {

const QString projectPath = QStringLiteral("/v2/project/{projectApiKey}");

Reply projectNotFound()
{
    return Reply::error(404, QStringLiteral("Project not found"));
}

} // namespace

void registerAccountRoutes(Router &router, SandboxState &state)
{
    SandboxState *st = &state;
    router.add("GET", QStringLiteral("/v2/project"), AuthKind::Account, [st](RouteContext &) {
        QList<const Project *> all;
        for (const Project &p : std::as_const(st->projects))
            all.append(&p);
        std::sort(all.begin(), all.end(), [](const Project *a, const Project *b) {
            return a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->key < b->key;
        });
        QJsonArray out; // a bare array, no count/items wrapper (§9.2)
        for (const Project *p : all)
            out.append(p->toJson());
        return Reply::json(out);
    });
    router.add("POST", QStringLiteral("/v2/project"), AuthKind::Account, [st](RouteContext &ctx) {
        QJsonObject body;
        QString error;
        if (!rules::parseJsonObject(ctx.request.body, true, &body, &error))
            return Reply::error(400, error);
        if (body.contains(QLatin1String("name")) && !body.value(QLatin1String("name")).isString())
            return Reply::error(400, QStringLiteral("name must be a string"));
        const Project &p =
            st->createProject({}, {}, body.value(QLatin1String("name")).toString(), ctx.nowMs);
        return Reply::json(p.toJson());
    });
    router.add("GET", projectPath, AuthKind::Account, [st](RouteContext &ctx) {
        const Project *p = st->project(ctx.params.value(QStringLiteral("projectApiKey")));
        return p ? Reply::json(p->toJson()) : projectNotFound();
    });
    router.add("PUT", projectPath, AuthKind::Account, [st](RouteContext &ctx) {
        Project *p = st->project(ctx.params.value(QStringLiteral("projectApiKey")));
        if (!p)
            return projectNotFound();
        QJsonObject body;
        QString error;
        if (!rules::parseJsonObject(ctx.request.body, false, &body, &error))
            return Reply::error(400, error);
        const QString status = body.value(QLatin1String("status")).toString();
        if (status != u"ACTIVE" && status != u"SUSPENDED")
            return Reply::error(400, QStringLiteral("status must be ACTIVE or SUSPENDED"));
        p->status = status;
        return Reply::json(p->toJson());
    });
    router.add("DELETE", projectPath, AuthKind::Account, [st](RouteContext &ctx) {
        const QString key = ctx.params.value(QStringLiteral("projectApiKey"));
        if (!st->projects.remove(key))
            return projectNotFound();
        return Reply::noContent();
    });
    router.add("POST", projectPath + QStringLiteral("/refreshSecret"), AuthKind::Account,
        [st](RouteContext &ctx) {
            Project *p = st->project(ctx.params.value(QStringLiteral("projectApiKey")));
            if (!p)
                return projectNotFound();
            p->secret = newSecret(); // the old secret stops working at once
            return Reply::json(p->toJson());
        });
}

} // namespace otadmin::sandbox
