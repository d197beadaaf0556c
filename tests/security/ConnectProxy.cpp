// SPDX-License-Identifier: GPL-3.0-or-later
// CONNECT parsing and the two-way relay of ConnectProxy.
#include "ConnectProxy.h"

#include <QPointer>
#include <QTcpSocket>

namespace otadmin::test {

ConnectProxy::ConnectProxy(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ConnectProxy::onNewConnection);
}

bool ConnectProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ConnectProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_connections;
        client->setParent(this);
        auto *upstream = new QTcpSocket(client);
        auto head = std::make_shared<QByteArray>();
        auto tunnelling = std::make_shared<bool>(false);
        QPointer<QTcpSocket> clientGuard(client);
        QPointer<QTcpSocket> upstreamGuard(upstream);

        connect(client, &QTcpSocket::readyRead, this, [=, this] {
            const QByteArray bytes = client->readAll();
            m_fromClients += bytes;
            if (*tunnelling) {
                m_tunnelled += bytes.size();
                upstream->write(bytes);
                return;
            }
            *head += bytes;
            const int end = head->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_connectRequests << head->left(end + 4);
            const QList<QByteArray> requestLine = head->left(head->indexOf("\r\n")).split(' ');
            const QByteArray authority = requestLine.value(1);
            const int colon = authority.lastIndexOf(':');
            if (requestLine.value(0) != "CONNECT" || colon <= 0) {
                client->write("HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            const QByteArray early = head->mid(end + 4); // bytes sent before the 200
            upstream->connectToHost(
                QString::fromLatin1(authority.left(colon)), authority.mid(colon + 1).toUShort());
            connect(upstream, &QTcpSocket::connected, this, [=, this] {
                *tunnelling = true;
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                if (!early.isEmpty()) {
                    m_tunnelled += early.size();
                    upstream->write(early);
                }
            });
        });
        connect(upstream, &QTcpSocket::readyRead, this, [=, this] {
            const QByteArray bytes = upstream->readAll();
            m_fromUpstream += bytes;
            m_tunnelled += bytes.size();
            if (clientGuard)
                clientGuard->write(bytes);
        });
        connect(upstream, &QTcpSocket::disconnected, this, [clientGuard] {
            if (clientGuard)
                clientGuard->disconnectFromHost();
        });
        connect(upstream, &QTcpSocket::errorOccurred, this, [clientGuard, tunnelling] {
            if (clientGuard && !*tunnelling) {
                clientGuard->write(
                    "HTTP/1.1 502 Upstream unreachable\r\nContent-Length: 0\r\n\r\n");
                clientGuard->disconnectFromHost();
            }
        });
        connect(client, &QTcpSocket::disconnected, this, [clientGuard, upstreamGuard] {
            if (upstreamGuard)
                upstreamGuard->disconnectFromHost();
            if (clientGuard)
                clientGuard->deleteLater();
        });
    }
}

} // namespace otadmin::test
