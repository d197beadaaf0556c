// SPDX-License-Identifier: GPL-3.0-or-later
// KeychainCredentialStore: QtKeychain jobs behind a watchdog, one retry and a "works" probe.
#include "credentials/KeychainCredentialStore.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace otadmin {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "otadmin.keychain")

using Error = CredentialReply::Error;

struct Mapped
{
    Error error;
    QString message;
    bool retryable; // worth the one delayed retry (the service may not be up yet)
};

bool contains(const QString &text, const char *needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

} // namespace

struct KeychainCredentialStore::Request
{
    Operation operation;
    QString key;
    QByteArray secret;
    QPointer<CredentialReply> reply;
    QTimer watchdog;
    QElapsedTimer elapsed;
    int attempt = 0;
    bool done = false;
};

KeychainCredentialStore::KeychainCredentialStore(QObject *parent, int watchdogMSecs)
    : CredentialStore(parent), m_watchdogMSecs(watchdogMSecs)
{
}

KeychainCredentialStore::~KeychainCredentialStore() = default;

QString KeychainCredentialStore::probeKey()
{
    return QLatin1String(CredentialAppId) + QStringLiteral("/local/0/probe");
}

QString KeychainCredentialStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    if (qEnvironmentVariable("XDG_CURRENT_DESKTOP").contains(QLatin1String("KDE")))
        return tr("KWallet or Secret Service");
    return tr("Secret Service (gnome-keyring)");
#endif
}

static Mapped mapResult(KeychainCredentialStore *store, const QString &backend, int code,
    const QString &message, bool read)
{
    Q_UNUSED(store)
    using BE = QKeychain::Error;
    const QString cause = message.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(message);
    const auto noBus = [&] {
        return Mapped {Error::NoBackend,
            KeychainCredentialStore::tr(
                "No D-Bus session bus is available%1, so the %2 cannot be reached. Log in to a "
                "desktop session (or start one with dbus-run-session and gnome-keyring), or use "
                "the secret for this run only.")
                .arg(cause, backend),
            true};
    };
    switch (BE(code)) {
    case BE::NoError:
        return {Error::None, {}, false};
    case BE::EntryNotFound:
        return {Error::NotFound,
            KeychainCredentialStore::tr("No secret is saved in the %1 for this profile; enter it "
                                        "to save it.")
                .arg(backend),
            false};
    case BE::AccessDeniedByUser:
        return {Error::AccessDenied,
            KeychainCredentialStore::tr("Access to the %1 was declined%2. Allow OpenTok Admin to "
                                        "use it, or use the secret for this run only.")
                .arg(backend, cause),
            false};
    case BE::NoBackendAvailable:
    case BE::NotImplemented:
        return {Error::NoBackend,
            KeychainCredentialStore::tr(
                "No keychain is available%1. On Linux, install and start a Secret Service "
                "(gnome-keyring, KWallet or KeePassXC), or use the secret for this run only.")
                .arg(cause),
            true};
    case BE::AccessDenied:
    case BE::CouldNotDeleteEntry:
    case BE::OtherError:
        break;
    }
    if (contains(message, "autolaunch") || contains(message, "DBUS_SESSION_BUS_ADDRESS")
        || contains(message, "Failed to connect to socket") || contains(message, "No such file")
        || contains(message, "Could not connect") || contains(message, "Cannot connect"))
        return noBus();
    if (contains(message, "ServiceUnknown") || contains(message, "org.freedesktop.secrets")
        || contains(message, "not provided by any .service"))
        return {Error::NoBackend,
            KeychainCredentialStore::tr(
                "The D-Bus session has no Secret Service%1. Start gnome-keyring (or another "
                "Secret Service such as KeePassXC), or use the secret for this run only.")
                .arg(cause),
            true};
    if (contains(message, "locked"))
        return {Error::Locked,
            KeychainCredentialStore::tr("The %1 is locked%2. Unlock your keyring (for example in "
                                        "Seahorse, or by logging in again) and try again.")
                .arg(backend, cause),
            false};
    if (contains(message, "Object does not exist") || contains(message, "collection"))
        return {Error::Locked,
            KeychainCredentialStore::tr(
                "The %1 has no usable default keyring%2. Create or unlock the \"login\" "
                "keyring (for example in Seahorse) and try again.")
                .arg(backend, cause),
            false};
    if (contains(message, "Unknown error"))
        return {Error::NoBackend,
            KeychainCredentialStore::tr(
                "The keychain library could not reach a keychain%1. On Linux, check that "
                "libsecret-1-0 is installed and a Secret Service (gnome-keyring) runs.")
                .arg(cause),
            true};
    if (code == BE::AccessDenied)
        return {Error::AccessDenied,
            KeychainCredentialStore::tr("The %1 refused the request%2. Unlock it or allow access, "
                                        "then try again.")
                .arg(backend, cause),
            false};
    return {Error::Other,
        KeychainCredentialStore::tr("The %1 failed to %2 the secret%3.")
            .arg(backend,
                read ? KeychainCredentialStore::tr("read")
                     : KeychainCredentialStore::tr("store or delete"),
                cause),
        false};
}

