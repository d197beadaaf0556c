// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's own route table: every request goes through one dispatcher so 404/405 bodies,
// delays and forced responses are uniform (QtHttpServer 6.4 cannot answer 405 by itself).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>

namespace otadmin::sandbox {

struct Project;

// A request copied out of QHttpServerRequest, so it outlives the server's per-connection object.
struct Request
{
    QByteArray method; // upper case, e.g. "GET"
    QString path; // percent-decoded path
    QString query; // raw query string (without '?')
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QHostAddress peer;
};

// What a handler answers. Bodies are JSON unless contentType says otherwise.
struct Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;

    static Reply json(const QJsonObject &object, int status = 200);
    static Reply json(const QJsonArray &array, int status = 200);
    // {"code": status, "message": message}, always JSON (Node 2.23 needs a body on errors).
    static Reply error(int status, const QString &message);
    static Reply noContent(int status = 204);
};

// Which credentials a route requires (§1.2): none (control prefix), project or account.
enum class AuthKind
{
    None,
    Project,
    Account
};

struct RouteContext
{
    const Request &request;
    QHash<QString, QString> params; // values of the {name} path segments
    Project *project = nullptr; // authenticated project for AuthKind::Project routes
    qint64 nowMs = 0; // sandbox clock
};

using Handler = std::function<Reply(RouteContext &)>;

class Router
{
public:
    // pattern: "/v2/project/{apiKey}/archive/{archiveId}"; a {name} matches one non-empty segment.
    // Routes added first win, so register literal paths before parameterised ones.
    void add(const QByteArray &method, const QString &pattern, AuthKind auth, Handler handler);

    struct Match
    {
        enum Kind
        {
            NotFound,
            MethodNotAllowed,
            Found
        } kind = NotFound;
        QStringList allowed; // for MethodNotAllowed
        AuthKind auth = AuthKind::None;
        const Handler *handler = nullptr;
        QHash<QString, QString> params;
    };
    Match match(const QByteArray &method, const QString &path) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        AuthKind auth;
        Handler handler;
    };
    static bool matchSegments(
        const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params);
    QList<Route> m_routes;
};

} // namespace otadmin::sandbox
