// SPDX-License-Identifier: GPL-3.0-or-later
// Canary test (G-SEC-1, G-SEC-2): after a core workflow no secret, JWT or storage key is anywhere.
#include "CanaryForms.h"
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "api/SessionsApi.h"
#include "api/StorageApi.h"
#include "auth/ClientToken.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "credentials/SecretRotation.h"
#include "settings/ProfileStore.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace otadmin;

namespace {

QMutex g_mutex;
QStringList g_messages;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    // Every line is checked, the in-process sandbox's included: it keeps QtHttpServer's
    // request dumps (headers, JWTs) off itself, as it must in the app's --sandbox mode.
    QMutexLocker lock(&g_mutex);
    g_messages << QString::fromLatin1(context.category ? context.category : "") + u' ' + message;
}

QList<QByteArray> encodedForms(const QByteArray &canary)
{
    return test::canaryForms(canary);
}

} // namespace

class TestSecretCanary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noSecretAnywhereAfterWorkflow();
};

void TestSecretCanary::noSecretAnywhereAfterWorkflow()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString wrappedHome = QDir::homePath();
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TMPDIR"}) {
        const QString dir = root.filePath(QString::fromLatin1(name).toLower());
        QDir().mkpath(dir);
        qputenv(name, dir.toUtf8());
    }
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    test::SandboxFixture fx;
    QVERIFY(fx.isListening());
    std::unique_ptr<CredentialStore> store;
    if (!qEnvironmentVariableIsEmpty("OTADMIN_SECRETS_WRAPPED"))
        store = std::make_unique<KeychainCredentialStore>();
    else
        store = std::make_unique<MemoryCredentialStore>();

    // Profiles and their secrets.
    QSettings settings(
        root.filePath(QStringLiteral("xdg_config_home/opentok-admin.ini")), QSettings::IniFormat);
    ProfileStore profiles(&settings);
    Profile project {QStringLiteral("sandbox"), ProfileKind::Project, fx.server().apiKey(),
        fx.server().baseUrl(), QStringLiteral("#112233")};
    Profile account {QStringLiteral("account"), ProfileKind::Account, fx.server().accountKey(),
        fx.server().baseUrl(), {}};
    QVERIFY(!profiles.add(project));
    QVERIFY(!profiles.add(account));
    QVERIFY(profiles.setActiveProfileName(project.name));
    const QByteArray oldSecret = fx.server().apiSecret().toUtf8();
    const QByteArray accountSecret = fx.server().accountSecret().toUtf8();
    QVERIFY(test::await(store->writeSecret(credentialKey(project), oldSecret))->isSuccess());
    QVERIFY(test::await(store->writeSecret(credentialKey(account), accountSecret))->isSuccess());

    // Session, token, archive, storage.
    SessionsApi sessions(&fx.client());
    OTADMIN_VERIFY_SUCCESS(test::await(sessions.create(SessionOptions {})));
    const QString sessionId = fx.routedSessionWithConnection();
    const auto token = generateClientToken(
        fx.server().apiKey(), oldSecret, sessionId, {}, fx.client().clock(), fx.client().random());
    QVERIFY(token.ok());
    ArchivesApi archives(&fx.client());
    ArchiveOptions archiveOptions;
    archiveOptions.sessionId = sessionId;
    auto started = test::await(archives.start(archiveOptions));
    OTADMIN_VERIFY_SUCCESS(started);
    OTADMIN_VERIFY_SUCCESS(test::await(archives.stop(started->resultAs<Archive>().id)));
    StorageTarget storage;
    storage.accessKey = QStringLiteral("AKIACANARY0123456789");
    storage.secretKey = QStringLiteral("canary+S3/secretKey0123456789abcdefABCDEF");
    storage.bucket = QStringLiteral("canary-bucket");
    StorageApi storageApi(&fx.client());
    OTADMIN_VERIFY_SUCCESS(test::await(storageApi.set(storage)));

    // Rotation.
    SecretRotation rotation(&fx.client(), &fx.network(), store.get(), project);
    QSignalSpy finished(&rotation, &SecretRotation::finished);
    rotation.start();
    QVERIFY(finished.wait(20'000));
    QCOMPARE(rotation.outcome(), SecretRotation::Outcome::Rotated);
    const QByteArray newSecret = fx.server().apiSecret().toUtf8();
    QVERIFY(newSecret != oldSecret);

    qInstallMessageHandler(previous);

    // The canaries: secrets, storage keys, the client token and every JWT the service got.
    QList<QByteArray> canaries {oldSecret, newSecret, accountSecret, token.token.toUtf8(),
        storage.accessKey.toUtf8(), storage.secretKey.toUtf8()};
    for (const auto &entry : fx.server().journal()) {
        const QByteArray jwt = entry.headers.value("x-opentok-auth");
        if (!jwt.isEmpty() && !canaries.contains(jwt))
            canaries << jwt;
    }
    QVERIFY(canaries.size() > 8);

    QList<QPair<QString, QByteArray>> haystacks; // where, content
    QStringList dirs {root.path()};
    if (!qEnvironmentVariableIsEmpty("OTADMIN_SECRETS_WRAPPED"))
        dirs << wrappedHome; // the throwaway HOME holding the keyring file
    int files = 0;
    for (const QString &dir : dirs) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly)) {
                haystacks.append({file.fileName(), file.readAll()});
                ++files;
            }
        }
    }
    QVERIFY(files >= 1); // at least the settings file
    const auto entries = fx.log().entries();
    QVERIFY(entries.size() >= 6);
    for (const auto &entry : entries) {
        haystacks.append({QStringLiteral("request log"),
            entry.method + ' ' + entry.url.toEncoded() + ' ' + entry.requestBody + ' '
                + entry.error.toUtf8() + ' ' + entry.toCurl().toUtf8()});
    }
    {
        QMutexLocker lock(&g_mutex);
        QVERIFY(!g_messages.isEmpty()); // debug logging was on and captured
        haystacks.append({QStringLiteral("messages"), g_messages.join(u'\n').toUtf8()});
    }
    haystacks.append({QStringLiteral("rotation message"), rotation.message().toUtf8()});

    {
        // Name the leaking log categories (never the secret) to make a failure actionable.
        QMutexLocker lock(&g_mutex);
        for (const QString &message : std::as_const(g_messages)) {
            for (const QByteArray &canary : canaries) {
                for (const QByteArray &form : encodedForms(canary)) {
                    if (message.toUtf8().contains(form))
                        qWarning("leak in category %s", qPrintable(message.section(u' ', 0, 0)));
                }
            }
        }
    }
    int checks = 0;
    for (const QByteArray &canary : canaries) {
        for (const QByteArray &form : encodedForms(canary)) {
            for (const auto &[where, content] : haystacks) {
                ++checks;
                QVERIFY2(!content.contains(form),
                    qPrintable(QStringLiteral("a canary (%1 bytes) leaked into %2")
                                   .arg(canary.size())
                                   .arg(where)));
            }
        }
    }
    qInfo("%d canaries x %d forms checked in %d files, %lld log entries, %lld messages (%d "
          "checks)",
        int(canaries.size()), int(encodedForms({}).size()), files, qint64(entries.size()),
        qint64(g_messages.size()), checks);
}

QTEST_GUILESS_MAIN(TestSecretCanary)
#include "tst_secretcanary.moc"
