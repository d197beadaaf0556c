// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatcher: control prefix, forced answers, JWT checks, routing, journal, delayed replies.
#include "SandboxServer.h"

#include "HttpCompat.h"
#include "JwtVerifier.h"
#include "Routes.h"
#include "SeedLoader.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>

namespace otadmin::sandbox {

namespace {

QLoggingCategory::CategoryFilter g_previousLogFilter = nullptr;

// Qt HTTP Server's debug categories print every request with all of its headers, the
// X-OPENTOK-AUTH JWT included ("qt.httpserver: Request: ..."). In the app's --sandbox mode the
// server runs in the app's process, so QT_LOGGING_RULES="*.debug=true" would put every JWT
// into the app's log (RELIABILITY G-SEC-2). Whatever the rules say, they stay off; the
// journal is the sandbox's record of requests.
void keepRequestDumpsOff(QLoggingCategory *category)
{
    if (g_previousLogFilter)
        g_previousLogFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}

void installLogFilterOnce()
{
    static const bool installed = [] {
        g_previousLogFilter = QLoggingCategory::installFilter(keepRequestDumpsOff);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace

SandboxServer::SandboxServer(SandboxConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config))
{
    installLogFilterOnce();
    if (m_config.apiKey.isEmpty())
        m_config.apiKey = newApiKey();
    if (m_config.apiSecret.isEmpty())
        m_config.apiSecret = newSecret();
    if (m_config.accountKey.isEmpty()) {
        do
            m_config.accountKey = newApiKey();
        while (m_config.accountKey == m_config.apiKey);
    }
    if (m_config.accountSecret.isEmpty())
        m_config.accountSecret = newSecret();
    initialiseState();

    // Literal paths first: the router takes the first match.
    registerSessionRoutes(m_api, m_state);
    registerArchiveRoutes(m_api, m_state);
    registerBroadcastRoutes(m_api, m_state);
    registerSipRoutes(m_api, m_state);
    registerAccountRoutes(m_api, m_state);
    registerControlRoutes(m_control, *this);

    m_lifecycleTimer.setSingleShot(true);
    connect(&m_lifecycleTimer, &QTimer::timeout, this, &SandboxServer::runLifecycles);

    m_http = new QHttpServer(this);
    http::installCatchAll(
        *m_http, this, [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
            handle(request, responder);
        });
}

SandboxServer::~SandboxServer()
{
    // Delayed answers still waiting: drop them before the sockets go away with m_http.
    qDeleteAll(m_pending);
    m_pending.clear();
}

void SandboxServer::initialiseState()
{
    m_state = SandboxState();
    m_state.timings = Timings {m_config.archiveProcessingMs, m_config.rtmpConnectMs};
    m_state.accountKey = m_config.accountKey;
    m_state.accountSecret = m_config.accountSecret;
    m_state.baseUrl = m_baseUrl.toString(QUrl::StripTrailingSlash);
    m_state.createProject(
        m_config.apiKey, m_config.apiSecret, QStringLiteral("Sandbox project"), nowMs());
    for (const QJsonObject &seed : std::as_const(m_seeds))
        SeedLoader::apply(seed, m_state, nowMs(), nullptr);
}

bool SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    // bind(QTcpServer*) is common to Qt 6.4 and 6.8+ (listen() was dropped later).
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        delete tcp;
        return false;
    }
    serve(tcp);
    return true;
}

void SandboxServer::serve(QTcpServer *tcp)
{
    tcp->setParent(this);
    m_tcp = tcp;
    m_http->bind(tcp);
    QHostAddress host = tcp->serverAddress();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHost;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(tcp->serverPort());
    m_baseUrl = url;
    m_state.baseUrl = url.toString(QUrl::StripTrailingSlash);
}

QUrl SandboxServer::baseUrl() const
{
    return m_baseUrl;
}

QString SandboxServer::apiKey() const
{
    return m_config.apiKey;
}

QString SandboxServer::apiSecret() const
{
    const auto it = m_state.projects.constFind(m_config.apiKey);
    return it == m_state.projects.cend() ? QString() : it->secret;
}

QString SandboxServer::accountKey() const
{
    return m_state.accountKey;
}

QString SandboxServer::accountSecret() const
{
    return m_state.accountSecret;
}

qint64 SandboxServer::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs;
}

QString SandboxServer::createSession(bool routed)
{
    return m_state.createSession(m_config.apiKey, routed, nowMs()).id;
}

QString SandboxServer::addConnection(const QString &sessionId)
{
    auto it = m_state.sessions.find(sessionId);
    if (it == m_state.sessions.end())
        return {};
    return m_state.addConnection(*it, nowMs()).id;
}

