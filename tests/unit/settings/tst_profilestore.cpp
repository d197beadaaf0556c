// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileStore and Profile: validation table, CRUD, persistence, schema and what reaches the file.
#include "credentials/CredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "settings/ProfileStore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace otadmin;

namespace {

Profile projectProfile(const QString &name, const QString &key = QStringLiteral("12345678"))
{
    Profile p;
    p.name = name;
    p.kind = ProfileKind::Project;
    p.apiKey = key;
    return p;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void kindSpellings();
    void validation_data();
    void validation();
    void effectiveUrl();
    void credentialKeys_data();
    void credentialKeys();
    void credentialKeyLengthLimit();
    void schemaVersionWritten();
    void addAndDuplicates();
    void sortedByName();
    void updateAndRename();
    void updateErrors();
    void removeAndActive();
    void switchActive();
    void persistsAcrossInstances();
    void skipsInvalidStoredEntries();
    void onlyDocumentedKeysWritten();
    void memoryStoreRoundTrip();
    void memoryStoreArgumentChecks();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(QStringLiteral("settings.ini"));
}

void TestProfileStore::cleanup()
{
    m_dir.reset();
}

void TestProfileStore::kindSpellings()
{
    QCOMPARE(toString(ProfileKind::Project), QStringLiteral("project"));
    QCOMPARE(toString(ProfileKind::Account), QStringLiteral("account"));
    // QCOMPARE would pick otadmin::toString (QString) for the failure text, so compare plainly.
    QVERIFY(profileKindFromString(QStringLiteral("project")) == ProfileKind::Project);
    QVERIFY(profileKindFromString(QStringLiteral("account")) == ProfileKind::Account);
    QVERIFY(!profileKindFromString(QStringLiteral("Account")));
    QVERIFY(!profileKindFromString(QString()));
}

void TestProfileStore::validation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<QString>("apiUrl");
    QTest::addColumn<QString>("color");
    QTest::addColumn<QString>("field"); // empty = valid

