// SPDX-License-Identifier: GPL-3.0-or-later
// Switches the workspace between profiles: reads the secret from the keychain, or memory.
#pragma once

#include "credentials/CredentialStore.h"
#include "settings/Profile.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <optional>

namespace otadmin {

class ProfileStore;
class Workspace;

/// The profiles the GUI offers are the saved ones (ProfileStore, secrets in the keychain) plus
/// transient ones that live for this run only (the embedded sandbox's, with secrets in
/// memory). activate() is asynchronous: the keychain answers later. A keychain that cannot be
/// used is reported as exactly that (activationFailed with the store's sentence); the user may
/// then type the secret for this run only (activateWithRunOnlySecret), which is kept in memory
/// and flagged so the UI can warn about it. Nothing here writes a secret to disk.
class ProfileController : public QObject
{
    Q_OBJECT

public:
    ProfileController(ProfileStore *store, CredentialStore *credentials, Workspace *workspace,
        QObject *parent = nullptr);

    ProfileStore *store() const { return m_store; }
    CredentialStore *credentials() const { return m_credentials; }
    Workspace *workspace() const { return m_workspace; }

    /// Saved profiles (sorted) followed by the transient ones.
    QList<Profile> profiles() const;
    std::optional<Profile> profile(const QString &name) const;
    bool isTransient(const QString &name) const { return m_transient.contains(name); }
    /// True when the active profile runs on a secret typed for this run only.
    bool isRunOnly(const QString &name) const { return m_runOnly.contains(name); }

    /// Adds (or replaces) a profile that is not saved; its secret stays in memory.
    void addTransient(const Profile &profile, const QByteArray &secret);

    /// After a secret rotation: every transient or run-only profile whose credentialKey() is
    /// `key` uses `secret` from now on (the next activation). Returns how many were updated.
    int updateMemorySecrets(const QString &key, const QByteArray &secret);
    /// Drops the run-only secret of `name` (after the profile was removed or edited), so that
    /// the next activation reads the keychain again.
    void forgetRunOnlySecret(const QString &name);

    /// Reads the secret (memory for transient/run-only profiles, else the keychain) and
    /// activates the profile. Emits activated or activationFailed.
    void activate(const QString &name);
    /// Activates with a secret the user typed, kept in memory for this run only.
    void activateWithRunOnlySecret(const QString &name, const QByteArray &secret);
    /// Name of the profile the workspace uses ("" for none).
    QString activeName() const;
    /// True while a keychain read for activate() is pending.
    bool isActivating() const { return !m_pending.isNull(); }

Q_SIGNALS:
    void profilesChanged();
    void activationStarted(const QString &name);
    void activated(const otadmin::Profile &profile);
    /// `keychainError` is CredentialReply::Error::None when the failure was not the keychain's
    /// (e.g. an unacceptable API URL).
    void activationFailed(
        const QString &name, const QString &message, otadmin::CredentialReply::Error keychainError);

private:
    void finishActivation(const Profile &profile, const QByteArray &secret);

    ProfileStore *m_store;
    CredentialStore *m_credentials;
    Workspace *m_workspace;
    QList<Profile> m_transientProfiles;
    QHash<QString, QByteArray> m_transient;
    QHash<QString, QByteArray> m_runOnly;
    QPointer<CredentialReply> m_pending;
};

} // namespace otadmin
