// SPDX-License-Identifier: GPL-3.0-or-later
// A loopback TCP proxy between the client and the sandbox that injects scripted transport faults.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;
class QTimer;

namespace otadmin::test {

/// What the proxy does with one request (RELIABILITY G-REL-1/2/4/6). Deterministic: the only
/// waits are the scripted intervals.
struct FaultPlan
{
    enum class Mode
    {
        PassThrough, ///< forward both ways unchanged
        Latency, ///< forward, but hold the request and every response chunk `delayMSecs`
        Drip, ///< forward; headers at once (unless `dripHeaders`), then 1 body byte per interval
        Hang, ///< forward the request, never answer (the response is swallowed)
        NeverReadBody, ///< read the request headers, then never read again; nothing forwarded
        ResetBeforeForward, ///< RST as soon as the request is in; nothing forwarded
        ResetBeforeResponse, ///< forward; RST when the sandbox's first response byte arrives
        ResetMidBody, ///< forward; send headers + `cutAfterBytes` of the body, then RST
        TruncateBody, ///< forward; send headers + `cutAfterBytes` of the body, then FIN
        Replace, ///< forward; answer `raw` instead of the sandbox's response, then close
    };
    Mode mode = Mode::PassThrough;
    int delayMSecs = 0;
    int dripIntervalMSecs = 100;
    /// Drip: also drip the status line and headers (Qt's inactivity timer ignores header bytes;
    /// body bytes reset it, so a body drip is what only the overall deadline can end).
    bool dripHeaders = false;
    /// Body bytes sent before a cut. Clamped to body length - 1; with no body at all the cut
    /// falls inside the headers instead, so the response is always incomplete.
    int cutAfterBytes = 1;
    QByteArray raw; ///< Replace: the full response bytes (status line, headers, body)

    static FaultPlan passThrough() { return {}; }
    static FaultPlan of(Mode mode)
    {
        FaultPlan plan;
        plan.mode = mode;
        return plan;
    }
    static FaultPlan latency(int msecs)
    {
        FaultPlan plan = of(Mode::Latency);
        plan.delayMSecs = msecs;
        return plan;
    }
    static FaultPlan drip(int intervalMSecs, bool headersToo = false)
    {
        FaultPlan plan = of(Mode::Drip);
        plan.dripIntervalMSecs = intervalMSecs;
        plan.dripHeaders = headersToo;
        return plan;
    }
    static FaultPlan replace(const QByteArray &raw);
    /// A Replace plan with a well-formed response: `headers` are added after Content-Type
    /// and Content-Length (omitted when `withLength` is false: the body ends at close).
    static FaultPlan respond(int status, const QByteArray &body,
        const QByteArray &contentType = "application/json",
        const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool withLength = true);
    static QString modeName(Mode mode);
};

/// Listens on 127.0.0.1:0 and forwards HTTP/1.1 to `upstream`, one upstream connection per
/// client connection (keep-alive is mirrored: Qt reuses connections). It parses just enough
/// HTTP (request line, headers, Content-Length body; response headers and Content-Length) to
/// know where each request and response ends. Each request takes the next plan from the
/// queue, or the default plan when the queue is empty.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    explicit FaultProxy(const QUrl &upstream, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    /// http://127.0.0.1:PORT — use as the client's base URL.
    QUrl baseUrl() const;

    void enqueue(const FaultPlan &plan) { m_plans.enqueue(plan); }
    void setDefaultPlan(const FaultPlan &plan) { m_default = plan; }
    void clearPlans() { m_plans.clear(); }

    /// Requests whose headers arrived (each consumed one plan).
    int requestsSeen() const { return m_seen; }
    /// Requests passed on to the upstream server.
    int requestsForwarded() const { return m_forwarded; }
    /// "METHOD /path" of each request seen, in order.
    QStringList requestLines() const { return m_lines; }

private:
    struct Link;
    void onNewConnection();
    void onClientData(Link *link);
    void onUpstreamData(Link *link);
    void startRequest(Link *link);
    void forwardRequest(Link *link, const QByteArray &request);
    void handleResponseBytes(Link *link, const QByteArray &bytes);
    void toClient(Link *link, const QByteArray &bytes, bool endOfResponse);
    void flushDelayed(Link *link);
    void dripOne(Link *link);
    void responseDone(Link *link);
    void reset(Link *link);
    void closeLink(Link *link);

    QTcpServer m_server;
    QUrl m_upstream;
    QQueue<FaultPlan> m_plans;
    FaultPlan m_default;
    QList<Link *> m_links;
    int m_seen = 0;
    int m_forwarded = 0;
    QStringList m_lines;
};

} // namespace otadmin::test