QString SandboxServer::addStream(const QString &sessionId, const QString &connectionId,
    const QString &videoType, const QString &name)
{
    auto it = m_state.sessions.find(sessionId);
    if (it == m_state.sessions.end() || !it->connection(connectionId))
        return {};
    return m_state.addStream(*it, connectionId, videoType, name).id;
}

bool SandboxServer::removeConnection(const QString &sessionId, const QString &connectionId)
{
    auto it = m_state.sessions.find(sessionId);
    if (it == m_state.sessions.end() || !it->connection(connectionId))
        return false;
    m_state.removeConnection(*it, connectionId, nowMs());
    return true;
}

bool SandboxServer::removeStream(const QString &sessionId, const QString &streamId)
{
    auto it = m_state.sessions.find(sessionId);
    if (it == m_state.sessions.end() || !it->stream(streamId))
        return false;
    m_state.removeStream(*it, streamId, nowMs());
    return true;
}

QJsonObject SandboxServer::sessionState(const QString &sessionId) const
{
    const auto it = m_state.sessions.constFind(sessionId);
    return it == m_state.sessions.cend() ? QJsonObject() : it->toJson();
}

void SandboxServer::forceNextResponse(const QByteArray &method, const QString &pathPattern,
    int status, const QByteArray &body, const QByteArray &retryAfter, int delayMs, int times)
{
    m_forced.append(ForcedResponse {
        method.toUpper(), pathPattern, status, body, retryAfter, qMax(0, delayMs), qMax(1, times)});
}

void SandboxServer::clearForcedResponses()
{
    m_forced.clear();
}

bool SandboxServer::failArchive(const QString &archiveId)
{
    return m_state.failArchive(archiveId, QStringLiteral("failed by sandbox control"));
}

void SandboxServer::advanceTime(qint64 msecs)
{
    m_offsetMs += msecs;
    runLifecycles();
}

QList<JournalEntry> SandboxServer::journal() const
{
    return m_journal;
}

void SandboxServer::clearJournal()
{
    m_journal.clear();
}

int SandboxServer::requestCount() const
{
    return m_requestCount;
}

void SandboxServer::reset()
{
    m_offsetMs = 0;
    m_forced.clear();
    m_journal.clear();
    m_requestCount = 0;
    initialiseState();
    runLifecycles();
}

bool SandboxServer::loadSeed(const QJsonObject &seed, QString *error)
{
    if (!SeedLoader::apply(seed, m_state, nowMs(), error))
        return false;
    m_seeds.append(seed);
    return true;
}

bool SandboxServer::isLoopbackPeer(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4).isLoopback();
    return address.isLoopback();
}

bool SandboxServer::pathMatches(const QString &pattern, const QString &path)
{
    if (pattern.startsWith(QLatin1Char('^')))
        return QRegularExpression(pattern).match(path).hasMatch();
    QString re = QStringLiteral("^");
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*'))
            re += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            re += QLatin1Char('.');
        else
            re += QRegularExpression::escape(QString(c));
    }
    re += QLatin1Char('$');
    return QRegularExpression(re).match(path).hasMatch();
}

void SandboxServer::runLifecycles()
{
    const qint64 now = nowMs();
    const qint64 next = m_state.advanceLifecycles(now);
    if (next > 0)
        m_lifecycleTimer.start(
            static_cast<int>(qBound<qint64>(qint64(1), next - now, qint64(3600 * 1000))));
    else
        m_lifecycleTimer.stop();
}

