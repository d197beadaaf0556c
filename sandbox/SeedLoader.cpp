// SPDX-License-Identifier: GPL-3.0-or-later
// Seed-file application.
#include "SeedLoader.h"

#include "SandboxState.h"

#include <QJsonArray>

namespace otadmin::sandbox {

namespace {

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool SeedLoader::apply(const QJsonObject &seed, SandboxState &state, qint64 nowMs, QString *error)
{
    const QJsonObject account = seed.value(QLatin1String("account")).toObject();
    if (account.value(QLatin1String("apiKey")).isString())
        state.accountKey = account.value(QLatin1String("apiKey")).toString();
    if (account.value(QLatin1String("apiSecret")).isString())
        state.accountSecret = account.value(QLatin1String("apiSecret")).toString();

    const QJsonValue projects = seed.value(QLatin1String("projects"));
    if (!projects.isUndefined() && !projects.isArray())
        return failWith(error, QStringLiteral("\"projects\" must be an array"));
    for (const QJsonValue &pv : projects.toArray()) {
        if (!pv.isObject())
            return failWith(error, QStringLiteral("each project must be an object"));
        const QJsonObject po = pv.toObject();
        const QString key = po.value(QLatin1String("apiKey")).toString();
        const QString status = po.value(QLatin1String("status")).toString(QStringLiteral("ACTIVE"));
        if (status != u"ACTIVE" && status != u"SUSPENDED")
            return failWith(error, QStringLiteral("project status must be ACTIVE or SUSPENDED"));
        const QJsonArray sessions = po.value(QLatin1String("sessions")).toArray();
        for (const QJsonValue &sv : sessions) {
            const QString mode =
                sv.toObject().value(QLatin1String("mediaMode")).toString(QStringLiteral("routed"));
            if (mode != u"routed" && mode != u"relayed")
                return failWith(error, QStringLiteral("mediaMode must be routed or relayed"));
        }

        Project *project = key.isEmpty() ? nullptr : state.project(key);
        if (!project)
            project = &state.createProject(key, po.value(QLatin1String("apiSecret")).toString(),
                po.value(QLatin1String("name")).toString(), nowMs);
        else if (po.value(QLatin1String("apiSecret")).isString())
            project->secret = po.value(QLatin1String("apiSecret")).toString();
        if (po.contains(QLatin1String("name")))
            project->name = po.value(QLatin1String("name")).toString();
        project->status = status;
        project->environment =
            po.value(QLatin1String("environment")).toString(project->environment);
        const QString projectKey = project->key;

        for (const QJsonValue &sv : sessions) {
            const QJsonObject so = sv.toObject();
            QString id =
                state
                    .createSession(projectKey,
                        so.value(QLatin1String("mediaMode")).toString(QStringLiteral("routed"))
                            == u"routed",
                        nowMs, so.value(QLatin1String("location")).toString())
                    .id;
            if (so.value(QLatin1String("sessionId")).isString()) {
                Session moved = state.sessions.take(id);
                id = so.value(QLatin1String("sessionId")).toString();
                moved.id = id;
                state.sessions.insert(id, moved);
            }
            Session &s = state.sessions[id];
            s.archiveMode =
                so.value(QLatin1String("archiveMode")).toString(QStringLiteral("manual"));
            s.e2ee = so.value(QLatin1String("e2ee")).toBool(false);
            for (const QJsonValue &cv : so.value(QLatin1String("connections")).toArray()) {
                const QJsonObject co = cv.toObject();
                const QString connectionId =
                    state
                        .addConnection(s, nowMs, co.value(QLatin1String("connectionId")).toString())
                        .id;
                for (const QJsonValue &stv : co.value(QLatin1String("streams")).toArray()) {
                    const QJsonObject sto = stv.toObject();
                    Stream &stream = state.addStream(s, connectionId,
                        sto.value(QLatin1String("videoType")).toString(),
                        sto.value(QLatin1String("name")).toString(),
                        sto.value(QLatin1String("streamId")).toString());
                    for (const QJsonValue &c :
                        sto.value(QLatin1String("layoutClassList")).toArray())
                        stream.layoutClassList.append(c.toString());
                }
            }
        }
    }
    return true;
}

} // namespace otadmin::sandbox