void KeychainCredentialStore::startBackendJob(
    Operation operation, const QString &key, const QByteArray &secret, BackendCallback done)
{
    QKeychain::Job *job = nullptr;
    const QString service = QLatin1String(ServiceName);
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(service);
        // Always text (argumentError() ensures UTF-8): libsecret keys items by their "type"
        // too, so mixing text and binary writes would leave two items under one key.
        write->setTextData(QString::fromUtf8(secret));
        job = write;
        break;
    }
    case Operation::Delete:
        job = new QKeychain::DeletePasswordJob(service);
        break;
    }
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done, operation](QKeychain::Job *finished) {
        BackendResult result;
        result.error = BackendError(finished->error());
        result.message =
            finished->error() == QKeychain::NoError ? QString() : finished->errorString();
        if (operation == Operation::Read && finished->error() == QKeychain::NoError)
            result.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        done(result);
    });
    job->start();
}

CredentialReply *KeychainCredentialStore::readSecret(const QString &key)
{
    return startRequest(Operation::Read, key, {});
}

CredentialReply *KeychainCredentialStore::writeSecret(const QString &key, const QByteArray &secret)
{
    return startRequest(Operation::Write, key, secret);
}

CredentialReply *KeychainCredentialStore::deleteSecret(const QString &key)
{
    return startRequest(Operation::Delete, key, {});
}

CredentialReply *KeychainCredentialStore::startRequest(
    Operation operation, const QString &key, const QByteArray &secret)
{
    auto *reply = new CredentialReply(this);
    const QString argError = argumentError(key, operation == Operation::Write ? &secret : nullptr);
    if (!argError.isEmpty()) {
        reply->finishLater(Error::Other, argError);
        return reply;
    }
    auto request = std::make_shared<Request>();
    request->operation = operation;
    request->key = key;
    request->secret = secret;
    request->reply = reply;
    request->elapsed.start();
    request->watchdog.setSingleShot(true);
    request->watchdog.setInterval(m_watchdogMSecs);
    std::weak_ptr<Request> weak = request;
    connect(&request->watchdog, &QTimer::timeout, this, [this, weak] {
        if (auto r = weak.lock()) {
            qCWarning(lcKeychain, "Keychain did not answer within %d ms", m_watchdogMSecs);
            finishRequest(r, Error::Timeout,
                tr("The %1 did not answer within %2 seconds. It may be waiting for an unlock "
                   "prompt or be stuck: unlock or restart it and try again, or use the secret "
                   "for this run only.")
                    .arg(backendName())
                    .arg(m_watchdogMSecs / 1000.0));
        }
    });
    request->watchdog.start();
    m_active.append(request);
    // Never start inside the call: QtKeychain may fail synchronously (no bus).
    QTimer::singleShot(0, this, [this, request] { runAttempt(request); });
    return reply;
}

void KeychainCredentialStore::runAttempt(const std::shared_ptr<Request> &request)
{
    if (request->done)
        return;
    ++request->attempt;
    std::weak_ptr<Request> weak = request;
    // The callback holds only a weak reference: a job that never answers keeps nothing alive.
    startBackendJob(request->operation, request->key, request->secret,
        [this, weak](const BackendResult &result) {
            if (auto r = weak.lock())
                handleResult(r, result);
        });
}

