// SPDX-License-Identifier: GPL-3.0-or-later
// A loopback HTTP CONNECT proxy that records every byte it relays, for the G-REL-10 test.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

namespace otadmin::test {

/// Accepts "CONNECT host:port HTTP/1.1", opens the upstream connection, answers
/// "200 Connection established" and then relays bytes both ways. Everything the client sent
/// (request line, headers and the tunnelled bytes) and everything upstream sent back is kept.
class ConnectProxy : public QObject
{
public:
    explicit ConnectProxy(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    /// The request lines and headers of every CONNECT, as received.
    const QList<QByteArray> &connectRequests() const { return m_connectRequests; }
    /// Every byte from clients (CONNECT requests included) and from upstream, in order.
    QByteArray allBytes() const { return m_fromClients + m_fromUpstream; }
    qint64 tunnelledBytes() const { return m_tunnelled; }
    int connections() const { return m_connections; }

private:
    void onNewConnection();

    QTcpServer m_server;
    QList<QByteArray> m_connectRequests;
    QByteArray m_fromClients;
    QByteArray m_fromUpstream;
    qint64 m_tunnelled = 0;
    int m_connections = 0;
};

} // namespace otadmin::test