    const QString key = QStringLiteral("12345678");
    QTest::newRow("minimal") << "a" << key << ""
                             << ""
                             << "";
    QTest::newRow("name 64") << QString(64, u'n') << key << ""
                             << ""
                             << "";
    QTest::newRow("name unicode") << QStringLiteral("Prod \u00fc \U0001F600") << key << ""
                                  << ""
                                  << "";
    QTest::newRow("name with slash") << "acme/prod" << key << ""
                                     << ""
                                     << "";
    QTest::newRow("name empty") << "" << key << ""
                                << ""
                                << "name";
    QTest::newRow("name 65") << QString(65, u'n') << key << ""
                             << ""
                             << "name";
    QTest::newRow("name newline") << "a\nb" << key << ""
                                  << ""
                                  << "name";
    QTest::newRow("name tab") << "a\tb" << key << ""
                              << ""
                              << "name";
    QTest::newRow("name NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                              << key << ""
                              << ""
                              << "name";
    QTest::newRow("name DEL") << QString(QStringLiteral("a") + QChar(0x7f)) << key << ""
                              << ""
                              << "name";
    QTest::newRow("name leading space") << " a" << key << ""
                                        << ""
                                        << "name";
    QTest::newRow("name lone surrogate") << QString(QChar(0xd800)) << key << ""
                                         << ""
                                         << "name";
    QTest::newRow("key empty") << "a"
                               << ""
                               << ""
                               << ""
                               << "apiKey";
    QTest::newRow("key letters") << "a"
                                 << "12ab"
                                 << ""
                                 << ""
                                 << "apiKey";
    QTest::newRow("key arabic digits") << "a" << QStringLiteral("\u0661\u0662") << ""
                                       << ""
                                       << "apiKey";
    QTest::newRow("key slash") << "a"
                               << "12/34"
                               << ""
                               << ""
                               << "apiKey";
    QTest::newRow("key 32 digits") << "a" << QString(32, u'1') << ""
                                   << ""
                                   << "";
    QTest::newRow("key 33 digits") << "a" << QString(33, u'1') << ""
                                   << ""
                                   << "apiKey";
    QTest::newRow("url https") << "a" << key << "https://api.example.com"
                               << ""
                               << "";
    QTest::newRow("url loopback http") << "a" << key << "http://127.0.0.1:8080"
                                       << ""
                                       << "";
    QTest::newRow("url http remote") << "a" << key << "http://api.example.com"
                                     << ""
                                     << "apiUrl";
    QTest::newRow("url ftp") << "a" << key << "ftp://api.example.com"
                             << ""
                             << "apiUrl";
    QTest::newRow("url user") << "a" << key << "https://u:p@api.example.com"
                              << ""
                              << "apiUrl";
    QTest::newRow("url query") << "a" << key << "https://api.example.com/?x=1"
                               << ""
                               << "apiUrl";
    QTest::newRow("url relative") << "a" << key << "/v2"
                                  << ""
                                  << "apiUrl";
    QTest::newRow("url host too long")
        << "a" << key << QStringLiteral("https://%1.%1.%1.%1.com").arg(QString(60, u'h')) << ""
        << "apiUrl";
    QTest::newRow("color ok") << "a" << key << ""
                              << "#12abEF"
                              << "";
    QTest::newRow("color short") << "a" << key << ""
                                 << "#123"
                                 << "color";
    QTest::newRow("color name") << "a" << key << ""
                                << "red"
                                << "color";
    QTest::newRow("color bad hex") << "a" << key << ""
                                   << "#12345g"
                                   << "color";
}

void TestProfileStore::validation()
{
    QFETCH(QString, name);
    QFETCH(QString, apiKey);
    QFETCH(QString, apiUrl);
    QFETCH(QString, color);
    QFETCH(QString, field);
    Profile p;
    p.name = name;
    p.apiKey = apiKey;
    p.apiUrl = QUrl(apiUrl);
    p.color = color;
    const auto error = p.validate();
    if (field.isEmpty()) {
        QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    } else {
        QVERIFY(error);
        QCOMPARE(error->field, field);
        QVERIFY(!error->message.isEmpty());
    }
}

void TestProfileStore::effectiveUrl()
{
    Profile p = projectProfile(QStringLiteral("a"));
    QCOMPARE(p.effectiveApiUrl(), QUrl(QStringLiteral("https://api.opentok.com")));
    p.apiUrl = QUrl(QStringLiteral("http://localhost:9000"));
    QCOMPARE(p.effectiveApiUrl(), p.apiUrl);
}

void TestProfileStore::credentialKeys_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("account");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << "" << false
                             << "opentok-admin/api.opentok.com/12345678/project-secret";
    QTest::newRow("account") << "" << true
                             << "opentok-admin/api.opentok.com/12345678/account-secret";
    QTest::newRow("port") << "http://127.0.0.1:4321" << false
                          << "opentok-admin/127.0.0.1:4321/12345678/project-secret";
    QTest::newRow("upper host") << "https://API.Example.COM/" << false
                                << "opentok-admin/api.example.com/12345678/project-secret";
    QTest::newRow("ipv6") << "http://[::1]:80" << false
                          << "opentok-admin/[::1]:80/12345678/project-secret";
}

void TestProfileStore::credentialKeys()
{
    QFETCH(QString, url);
    QFETCH(bool, account);
    QFETCH(QString, expected);
    Profile p = projectProfile(QStringLiteral("x"));
    p.apiUrl = QUrl(url);
    p.kind = account ? ProfileKind::Account : ProfileKind::Project;
    QCOMPARE(credentialKey(p), expected);
    QVERIFY(secretKindFor(p) == (account ? SecretKind::AccountSecret : SecretKind::ProjectSecret));
    // The name is not part of the key: a rename keeps the keychain entry.
    p.name = QStringLiteral("renamed");
    QCOMPARE(credentialKey(p), expected);
}

void TestProfileStore::credentialKeyLengthLimit()
{
    // DNS labels are at most 63 characters: build a host of exactly `length` from short labels.
    const auto hostOfLength = [](qsizetype length) {
        QString host;
        while (host.size() < length) {
            if (!host.isEmpty())
                host += u'.';
            host += QString(std::min<qsizetype>(50, length - host.size()), u'h');
            if (host.size() == length - 1)
                host.chop(1);
        }
        return host;
    };
    const QString fixed = QStringLiteral("opentok-admin//12345678/project-secret");
    const qsizetype room = MaxCredentialKeyLength - fixed.size();
    Profile p = projectProfile(QStringLiteral("x"));
    p.apiUrl = QUrl(QStringLiteral("https://") + hostOfLength(room));
    QVERIFY(p.apiUrl.isValid());
    QCOMPARE(credentialKey(p).size(), MaxCredentialKeyLength);
    QVERIFY(!p.validate());
    p.apiUrl = QUrl(QStringLiteral("https://") + hostOfLength(room + 1));
    QVERIFY(p.apiUrl.isValid());
    QVERIFY(credentialKey(p).isEmpty());
    QCOMPARE(p.validate()->field, QStringLiteral("apiUrl"));
    QVERIFY(credentialKey(QUrl(), QStringLiteral("1"), SecretKind::ProjectSecret).isEmpty());
    QVERIFY(credentialKey(QUrl(QStringLiteral("https://a")), QString(), SecretKind::ProjectSecret)
                .isEmpty());
}

