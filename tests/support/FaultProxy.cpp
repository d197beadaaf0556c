// SPDX-License-Identifier: GPL-3.0-or-later
// The fault proxy: per-connection HTTP/1.1 framing and the scripted fault of each request.
#include "FaultProxy.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace otadmin::test {

namespace {

/// Value of header `name` (lower-case) in a header block, or empty.
QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

FaultPlan FaultPlan::replace(const QByteArray &raw)
{
    FaultPlan plan;
    plan.mode = Mode::Replace;
    plan.raw = raw;
    return plan;
}

FaultPlan FaultPlan::respond(int status, const QByteArray &body, const QByteArray &contentType,
    const QList<QPair<QByteArray, QByteArray>> &headers, bool withLength)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    if (withLength)
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &header : headers)
        raw += header.first + ": " + header.second + "\r\n";
    raw += "Connection: close\r\n\r\n" + body;
    return replace(raw);
}

QString FaultPlan::modeName(Mode mode)
{
    switch (mode) {
    case Mode::PassThrough:
        return QStringLiteral("pass-through");
    case Mode::Latency:
        return QStringLiteral("latency");
    case Mode::Drip:
        return QStringLiteral("drip");
    case Mode::Hang:
        return QStringLiteral("hang");
    case Mode::NeverReadBody:
        return QStringLiteral("never-read-body");
    case Mode::ResetBeforeForward:
        return QStringLiteral("reset-before-forward");
    case Mode::ResetBeforeResponse:
        return QStringLiteral("reset-before-response");
    case Mode::ResetMidBody:
        return QStringLiteral("reset-mid-body");
    case Mode::TruncateBody:
        return QStringLiteral("truncate-body");
    case Mode::Replace:
        return QStringLiteral("replace");
    }
    return {};
}

/// One client connection, its upstream connection and the request in progress.
struct FaultProxy::Link
{
    QObject *owner = nullptr; ///< parent of sockets and timers; every connection's context
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QByteArray clientBuffer;
    bool dead = false;
    bool hasPlan = false; ///< a request's plan is taken and its response not finished
    bool stalled = false; ///< NeverReadBody: the client is never read again
    bool requestSent = false;
    FaultPlan plan;

    // The current response as received from upstream.
    QByteArray response;
    qsizetype headerLength = -1;
    qint64 bodyLength = -1; ///< -1: until the upstream closes
    qsizetype passed = 0; ///< bytes of `response` already handed on
    bool cut = false;

    // Latency: chunks due at a time, in order.
    struct Delayed
    {
        qint64 due;
        QByteArray bytes;
        bool end;
    };
    QList<Delayed> delayed;
    QTimer *delayTimer = nullptr;
    QElapsedTimer clock;

    // Drip.
    QByteArray dripBuffer;
    QTimer *dripTimer = nullptr;

    bool responseComplete() const
    {
        return headerLength >= 0 && bodyLength >= 0 && response.size() >= headerLength + bodyLength;
    }
};

FaultProxy::FaultProxy(const QUrl &upstream, QObject *parent)
    : QObject(parent), m_upstream(upstream)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    for (Link *link : std::as_const(m_links)) {
        delete link->owner;
        delete link;
    }
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FaultProxy::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *link = new Link;
        link->owner = new QObject(this);
        link->client = socket;
        socket->setParent(link->owner);
        link->clock.start();
        link->delayTimer = new QTimer(link->owner);
        link->delayTimer->setSingleShot(true);
        link->delayTimer->setTimerType(Qt::PreciseTimer);
        connect(
            link->delayTimer, &QTimer::timeout, link->owner, [this, link] { flushDelayed(link); });
        link->dripTimer = new QTimer(link->owner);
        link->dripTimer->setTimerType(Qt::PreciseTimer);
        connect(link->dripTimer, &QTimer::timeout, link->owner, [this, link] { dripOne(link); });
        connect(socket, &QTcpSocket::readyRead, link->owner, [this, link] { onClientData(link); });
        connect(socket, &QTcpSocket::disconnected, link->owner, [this, link] { closeLink(link); });
        m_links.append(link);
        onClientData(link);
    }
}

