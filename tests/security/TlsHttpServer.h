// SPDX-License-Identifier: GPL-3.0-or-later
// A TLS listener on 127.0.0.1:0 (QSslServer) that answers every HTTP request with 200 JSON.
#pragma once

#include "TestPki.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslServer>

namespace otadmin::test {

/// Serves one TLS identity. Counts what reached its HTTP layer (a request can only get there
/// after a completed handshake) and the handshakes that failed, and keeps every
/// X-OPENTOK-AUTH value it received.
class TlsHttpServer : public QObject
{
public:
    explicit TlsHttpServer(const TlsIdentity &identity, QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// https://127.0.0.1:PORT
    QUrl baseUrl() const;

    int httpRequests() const { return m_httpRequests; }
    int encryptedConnections() const { return m_encrypted; }
    int failedHandshakes() const { return m_failedHandshakes; }
    const QList<QByteArray> &receivedJwts() const { return m_jwts; }

private:
    void onPendingConnection();
    void onReadyRead(QSslSocket *socket);

    QSslServer m_server;
    int m_httpRequests = 0;
    int m_encrypted = 0;
    int m_failedHandshakes = 0;
    QList<QByteArray> m_jwts;
};

} // namespace otadmin::test
