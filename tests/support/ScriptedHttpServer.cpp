// SPDX-License-Identifier: GPL-3.0-or-later
// Minimal request parsing (Content-Length bodies) and scripted, possibly faulty, answers.
#include "ScriptedHttpServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace otadmin::test {

ScriptedResponse ScriptedResponse::http(int status, const QByteArray &body,
    const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers,
    int truncateTo)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Scripted\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    raw += "Connection: close\r\n";
    for (const auto &header : headers)
        raw += header.first + ": " + header.second + "\r\n";
    raw += "\r\n";
    raw += truncateTo >= 0 ? body.left(truncateTo) : body;
    ScriptedResponse response;
    response.raw = raw;
    return response;
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
}

bool ScriptedHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QByteArray ScriptedHttpServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(port());
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const int headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        ReceivedRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(
                    lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const int length = request.headers.value("content-length", "0").toInt();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_received.append(request);
        answer(socket);
    }
}

void ScriptedHttpServer::answer(QTcpSocket *socket)
{
    const ScriptedResponse response = m_script.isEmpty()
        ? ScriptedResponse::http(500, R"({"code":500,"message":"script exhausted"})")
        : m_script.dequeue();
    QPointer<QTcpSocket> guard(socket);
    auto respond = [guard, response] {
        if (!guard)
            return;
        switch (response.mode) {
        case ScriptedResponse::Mode::Hang:
            return;
        case ScriptedResponse::Mode::ResetBeforeResponse:
            guard->abort();
            return;
        case ScriptedResponse::Mode::Respond:
            guard->write(response.raw);
            guard->flush();
            if (response.closeAfter)
                guard->disconnectFromHost();
            return;
        case ScriptedResponse::Mode::Drip: {
            auto *timer = new QTimer(guard);
            auto offset = std::make_shared<int>(0);
            QObject::connect(timer, &QTimer::timeout, guard, [guard, timer, offset, response] {
                if (*offset >= response.raw.size()) {
                    timer->stop();
                    guard->disconnectFromHost();
                    return;
                }
                guard->write(response.raw.mid((*offset)++, 1));
            });
            timer->start(response.dripIntervalMSecs);
            return;
        }
        }
    };
    if (response.delayMSecs > 0)
        QTimer::singleShot(response.delayMSecs, this, respond);
    else
        respond();
}

} // namespace otadmin::test