void KeychainCredentialStore::handleResult(
    const std::shared_ptr<Request> &request, const BackendResult &result)
{
    if (request->done)
        return;
    const bool read = request->operation == Operation::Read;
    if (result.error == BackendError::NoError) {
        if (read)
            m_proven = true;
        finishRequest(request, Error::None, {}, result.data);
        return;
    }
    if (result.error == BackendError::EntryNotFound && request->operation == Operation::Delete) {
        finishRequest(request, Error::None, {});
        return;
    }
    const Mapped mapped = mapResult(this, backendName(), int(result.error), result.message, read);
    if (mapped.retryable && request->attempt == 1) {
        qCInfo(lcKeychain, "Keychain not available yet, retrying once in %d ms", m_retryDelayMSecs);
        std::weak_ptr<Request> weak = request;
        QTimer::singleShot(m_retryDelayMSecs, this, [this, weak] {
            if (auto r = weak.lock())
                runAttempt(r);
        });
        return;
    }
    if (mapped.error != Error::NotFound) {
        finishRequest(request, mapped.error, mapped.message);
        return;
    }
    if (m_proven) {
        finishRequest(request, Error::NotFound, mapped.message);
        return;
    }
    // "Not found" from an unproven keychain may mean "locked" (G-SEC-5): probe first.
    std::weak_ptr<Request> weak = request;
    runProbe([this, weak, notFound = mapped.message](bool works, const QString &why) {
        auto r = weak.lock();
        if (!r)
            return;
        if (works) {
            finishRequest(r, Error::NotFound, notFound);
        } else {
            finishRequest(r, Error::Locked,
                tr("The %1 returned no secret, but it also failed a test write, so it may be "
                   "locked or unusable and the secret may still be saved: %2")
                    .arg(backendName(), why));
        }
    });
}

void KeychainCredentialStore::runProbe(std::function<void(bool, const QString &)> done)
{
    m_probeWaiters.append(std::move(done));
    if (m_probeRunning)
        return;
    m_probeRunning = true;
    const quint64 generation = ++m_probeGeneration;
    // A probe whose backend never answers must not block every later probe.
    QTimer::singleShot(m_watchdogMSecs, this, [this, generation] {
        if (m_probeRunning && m_probeGeneration == generation)
            finishProbe(false, tr("the test write did not finish in time."));
    });
    const QByteArray value =
        "probe-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    const QString key = probeKey();
    const auto fail = [this, generation](BackendError error, const QString &message) {
        if (!m_probeRunning || m_probeGeneration != generation)
            return;
        finishProbe(false, mapResult(this, backendName(), int(error), message, false).message);
    };
    startBackendJob(Operation::Write, key, value,
        [this, key, value, fail, generation](const BackendResult &written) {
            if (written.error != BackendError::NoError)
                return fail(written.error, written.message);
            startBackendJob(Operation::Read, key, {},
                [this, key, value, fail, generation](const BackendResult &read) {
                    if (read.error != BackendError::NoError)
                        return fail(read.error, read.message);
                    if (read.data != value)
                        return fail(BackendError::OtherError,
                            QStringLiteral("the test entry read back differs"));
                    startBackendJob(Operation::Delete, key, {},
                        [this, fail, generation](const BackendResult &deleted) {
                            if (deleted.error != BackendError::NoError
                                && deleted.error != BackendError::EntryNotFound)
                                return fail(deleted.error, deleted.message);
                            if (m_probeRunning && m_probeGeneration == generation)
                                finishProbe(true, {});
                        });
                });
        });
}

void KeychainCredentialStore::finishProbe(bool works, const QString &why)
{
    m_probeRunning = false;
    if (works)
        m_proven = true;
    const auto waiters = std::exchange(m_probeWaiters, {});
    for (const auto &waiter : waiters)
        waiter(works, why);
}

void KeychainCredentialStore::finishRequest(const std::shared_ptr<Request> &request,
    CredentialReply::Error error, const QString &message, const QByteArray &secret)
{
    if (request->done)
        return;
    request->done = true;
    request->watchdog.stop();
    const auto self = request; // keep it alive until the end of this function
    m_active.removeAll(request);
    request->secret.fill('\0');
    if (error == Error::NotFound) {
        qCDebug(lcKeychain, "Keychain has no entry (proven working)");
    } else if (error != Error::None) {
        qCWarning(lcKeychain, "Keychain %s failed after %lld ms: %s",
            request->operation == Operation::Read        ? "read"
                : request->operation == Operation::Write ? "write"
                                                         : "delete",
            qint64(request->elapsed.elapsed()), qPrintable(message));
    }
    if (request->reply)
        request->reply->finish(error, message, secret);
}

} // namespace otadmin