void TestProfileStore::schemaVersionWritten()
{
    {
        QSettings settings(m_file, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(store.profiles().isEmpty());
        QCOMPARE(store.activeProfileName(), QString());
    }
    QSettings check(m_file, QSettings::IniFormat);
    QCOMPARE(check.value(QStringLiteral("schemaVersion")).toInt(), ProfileStore::SchemaVersion);
}

void TestProfileStore::addAndDuplicates()
{
    QSettings settings(m_file, QSettings::IniFormat);
    ProfileStore store(&settings);
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QVERIFY(!store.add(projectProfile(QStringLiteral("prod"))));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.profile(QStringLiteral("prod")), projectProfile(QStringLiteral("prod")));
    QVERIFY(store.contains(QStringLiteral("prod")));

    const auto dup = store.add(projectProfile(QStringLiteral("prod"), QStringLiteral("999")));
    QVERIFY(dup);
    QCOMPARE(dup->field, QStringLiteral("name"));
    QVERIFY(dup->message.contains(QStringLiteral("already exists")));
    QCOMPARE(changed.count(), 1);

    Profile bad = projectProfile(QStringLiteral("bad"), QStringLiteral("abc"));
    QCOMPARE(store.add(bad)->field, QStringLiteral("apiKey"));
    QCOMPARE(store.profiles().size(), 1);
    QVERIFY(!store.profile(QStringLiteral("nope")));
}

void TestProfileStore::sortedByName()
{
    QSettings settings(m_file, QSettings::IniFormat);
    ProfileStore store(&settings);
    for (const char *name : {"zeta", "Alpha", "beta", "alpha"})
        QVERIFY(!store.add(projectProfile(QString::fromUtf8(name))));
    QStringList names;
    for (const auto &p : store.profiles())
        names << p.name;
    QCOMPARE(names, (QStringList {"Alpha", "alpha", "beta", "zeta"}));
}

void TestProfileStore::updateAndRename()
{
    QSettings settings(m_file, QSettings::IniFormat);
    ProfileStore store(&settings);
    QVERIFY(!store.add(projectProfile(QStringLiteral("prod"))));
    QVERIFY(store.setActiveProfileName(QStringLiteral("prod")));
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    QSignalSpy active(&store, &ProfileStore::activeProfileChanged);

    Profile edited = projectProfile(QStringLiteral("prod"), QStringLiteral("87654321"));
    edited.color = QStringLiteral("#ff0000");
    QVERIFY(!store.update(QStringLiteral("prod"), edited));
    QCOMPARE(store.profile(QStringLiteral("prod")), edited);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(active.count(), 0);

    Profile renamed = edited;
    renamed.name = QStringLiteral("production");
    renamed.kind = ProfileKind::Account;
    QVERIFY(!store.update(QStringLiteral("prod"), renamed));
    QVERIFY(!store.profile(QStringLiteral("prod")));
    QCOMPARE(store.profile(QStringLiteral("production")), renamed);
    QCOMPARE(store.activeProfileName(), QStringLiteral("production"));
    QCOMPARE(active.count(), 1);
    QCOMPARE(active.at(0).at(0).toString(), QStringLiteral("production"));

    // Unchanged: no signal.
    QVERIFY(!store.update(QStringLiteral("production"), renamed));
    QCOMPARE(changed.count(), 2);
}

void TestProfileStore::updateErrors()
{
    QSettings settings(m_file, QSettings::IniFormat);
    ProfileStore store(&settings);
    QVERIFY(!store.add(projectProfile(QStringLiteral("a"))));
    QVERIFY(!store.add(projectProfile(QStringLiteral("b"))));
    QCOMPARE(store.update(QStringLiteral("missing"), projectProfile(QStringLiteral("m")))->field,
        QStringLiteral("name"));
    const auto dup = store.update(QStringLiteral("a"), projectProfile(QStringLiteral("b")));
    QVERIFY(dup && dup->message.contains(QStringLiteral("already exists")));
    Profile bad = projectProfile(QStringLiteral("a"));
    bad.apiUrl = QUrl(QStringLiteral("http://example.com"));
    QCOMPARE(store.update(QStringLiteral("a"), bad)->field, QStringLiteral("apiUrl"));
    QCOMPARE(store.profile(QStringLiteral("a")), projectProfile(QStringLiteral("a")));
}

