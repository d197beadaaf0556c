// SPDX-License-Identifier: GPL-3.0-or-later
// Saves a profile and its secret in the right order, so that nothing is saved half-way.
#pragma once

#include "settings/Profile.h"

#include <QObject>
#include <optional>

namespace otadmin {

class CredentialReply;
class CredentialStore;
class ProfileStore;

/// One save of the profile dialog, asynchronous because the keychain is:
///   * the secret is written first (under credentialKey() of the new profile); only when the
///     keychain accepted it is the profile added or updated in the ProfileStore;
///   * when the key, kind or API URL changed and no new secret was typed, the saved secret is
///     moved: read the old entry, write the new one, save the profile, then delete the old
///     entry — unless another saved profile still uses it;
///   * a keychain failure before the profile is saved ends in failed() with the store's
///     sentence, and nothing changed. A failure to delete the old entry after the profile was
///     saved ends in saved() with a warning naming the entry left behind.
/// An unproven "not found" never happens here: stores report it as Locked (G-SEC-5); a proven
/// one means there is nothing to move, and the user is asked for the secret.
class ProfileSaver : public QObject
{
    Q_OBJECT

public:
    ProfileSaver(ProfileStore *profiles, CredentialStore *credentials, QObject *parent = nullptr);

    /// `original`: the profile being edited, or nullopt to add `updated`. `secret` empty: keep
    /// (or move) the saved one. Emits saved or failed exactly once, later.
    void save(const std::optional<Profile> &original, const Profile &updated, QByteArray secret);
    bool isRunning() const { return m_running; }

    /// True when a saved profile other than `exceptName` keeps its secret under `key`.
    static bool isKeyShared(
        const ProfileStore &profiles, const QString &key, const QString &exceptName);

Q_SIGNALS:
    void saved(const otadmin::Profile &profile, const QString &warning);
    void failed(const QString &message);

private:
    void writeAndCommit(const QByteArray &secret);
    void commit();
    void fail(const QString &message);

    ProfileStore *m_profiles;
    CredentialStore *m_credentials;
    std::optional<Profile> m_original;
    Profile m_updated;
    bool m_running = false;
};

} // namespace otadmin
