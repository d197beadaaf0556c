// SPDX-License-Identifier: GPL-3.0-or-later
// Handshake, request parsing (headers and Content-Length) and the fixed answer.
#include "TlsHttpServer.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QUrl>

namespace otadmin::test {

TlsHttpServer::TlsHttpServer(const TlsIdentity &identity, QObject *parent) : QObject(parent)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(identity.chain);
    config.setPrivateKey(identity.key);
    config.setPeerVerifyMode(QSslSocket::QueryPeer); // a server: clients send no certificate
    m_server.setSslConfiguration(config);
    m_server.setHandshakeTimeout(5000);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this,
        &TlsHttpServer::onPendingConnection);
    connect(&m_server, &QSslServer::errorOccurred, this,
        [this](QSslSocket *, QAbstractSocket::SocketError) { ++m_failedHandshakes; });
}

bool TlsHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TlsHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void TlsHttpServer::onPendingConnection()
{
    // QSslServer hands out a socket only once its handshake has completed.
    while (QTcpSocket *tcp = m_server.nextPendingConnection()) {
        auto *socket = qobject_cast<QSslSocket *>(tcp);
        if (!socket || !socket->isEncrypted()) {
            tcp->abort();
            tcp->deleteLater();
            continue;
        }
        ++m_encrypted;
        socket->setParent(this);
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void TlsHttpServer::onReadyRead(QSslSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const int headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    int contentLength = 0;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    for (const QByteArray &line : lines) {
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            contentLength = value.toInt();
        else if (name == "x-opentok-auth")
            m_jwts << value;
    }
    if (buffer.size() < headerEnd + 4 + contentLength) {
        socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("buffer", QByteArray());
    ++m_httpRequests;
    const QByteArray body = "{\"ok\":true}";
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

} // namespace otadmin::test