void TestProfileStore::removeAndActive()
{
    QSettings settings(m_file, QSettings::IniFormat);
    ProfileStore store(&settings);
    QVERIFY(!store.add(projectProfile(QStringLiteral("a"))));
    QVERIFY(!store.add(projectProfile(QStringLiteral("b"))));
    QVERIFY(store.setActiveProfileName(QStringLiteral("a")));
    QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
    QVERIFY(store.remove(QStringLiteral("b")));
    QCOMPARE(active.count(), 0);
    QCOMPARE(store.activeProfileName(), QStringLiteral("a"));
    QVERIFY(store.remove(QStringLiteral("a")));
    QCOMPARE(active.count(), 1);
    QCOMPARE(active.at(0).at(0).toString(), QString());
    QCOMPARE(store.activeProfileName(), QString());
    QVERIFY(!store.remove(QStringLiteral("a")));
    QVERIFY(store.profiles().isEmpty());
}

void TestProfileStore::switchActive()
{
    QSettings settings(m_file, QSettings::IniFormat);
    ProfileStore store(&settings);
    QVERIFY(!store.add(projectProfile(QStringLiteral("a"))));
    QVERIFY(!store.add(projectProfile(QStringLiteral("b"))));
    QSignalSpy active(&store, &ProfileStore::activeProfileChanged);
    QVERIFY(store.setActiveProfileName(QStringLiteral("a")));
    QVERIFY(store.setActiveProfileName(QStringLiteral("a"))); // no change, no signal
    QVERIFY(store.setActiveProfileName(QStringLiteral("b")));
    QVERIFY(!store.setActiveProfileName(QStringLiteral("zzz")));
    QCOMPARE(store.activeProfileName(), QStringLiteral("b"));
    QCOMPARE(store.activeProfile()->name, QStringLiteral("b"));
    QVERIFY(store.setActiveProfileName(QString()));
    QCOMPARE(active.count(), 3);
    QVERIFY(!store.activeProfile());
}

void TestProfileStore::persistsAcrossInstances()
{
    Profile account = projectProfile(QStringLiteral("acct"), QStringLiteral("4444"));
    account.kind = ProfileKind::Account;
    account.apiUrl = QUrl(QStringLiteral("https://api.example.com:8443/base"));
    account.color = QStringLiteral("#00ff00");
    {
        QSettings settings(m_file, QSettings::IniFormat);
        ProfileStore store(&settings);
        QVERIFY(!store.add(projectProfile(QStringLiteral("prod"))));
        QVERIFY(!store.add(account));
        QVERIFY(store.setActiveProfileName(QStringLiteral("acct")));
    }
    QSettings settings(m_file, QSettings::IniFormat);
    ProfileStore store(&settings);
    QCOMPARE(store.profiles(), (QList<Profile> {account, projectProfile(QStringLiteral("prod"))}));
    QCOMPARE(store.activeProfileName(), QStringLiteral("acct"));
}

void TestProfileStore::skipsInvalidStoredEntries()
{
    {
        QSettings settings(m_file, QSettings::IniFormat);
        settings.beginWriteArray(QStringLiteral("profiles"), 4);
        settings.setArrayIndex(0);
        settings.setValue(QStringLiteral("name"), QStringLiteral("good"));
        settings.setValue(QStringLiteral("kind"), QStringLiteral("project"));
        settings.setValue(QStringLiteral("apiKey"), QStringLiteral("123"));
        settings.setArrayIndex(1);
        settings.setValue(QStringLiteral("name"), QStringLiteral("badkind"));
        settings.setValue(QStringLiteral("kind"), QStringLiteral("wizard"));
        settings.setValue(QStringLiteral("apiKey"), QStringLiteral("123"));
        settings.setArrayIndex(2);
        settings.setValue(QStringLiteral("name"), QStringLiteral("badkey"));
        settings.setValue(QStringLiteral("apiKey"), QStringLiteral("x"));
        settings.setArrayIndex(3);
        settings.setValue(QStringLiteral("name"), QStringLiteral("good"));
        settings.setValue(QStringLiteral("apiKey"), QStringLiteral("456"));
        settings.endArray();
    }
    QSettings settings(m_file, QSettings::IniFormat);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipping .*")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipping .*")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Skipping .*")));
    ProfileStore store(&settings);
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profiles().at(0).apiKey, QStringLiteral("123"));
}

