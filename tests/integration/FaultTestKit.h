// SPDX-License-Identifier: GPL-3.0-or-later
// Shared wiring of the fault suites: sandbox, fault proxy in front of it, a client through it.
#pragma once

#include "FaultProxy.h"
#include "ReplyWaiter.h"
#include "SandboxFixture.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

namespace otadmin::test {

/// A fresh sandbox, a FaultProxy in front of it, and a RestClient (own network manager and
/// request log) whose base URL is the proxy. The fixture's own client talks to the sandbox
/// directly, for setting up state the faults should not touch.
class ProxiedSandbox
{
public:
    ProxiedSandbox(int deadlineMSecs, int inactivityMSecs)
        : m_proxy(m_fixture.server().baseUrl()),
          m_client(&m_network, SystemClock::shared(), SystemRandomSource::shared())
    {
        m_listening = m_fixture.isListening() && m_proxy.listen();
        m_client.setBaseUrl(m_proxy.baseUrl());
        m_client.setProjectCredentials(m_fixture.client().projectCredentials());
        m_client.setAccountCredentials(m_fixture.client().accountCredentials());
        m_client.setRequestLog(&m_log);
        m_client.config().deadlineMSecs = deadlineMSecs;
        m_client.config().inactivityTimeoutMSecs = inactivityMSecs;
        m_client.config().retry.baseDelayMSecs = 20;
    }

    bool isListening() const { return m_listening; }
    SandboxFixture &fixture() { return m_fixture; }
    sandbox::SandboxServer &server() { return m_fixture.server(); }
    FaultProxy &proxy() { return m_proxy; }
    RestClient &client() { return m_client; }
    RequestLog &log() { return m_log; }
    QNetworkAccessManager &network() { return m_network; }

    /// Requests in the sandbox journal with this method whose path ends with `pathSuffix`.
    int count(const QByteArray &method, const QString &pathSuffix = {})
    {
        int n = 0;
        for (const sandbox::JournalEntry &entry : m_fixture.server().journal()) {
            if (entry.method == method && entry.path.endsWith(pathSuffix))
                ++n;
        }
        return n;
    }

private:
    SandboxFixture m_fixture;
    FaultProxy m_proxy;
    QNetworkAccessManager m_network;
    RequestLog m_log;
    RestClient m_client;
    bool m_listening = false;
};

/// G-REL-9: no entry of `log` negotiated HTTP/2 (and there was something to look at).
inline bool noHttp2(const RequestLog &log, QString *why)
{
    const QList<RequestLogEntry> entries = log.entries();
    for (const RequestLogEntry &entry : entries) {
        if (entry.http2) {
            *why = QStringLiteral("HTTP/2 used for ") + QString::fromLatin1(entry.method) + u' '
                + entry.url.path();
            return false;
        }
    }
    return true;
}

/// Resident set size of this process in KiB (VmRSS of /proc/self/status), -1 if unknown.
inline qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace otadmin::test

/// Checks G-REL-9 over a client's request log (use in cleanup()).
#define OTADMIN_VERIFY_NO_HTTP2(log)                                                               \
    do {                                                                                           \
        QString otadminWhy_;                                                                       \
        QVERIFY2(otadmin::test::noHttp2((log), &otadminWhy_), qPrintable(otadminWhy_));            \
    } while (false)
