// SPDX-License-Identifier: GPL-3.0-or-later
// The list of profiles and the active one, kept in QSettings (never a secret).
#pragma once

#include "settings/Profile.h"

#include <QList>
#include <QObject>

#include <optional>

class QSettings;

namespace otadmin {

/// Non-secret profile data in QSettings. The only keys ever written are:
///   schemaVersion                 int, SchemaVersion
///   activeProfile                 QString, a profile name or empty
///   profiles/size                 the QSettings array size
///   profiles/<n>/name, kind ("project"/"account"), apiKey, apiUrl (empty = default), color
/// Secrets are never passed to or stored by this class; they live in a CredentialStore.
/// Changes are written through at once (and QSettings::sync() is called), so a second
/// ProfileStore (e.g. the CLI) constructed later sees them. Entries that fail validation when
/// read (a hand-edited file) are skipped with a warning naming the field.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 1;

    /// `settings` is not owned and must outlive the store. Writes "schemaVersion" when it is
    /// missing or older; a newer version's file is read as far as it is understood.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);

    /// Sorted by name (case-insensitively, then exactly).
    QList<Profile> profiles() const;
    std::optional<Profile> profile(const QString &name) const;
    bool contains(const QString &name) const { return profile(name).has_value(); }

    /// Adds a valid profile. Errors: the profile's own validation, or
    /// FieldError{"name", "...already exists"}. Emits profilesChanged on success.
    Validation add(const Profile &profile);
    /// Replaces the profile called `name`; `profile.name` may differ (a rename; the active
    /// profile follows it and activeProfileChanged fires). Errors: validation, FieldError{"name"}
    /// for an unknown `name` or a new name that already exists. A changed apiKey, kind or
    /// apiUrl changes credentialKey(): moving the secret is the caller's job.
    Validation update(const QString &name, const Profile &profile);
    /// False when there is no such profile. Removing the active profile clears the active name
    /// (activeProfileChanged("")). The keychain entry is left to the caller.
    bool remove(const QString &name);

    /// Empty when none is set or the stored name no longer exists.
    QString activeProfileName() const;
    /// Sets an existing profile (or "" for none) as active; emits activeProfileChanged when it
    /// changes. Returns false, changing nothing, for an unknown name.
    bool setActiveProfileName(const QString &name);
    std::optional<Profile> activeProfile() const { return profile(activeProfileName()); }

Q_SIGNALS:
    /// After add, update or remove (not for activation alone).
    void profilesChanged();
    void activeProfileChanged(const QString &name);

private:
    void load();
    void save();
    qsizetype indexOf(const QString &name) const;

    QSettings *m_settings;
    QList<Profile> m_profiles; // sorted
    QString m_active;
};

} // namespace otadmin
