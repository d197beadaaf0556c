// SPDX-License-Identifier: GPL-3.0-or-later
// A raw HTTP/1.1 server on loopback that answers each request from a script, for transport tests.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QTcpServer>

namespace otadmin::test {

/// What the server does with one request. Below HTTP's rules on purpose: it can hang, drip,
/// cut a body short or reset, which a well-behaved server (the sandbox) never does.
struct ScriptedResponse
{
    enum class Mode
    {
        Respond, ///< write `raw` at once, then close if `closeAfter`
        Hang, ///< read the request, never answer
        Drip, ///< write `raw` one byte every `dripIntervalMSecs`
        ResetBeforeResponse, ///< abort the connection without answering
    };
    Mode mode = Mode::Respond;
    QByteArray raw; ///< the full response bytes: status line, headers, body
    int delayMSecs = 0;
    int dripIntervalMSecs = 100;
    bool closeAfter = true;

    /// A well-formed response with Content-Length (or a shorter body than announced when
    /// `truncateTo` >= 0).
    static ScriptedResponse http(int status, const QByteArray &body,
        const QByteArray &contentType = "application/json",
        const QList<QPair<QByteArray, QByteArray>> &headers = {}, int truncateTo = -1);
};

/// One request as received (headers lower-cased).
struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

class ScriptedHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedHttpServer(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QByteArray baseUrl() const;

    /// Responses are used in order, one per request; when the queue is empty: 500.
    void enqueue(const ScriptedResponse &response) { m_script.enqueue(response); }
    const QList<ReceivedRequest> &received() const { return m_received; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket);

    QTcpServer m_server;
    QQueue<ScriptedResponse> m_script;
    QList<ReceivedRequest> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace otadmin::test