void FaultProxy::onClientData(Link *link)
{
    if (link->dead || link->stalled)
        return;
    link->clientBuffer += link->client->readAll();
    startRequest(link);
}

void FaultProxy::startRequest(Link *link)
{
    if (link->dead || link->stalled)
        return;
    const qsizetype headerEnd = link->clientBuffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QByteArray head = link->clientBuffer.left(headerEnd);
    if (!link->hasPlan) {
        link->hasPlan = true;
        link->requestSent = false;
        link->plan = m_plans.isEmpty() ? m_default : m_plans.dequeue();
        ++m_seen;
        const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
        m_lines << QString::fromLatin1(requestLine.value(0) + ' ' + requestLine.value(1));
        if (link->plan.mode == FaultPlan::Mode::NeverReadBody) {
            // Stop reading: once Qt's small buffer is full the kernel's fills, then the client's.
            link->stalled = true;
            link->client->setReadBufferSize(1);
            return;
        }
    }
    if (link->requestSent)
        return; // one request at a time per connection; the next waits in clientBuffer
    const qint64 bodyLength = headerValue(head, "content-length").toLongLong();
    const qint64 total = headerEnd + 4 + bodyLength;
    if (link->clientBuffer.size() < total)
        return;
    const QByteArray request = link->clientBuffer.left(total);
    link->clientBuffer.remove(0, total);
    link->requestSent = true;

    switch (link->plan.mode) {
    case FaultPlan::Mode::ResetBeforeForward:
        reset(link);
        return;
    case FaultPlan::Mode::Latency:
        QTimer::singleShot(link->plan.delayMSecs, Qt::PreciseTimer, link->owner,
            [this, link, request] { forwardRequest(link, request); });
        return;
    default:
        forwardRequest(link, request);
    }
}

void FaultProxy::forwardRequest(Link *link, const QByteArray &request)
{
    if (link->dead)
        return;
    link->response.clear();
    link->headerLength = -1;
    link->bodyLength = -1;
    link->passed = 0;
    link->cut = false;
    if (!link->upstream || link->upstream->state() == QAbstractSocket::UnconnectedState) {
        if (link->upstream)
            link->upstream->deleteLater();
        link->upstream = new QTcpSocket(link->owner);
        QTcpSocket *upstream = link->upstream;
        connect(upstream, &QTcpSocket::readyRead, link->owner, [this, link, upstream] {
            if (link->upstream == upstream)
                onUpstreamData(link);
        });
        connect(upstream, &QTcpSocket::disconnected, link->owner, [this, link, upstream] {
            if (link->dead || link->upstream != upstream || !link->hasPlan || !link->requestSent)
                return;
            // A close-delimited body ends here.
            if (link->headerLength >= 0 && link->bodyLength < 0) {
                link->bodyLength = link->response.size() - link->headerLength;
                handleResponseBytes(link, {});
            }
        });
        upstream->connectToHost(QHostAddress::LocalHost, quint16(m_upstream.port()));
    }
    ++m_forwarded;
    link->upstream->write(request); // buffered by Qt until connected
}

void FaultProxy::onUpstreamData(Link *link)
{
    if (link->dead)
        return;
    handleResponseBytes(link, link->upstream->readAll());
}

