// SPDX-License-Identifier: GPL-3.0-or-later
// KeychainCredentialStore against a real gnome-keyring, and each unavailable-keychain scenario.
#include "credentials/KeychainCredentialStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace otadmin;
using Error = CredentialReply::Error;

namespace {

constexpr int ChildWatchdogMSecs = 10'000;

std::unique_ptr<CredentialReply> await(CredentialReply *reply, int timeoutMSecs = 15'000)
{
    reply->setAutoDelete(false);
    std::unique_ptr<CredentialReply> owned(reply);
    if (reply->isFinished()) {
        QTest::qFail("finished inside the call", __FILE__, __LINE__);
        return owned;
    }
    QSignalSpy spy(reply, &CredentialReply::finished);
    spy.wait(timeoutMSecs);
    QTest::qWait(5);
    if (spy.count() != 1)
        QTest::qFail(qPrintable(QStringLiteral("finished emitted %1 times").arg(spy.count())),
            __FILE__, __LINE__);
    return owned;
}

bool inSecretService()
{
    return !qEnvironmentVariableIsEmpty("OTADMIN_SECRETS_WRAPPED");
}

/// A backend that can be told what to answer, or to never answer (the watchdog seam).
class FakeKeychainStore : public KeychainCredentialStore
{
public:
    using KeychainCredentialStore::BackendError;
    using KeychainCredentialStore::KeychainCredentialStore;
    using KeychainCredentialStore::Operation;

    struct Answer
    {
        Answer(BackendError e = BackendError::NoError, QString m = {}, QByteArray d = {})
            : error(e), message(std::move(m)), data(std::move(d))
        {
        }
        BackendError error;
        QString message;
        QByteArray data;
        bool never = false;
    };
    QList<Answer> answers; // consumed in order; an empty list means "never answer"
    QList<Operation> calls;

protected:
    void startBackendJob(Operation operation, const QString &, const QByteArray &secret,
        BackendCallback done) override
    {
        calls.append(operation);
        if (answers.isEmpty())
            return;
        Answer answer = answers.takeFirst();
        if (answer.never)
            return;
        if (operation == Operation::Read && answer.data == "echo")
            answer.data = m_lastWritten;
        if (operation == Operation::Write)
            m_lastWritten = secret;
        QTimer::singleShot(1, this, [done, answer] {
            done(BackendResult {answer.error, answer.message, answer.data});
        });
    }

private:
    QByteArray m_lastWritten;
};

/// What one child run printed: one line per operation.
struct ChildResult
{
    int exitCode = -1;
    qint64 wallMSecs = 0;
    QStringList lines;
    QString stderrText;
    int error(int i) const { return field(i, QStringLiteral("error=")).toInt(); }
    qint64 msecs(int i) const { return field(i, QStringLiteral("ms=")).toLongLong(); }
    QString message(int i) const { return field(i, QStringLiteral("message=")); }
    QString field(int i, const QString &prefix) const
    {
        if (i >= lines.size())
            return {};
        for (const QString &part : lines.at(i).split(u'\t')) {
            if (part.startsWith(prefix))
                return part.mid(prefix.size());
        }
        return {};
    }
};

} // namespace

/// Child mode: write then read one entry, printing "op\terror=N\tms=N\tmessage=..." per line.
static int childMain(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    auto *store = new KeychainCredentialStore(&app, ChildWatchdogMSecs);
    const QString key = QStringLiteral("opentok-admin/api.opentok.com/1/project-secret");
    auto run = [store](CredentialReply *reply, const char *name, std::function<void()> next) {
        auto *timer = new QElapsedTimer;
        timer->start();
        QObject::connect(reply, &CredentialReply::finished, store, [=] {
            std::printf("%s\terror=%d\tms=%lld\tmessage=%s\n", name, int(reply->error()),
                qint64(timer->elapsed()), qPrintable(reply->errorMessage()));
            std::fflush(stdout);
            delete timer;
            next();
        });
    };
    run(store->writeSecret(key, "child-secret-value"), "write",
        [=] { run(store->readSecret(key), "read", [] { QCoreApplication::exit(0); }); });
    return app.exec();
}

class TestKeychainStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // Fake backend: watchdog, retry, probe logic, error mapping.
    void watchdogFiresWhenBackendNeverAnswers();
    void retriesOnceWhenServiceNotUp();
    void noSecondRetry();
    void notFoundOnlyAfterProof();
    void notFoundWhenProbeWorks();
    void errorMapping_data();
    void errorMapping();
    void argumentChecks();
    // Real gnome-keyring (inside scripts/with-secret-service).
    void roundTrip();
    void largestEntryAndKeyLimit();
    void secretToolSeesItemAndFileIsEncrypted();
    // Unavailable keychains, each in a child process.
    void scenarioNoSessionBus();
    void scenarioNoSecretService();
    void scenarioMissingCollection();
    void scenarioLockedCollection();

private:
    ChildResult runChild(const QStringList &wrapper, const QProcessEnvironment &env);
    QProcessEnvironment childEnv(const QString &home) const;
    QString m_helper;
};

