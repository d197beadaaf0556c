// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileController: profile activation with secrets from the keychain or memory.
#include "ProfileController.h"

#include "api/Workspace.h"
#include "settings/ProfileStore.h"

namespace otadmin {

ProfileController::ProfileController(
    ProfileStore *store, CredentialStore *credentials, Workspace *workspace, QObject *parent)
    : QObject(parent), m_store(store), m_credentials(credentials), m_workspace(workspace)
{
    connect(m_store, &ProfileStore::profilesChanged, this, &ProfileController::profilesChanged);
}

QList<Profile> ProfileController::profiles() const
{
    return m_store->profiles() + m_transientProfiles;
}

std::optional<Profile> ProfileController::profile(const QString &name) const
{
    for (const Profile &p : m_transientProfiles) {
        if (p.name == name)
            return p;
    }
    return m_store->profile(name);
}

void ProfileController::addTransient(const Profile &profile, const QByteArray &secret)
{
    m_transientProfiles.removeIf([&](const Profile &p) { return p.name == profile.name; });
    m_transientProfiles.append(profile);
    m_transient.insert(profile.name, secret);
    Q_EMIT profilesChanged();
}

int ProfileController::updateMemorySecrets(const QString &key, const QByteArray &secret)
{
    if (key.isEmpty() || secret.isEmpty())
        return 0;
    int updated = 0;
    for (const Profile &p : std::as_const(m_transientProfiles)) {
        if (credentialKey(p) == key) {
            m_transient.insert(p.name, secret);
            ++updated;
        }
    }
    for (auto it = m_runOnly.begin(); it != m_runOnly.end(); ++it) {
        const std::optional<Profile> p = m_store->profile(it.key());
        if (p && credentialKey(*p) == key) {
            it->fill('\0');
            *it = secret;
            ++updated;
        }
    }
    return updated;
}

void ProfileController::forgetRunOnlySecret(const QString &name)
{
    auto it = m_runOnly.find(name);
    if (it == m_runOnly.end())
        return;
    it->fill('\0');
    m_runOnly.erase(it);
}

QString ProfileController::activeName() const
{
    const auto &active = m_workspace->profile();
    return active ? active->name : QString();
}

void ProfileController::activate(const QString &name)
{
    const std::optional<Profile> target = profile(name);
    if (!target) {
        Q_EMIT activationFailed(name, tr("There is no profile called \u201c%1\u201d.").arg(name),
            CredentialReply::Error::None);
        return;
    }
    if (m_pending)
        m_pending->disconnect(this);
    Q_EMIT activationStarted(name);
    if (m_transient.contains(name)) {
        finishActivation(*target, m_transient.value(name));
        return;
    }
    if (m_runOnly.contains(name)) {
        finishActivation(*target, m_runOnly.value(name));
        return;
    }
    CredentialReply *reply = m_credentials->readSecret(credentialKey(*target));
    m_pending = reply;
    connect(reply, &CredentialReply::finished, this, [this, reply, profile = *target] {
        m_pending = nullptr;
        if (!reply->isSuccess()) {
            const QString message = reply->error() == CredentialReply::Error::NotFound
                ? tr("No secret is saved for \u201c%1\u201d in %2. Edit the profile to enter it.")
                      .arg(profile.name, m_credentials->backendName())
                : reply->errorMessage();
            Q_EMIT activationFailed(profile.name, message, reply->error());
            return;
        }
        finishActivation(profile, reply->secret());
    });
}

void ProfileController::activateWithRunOnlySecret(const QString &name, const QByteArray &secret)
{
    const std::optional<Profile> target = profile(name);
    if (!target || secret.isEmpty())
        return;
    m_runOnly.insert(name, secret);
    Q_EMIT activationStarted(name);
    finishActivation(*target, secret);
}

void ProfileController::finishActivation(const Profile &profile, const QByteArray &secret)
{
    if (const Validation bad = m_workspace->activate(profile, secret)) {
        Q_EMIT activationFailed(profile.name, bad->message, CredentialReply::Error::None);
        return;
    }
    if (!isTransient(profile.name))
        m_store->setActiveProfileName(profile.name);
    Q_EMIT activated(profile);
}

} // namespace otadmin
