// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the OpenTok-compatible sandbox inside the app, so every feature works with no account.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QTcpServer;
class QThread;

namespace otadmin {

namespace sandbox {
struct SandboxConfig;
}

class ProfileController;

/// start() listens on 127.0.0.1 (a free port) with a generated project and account, and adds
/// two transient profiles with green tags, "Sandbox" (project) and "Sandbox account" (account),
/// whose secrets stay in memory. (The sandbox keeps QtHttpServer's request dumps, which would
/// print the JWTs it receives, off by itself.)
///
/// The server lives on a thread of its own, so its answers (a 1000-archive page is serialized
/// there) never hold the GUI thread, and it is built there when the first connection arrives:
/// building its QHttpServer initialises the TLS backend (~7 ms of CPU), which a start of the
/// app would otherwise share its two cores with. start() listens on the calling thread, so the
/// profiles and their URL exist when it returns; connections wait in the socket's backlog until
/// the server is ready. The server is not reachable from the GUI thread: only over HTTP, as the
/// real service.
///
/// The server itself (QtHttpServer) is not linked here: whoever builds the app gives a
/// ServerFactory. The desktop app loads it from a module at the first call (moduleFactory()),
/// so a start never loads QtHttpServer (app/gui/GuiMain.cpp).
class SandboxLauncher : public QObject
{
    Q_OBJECT

public:
    static constexpr char ProjectProfileName[] = "Sandbox";
    static constexpr char AccountProfileName[] = "Sandbox account";
    static constexpr char TagColor[] = "#2e9d4f";

    /// Builds the server on `tcp` (listening, paused) as a child of `host`, on the sandbox's
    /// thread, when the first connection arrives. Returns an empty string, or why it cannot:
    /// the socket is then closed, so calls fail at once instead of waiting for their deadline,
    /// and failed() says why.
    using ServerFactory = std::function<QString(
        const sandbox::SandboxConfig &config, QTcpServer *tcp, QObject *host)>;

    explicit SandboxLauncher(ProfileController *profiles, QObject *parent = nullptr);
    /// Stops the server and waits for its thread.
    ~SandboxLauncher() override;

    /// A factory that loads the module at `modulePath` (sandbox/SandboxModule.h) when called,
    /// every symbol resolved at once (a broken module fails there, not in the middle of a call).
    static ServerFactory moduleFactory(const QString &modulePath);
    /// Set before start(); without one, start() fails with an error.
    void setServerFactory(ServerFactory factory) { m_factory = std::move(factory); }
    /// Returns false with `error` set when it cannot listen or has no factory. Idempotent.
    bool start(QString *error = nullptr);
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    /// The server could not be built at the first call (a broken install): `reason` for the
    /// user. Emitted once; the sandbox's calls fail from then on.
    void failed(const QString &reason);

private:
    ProfileController *m_profiles;
    ServerFactory m_factory;
    QThread *m_thread = nullptr;
    QObject *m_host = nullptr; // lives on m_thread; the server is its child
};

} // namespace otadmin