void TestKeychainStore::initTestCase()
{
    m_helper = QCoreApplication::applicationFilePath();
}

void TestKeychainStore::watchdogFiresWhenBackendNeverAnswers()
{
    FakeKeychainStore store(nullptr, 1500);
    QElapsedTimer timer;
    timer.start();
    auto reply = await(store.readSecret(QStringLiteral("k")));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(reply->error(), Error::Timeout);
    QVERIFY(reply->errorMessage().contains(QStringLiteral("did not answer within 1.5 seconds")));
    QVERIFY2(elapsed >= 1400 && elapsed < 3000, qPrintable(QString::number(elapsed)));
    qInfo("watchdog (fake never-answering backend, 1.5 s watchdog): %lld ms", elapsed);

    // The default is 10 s (G-SEC-3); a later answer is ignored.
    FakeKeychainStore defaults;
    QCOMPARE(defaults.watchdogMSecs(), 10'000);
}

void TestKeychainStore::retriesOnceWhenServiceNotUp()
{
    FakeKeychainStore store;
    store.setRetryDelayMSecs(300);
    store.answers = {{FakeKeychainStore::BackendError::OtherError,
                         QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")},
        {FakeKeychainStore::BackendError::NoError, {}, "s3cr3t"}};
    QElapsedTimer timer;
    timer.start();
    auto reply = await(store.readSecret(QStringLiteral("k")));
    QVERIFY(reply->isSuccess());
    QCOMPARE(reply->secret(), QByteArray("s3cr3t"));
    QCOMPARE(store.calls.size(), 2);
    QVERIFY(timer.elapsed() >= 290);
    QVERIFY(store.isProvenWorking());
}

void TestKeychainStore::noSecondRetry()
{
    FakeKeychainStore store;
    store.setRetryDelayMSecs(50);
    const FakeKeychainStore::Answer noBackend {
        FakeKeychainStore::BackendError::NoBackendAvailable, QStringLiteral("none")};
    store.answers = {noBackend, noBackend, noBackend};
    auto reply = await(store.writeSecret(QStringLiteral("k"), "x"));
    QCOMPARE(reply->error(), Error::NoBackend);
    QCOMPARE(store.calls.size(), 2);
    // Errors that a retry cannot fix are not retried.
    store.calls.clear();
    store.answers = {{FakeKeychainStore::BackendError::AccessDeniedByUser, QString()}};
    reply = await(store.writeSecret(QStringLiteral("k"), "x"));
    QCOMPARE(reply->error(), Error::AccessDenied);
    QCOMPARE(store.calls.size(), 1);
}

void TestKeychainStore::notFoundOnlyAfterProof()
{
    FakeKeychainStore store;
    using BE = FakeKeychainStore::BackendError;
    store.answers = {{BE::EntryNotFound, QStringLiteral("Entry not found")},
        {BE::AccessDenied, QStringLiteral("Cannot create an item in a locked collection")}};
    auto reply = await(store.readSecret(QStringLiteral("k")));
    QCOMPARE(reply->error(), Error::Locked);
    QVERIFY(reply->errorMessage().contains(QStringLiteral("locked")));
    QVERIFY(reply->errorMessage().contains(QStringLiteral("may still be saved")));
    QVERIFY(!store.isProvenWorking());
    QCOMPARE(store.calls,
        (QList<FakeKeychainStore::Operation> {
            FakeKeychainStore::Operation::Read, FakeKeychainStore::Operation::Write}));
}

void TestKeychainStore::notFoundWhenProbeWorks()
{
    FakeKeychainStore store;
    using BE = FakeKeychainStore::BackendError;
    store.answers = {{BE::EntryNotFound, QStringLiteral("Entry not found")}, {BE::NoError},
        {BE::NoError, {}, "echo"}, {BE::NoError}, {BE::EntryNotFound, QString()}};
    auto reply = await(store.readSecret(QStringLiteral("k")));
    QCOMPARE(reply->error(), Error::NotFound);
    QVERIFY(store.isProvenWorking());
    QCOMPARE(store.calls.size(), 4); // read, probe write, probe read, probe delete
    // Proven once: the next "not found" needs no probe.
    reply = await(store.readSecret(QStringLiteral("k2")));
    QCOMPARE(reply->error(), Error::NotFound);
    QCOMPARE(store.calls.size(), 5);
}

void TestKeychainStore::errorMapping_data()
{
    using BE = FakeKeychainStore::BackendError;
    QTest::addColumn<int>("backend");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no bus") << int(BE::OtherError) << "Cannot autolaunch D-Bus without X11 $DISPLAY"
                            << int(Error::NoBackend) << "D-Bus session bus";
    QTest::newRow("no secret service")
        << int(BE::OtherError)
        << "The name org.freedesktop.secrets was not provided by any .service files"
        << int(Error::NoBackend) << "no Secret Service";
    QTest::newRow("missing collection")
        << int(BE::OtherError)
        << QStringLiteral("Object does not exist at path \u201c/org/freedesktop/secrets/"
                          "collection/login\u201d")
        << int(Error::Locked) << "no usable default keyring";
    QTest::newRow("locked") << int(BE::AccessDenied)
                            << "Cannot create an item in a locked collection" << int(Error::Locked)
                            << "is locked";
    QTest::newRow("denied") << int(BE::AccessDenied) << "Permission denied"
                            << int(Error::AccessDenied) << "refused";
    QTest::newRow("by user") << int(BE::AccessDeniedByUser) << "" << int(Error::AccessDenied)
                             << "declined";
    QTest::newRow("libsecret missing")
        << int(BE::OtherError) << "Unknown error" << int(Error::NoBackend) << "libsecret";
    QTest::newRow("no backend") << int(BE::NoBackendAvailable) << "" << int(Error::NoBackend)
                                << "No keychain";
    QTest::newRow("other") << int(BE::OtherError) << "Something odd" << int(Error::Other)
                           << "Something odd";
}

void TestKeychainStore::errorMapping()
{
    QFETCH(int, backend);
    QFETCH(QString, message);
    QFETCH(int, expected);
    QFETCH(QString, mentions);
    FakeKeychainStore store;
    store.setRetryDelayMSecs(10);
    const FakeKeychainStore::Answer answer {FakeKeychainStore::BackendError(backend), message};
    store.answers = {answer, answer};
    auto reply = await(store.writeSecret(QStringLiteral("k"), "x"));
    QCOMPARE(int(reply->error()), expected);
    QVERIFY2(reply->errorMessage().contains(mentions), qPrintable(reply->errorMessage()));
    QVERIFY(reply->errorMessage().endsWith(u'.'));
}

void TestKeychainStore::argumentChecks()
{
    FakeKeychainStore store;
    QCOMPARE(await(store.readSecret(QString()))->error(), Error::Other);
    QCOMPARE(await(store.readSecret(QString(257, u'k')))->error(), Error::Other);
    QCOMPARE(await(store.writeSecret(QStringLiteral("k"), QByteArray(1025, 'x')))->error(),
        Error::Other);
    QCOMPARE(await(store.writeSecret(QStringLiteral("k"), QByteArray()))->error(), Error::Other);
    QVERIFY(store.calls.isEmpty()); // nothing reached the backend
}

void TestKeychainStore::roundTrip()
{
    if (!inSecretService())
        QSKIP("needs scripts/with-secret-service");
    KeychainCredentialStore store;
    QVERIFY(store.isPersistent());
    const QString key = QStringLiteral("opentok-admin/api.opentok.com/1001/project-secret");
    auto read = await(store.readSecret(key));
    QCOMPARE(read->error(), Error::NotFound); // proven by the probe in an unlocked keyring
    QVERIFY(store.isProvenWorking());
    const QByteArray utf8 = QStringLiteral("s3cr3t-\u00dcn\u00efcode-\U0001F511").toUtf8();
    QVERIFY(await(store.writeSecret(key, utf8))->isSuccess());
    read = await(store.readSecret(key));
    QVERIFY(read->isSuccess());
    QCOMPARE(read->secret(), utf8);
    QVERIFY(await(store.writeSecret(key, "overwritten"))->isSuccess());
    QCOMPARE(await(store.readSecret(key))->secret(), QByteArray("overwritten"));
    // Bytes that are not UTF-8 are refused (they would become a second, base64 item).
    QCOMPARE(await(store.writeSecret(key, QByteArray("\xff\xfe-bin", 6)))->error(), Error::Other);
    QCOMPARE(await(store.readSecret(key))->secret(), QByteArray("overwritten"));
    QVERIFY(await(store.deleteSecret(key))->isSuccess());
    QCOMPARE(await(store.readSecret(key))->error(), Error::NotFound);
    QVERIFY(await(store.deleteSecret(key))->isSuccess()); // missing entry: still success
    // The probe left nothing behind.
    QCOMPARE(
        await(store.readSecret(KeychainCredentialStore::probeKey()))->error(), Error::NotFound);
}

void TestKeychainStore::largestEntryAndKeyLimit()
{
    if (!inSecretService())
        QSKIP("needs scripts/with-secret-service");
    KeychainCredentialStore store;
    QByteArray largest(MaxSecretBytes, 'x');
    for (int i = 0; i < largest.size(); ++i)
        largest[i] = char('a' + i % 26);
    const QString longKey =
        QStringLiteral("opentok-admin/") + QString(MaxCredentialKeyLength - 14, u'k');
    QCOMPARE(longKey.size(), MaxCredentialKeyLength);
    QVERIFY(await(store.writeSecret(longKey, largest))->isSuccess());
    QCOMPARE(await(store.readSecret(longKey))->secret(), largest);
    QVERIFY(await(store.deleteSecret(longKey))->isSuccess());
    auto tooLong = await(store.writeSecret(longKey + u'k', largest));
    QCOMPARE(tooLong->error(), Error::Other);
    QVERIFY(tooLong->errorMessage().contains(QStringLiteral("256")));
    auto tooBig = await(store.writeSecret(longKey, largest + 'x'));
    QCOMPARE(tooBig->error(), Error::Other);
    QVERIFY(tooBig->errorMessage().contains(QStringLiteral("1024")));
}

void TestKeychainStore::secretToolSeesItemAndFileIsEncrypted()
{
    if (!inSecretService())
        QSKIP("needs scripts/with-secret-service");
    KeychainCredentialStore store;
    const QString key = QStringLiteral("opentok-admin/127.0.0.1:1234/2002/account-secret");
    const QByteArray canary = "canary-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    QVERIFY(await(store.writeSecret(key, canary))->isSuccess());

    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("opentok-admin"),
            QStringLiteral("user"), key});
    QVERIFY(tool.waitForFinished(10'000));
    QCOMPARE(tool.exitCode(), 0);
    QCOMPARE(tool.readAllStandardOutput().trimmed(), canary);

    // gnome-keyring writes the collection to disk: the secret is not in it in clear text.
    const QString keyrings = QDir::homePath() + QStringLiteral("/.local/share/keyrings");
    QTRY_VERIFY_WITH_TIMEOUT(QDir(keyrings).entryList(QDir::Files).size() > 0, 5000);
    int files = 0;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(canary), qPrintable(file.fileName()));
        QVERIFY2(!content.contains(canary.toBase64()), qPrintable(file.fileName()));
    }
    QVERIFY(files > 0);
    QVERIFY(await(store.deleteSecret(key))->isSuccess());
}

