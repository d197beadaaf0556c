// SPDX-License-Identifier: GPL-3.0-or-later
// Wiring of the in-process sandbox and the client under test.
#include "SandboxFixture.h"

namespace otadmin::test {

sandbox::SandboxConfig SandboxFixture::fastConfig()
{
    sandbox::SandboxConfig config;
    config.archiveProcessingMs = 60;
    config.rtmpConnectMs = 60;
    return config;
}

SandboxFixture::SandboxFixture(sandbox::SandboxConfig config)
    : m_server(std::make_unique<sandbox::SandboxServer>(config))
{
    m_listening = m_server->listen();
    m_client = std::make_unique<RestClient>(
        &m_network, SystemClock::shared(), SystemRandomSource::shared());
    m_client->setBaseUrl(m_server->baseUrl());
    m_client->setProjectCredentials({m_server->apiKey(), m_server->apiSecret().toUtf8()});
    m_client->setAccountCredentials({m_server->accountKey(), m_server->accountSecret().toUtf8()});
    m_client->setRequestLog(&m_log);
}

QString SandboxFixture::routedSessionWithConnection(QString *connectionId)
{
    const QString sessionId = m_server->createSession(true);
    const QString connection = m_server->addConnection(sessionId);
    if (connectionId)
        *connectionId = connection;
    return sessionId;
}

} // namespace otadmin::test