void FaultProxy::handleResponseBytes(Link *link, const QByteArray &bytes)
{
    if (link->dead || !link->hasPlan)
        return;
    link->response += bytes;
    if (link->headerLength < 0) {
        const qsizetype end = link->response.indexOf("\r\n\r\n");
        if (end >= 0) {
            link->headerLength = end + 4;
            const QByteArray head = link->response.left(end);
            const int status = head.mid(9, 3).toInt();
            const QByteArray length = headerValue(head, "content-length");
            if (status < 200 || status == 204 || status == 304)
                link->bodyLength = 0;
            else if (!length.isEmpty())
                link->bodyLength = length.toLongLong();
        }
    }
    const bool complete = link->responseComplete();
    const FaultPlan &plan = link->plan;
    switch (plan.mode) {
    case FaultPlan::Mode::PassThrough:
    case FaultPlan::Mode::NeverReadBody:
    case FaultPlan::Mode::ResetBeforeForward:
        toClient(link, link->response.mid(link->passed), complete);
        link->passed = link->response.size();
        break;
    case FaultPlan::Mode::Latency:
        if (link->response.size() > link->passed || complete) {
            link->delayed.append({link->clock.elapsed() + plan.delayMSecs,
                link->response.mid(link->passed), complete});
            link->passed = link->response.size();
            if (!link->delayTimer->isActive())
                link->delayTimer->start(plan.delayMSecs);
        }
        break;
    case FaultPlan::Mode::Drip:
        if (complete && !link->dripTimer->isActive()) {
            link->dripBuffer = link->response;
            if (!plan.dripHeaders) {
                link->client->write(link->dripBuffer.left(link->headerLength));
                link->dripBuffer.remove(0, link->headerLength);
            }
            link->dripTimer->start(qMax(1, plan.dripIntervalMSecs));
        }
        break;
    case FaultPlan::Mode::Hang:
        break; // swallowed: the client waits until it gives up
    case FaultPlan::Mode::ResetBeforeResponse:
        if (!link->response.isEmpty())
            reset(link);
        break;
    case FaultPlan::Mode::ResetMidBody:
    case FaultPlan::Mode::TruncateBody: {
        if (link->headerLength < 0 || link->cut)
            break;
        qint64 cutAt;
        if (link->bodyLength == 0)
            cutAt = link->headerLength / 2;
        else if (link->bodyLength > 0)
            cutAt = link->headerLength
                + qBound<qint64>(0, qint64(plan.cutAfterBytes), link->bodyLength - 1);
        else
            cutAt = link->headerLength + plan.cutAfterBytes;
        if (link->response.size() < cutAt)
            break;
        link->cut = true;
        link->client->write(link->response.left(cutAt));
        if (plan.mode == FaultPlan::Mode::ResetMidBody) {
            link->client->flush();
            reset(link);
        } else {
            link->client->disconnectFromHost(); // FIN after the bytes are written
        }
        break;
    }
    case FaultPlan::Mode::Replace:
        if (complete) {
            link->client->write(plan.raw);
            link->client->disconnectFromHost();
        }
        break;
    }
}

void FaultProxy::toClient(Link *link, const QByteArray &bytes, bool endOfResponse)
{
    if (link->dead)
        return;

    if (!bytes.isEmpty())
        link->client->write(bytes);
    if (endOfResponse)
        responseDone(link);
}

void FaultProxy::flushDelayed(Link *link)
{
    if (link->dead)
        return;
    const qint64 now = link->clock.elapsed();
    while (!link->delayed.isEmpty() && link->delayed.first().due <= now) {
        const Link::Delayed chunk = link->delayed.takeFirst();
        toClient(link, chunk.bytes, chunk.end);
        if (link->dead)
            return;
    }
    if (!link->delayed.isEmpty())
        link->delayTimer->start(int(qMax<qint64>(1, link->delayed.first().due - now)));
}

void FaultProxy::dripOne(Link *link)
{
    if (link->dead)
        return;
    if (link->dripBuffer.isEmpty()) {
        link->dripTimer->stop();
        responseDone(link);
        return;
    }
    link->client->write(link->dripBuffer.left(1));
    link->dripBuffer.remove(0, 1);
}

void FaultProxy::responseDone(Link *link)
{
    link->hasPlan = false;
    link->requestSent = false;
    link->response.clear();
    link->headerLength = -1;
    link->bodyLength = -1;
    link->passed = 0;
    // The next request may already be waiting (keep-alive).
    QTimer::singleShot(0, link->owner, [this, link] { startRequest(link); });
}

void FaultProxy::reset(Link *link)
{
    if (link->dead)
        return;
    // SO_LINGER 0 turns the close into a TCP RST instead of an orderly FIN.
    const qintptr fd = link->client->socketDescriptor();
    if (fd >= 0) {
        const linger option {1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
    link->client->abort();
    closeLink(link);
}

void FaultProxy::closeLink(Link *link)
{
    if (link->dead)
        return;
    link->dead = true;
    link->delayTimer->stop();
    link->dripTimer->stop();
    if (link->upstream)
        link->upstream->abort();
    m_links.removeOne(link);
    QObject *owner = link->owner;
    connect(owner, &QObject::destroyed, [link] { delete link; });
    owner->deleteLater();
}

} // namespace otadmin::test