QProcessEnvironment TestKeychainStore::childEnv(const QString &home) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
        {"DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY",
            "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "OTADMIN_SECRETS_WRAPPED"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), home);
    return env;
}

ChildResult TestKeychainStore::runChild(const QStringList &wrapper, const QProcessEnvironment &env)
{
    QStringList command = wrapper;
    command << m_helper << QStringLiteral("--keychain-child");
    QProcess process;
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(command.takeFirst(), command);
    ChildResult result;
    if (!process.waitForFinished(40'000)) {
        process.kill();
        process.waitForFinished(2000);
    }
    result.wallMSecs = timer.elapsed();
    result.exitCode = process.exitCode();
    result.lines =
        QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    result.stderrText = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestKeychainStore::scenarioNoSessionBus()
{
    QTemporaryDir home;
    const ChildResult r = runChild({}, childEnv(home.path()));
    QVERIFY2(r.lines.size() == 2, qPrintable(r.lines.join(u'\n') + r.stderrText));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(r.error(i), int(Error::NoBackend));
        QVERIFY2(r.message(i).contains(QStringLiteral("No D-Bus session bus")),
            qPrintable(r.message(i)));
        QVERIFY(r.msecs(i) <= 10'000);
    }
    qInfo("scenario 1 (no session bus): write %lld ms, read %lld ms (incl. the 500 ms retry); "
          "process %lld ms",
        r.msecs(0), r.msecs(1), r.wallMSecs);
    QVERIFY(QDir(home.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
        || !QFile::exists(home.path() + QStringLiteral("/.config/opentok-admin.conf")));
}

void TestKeychainStore::scenarioNoSecretService()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral("bus.conf"));
    {
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                   "1.0//EN\"\n \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig>\n  <type>session</type>\n  <listen>unix:tmpdir=/tmp</listen>\n"
                   "  <auth>EXTERNAL</auth>\n  <policy context=\"default\">\n"
                   "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                   "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n"
                   "</busconfig>\n");
    }
    const ChildResult r =
        runChild({QStringLiteral("dbus-run-session"), QStringLiteral("--config-file=") + config,
                     QStringLiteral("--")},
            childEnv(home.path()));
    QVERIFY2(r.lines.size() == 2, qPrintable(r.lines.join(u'\n') + r.stderrText));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(r.error(i), int(Error::NoBackend));
        QVERIFY2(
            r.message(i).contains(QStringLiteral("no Secret Service")), qPrintable(r.message(i)));
        QVERIFY(r.msecs(i) <= 10'000);
    }
    qInfo("scenario 2 (bus without Secret Service): write %lld ms, read %lld ms; process %lld ms",
        r.msecs(0), r.msecs(1), r.wallMSecs);
}

