// SPDX-License-Identifier: GPL-3.0-or-later
// project list|get|create|status|delete|rotate-secret (account credentials).
#include "CliOutput.h"
#include "CliParse.h"

#include "api/AccountApi.h"
#include "net/Redactor.h"

#include <QJsonArray>
#include <QJsonObject>

namespace otadmin::cli {

namespace {

AccountApi *account(Invocation &inv)
{
    return new AccountApi(inv.client(), inv.client());
}

QCommandLineOption revealOption()
{
    return flagOption(QStringLiteral("reveal-secret"),
        tr("Print the project secret (hidden by default: output ends up in logs and "
           "terminals)."));
}

bool printProject(Invocation &inv, const ApiReply &reply)
{
    const auto project = reply.resultAs<Project>();
    const bool reveal = inv.isSet(QStringLiteral("reveal-secret"));
    inv.printObject(project.raw, reveal);
    if (!reveal && !project.secret.isEmpty() && !inv.json())
        CliOutput::err(tr("The secret is hidden; add --reveal-secret to print it."));
    return true;
}

void projectList(Invocation &inv)
{
    inv.await(account(inv)->listProjects(), [&inv](const ApiReply &reply) {
        const auto projects = reply.resultAs<QList<Project>>();
        QJsonArray array;
        QList<QJsonObject> rows;
        for (const Project &project : projects) {
            const QJsonObject shown = Redactor::redactJson(project.raw).toObject();
            array.append(shown);
            rows << shown;
        }
        if (inv.json())
            CliOutput::json(array);
        else
            CliOutput::table(
                {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status"),
                    QStringLiteral("environment"), QStringLiteral("createdAt")},
                rows);
        return true;
    });
}

void projectStatus(Invocation &inv)
{
    const QString text = inv.arg(1).toLower();
    ProjectStatus status;
    if (text == QLatin1String("active"))
        status = ProjectStatus::Active;
    else if (text == QLatin1String("suspended"))
        status = ProjectStatus::Suspended;
    else {
        inv.usageError(tr("the status is active or suspended, not \u201c%1\u201d").arg(inv.arg(1)));
        return;
    }
    inv.await(account(inv)->setProjectStatus(inv.arg(0), status),
        [&inv](const ApiReply &reply) { return printProject(inv, reply); });
}

} // namespace

QList<Command> projectCommands()
{
    const QString area = QStringLiteral("project");
    Command list = makeCommand(area, QStringLiteral("list"), {}, 0, 0,
        tr("List the account's projects (secrets hidden)."));
    list.scope = Scope::Account;
    list.examples = {QStringLiteral("project list"), QStringLiteral("--json project list")};
    list.run = projectList;

    Command get = makeCommand(
        area, QStringLiteral("get"), QStringLiteral("PROJECT_KEY"), 1, 1, tr("Show one project."));
    get.scope = Scope::Account;
    get.options = {revealOption()};
    get.examples = {QStringLiteral("project get PROJECT_KEY"),
        QStringLiteral("--json project get PROJECT_KEY --reveal-secret")};
    get.run = [](Invocation &inv) {
        inv.await(account(inv)->getProject(inv.arg(0)),
            [&inv](const ApiReply &reply) { return printProject(inv, reply); });
    };

    Command create = makeCommand(area, QStringLiteral("create"), {}, 0, 0,
        tr("Create a project (not idempotent: a repeat creates another)."));
    create.scope = Scope::Account;
    create.options = {
        valueOption(QStringLiteral("name"), tr("Project name."), QStringLiteral("NAME")),
        revealOption()};
    create.examples = {QStringLiteral("project create --name \"Support desk\"")};
    create.run = [](Invocation &inv) {
        ProjectCreateOptions options;
        options.name = inv.value(QStringLiteral("name"));
        inv.await(account(inv)->createProject(options),
            [&inv](const ApiReply &reply) { return printProject(inv, reply); });
    };

    Command status =
        makeCommand(area, QStringLiteral("status"), QStringLiteral("PROJECT_KEY active|suspended"),
            2, 2, tr("Suspend or reactivate a project."));
    status.scope = Scope::Account;
    status.examples = {QStringLiteral("project status PROJECT_KEY suspended"),
        QStringLiteral("project status PROJECT_KEY active")};
    status.run = projectStatus;

    Command remove = makeCommand(area, QStringLiteral("delete"), QStringLiteral("PROJECT_KEY"), 1,
        1, tr("Delete a project for good."));
    remove.scope = Scope::Account;
    remove.examples = {QStringLiteral("project delete PROJECT_KEY")};
    remove.run = [](Invocation &inv) {
        const QString key = inv.arg(0);
        inv.await(account(inv)->deleteProject(key), [&inv, key](const ApiReply &) {
            inv.printDone(tr("Project %1 deleted.").arg(key),
                {{QStringLiteral("id"), key}, {QStringLiteral("deleted"), true}});
            return true;
        });
    };

    Command rotate =
        makeCommand(area, QStringLiteral("rotate-secret"), QStringLiteral("PROJECT_KEY"), 1, 1,
            tr("Replace the project secret; the old one stops working at once. Never retried."));
    rotate.scope = Scope::Account;
    rotate.options = {revealOption()};
    rotate.secretNotes = {tr("The new secret is printed only with --reveal-secret; without it, "
                             "fetch it later with \u201cproject get PROJECT_KEY "
                             "--reveal-secret\u201d.")};
    rotate.examples = {QStringLiteral("project rotate-secret PROJECT_KEY"),
        QStringLiteral("--json project rotate-secret PROJECT_KEY --reveal-secret")};
    rotate.run = [](Invocation &inv) {
        inv.await(account(inv)->refreshSecret(inv.arg(0)),
            [&inv](const ApiReply &reply) { return printProject(inv, reply); });
    };

    return {list, get, create, status, remove, rotate};
}

} // namespace otadmin::cli
