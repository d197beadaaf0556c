// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileSaver: secret first, profile second, old entry last.
#include "profiles/ProfileSaver.h"

#include "credentials/CredentialStore.h"
#include "settings/ProfileStore.h"

#include <QTimer>

namespace otadmin {

ProfileSaver::ProfileSaver(ProfileStore *profiles, CredentialStore *credentials, QObject *parent)
    : QObject(parent), m_profiles(profiles), m_credentials(credentials)
{
}

bool ProfileSaver::isKeyShared(
    const ProfileStore &profiles, const QString &key, const QString &exceptName)
{
    const QList<Profile> all = profiles.profiles();
    return std::any_of(all.cbegin(), all.cend(),
        [&](const Profile &p) { return p.name != exceptName && credentialKey(p) == key; });
}

void ProfileSaver::fail(const QString &message)
{
    m_running = false;
    Q_EMIT failed(message);
}

void ProfileSaver::save(
    const std::optional<Profile> &original, const Profile &updated, QByteArray secret)
{
    if (m_running)
        return;
    m_running = true;
    m_original = original;
    m_updated = updated;
    QString problem;
    if (const Validation bad = updated.validate())
        problem = bad->toString();
    else if ((!original || original->name != updated.name) && m_profiles->contains(updated.name))
        problem = tr("A profile called \u201c%1\u201d already exists.").arg(updated.name);
    else if (original && !m_profiles->contains(original->name))
        problem = tr("The profile \u201c%1\u201d no longer exists.").arg(original->name);
    else if (!original && secret.isEmpty())
        problem = tr("Enter the secret: a profile cannot be used without it.");
    if (!problem.isEmpty()) {
        QTimer::singleShot(0, this, [this, problem] { fail(problem); });
        return;
    }
    if (!secret.isEmpty()) {
        writeAndCommit(secret);
        secret.fill('\0');
        return;
    }
    const QString oldKey = credentialKey(*original);
    if (oldKey == credentialKey(updated)) {
        QTimer::singleShot(0, this, [this] { commit(); });
        return;
    }
    // Key, kind or URL changed without a new secret: move the saved one.
    CredentialReply *read = m_credentials->readSecret(oldKey);
    connect(read, &CredentialReply::finished, this, [this, read] {
        if (read->error() == CredentialReply::Error::NotFound) {
            fail(tr("No secret is saved for \u201c%1\u201d in %2, so there is none to move. "
                    "Enter the secret to save the changes.")
                     .arg(m_original->name, m_credentials->backendName()));
            return;
        }
        if (!read->isSuccess()) {
            fail(tr("The saved secret could not be read to move it: %1 Nothing was changed.")
                     .arg(read->errorMessage()));
            return;
        }
        writeAndCommit(read->secret());
    });
}

void ProfileSaver::writeAndCommit(const QByteArray &secret)
{
    CredentialReply *write = m_credentials->writeSecret(credentialKey(m_updated), secret);
    connect(write, &CredentialReply::finished, this, [this, write] {
        if (!write->isSuccess()) {
            fail(tr("The secret could not be saved in %1: %2 The profile was not saved.")
                     .arg(m_credentials->backendName(), write->errorMessage()));
            return;
        }
        commit();
    });
}

void ProfileSaver::commit()
{
    const Validation bad =
        m_original ? m_profiles->update(m_original->name, m_updated) : m_profiles->add(m_updated);
    if (bad) {
        fail(tr("The profile could not be saved: %1").arg(bad->toString()));
        return;
    }
    const QString oldKey = m_original ? credentialKey(*m_original) : QString();
    const QString newKey = credentialKey(m_updated);
    if (oldKey.isEmpty() || oldKey == newKey || isKeyShared(*m_profiles, oldKey, m_updated.name)) {
        m_running = false;
        Q_EMIT saved(m_updated, {});
        return;
    }
    CredentialReply *remove = m_credentials->deleteSecret(oldKey);
    connect(remove, &CredentialReply::finished, this, [this, remove, oldKey] {
        m_running = false;
        QString warning;
        if (!remove->isSuccess()) {
            warning = tr("The profile was saved, but its old keychain entry \u201c%1\u201d could "
                         "not be deleted: %2 Delete it with your keychain tool.")
                          .arg(oldKey, remove->errorMessage());
        }
        Q_EMIT saved(m_updated, warning);
    });
}

} // namespace otadmin