static QString keyringScript(bool createLockedKeyringFirst)
{
    // Start gnome-keyring as our child WITHOUT unlocking it, wait until it owns the name, run
    // the helper, stop the daemon. Optionally first create a "login" keyring with a password in
    // an earlier bus, so that the second daemon finds it locked.
    QString script = QStringLiteral(
        "gnome-keyring-daemon --foreground --components=secrets >/dev/null 2>&1 & gkd=$!; "
        "i=0; until dbus-send --session --print-reply --dest=org.freedesktop.DBus "
        "/org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner "
        "string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do "
        "i=$((i+1)); [ $i -le 200 ] || break; sleep 0.05; done; "
        "\"$@\"; rc=$?; kill $gkd 2>/dev/null; wait $gkd 2>/dev/null; exit $rc");
    if (createLockedKeyringFirst) {
        script = QStringLiteral(
                     "dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --foreground "
                     "--unlock --components=secrets >/dev/null 2>&1 & g=$!; sleep 1; "
                     "kill $g; wait $g' >/dev/null 2>&1; ")
            + script;
    }
    return script;
}

void TestKeychainStore::scenarioMissingCollection()
{
    QTemporaryDir home;
    const ChildResult r =
        runChild({QStringLiteral("dbus-run-session"), QStringLiteral("--"), QStringLiteral("sh"),
                     QStringLiteral("-c"), keyringScript(false), QStringLiteral("sh")},
            childEnv(home.path()));
    QVERIFY2(r.lines.size() == 2, qPrintable(r.lines.join(u'\n') + r.stderrText));
    qInfo("scenario 3a (gnome-keyring started without unlock, no login keyring): write %lld ms "
          "[%s], read %lld ms [%s]; process %lld ms",
        r.msecs(0), qPrintable(r.message(0)), r.msecs(1), qPrintable(r.message(1)), r.wallMSecs);
    QCOMPARE(r.error(0), int(Error::Locked));
    QVERIFY2(r.message(0).contains(QStringLiteral("keyring")), qPrintable(r.message(0)));
    // G-SEC-5: the read is not "no secret saved".
    QCOMPARE(r.error(1), int(Error::Locked));
    QVERIFY(r.message(1).contains(QStringLiteral("may be locked or unusable")));
    QVERIFY(r.msecs(0) <= 10'000 && r.msecs(1) <= 10'000);
}