void SandboxServer::handle(const QHttpServerRequest &httpRequest, QHttpServerResponder &responder)
{
    const Request request = http::toRequest(httpRequest);
    runLifecycles();

    if (request.path == u"/_sandbox" || request.path.startsWith(QLatin1String("/_sandbox/"))) {
        if (!isLoopbackPeer(request.peer)) {
            send(responder,
                Reply::error(
                    403, QStringLiteral("The control prefix only answers loopback peers")));
            return;
        }
        const Router::Match match = m_control.match(request.method, request.path);
        Reply reply;
        if (match.kind == Router::Match::NotFound) {
            reply = Reply::error(404, QStringLiteral("Unknown control route"));
        } else if (match.kind == Router::Match::MethodNotAllowed) {
            reply = Reply::error(405, QStringLiteral("Method not allowed"));
            reply.headers.append({"Allow", match.allowed.join(QStringLiteral(", ")).toLatin1()});
        } else {
            RouteContext context {request, match.params, nullptr, nowMs()};
            reply = (*match.handler)(context);
        }
        send(responder, reply);
        runLifecycles();
        return;
    }

    ++m_requestCount;
    Reply reply;
    bool forced = false;
    for (qsizetype i = 0; i < m_forced.size(); ++i) {
        ForcedResponse &f = m_forced[i];
        if ((!f.method.isEmpty() && f.method != "*" && f.method != request.method)
            || !pathMatches(f.pattern, request.path))
            continue;
        if (f.status > 0) {
            reply.status = f.status;
            reply.body = f.body;
            if (reply.body.isEmpty() && f.status >= 400)
                reply = Reply::error(f.status, QStringLiteral("Forced response from the sandbox"));
            forced = true;
        }
        if (!f.retryAfter.isEmpty())
            reply.headers.append({"Retry-After", f.retryAfter});
        reply.delayMs = f.delayMs;
        if (--f.remaining <= 0)
            m_forced.removeAt(i);
        break;
    }
    if (!forced) {
        const int delay = reply.delayMs;
        const auto extraHeaders = reply.headers;
        reply = dispatchApi(request);
        reply.delayMs = qMax(reply.delayMs, delay);
        reply.headers += extraHeaders;
    }

    m_journal.append(JournalEntry {
        request.method, request.path, request.query, request.headers, request.body, reply.status});
    if (m_journal.size() > 10000)
        m_journal.removeFirst();

    if (reply.delayMs <= 0) {
        send(responder, reply);
    } else {
        // The client may hang up before the timer fires: QtHttpServer then deletes the socket and a
        // write through the responder would crash (platform notes §4), hence the QPointer guard.
        QPointer<QTcpSocket> socket = responder.socket();
        auto *pending = new QHttpServerResponder(std::move(responder));
        m_pending.insert(pending);
        QTimer::singleShot(reply.delayMs, this, [this, pending, socket, reply] {
            if (!m_pending.remove(pending))
                return;
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                send(*pending, reply);
            delete pending;
        });
    }
    runLifecycles();
}

Reply SandboxServer::dispatchApi(const Request &request)
{
    const Router::Match match = m_api.match(request.method, request.path);
    if (match.kind == Router::Match::NotFound)
        return Reply::error(404, QStringLiteral("Resource not found"));
    if (match.kind == Router::Match::MethodNotAllowed) {
        Reply reply = Reply::error(405, QStringLiteral("Method not allowed"));
        reply.headers.append({"Allow", match.allowed.join(QStringLiteral(", ")).toLatin1()});
        return reply;
    }
    Project *project = nullptr;
    if (auto refused = authenticate(match.auth, request, match.params, &project))
        return *refused;
    RouteContext context {request, match.params, project, nowMs()};
    return (*match.handler)(context);
}

std::optional<Reply> SandboxServer::authenticate(
    AuthKind auth, const Request &request, const QHash<QString, QString> &params, Project **project)
{
    if (auth == AuthKind::None)
        return std::nullopt;
    const QByteArray token = request.headers.value("x-opentok-auth");
    const qint64 nowSecs = nowMs() / 1000;
    if (auth == AuthKind::Account) {
        const auto result = JwtVerifier::verify(token, m_state.accountKey,
            QStringLiteral("account"), nowSecs, [this](const QString &issuer) {
                return issuer == m_state.accountKey ? m_state.accountSecret.toUtf8() : QByteArray();
            });
        if (!result.ok)
            return Reply::error(403, result.message);
        return std::nullopt;
    }
    const QString pathKey = params.value(QStringLiteral("apiKey"));
    const auto result = JwtVerifier::verify(
        token, pathKey, QStringLiteral("project"), nowSecs, [this](const QString &issuer) {
            const Project *p = m_state.project(issuer);
            return p ? p->secret.toUtf8() : QByteArray();
        });
    if (!result.ok)
        return Reply::error(403, result.message);
    Project *p = m_state.project(result.issuer);
    if (!p)
        return Reply::error(403, QStringLiteral("Unknown API key"));
    if (p->status != u"ACTIVE")
        return Reply::error(403, QStringLiteral("Project %1 is suspended").arg(p->key));
    *project = p;
    return std::nullopt;
}

void SandboxServer::send(QHttpServerResponder &responder, const Reply &reply)
{
    // Date from the sandbox clock, so a client can name clock skew when a JWT is refused.
    const QString date =
        QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(nowMs(), QTimeZone::utc()),
            QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    http::writeReply(responder, reply, {{"Date", date.toLatin1()}});
}

} // namespace otadmin::sandbox
