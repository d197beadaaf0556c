// SPDX-License-Identifier: GPL-3.0-or-later
// Sends ApiRequests to the OpenTok REST API (or the sandbox) safely: signed, bounded, redacted.
#pragma once

#include "net/ApiReply.h"
#include "net/ApiRequest.h"
#include "net/RequestLog.h"
#include "net/RetryPolicy.h"
#include "types/FieldError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace otadmin {

class Clock;
class RandomSource;

/// An API key and its secret. The secret is held as bytes only as long as the client is
/// configured with it; it never reaches a log, a URL or an error message.
struct Credentials
{
    QString apiKey;
    QByteArray apiSecret;
    bool isComplete() const { return !apiKey.isEmpty() && !apiSecret.isEmpty(); }
};

/// Limits that keep every call bounded (RELIABILITY G-REL-1, G-REL-3, G-REL-6).
struct RestClientConfig
{
    /// Overall deadline of one call, all attempts and waits included (milliseconds).
    int deadlineMSecs = 30'000;
    /// Abort an attempt when no byte moves for this long (milliseconds).
    int inactivityTimeoutMSecs = 15'000;
    /// Larger response bodies are aborted (bytes).
    qint64 maxResponseBytes = 2 * 1024 * 1024;
    RetryPolicy retry;
    /// Successful bodies of at least this many bytes are parsed (JSON and typed result) on a
    /// worker thread of the client's own pool: a 1000-archive page (0.5 MB, about 5 ms
    /// to parse) then never holds the GUI thread, and pages arriving together parse in
    /// parallel. finished() still fires on the client's thread, after the request log entry,
    /// and such results are handed over one per event-loop turn: pages parsed together reach
    /// their models in turns of their own, so the window repaints and takes input between
    /// them instead of stalling for all of them at once.
    /// 0 = every body, negative = none.
    qint64 offThreadParseBytes = 64 * 1024;
    /// Test hook (G-SEC-9): CA certificates trusted in addition to the system's, e.g. a test
    /// CA generated at test time. It only adds trust anchors; certificate and host name
    /// verification stay fully on. Production leaves it empty.
    QList<QSslCertificate> extraCaCertificates;
};

/// One per profile, over one shared QNetworkAccessManager. For each request it mints a fresh
/// REST JWT (project or account credentials per the request), sets the reference's headers,
/// refuses redirects, keeps HTTP/2 off, enforces the deadline, inactivity timeout and size cap,
/// retries reads only (RetryPolicy), maps failures to ApiError and writes one redacted
/// RequestLog entry per attempt.
class RestClient : public QObject
{
    Q_OBJECT
public:
    static constexpr char DefaultBaseUrl[] = "https://api.opentok.com";

    RestClient(QNetworkAccessManager *network, Clock &clock, RandomSource &random,
        QObject *parent = nullptr);
    ~RestClient() override;

    /// HTTPS only, except plain http:// to a loopback host (127.0.0.0/8, ::1, localhost),
    /// which the sandbox uses. No user info, query or fragment.
    static Validation validateBaseUrl(const QUrl &url);
    /// Keeps the previous URL and returns the reason when `url` is not acceptable.
    Validation setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }

    void setProjectCredentials(const Credentials &credentials) { m_project = credentials; }
    void setAccountCredentials(const Credentials &credentials) { m_account = credentials; }
    const Credentials &projectCredentials() const { return m_project; }
    const Credentials &accountCredentials() const { return m_account; }
    /// "/v2/project/{projectKey}" followed by the encoded segments.
    QString projectPath(std::initializer_list<QString> segments = {}) const;

    RestClientConfig &config() { return m_config; }
    void setRequestLog(RequestLog *log) { m_log = log; }
    RequestLog *requestLog() const { return m_log; }
    Clock &clock() const { return m_clock; }
    RandomSource &random() const { return m_random; }

    /// Starts the call. `parser` turns a successful JSON body into the reply's result; without
    /// one the body is ignored (204 and other body-less answers).
    ApiReply *send(const ApiRequest &request, ResponseParser parser = {});
    /// A reply that fails with a Validation error naming the field; nothing is sent.
    ApiReply *reject(const FieldError &error, Idempotency idempotency = Idempotency::NonIdempotent);

    /// Cancels every call still running (each reply finishes with a Cancelled error, so no
    /// area signal fires for it). Used when the profile changes: an answer meant for the old
    /// profile must never reach the new profile's models.
    void abortAll();

    /// The User-Agent sent with every request: "OpenTokAdmin-Qt/<version> Qt/<version>".
    static QByteArray userAgent();

private:
    friend class RequestRunner;
    QList<QByteArray> knownSecrets() const;
    /// Runs `deliver` on a later event-loop turn, at most one per turn, in the order queued.
    void handOver(std::function<void()> deliver);

    QPointer<QNetworkAccessManager> m_network;
    Clock &m_clock;
    RandomSource &m_random;
    QPointer<RequestLog> m_log;
    QUrl m_baseUrl;
    Credentials m_project;
    Credentials m_account;
    RestClientConfig m_config;
    quint64 m_nextRequestId = 1;
    /// Off-thread parsing (RestClientConfig::offThreadParseBytes): one core fewer than the
    /// machine has (at least one thread), so parsing never takes the GUI thread's core.
    QThreadPool m_parsePool;
    QList<std::function<void()>> m_handOvers;
    QTimer m_handOverTimer;
};

} // namespace otadmin
