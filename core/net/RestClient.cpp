// SPDX-License-Identifier: GPL-3.0-or-later
// RestClient's configuration: base URL rules, credentials, and the entry point of every call.
#include "net/RestClient.h"

#include "net/RequestRunner.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QThread>

namespace otadmin {

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

RestClient::RestClient(
    QNetworkAccessManager *network, Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent),
      m_network(network),
      m_clock(clock),
      m_random(random),
      m_baseUrl(QUrl(QString::fromLatin1(DefaultBaseUrl)))
{
    m_parsePool.setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
    // A zero-interval timer restarted from its own timeout fires again on the next pass of
    // the event loop, after the events (input, paint, other timers) that arrived meanwhile.
    m_handOverTimer.setSingleShot(true);
    m_handOverTimer.setInterval(0);
    connect(&m_handOverTimer, &QTimer::timeout, this, [this] {
        if (m_handOvers.isEmpty())
            return;
        const std::function<void()> deliver = m_handOvers.takeFirst();
        if (!m_handOvers.isEmpty())
            m_handOverTimer.start();
        deliver();
    });
}

RestClient::~RestClient() = default;

void RestClient::handOver(std::function<void()> deliver)
{
    m_handOvers.append(std::move(deliver));
    if (!m_handOverTimer.isActive())
        m_handOverTimer.start();
}

Validation RestClient::validateBaseUrl(const QUrl &url)
{
    const QString field = QStringLiteral("apiUrl");
    if (!url.isValid() || url.host().isEmpty())
        return FieldError {field, tr("must be an absolute URL such as https://api.opentok.com")};
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return FieldError {field, tr("must not contain a user name, password, query or fragment")};
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return std::nullopt;
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return std::nullopt;
        return FieldError {field,
            tr("must use https://; plain http:// is allowed only for a "
               "server on this computer (127.0.0.1, ::1, localhost)")};
    }
    return FieldError {field, tr("must start with https://")};
}

Validation RestClient::setBaseUrl(const QUrl &url)
{
    if (auto error = validateBaseUrl(url))
        return error;
    m_baseUrl = url;
    return std::nullopt;
}

QString RestClient::projectPath(std::initializer_list<QString> segments) const
{
    return apiPath({QStringLiteral("v2"), QStringLiteral("project"), m_project.apiKey})
        + apiPath(segments);
}

ApiReply *RestClient::send(const ApiRequest &request, ResponseParser parser)
{
    auto *reply = new ApiReply(request.idempotency, this);
    const Credentials &creds = request.issuer == IssuerType::Account ? m_account : m_project;
    if (!creds.isComplete()) {
        const bool account = request.issuer == IssuerType::Account;
        reply->finishLaterWithError(ApiError::validation(FieldError {
            account ? QStringLiteral("accountCredentials") : QStringLiteral("projectCredentials"),
            account ? tr("account administration needs the account API key and secret; this "
                         "profile has none")
                    : tr("this call needs a project API key and secret; none are set")}));
        return reply;
    }
    startRequest(this, reply, request, std::move(parser));
    return reply;
}

ApiReply *RestClient::reject(const FieldError &error, Idempotency idempotency)
{
    auto *reply = new ApiReply(idempotency, this);
    reply->finishLaterWithError(ApiError::validation(error));
    return reply;
}

void RestClient::abortAll()
{
    // Newest first: those may still wait in Qt's per-host queue, and aborting an older call
    // on the wire frees its connection for the next queued one, which Qt would then send.
    const auto replies = findChildren<ApiReply *>(Qt::FindDirectChildrenOnly);
    for (auto it = replies.crbegin(); it != replies.crend(); ++it)
        (*it)->abort();
}

QByteArray RestClient::userAgent()
{
    return QByteArrayLiteral("OpenTokAdmin-Qt/" OTADMIN_VERSION " Qt/") + QByteArray(qVersion());
}

QList<QByteArray> RestClient::knownSecrets() const
{
    return {m_project.apiSecret, m_account.apiSecret};
}

} // namespace otadmin
