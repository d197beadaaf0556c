// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the GUI shares: workspace, profiles, settings, notifications, clipboard, sandbox.
#pragma once

#include <QObject>
#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace otadmin {

class Clock;
class CredentialStore;
class Notifier;
class ProfileController;
class ProfileStore;
class RandomSource;
class SandboxLauncher;
class SecureClipboard;
class Workspace;

/// Built once by main() (or a GUI test) and handed to MainWindow and every panel; nothing in
/// it is a global. `settings` holds window state, remembered form values and profiles (never
/// a secret); `credentials` is the OS keychain in the app and a memory store in tests.
class AppContext : public QObject
{
    Q_OBJECT

public:
    /// `settings` and `credentials` are not owned and must outlive the context. `clock` and
    /// `random` default to the system ones.
    AppContext(QSettings *settings, CredentialStore *credentials, Clock *clock = nullptr,
        RandomSource *random = nullptr, QObject *parent = nullptr);
    ~AppContext() override;

    QSettings *settings() const { return m_settings; }
    CredentialStore *credentials() const { return m_credentials; }
    Clock &clock() const { return *m_clock; }
    QNetworkAccessManager *network() const { return m_network; }
    Workspace *workspace() const { return m_workspace; }
    ProfileStore *profileStore() const { return m_profileStore; }
    ProfileController *profiles() const { return m_profiles; }
    Notifier *notifier() const { return m_notifier; }
    SecureClipboard *clipboard() const { return m_clipboard; }
    SandboxLauncher *sandbox() const { return m_sandbox; }

private:
    QSettings *m_settings;
    CredentialStore *m_credentials;
    Clock *m_clock;
    RandomSource *m_random;
    QNetworkAccessManager *m_network;
    Workspace *m_workspace;
    ProfileStore *m_profileStore;
    ProfileController *m_profiles;
    Notifier *m_notifier;
    SecureClipboard *m_clipboard;
    SandboxLauncher *m_sandbox;
};

} // namespace otadmin
