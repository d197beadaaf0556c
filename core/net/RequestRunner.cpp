// SPDX-License-Identifier: GPL-3.0-or-later
// The request engine: one runner per call, its attempts, and the mapping of their outcomes.
#include "net/RequestRunner.h"

#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "auth/RestJwt.h"
#include "net/HttpDate.h"
#include "net/Redactor.h"
#include "net/RequestLog.h"
#include "net/RestClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>

namespace otadmin {

namespace {

/// Errors where the connection could not be made or broke: worth retrying a read.
bool isConnectionFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

/// Errors that prove nothing reached the service.
bool provesNothingSent(QNetworkReply::NetworkError error)
{
    return error == QNetworkReply::ConnectionRefusedError
        || error == QNetworkReply::HostNotFoundError
        || error == QNetworkReply::SslHandshakeFailedError
        || error == QNetworkReply::ProxyConnectionRefusedError
        || error == QNetworkReply::ProxyNotFoundError;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "application/json"
        || (type.startsWith("application/") && type.endsWith("+json"));
}

QString trClient(const char *text)
{
    return QCoreApplication::translate("otadmin::RestClient", text);
}

/// A successful body turned into its typed result, or why it could not be.
struct Decoded
{
    QVariant value;
    ApiError error;
};

/// JSON bytes → QJsonDocument → the parser's value. Touches nothing but its arguments, so it
/// runs on any thread.
Decoded decode(const QByteArray &body, const ResponseParser &parser)
{
    Decoded out;
    QJsonParseError jsonError {};
    const QJsonDocument json = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError) {
        out.error = ApiError(ApiError::Kind::InvalidResponse,
            trClient("The response is not valid JSON (%1 at byte %2).")
                .arg(jsonError.errorString())
                .arg(jsonError.offset));
        return out;
    }
    QString problem;
    out.value = parser(json, &problem);
    if (!out.value.isValid()) {
        out.error = ApiError(ApiError::Kind::InvalidResponse,
            trClient("The response does not have the expected shape: %1.")
                .arg(problem.isEmpty() ? trClient("unknown problem") : problem));
    }
    return out;
}

} // namespace

/// Drives one logical request through its attempts. Lives as a child of its ApiReply.
class RequestRunner : public QObject
{
public:
    RequestRunner(RestClient *client, ApiReply *reply, ApiRequest request, ResponseParser parser)
        : QObject(reply),
          m_client(client),
          m_reply(reply),
          m_request(std::move(request)),
          m_parser(std::move(parser)),
          m_requestId(client->m_nextRequestId++)
    {
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, &RequestRunner::deadlineReached);
        m_retryTimer.setSingleShot(true);
        // A coarse timer may fire up to 5% early (seen: Retry-After 1 -> 952 ms); we must never
        // retry before the server says (G-REL-3).
        m_retryTimer.setTimerType(Qt::PreciseTimer);
        connect(&m_retryTimer, &QTimer::timeout, this, &RequestRunner::sendAttempt);
        reply->setAbortHandler([this] { cancel(); });
    }

    void start()
    {
        m_elapsed.start();
        m_deadline.start(m_client->m_config.deadlineMSecs);
        sendAttempt();
    }

