// SPDX-License-Identifier: GPL-3.0-or-later
// Route matching and the Reply helpers.
#include "Router.h"

#include <QJsonDocument>

namespace otadmin::sandbox {

Reply Reply::json(const QJsonObject &object, int status)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Reply Reply::json(const QJsonArray &array, int status)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return r;
}

Reply Reply::error(int status, const QString &message)
{
    return json(
        QJsonObject {{QStringLiteral("code"), status}, {QStringLiteral("message"), message}},
        status);
}

Reply Reply::noContent(int status)
{
    Reply r;
    r.status = status;
    r.contentType.clear();
    return r;
}

void Router::add(const QByteArray &method, const QString &pattern, AuthKind auth, Handler handler)
{
    m_routes.append(Route {
        method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), auth, std::move(handler)});
}

bool Router::matchSegments(
    const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params)
{
    if (pattern.size() != path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i);
        if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}'))) {
            if (path.at(i).isEmpty())
                return false;
            if (params)
                params->insert(p.mid(1, p.size() - 2), path.at(i));
        } else if (p != path.at(i)) {
            return false;
        }
    }
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    // Node 2.23 may send "//v2/..." when its base URL ends in '/': empty segments are ignored.
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matchSegments(route.segments, segments, &params))
            continue;
        if (route.method == method) {
            result.kind = Match::Found;
            result.auth = route.auth;
            result.handler = &route.handler;
            result.params = params;
            return result;
        }
        result.kind = Match::MethodNotAllowed;
        const QString m = QString::fromLatin1(route.method);
        if (!result.allowed.contains(m))
            result.allowed.append(m);
    }
    return result;
}

} // namespace otadmin::sandbox
