// SPDX-License-Identifier: GPL-3.0-or-later
// An in-process sandbox on 127.0.0.1:0 and a RestClient configured for its seeded project.
#pragma once

#include "SandboxServer.h"
#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "net/RequestLog.h"
#include "net/RestClient.h"

#include <QNetworkAccessManager>

#include <memory>

namespace otadmin::test {

/// One per test function (create in init(), destroy in cleanup()): every test starts from a
/// fresh service. Lifecycle timings are short so that archive and broadcast states move
/// within a test's patience.
class SandboxFixture
{
public:
    explicit SandboxFixture(sandbox::SandboxConfig config = fastConfig());
    bool isListening() const { return m_listening; }

    static sandbox::SandboxConfig fastConfig();

    sandbox::SandboxServer &server() { return *m_server; }
    RestClient &client() { return *m_client; }
    RequestLog &log() { return m_log; }
    QNetworkAccessManager &network() { return m_network; }

    /// A routed session with one connection (what archives and broadcasts need).
    QString routedSessionWithConnection(QString *connectionId = nullptr);

private:
    QNetworkAccessManager m_network;
    RequestLog m_log;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<RestClient> m_client;
    bool m_listening = false;
};

} // namespace otadmin::test