private:
    enum class AbortReason
    {
        None,
        Deadline,
        TooLarge,
        Cancelled
    };

    const Credentials &credentials() const
    {
        return m_request.issuer == IssuerType::Account ? m_client->m_account : m_client->m_project;
    }

    void sendAttempt()
    {
        if (!m_client || !m_client->m_network) {
            finishError(
                ApiError(ApiError::Kind::Network, trClient("The network is not available.")),
                false);
            return;
        }
        const Credentials &creds = credentials();
        ++m_attempt;
        m_abortReason = AbortReason::None;
        m_body.clear();

        QUrl url = m_client->m_baseUrl;
        QString basePath = url.path(QUrl::FullyEncoded);
        if (basePath.endsWith(QLatin1Char('/')))
            basePath.chop(1);
        url.setPath(basePath + m_request.path, QUrl::TolerantMode);
        if (!m_request.query.isEmpty())
            url.setQuery(m_request.query.query(QUrl::FullyEncoded), QUrl::TolerantMode);
        m_url = url;

        QNetworkRequest request(url);
        m_jwt = RestJwt::mint(
            creds.apiKey, creds.apiSecret, m_request.issuer, m_client->m_clock, m_client->m_random);
        request.setRawHeader("X-OPENTOK-AUTH", m_jwt);
        request.setRawHeader("Accept", "application/json");
        // Identity only: no transparent decompression, so no decompression bomb (G-REL-6).
        request.setRawHeader("Accept-Encoding", "identity");
        request.setHeader(QNetworkRequest::UserAgentHeader, RestClient::userAgent());
        if (!m_request.contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setAttribute(
            QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setTransferTimeout(m_client->m_config.inactivityTimeoutMSecs);
        if (!m_client->m_config.extraCaCertificates.isEmpty()) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.addCaCertificates(m_client->m_config.extraCaCertificates);
            request.setSslConfiguration(ssl);
        }

        m_startedAt =
            QDateTime::fromMSecsSinceEpoch(m_client->m_clock.nowMSecs(), QTimeZone::utc());
        m_attemptTimer.start();
        m_network =
            m_client->m_network->sendCustomRequest(request, m_request.method, m_request.body);
        m_network->setParent(this);
        connect(m_network, &QNetworkReply::metaDataChanged, this, &RequestRunner::checkSize);
        connect(m_network, &QNetworkReply::readyRead, this, &RequestRunner::readBody);
        connect(m_network, &QNetworkReply::finished, this, &RequestRunner::attemptFinished);
    }

    void checkSize()
    {
        const QVariant length = m_network->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_client->m_config.maxResponseBytes)
            abortAttempt(AbortReason::TooLarge);
    }

    void readBody()
    {
        if (!m_network)
            return;
        m_body += m_network->readAll();
        if (m_body.size() > m_client->m_config.maxResponseBytes)
            abortAttempt(AbortReason::TooLarge);
    }

    void abortAttempt(AbortReason reason)
    {
        if (m_abortReason == AbortReason::None)
            m_abortReason = reason;
        if (m_network && m_network->isRunning())
            m_network->abort();
    }

    void deadlineReached()
    {
        if (m_network && m_network->isRunning()) {
            abortAttempt(AbortReason::Deadline);
            return;
        }
        // Waiting between attempts: report the last failure, now final.
        m_retryTimer.stop();
        finishError(m_lastError.isError() ? m_lastError : timeoutError(), m_lastMayHaveTakenEffect);
    }

    void cancel()
    {
        if (m_network && m_network->isRunning()) {
            abortAttempt(AbortReason::Cancelled);
            return;
        }
        m_retryTimer.stop();
        finishError(ApiError(ApiError::Kind::Cancelled, trClient("The request was cancelled.")),
            m_attempt > 0 && m_lastMayHaveTakenEffect);
    }

    ApiError timeoutError() const
    {
        return ApiError(ApiError::Kind::Timeout,
            trClient("No complete answer from %1 within %2 seconds. The service or the "
                     "network may be slow or down; try again later.")
                .arg(m_url.host())
                .arg(m_client->m_config.deadlineMSecs / 1000.0));
    }

    void attemptFinished()
    {
        QNetworkReply *network = m_network;
        m_network = nullptr;
        // Signals still queued for it (an aborted attempt's headers, from Qt's HTTP thread)
        // must not reach checkSize() or readBody() once it is let go.
        QObject::disconnect(network, nullptr, this, nullptr);
        network->deleteLater();
        readBodyFrom(network);

        const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError netError = network->error();
        const QByteArray retryAfter = network->rawHeader("Retry-After");
        m_reply->recordAttempt(status, m_body);

        ApiError error;
        QVariant result;
        bool mayHaveTakenEffect = true;
        bool connectionFailed = false;

        if (m_abortReason == AbortReason::Deadline) {
            error = timeoutError();
        } else if (m_abortReason == AbortReason::Cancelled) {
            error = ApiError(ApiError::Kind::Cancelled, trClient("The request was cancelled."));
        } else if (m_abortReason == AbortReason::TooLarge) {
            error = ApiError(ApiError::Kind::InvalidResponse,
                trClient("The response was larger than %1 MiB and was not read. This is "
                         "not what the OpenTok API sends; check the API URL.")
                    .arg(m_client->m_config.maxResponseBytes / (1024 * 1024)));
        } else if (status == 0) {
            if (netError == QNetworkReply::OperationCanceledError) {
                error = ApiError(ApiError::Kind::Timeout,
                    trClient("The connection to %1 stalled: nothing arrived for %2 "
                             "seconds. Try again later.")
                        .arg(m_url.host())
                        .arg(m_client->m_config.inactivityTimeoutMSecs / 1000.0));
            } else if (netError == QNetworkReply::SslHandshakeFailedError) {
                // Certificate problems are never ignored (G-SEC-9); name them as such.
                mayHaveTakenEffect = false;
                error = ApiError(ApiError::Kind::Network,
                    trClient("The secure connection to %1 was refused because its TLS "
                             "certificate is not trusted (%2). Nothing was sent. Check the "
                             "API URL and this computer's clock.")
                        .arg(m_url.host(), network->errorString()));
            } else {
                connectionFailed = isConnectionFailure(netError);
                mayHaveTakenEffect = !provesNothingSent(netError);
                error = ApiError(ApiError::Kind::Network,
                    trClient("Could not reach %1: %2. Check the network connection and "
                             "the API URL.")
                        .arg(m_url.host(), network->errorString()));
            }
        } else if (status >= 200 && status <= 299) {
            if (netError != QNetworkReply::NoError) {
                error = ApiError(ApiError::Kind::InvalidResponse,
                    trClient("The response was cut short (%1); the action may or may not "
                             "have happened.")
                        .arg(network->errorString()));
            } else if (m_parser && checkBody(network, &error)) {
                const qint64 offThread = m_client->m_config.offThreadParseBytes;
                if (offThread >= 0 && m_body.size() >= offThread) {
                    decodeOffThread(status, retryAfter,
                        network->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
                    return;
                }
                Decoded decoded = decode(m_body, m_parser);
                result = std::move(decoded.value);
                error = decoded.error;
            }
        } else {
            error = httpError(network, status);
            // 4xx answers mean the service refused the request: nothing happened.
            mayHaveTakenEffect = status >= 500 || (status >= 300 && status < 400);
        }
        conclude(status, error, std::move(result), mayHaveTakenEffect, connectionFailed, retryAfter,
            network->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool());
    }

    /// Parses m_body on a worker thread, then concludes the attempt back on this thread —
    /// unless the call ended meanwhile (cancelled, deadline) or this runner is gone.
    void decodeOffThread(int status, const QByteArray &retryAfter, bool http2)
    {
        auto promise = std::make_shared<QPromise<Decoded>>();
        auto *watcher = new QFutureWatcher<Decoded>(this);
        connect(watcher, &QFutureWatcher<Decoded>::finished, this,
            [this, watcher, status, retryAfter, http2] {
                watcher->deleteLater();
                if (m_finished || watcher->future().resultCount() == 0)
                    return;
                auto decoded = std::make_shared<Decoded>(watcher->future().takeResult());
                if (!m_client) {
                    conclude(status, decoded->error, std::move(decoded->value), true, false,
                        retryAfter, http2);
                    return;
                }
                m_client->handOver(
                    [self = QPointer<RequestRunner>(this), decoded, status, retryAfter, http2] {
                        if (!self || self->m_finished)
                            return; // cancelled or timed out while waiting for its turn
                        self->conclude(status, decoded->error, std::move(decoded->value), true,
                            false, retryAfter, http2);
                    });
            });
        watcher->setFuture(promise->future());
        promise->start();
        m_client->m_parsePool.start([promise, body = m_body, parser = m_parser] {
            promise->addResult(decode(body, parser));
            promise->finish();
        });
    }

    /// Logs the attempt, then finishes the call or schedules the next attempt.
    void conclude(int status, const ApiError &error, QVariant result, bool mayHaveTakenEffect,
        bool connectionFailed, const QByteArray &retryAfter, bool http2)
    {
        log(status, error, http2);

        if (!error.isError()) {
            finishResult(std::move(result));
            return;
        }
        m_lastError = error;
        m_lastMayHaveTakenEffect = m_lastMayHaveTakenEffect || mayHaveTakenEffect;
        if (m_abortReason == AbortReason::None && m_client) {
            const auto delay =
                m_client->m_config.retry.nextDelayMSecs(m_request.idempotency, m_attempt, status,
                    connectionFailed, retryAfter, m_client->m_clock.nowMSecs(), m_client->m_random);
            const qint64 remaining = m_client->m_config.deadlineMSecs - m_elapsed.elapsed();
            if (delay && *delay < remaining) {
                m_retryTimer.start(int(*delay));
                return;
            }
        }
        finishError(error, m_lastMayHaveTakenEffect);
    }

    void readBodyFrom(QNetworkReply *network)
    {
        // After a timeout or abort Qt has closed the reply; reading would only warn.
        if (m_abortReason != AbortReason::None || !network->isOpen())
            return;
        m_body += network->readAll();
        if (m_body.size() > m_client->m_config.maxResponseBytes)
            m_abortReason = AbortReason::TooLarge;
    }

    /// False, with *error, when a successful answer has no body or is not JSON.
    bool checkBody(QNetworkReply *network, ApiError *error)
    {
        const QByteArray contentType =
            network->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (m_body.trimmed().isEmpty()) {
            *error = ApiError(ApiError::Kind::InvalidResponse,
                trClient("The service answered with an empty body where data was "
                         "expected."));
            return false;
        }
        if (!isJsonContentType(contentType)) {
            *error = ApiError(ApiError::Kind::InvalidResponse,
                trClient("The service answered with \u201c%1\u201d instead of JSON. The "
                         "API URL may point to a web page or a proxy.")
                    .arg(QString::fromLatin1(
                        contentType.isEmpty() ? "no content type" : contentType)));
            return false;
        }
        return true;
    }

    ApiError httpError(QNetworkReply *network, int status)
    {
        QString serverMessage;
        QJsonParseError jsonError {};
        const QJsonDocument json = QJsonDocument::fromJson(m_body, &jsonError);
        if (jsonError.error == QJsonParseError::NoError && json.isObject())
            serverMessage = json.object().value(QLatin1String("message")).toString();
        serverMessage = Redactor::scrubText(serverMessage.left(500), knownSecrets());

        std::optional<qint64> skew;
        if (const auto serverTime = HttpDate::parse(network->rawHeader("Date")))
            skew = (*serverTime - m_client->m_clock.nowMSecs()) / 1000;

        ApiError error = ApiError::fromHttp(status, serverMessage, skew);
        if (status >= 300 && status < 400) {
            const QByteArray location = network->rawHeader("Location");
            if (!location.isEmpty()) {
                error.setServerMessage(
                    trClient("redirect to %1").arg(QString::fromUtf8(location.left(200))));
            }
        }
        if (const auto wait = HttpDate::retryAfterDelayMSecs(
                network->rawHeader("Retry-After"), m_client->m_clock.nowMSecs()))
            error.setRetryAfterSecs((*wait + 999) / 1000);
        return error;
    }

    QList<QByteArray> knownSecrets() const
    {
        QList<QByteArray> secrets = m_client ? m_client->knownSecrets() : QList<QByteArray>();
        secrets << m_jwt << Redactor::secretValues(m_request.body);
        return secrets;
    }

    void log(int status, const ApiError &error, bool http2)
    {
        if (!m_client || !m_client->m_log)
            return;
        RequestLogEntry entry;
        entry.requestId = m_requestId;
        entry.attempt = m_attempt;
        entry.startedAt = m_startedAt;
        entry.method = m_request.method;
        entry.url = m_url;
        entry.contentType = m_request.contentType;
        entry.requestBody = Redactor::redactBody(m_request.body);
        entry.httpStatus = status;
        entry.durationMSecs = m_attemptTimer.elapsed();
        entry.error = Redactor::scrubText(error.userMessage(), knownSecrets());
        entry.accountScope = m_request.issuer == IssuerType::Account;
        entry.http2 = http2;
        m_client->m_log->add(entry);
    }

    void finishResult(QVariant result)
    {
        m_finished = true;
        m_deadline.stop();
        m_reply->finishWithResult(std::move(result));
    }

    void finishError(const ApiError &error, bool mayHaveTakenEffect)
    {
        m_finished = true;
        m_deadline.stop();
        m_reply->finishWithError(error, mayHaveTakenEffect);
    }

    QPointer<RestClient> m_client;
    ApiReply *m_reply;
    ApiRequest m_request;
    ResponseParser m_parser;
    quint64 m_requestId;
    QPointer<QNetworkReply> m_network;
    QByteArray m_body;
    QByteArray m_jwt;
    QUrl m_url;
    QDateTime m_startedAt;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_attemptTimer;
    QTimer m_deadline;
    QTimer m_retryTimer;
    ApiError m_lastError;
    bool m_lastMayHaveTakenEffect = false;
    AbortReason m_abortReason = AbortReason::None;
    int m_attempt = 0;
    bool m_finished = false;
};

void startRequest(RestClient *client, ApiReply *reply, ApiRequest request, ResponseParser parser)
{
    auto *runner = new RequestRunner(client, reply, std::move(request), std::move(parser));
    runner->start();
}

} // namespace otadmin
