// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace: the REST client and area APIs of the active profile.
#include "api/Workspace.h"

#include "api/AccountApi.h"
#include "api/ArchivesApi.h"
#include "api/BroadcastsApi.h"
#include "api/ModerationApi.h"
#include "api/SessionsApi.h"
#include "api/SipApi.h"
#include "api/StorageApi.h"
#include "net/RequestLog.h"

namespace otadmin {

Workspace::Workspace(
    QNetworkAccessManager *network, Clock &clock, RandomSource &random, QObject *parent)
    : QObject(parent),
      m_log(new RequestLog(this)),
      m_client(new RestClient(network, clock, random, this)),
      m_sessions(new SessionsApi(m_client, this)),
      m_moderation(new ModerationApi(m_client, this)),
      m_archives(new ArchivesApi(m_client, this)),
      m_broadcasts(new BroadcastsApi(m_client, this)),
      m_storage(new StorageApi(m_client, this)),
      m_sip(new SipApi(m_client, this)),
      m_account(new AccountApi(m_client, this))
{
    m_client->setRequestLog(m_log);
}

Workspace::~Workspace()
{
    m_client->abortAll();
}

Validation Workspace::activate(const Profile &profile, const QByteArray &secret)
{
    if (const Validation bad = RestClient::validateBaseUrl(profile.effectiveApiUrl()))
        return bad;
    m_client->abortAll();
    dropCredentials();
    m_client->setBaseUrl(profile.effectiveApiUrl());
    const Credentials credentials {profile.apiKey, secret};
    if (profile.kind == ProfileKind::Account)
        m_client->setAccountCredentials(credentials);
    else
        m_client->setProjectCredentials(credentials);
    m_profile = profile;
    ++m_generation;
    Q_EMIT profileActivated(profile);
    return std::nullopt;
}

void Workspace::deactivate()
{
    m_client->abortAll();
    dropCredentials();
    m_profile.reset();
    ++m_generation;
    Q_EMIT profileDeactivated();
}

bool Workspace::isAccountProfile() const
{
    return m_profile && m_profile->kind == ProfileKind::Account;
}

void Workspace::dropCredentials()
{
    m_client->setProjectCredentials({});
    m_client->setAccountCredentials({});
}

} // namespace otadmin
