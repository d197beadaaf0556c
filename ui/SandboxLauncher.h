// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the OpenTok-compatible sandbox inside the app, so every feature works with no account.
#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace otadmin {

namespace sandbox {
class SandboxServer;
}
class ProfileController;

/// start() listens on 127.0.0.1 (a free port) with a generated project and account, and adds
/// two transient profiles with green tags, "Sandbox" (project) and "Sandbox account" (account),
/// whose secrets stay in memory. (The sandbox keeps QtHttpServer's request dumps, which would
/// print the JWTs it receives, off by itself.)
class SandboxLauncher : public QObject
{
    Q_OBJECT

public:
    static constexpr char ProjectProfileName[] = "Sandbox";
    static constexpr char AccountProfileName[] = "Sandbox account";
    static constexpr char TagColor[] = "#2e9d4f";

    explicit SandboxLauncher(ProfileController *profiles, QObject *parent = nullptr);
    ~SandboxLauncher() override;

    /// Returns false with `error` set when it cannot listen. Idempotent.
    bool start(QString *error = nullptr);
    bool isRunning() const { return m_server != nullptr; }
    sandbox::SandboxServer *server() const { return m_server.get(); }

private:
    ProfileController *m_profiles;
    std::unique_ptr<sandbox::SandboxServer> m_server;
};

} // namespace otadmin
