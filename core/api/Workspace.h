// SPDX-License-Identifier: GPL-3.0-or-later
// One place that owns the REST client, the request log and every area API for the active profile.
#pragma once

#include "net/RestClient.h"
#include "settings/Profile.h"

#include <QObject>
#include <optional>

class QNetworkAccessManager;

namespace otadmin {

class AccountApi;
class ArchivesApi;
class BroadcastsApi;
class Clock;
class ModerationApi;
class RandomSource;
class RequestLog;
class SessionsApi;
class SipApi;
class StorageApi;

/// What the GUI's panels share. The area objects live as long as the workspace, so panels and
/// models connect to them once. activate() switches profile: every call still running for the
/// previous profile is cancelled first (its reply finishes with a Cancelled error and no area
/// signal fires), then the credentials change and profileActivated fires, which is the cue for
/// every model to clear itself. generation() grows with each switch, so a panel can drop the
/// late answer of a reply it started for an earlier profile.
class Workspace : public QObject
{
    Q_OBJECT

public:
    /// `network`, `clock` and `random` are not owned and must outlive the workspace.
    Workspace(QNetworkAccessManager *network, Clock &clock, RandomSource &random,
        QObject *parent = nullptr);
    ~Workspace() override;

    RestClient *client() const { return m_client; }
    RequestLog *requestLog() const { return m_log; }
    SessionsApi *sessions() const { return m_sessions; }
    ModerationApi *moderation() const { return m_moderation; }
    ArchivesApi *archives() const { return m_archives; }
    BroadcastsApi *broadcasts() const { return m_broadcasts; }
    StorageApi *storage() const { return m_storage; }
    SipApi *sip() const { return m_sip; }
    AccountApi *account() const { return m_account; }

    /// Uses `profile` with its `secret` (project or account secret per profile.kind). The secret
    /// is kept only inside the RestClient. Returns the URL problem and changes nothing when the
    /// profile's API URL is not acceptable.
    Validation activate(const Profile &profile, const QByteArray &secret);
    /// Back to no profile: calls are cancelled, credentials dropped, profileDeactivated fires.
    void deactivate();

    /// The active profile, if any.
    const std::optional<Profile> &profile() const { return m_profile; }
    bool isAccountProfile() const;
    /// Grows by one with every activate()/deactivate().
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    void profileActivated(const otadmin::Profile &profile);
    void profileDeactivated();

private:
    void dropCredentials();

    RequestLog *m_log;
    RestClient *m_client;
    SessionsApi *m_sessions;
    ModerationApi *m_moderation;
    ArchivesApi *m_archives;
    BroadcastsApi *m_broadcasts;
    StorageApi *m_storage;
    SipApi *m_sip;
    AccountApi *m_account;
    std::optional<Profile> m_profile;
    quint64 m_generation = 0;
};

} // namespace otadmin
