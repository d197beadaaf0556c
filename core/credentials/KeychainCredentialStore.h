// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets in the OS keychain through QtKeychain, with every failure named and bounded in time.
#pragma once

#include "credentials/CredentialStore.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace otadmin {

/// The persistent store (RELIABILITY G-SEC-3..5). QtKeychain service "opentok-admin", one
/// entry per credentialKey(). QtKeychain's insecure (plain-text) fallback is never enabled.
///
/// * Every QtKeychain error is mapped with its cause to a CredentialReply::Error and a sentence
///   saying what to do: no D-Bus session bus or no Secret Service → NoBackend; a locked or
///   missing keyring collection → Locked; a refusal → AccessDenied.
/// * A watchdog (default 10 s) finishes each reply with Timeout when the backend never answers
///   (D-Bus calls can block for 25 s; a locked keyring with a display waits for a prompt).
///   A late answer is then ignored.
/// * One delayed retry (retryDelayMSecs(), 500 ms) when the first attempt fails with a
///   NoBackend-type error: on login the Secret Service may not be up yet. Within the watchdog.
/// * "Entry not found" from a read is reported as NotFound ("no secret saved") only once the
///   store has proven in this process that the keychain works: a probe write, read and delete of
///   the entry probeKey(), run once, lazily, on the first "not found". If the probe fails the
///   read is reported as Locked ("the keychain may be locked or unusable; the secret may still
///   be there") — never as NotFound. A failed probe is retried on the next "not found"; a
///   successful one is remembered.
/// Replies always finish from the event loop; no nested event loops.
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    /// QtKeychain's service name (on Linux, the "server" attribute of each item).
    static constexpr char ServiceName[] = "opentok-admin";
    static constexpr int DefaultWatchdogMSecs = 10'000;
    static constexpr int DefaultRetryDelayMSecs = 500;

    /// `watchdogMSecs`: the most time one reply may take, retry and probe included.
    explicit KeychainCredentialStore(
        QObject *parent = nullptr, int watchdogMSecs = DefaultWatchdogMSecs);
    ~KeychainCredentialStore() override;

    CredentialReply *readSecret(const QString &key) override;
    CredentialReply *writeSecret(const QString &key, const QByteArray &secret) override;
    CredentialReply *deleteSecret(const QString &key) override;
    QString backendName() const override;
    bool isPersistent() const override { return true; }

    int watchdogMSecs() const { return m_watchdogMSecs; }
    int retryDelayMSecs() const { return m_retryDelayMSecs; }
    void setRetryDelayMSecs(int msecs) { m_retryDelayMSecs = msecs; }
    /// True once the probe (or any successful read of a saved secret) proved the keychain works.
    bool isProvenWorking() const { return m_proven; }
    /// The entry the probe writes and deletes again: "opentok-admin/local/0/probe".
    static QString probeKey();

protected:
    /// What a backend job can answer; mirrors QKeychain::Error (kept out of this header so
    /// that users of core need no QtKeychain headers).
    enum class BackendError
    {
        NoError,
        EntryNotFound,
        CouldNotDeleteEntry,
        AccessDeniedByUser,
        AccessDenied,
        NoBackendAvailable,
        NotImplemented,
        OtherError,
    };
    enum class Operation
    {
        Read,
        Write,
        Delete
    };
    struct BackendResult
    {
        BackendError error = BackendError::OtherError;
        QString message; // the backend's own text (never holds a secret)
        QByteArray data; // reads only
    };
    using BackendCallback = std::function<void(const BackendResult &)>;

    /// Starts one QtKeychain job and calls `done` once, from the event loop, with its result.
    /// The seam for tests: an override may answer anything, or never (to exercise the watchdog).
    virtual void startBackendJob(
        Operation operation, const QString &key, const QByteArray &secret, BackendCallback done);

private:
    struct Request;
    CredentialReply *startRequest(
        Operation operation, const QString &key, const QByteArray &secret);
    void runAttempt(const std::shared_ptr<Request> &request);
    void handleResult(const std::shared_ptr<Request> &request, const BackendResult &result);
    void finishRequest(const std::shared_ptr<Request> &request, CredentialReply::Error error,
        const QString &message, const QByteArray &secret = {});
    void runProbe(std::function<void(bool works, const QString &why)> done);
    void finishProbe(bool works, const QString &why);

    int m_watchdogMSecs;
    int m_retryDelayMSecs = DefaultRetryDelayMSecs;
    bool m_proven = false;
    bool m_probeRunning = false;
    quint64 m_probeGeneration = 0;
    QList<std::shared_ptr<Request>> m_active; // unfinished requests (a reply's watchdog lives here)
    QList<std::function<void(bool, const QString &)>> m_probeWaiters;
};

} // namespace otadmin