void TestProfileStore::onlyDocumentedKeysWritten()
{
    const QByteArray secret = "0123456789abcdef0123456789abcdef01234567";
    {
        QSettings settings(m_file, QSettings::IniFormat);
        ProfileStore store(&settings);
        MemoryCredentialStore secrets;
        Profile p = projectProfile(QStringLiteral("prod"));
        p.apiUrl = QUrl(QStringLiteral("http://localhost:1234"));
        QVERIFY(!store.add(p));
        Profile a = projectProfile(QStringLiteral("acct"), QStringLiteral("777"));
        a.kind = ProfileKind::Account;
        QVERIFY(!store.add(a));
        QVERIFY(store.setActiveProfileName(QStringLiteral("prod")));
        auto *reply = secrets.writeSecret(credentialKey(p), secret);
        QSignalSpy spy(reply, &CredentialReply::finished);
        QVERIFY(spy.wait(1000));
        QVERIFY(store.remove(QStringLiteral("acct")));
    }
    QSettings settings(m_file, QSettings::IniFormat);
    const QStringList allowed {"schemaVersion", "activeProfile", "profiles/size"};
    const QStringList perProfile {"name", "kind", "apiKey", "apiUrl", "color"};
    for (const QString &key : settings.allKeys()) {
        const QStringList parts = key.split(u'/');
        const bool ok = allowed.contains(key)
            || (parts.size() == 3 && parts.at(0) == QLatin1String("profiles")
                && perProfile.contains(parts.at(2)));
        QVERIFY2(ok, qPrintable(key));
    }
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(!content.contains(secret));
    QVERIFY(!content.toLower().contains("secret"));
    QVERIFY(!content.contains("777")); // removed profile is gone
}

void TestProfileStore::memoryStoreRoundTrip()
{
    MemoryCredentialStore store;
    QVERIFY(!store.isPersistent());
    QVERIFY(!store.backendName().isEmpty());
    const QString key = QStringLiteral("opentok-admin/api.opentok.com/1/project-secret");
    const auto wait = [](CredentialReply *reply) {
        reply->setAutoDelete(false);
        QVERIFY(!reply->isFinished()); // never inside the call
        QSignalSpy spy(reply, &CredentialReply::finished);
        QVERIFY(spy.wait(1000));
        QTest::qWait(1);
        QCOMPARE(spy.count(), 1);
    };
    std::unique_ptr<CredentialReply> read(store.readSecret(key));
    wait(read.get());
    QCOMPARE(read->error(), CredentialReply::Error::NotFound);
    QVERIFY(!read->errorMessage().isEmpty());
    std::unique_ptr<CredentialReply> write(store.writeSecret(key, "s3cr3t-\xc3\x9c"));
    wait(write.get());
    QVERIFY(write->isSuccess());
    read.reset(store.readSecret(key));
    wait(read.get());
    QVERIFY(read->isSuccess());
    QCOMPARE(read->secret(), QByteArray("s3cr3t-\xc3\x9c"));
    std::unique_ptr<CredentialReply> del(store.deleteSecret(key));
    wait(del.get());
    QVERIFY(del->isSuccess());
    QVERIFY(!store.contains(key));
    del.reset(store.deleteSecret(key));
    wait(del.get());
    QVERIFY(del->isSuccess());

    // Auto-delete by default.
    QPointer<CredentialReply> autoReply = store.readSecret(key);
    QTRY_VERIFY(autoReply.isNull());
}

void TestProfileStore::memoryStoreArgumentChecks()
{
    MemoryCredentialStore store;
    const auto expectOther = [](CredentialReply *reply) {
        reply->setAutoDelete(false);
        std::unique_ptr<CredentialReply> owned(reply);
        QSignalSpy spy(reply, &CredentialReply::finished);
        QVERIFY(spy.wait(1000));
        QCOMPARE(reply->error(), CredentialReply::Error::Other);
        QVERIFY(!reply->errorMessage().isEmpty());
    };
    expectOther(store.readSecret(QString()));
    expectOther(store.writeSecret(QString(257, u'k'), "x"));
    expectOther(store.writeSecret(QStringLiteral("k"), QByteArray()));
    expectOther(store.writeSecret(QStringLiteral("k"), QByteArray("\xff\xfe")));
    expectOther(store.writeSecret(QStringLiteral("k"), QByteArray(MaxSecretBytes + 1, 'x')));
    QVERIFY(store.keys().isEmpty());
    std::unique_ptr<CredentialReply> ok(
        store.writeSecret(QString(MaxCredentialKeyLength, u'k'), QByteArray(MaxSecretBytes, 'x')));
    ok->setAutoDelete(false);
    QSignalSpy spy(ok.get(), &CredentialReply::finished);
    QVERIFY(spy.wait(1000));
    QVERIFY(ok->isSuccess());
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
