// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxLauncher: the embedded sandbox and its two profiles.
#include "SandboxLauncher.h"

#include "ProfileController.h"
#include "SandboxServer.h"
#include "settings/Profile.h"

namespace otadmin {

SandboxLauncher::SandboxLauncher(ProfileController *profiles, QObject *parent)
    : QObject(parent), m_profiles(profiles)
{
}

SandboxLauncher::~SandboxLauncher() = default;

bool SandboxLauncher::start(QString *error)
{
    if (m_server)
        return true;
    auto server = std::make_unique<sandbox::SandboxServer>();
    if (!server->listen()) {
        if (error)
            *error = tr("The sandbox could not listen on 127.0.0.1.");
        return false;
    }
    Profile project;
    project.name = QString::fromLatin1(ProjectProfileName);
    project.kind = ProfileKind::Project;
    project.apiKey = server->apiKey();
    project.apiUrl = server->baseUrl();
    project.color = QString::fromLatin1(TagColor);
    Profile account = project;
    account.name = QString::fromLatin1(AccountProfileName);
    account.kind = ProfileKind::Account;
    account.apiKey = server->accountKey();
    m_profiles->addTransient(project, server->apiSecret().toUtf8());
    m_profiles->addTransient(account, server->accountSecret().toUtf8());
    m_server = std::move(server);
    return true;
}

} // namespace otadmin