void TestKeychainStore::scenarioLockedCollection()
{
    QTemporaryDir home;
    const ChildResult r =
        runChild({QStringLiteral("dbus-run-session"), QStringLiteral("--"), QStringLiteral("sh"),
                     QStringLiteral("-c"), keyringScript(true), QStringLiteral("sh")},
            childEnv(home.path()));
    QVERIFY2(r.lines.size() == 2, qPrintable(r.lines.join(u'\n') + r.stderrText));
    qInfo("scenario 3b (existing login keyring, locked): write %lld ms [%s], read %lld ms [%s]; "
          "process %lld ms",
        r.msecs(0), qPrintable(r.message(0)), r.msecs(1), qPrintable(r.message(1)), r.wallMSecs);
    QVERIFY(QFile::exists(home.path() + QStringLiteral("/.local/share/keyrings/login.keyring")));
    QCOMPARE(r.error(0), int(Error::Locked));
    QVERIFY(r.message(0).contains(QStringLiteral("locked")));
    QCOMPARE(r.error(1), int(Error::Locked));
    QVERIFY(r.message(1).contains(QStringLiteral("may be locked or unusable")));
    QVERIFY(r.msecs(0) <= 10'000 && r.msecs(1) <= 10'000);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && qstrcmp(argv[1], "--keychain-child") == 0)
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychainStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainstore.moc"
