// SPDX-License-Identifier: GPL-3.0-or-later
// Where secrets live: the asynchronous CredentialStore interface, its reply and the key scheme.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

namespace otadmin {

struct Profile;

/// Which secret a keychain entry holds; follows Profile::kind.
enum class SecretKind
{
    ProjectSecret,
    AccountSecret
};

/// The largest secret one entry may hold (RELIABILITY G-SEC-4; OpenTok secrets are 40 bytes).
constexpr int MaxSecretBytes = 1024;
/// The longest key (G-SEC-4).
constexpr int MaxCredentialKeyLength = 256;
/// The fixed application ID that starts every key and names the keychain service.
constexpr char CredentialAppId[] = "opentok-admin";

/// "project-secret" / "account-secret".
QString toString(SecretKind kind);
SecretKind secretKindFor(const Profile &profile);

/// "<appId>/<env>/<apiKey>/<kind>" (RELIABILITY G-SEC-4): appId "opentok-admin", env = the
/// API URL's host[:port] (explicit ports only; IPv6 hosts in brackets), e.g.
/// "opentok-admin/api.opentok.com/12345678/project-secret". Unique per machine because the
/// Windows credential store ignores the service name. Empty when apiKey is empty, the URL has
/// no host, or the result would be longer than MaxCredentialKeyLength.
QString credentialKey(const QUrl &apiUrl, const QString &apiKey, SecretKind kind);
/// credentialKey(profile.effectiveApiUrl(), profile.apiKey, secretKindFor(profile)).
QString credentialKey(const Profile &profile);

/// The handle for one store operation. `finished` is emitted exactly once and always later,
/// from the event loop — never inside readSecret()/writeSecret()/deleteSecret() — so
/// connecting after the call is safe. The reply deletes itself after `finished` unless
/// setAutoDelete(false). The secret of a read is available in the slot connected to
/// `finished`; it is never part of errorMessage() or of any log line.
class CredentialReply : public QObject
{
    Q_OBJECT
public:
    enum class Error
    {
        None,
        /// No entry under the key, and the store has proven in this process that it works.
        NotFound,
        /// No usable backend: no D-Bus session bus, no Secret Service, libsecret missing.
        NoBackend,
        /// The keychain exists but is locked or unusable (an unproven "not found" lands here).
        Locked,
        /// The backend refused (e.g. writing into a locked collection, access denied).
        AccessDenied,
        /// The backend did not answer within the store's watchdog.
        Timeout,
        /// Anything else, including invalid arguments (empty or over-long key, secret too big).
        Other,
    };
    Q_ENUM(Error)

    explicit CredentialReply(QObject *parent = nullptr);
    ~CredentialReply() override;

    bool isFinished() const { return m_finished; }
    bool isSuccess() const { return m_finished && m_error == Error::None; }
    Error error() const { return m_error; }
    /// A sentence for people: the cause and what to do. Never contains the secret.
    QString errorMessage() const { return m_errorMessage; }
    /// The secret read (reads only; empty otherwise or on failure).
    QByteArray secret() const { return m_secret; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool autoDelete() const { return m_autoDelete; }

    // Used by stores only. Each finishes at most once; later calls are ignored.
    /// Finishes now (call only from an event-loop callback, never inside the store method).
    void finish(Error error, const QString &errorMessage = {}, const QByteArray &secret = {});
    /// Queues finish() to run from the event loop.
    void finishLater(Error error, const QString &errorMessage = {}, const QByteArray &secret = {});

Q_SIGNALS:
    void finished();

private:
    QByteArray m_secret;
    QString m_errorMessage;
    Error m_error = Error::Other;
    bool m_finished = false;
    bool m_finishQueued = false;
    bool m_autoDelete = true;
};

/// The interface every secret goes through. One entry per key (credentialKey()). Stores check
/// their arguments: an empty or over-long key, and an empty, non-UTF-8 (QtKeychain would store
/// bytes as a second, base64 item) or over-MaxSecretBytes secret, give
/// Error::Other without touching the backend. Deleting a missing entry succeeds.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Error::NotFound only when the store is sure there is no entry (see the subclasses).
    virtual CredentialReply *readSecret(const QString &key) = 0;
    /// Replaces any previous secret under `key`.
    virtual CredentialReply *writeSecret(const QString &key, const QByteArray &secret) = 0;
    virtual CredentialReply *deleteSecret(const QString &key) = 0;
    /// For people: "Secret Service (gnome-keyring)", "memory (this run only)".
    virtual QString backendName() const = 0;
    /// False for the memory store: secrets are gone when the process ends.
    virtual bool isPersistent() const = 0;

protected:
    /// The argument check shared by the stores; an error message, or empty when acceptable.
    static QString argumentError(const QString &key, const QByteArray *secret = nullptr);
};

} // namespace otadmin
