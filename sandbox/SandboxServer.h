// SPDX-License-Identifier: GPL-3.0-or-later
// OpenTok-compatible HTTP server on loopback: the service's rules, state and lifecycles, plus a
// loopback-only control prefix (/_sandbox/...) for tests. Independent of core/ by design.
#pragma once

#include "Router.h"
#include "SandboxConfig.h"
#include "SandboxState.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;

namespace otadmin::sandbox {

// One request that reached the HTTP layer outside /_sandbox, with the status it got.
struct JournalEntry
{
    QByteArray method;
    QString path;
    QString query;
    QHash<QByteArray, QByteArray> headers; // lower-case names, incl. x-opentok-auth
    QByteArray body;
    int status;
};

class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(SandboxConfig config = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost,
        quint16 port = 0); // false on failure
    // Answers on `tcp`, already listening in this server's thread (adopted as a child): a host
    // can listen before building the server elsewhere, so its address is known at once.
    void serve(QTcpServer *tcp);
    QUrl baseUrl() const; // e.g. http://127.0.0.1:PORT

    // The seeded project's current credentials (refreshSecret changes the secret).
    QString apiKey() const;
    QString apiSecret() const;
    QString accountKey() const;
    QString accountSecret() const;

    QString createSession(bool routed = true); // a session of the seeded project
    QString addConnection(const QString &sessionId); // returns the connection ID ("" if no session)
    QString addStream(const QString &sessionId, const QString &connectionId,
        const QString &videoType = QStringLiteral("camera"), const QString &name = {});
    bool removeConnection(const QString &sessionId, const QString &connectionId);
    bool removeStream(const QString &sessionId, const QString &streamId);
    QJsonObject sessionState(const QString &sessionId) const; // {} when unknown

    // The next `times` requests whose method (empty or "*" = any) and path match get this answer
    // after delayMs. pathPattern: a regular expression when it starts with '^', otherwise a glob
    // where '*' matches any characters (also '/') and '?' one. status 0 = no forced answer, only
    // the delay before the normal one. An empty body on an error status becomes a JSON error.
    void forceNextResponse(const QByteArray &method, const QString &pathPattern, int status,
        const QByteArray &body, const QByteArray &retryAfter = {}, int delayMs = 0, int times = 1);
    void clearForcedResponses();
    bool failArchive(const QString &archiveId); // started/paused/stopped -> failed
    void advanceTime(qint64 msecs); // moves the sandbox clock (JWT checks and lifecycles)
    qint64 nowMs() const; // the sandbox clock, Unix ms

    QList<JournalEntry> journal() const;
    void clearJournal();
    int requestCount() const; // requests outside /_sandbox that reached the HTTP layer

    // Back to the state right after construction (and seeding): clock, journal, forced answers.
    void reset();
    // Seed format: see sandbox/README.md. Adds to the current state.
    bool loadSeed(const QJsonObject &seed, QString *error = nullptr);

    SandboxState &state() { return m_state; }
    static bool isLoopbackPeer(const QHostAddress &address);

private:
    struct ForcedResponse
    {
        QByteArray method;
        QString pattern;
        int status;
        QByteArray body;
        QByteArray retryAfter;
        int delayMs;
        int remaining;
    };

    void initialiseState();
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply dispatchApi(const Request &request);
    std::optional<Reply> authenticate(AuthKind auth, const Request &request,
        const QHash<QString, QString> &params, Project **project);
    void send(QHttpServerResponder &responder, const Reply &reply);
    void runLifecycles();
    static bool pathMatches(const QString &pattern, const QString &path);

    SandboxConfig m_config;
    QList<QJsonObject> m_seeds;
    SandboxState m_state;
    Router m_api;
    Router m_control;
    QHttpServer *m_http = nullptr;
    QTcpServer *m_tcp = nullptr;
    QUrl m_baseUrl;
    qint64 m_offsetMs = 0;
    QList<ForcedResponse> m_forced;
    QList<JournalEntry> m_journal;
    int m_requestCount = 0;
    QTimer m_lifecycleTimer;
    QSet<QHttpServerResponder *> m_pending; // delayed answers not yet written
};

} // namespace otadmin::sandbox
