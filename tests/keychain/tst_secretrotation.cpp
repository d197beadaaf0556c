// SPDX-License-Identifier: GPL-3.0-or-later
// SecretRotation against the sandbox under each fault, with the memory and the keychain store.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "credentials/SecretRotation.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace otadmin;
using Outcome = SecretRotation::Outcome;

namespace {

/// A store whose writes fail once told to (the "keychain write failure" fault).
template<typename Base>
class FailingWrites : public Base
{
public:
    using Base::Base;
    bool failWrites = false;
    CredentialReply *writeSecret(const QString &key, const QByteArray &secret) override
    {
        if (!failWrites)
            return Base::writeSecret(key, secret);
        auto *reply = new CredentialReply(this);
        reply->finishLater(
            CredentialReply::Error::Locked, QStringLiteral("The keyring is locked."));
        return reply;
    }
};

struct Stored
{
    CredentialReply::Error error = CredentialReply::Error::Other;
    QByteArray secret;
};

Stored readStored(CredentialStore &store, const QString &key)
{
    const auto reply = test::await(store.readSecret(key), 15'000);
    return {reply->error(), reply->secret()};
}

bool writeStored(CredentialStore &store, const QString &key, const QByteArray &secret)
{
    return test::await(store.writeSecret(key, secret), 15'000)->isSuccess();
}

} // namespace

class TestSecretRotation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotation_data();
    void rotation();
    void rejectsAccountProfile();

private:
    /// The HTTP status of one project read signed with `secret` (0 when none arrived).
    int projectReadStatus(test::SandboxFixture &fx, const QByteArray &secret);
};

int TestSecretRotation::projectReadStatus(test::SandboxFixture &fx, const QByteArray &secret)
{
    RestClient client(&fx.network(), fx.client().clock(), fx.client().random());
    client.setBaseUrl(fx.server().baseUrl());
    client.setProjectCredentials({fx.server().apiKey(), secret});
    ArchivesApi archives(&client);
    ListQuery query;
    query.count = 1;
    auto reply = test::await(archives.list(query));
    return reply->httpStatus();
}

void TestSecretRotation::rotation_data()
{
    QTest::addColumn<QString>("storeKind");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("serverRotates");
    const QList<std::tuple<const char *, Outcome, bool>> faults {
        {"none", Outcome::Rotated, true},
        // lost or unusable answers are reconciled with one read of the project details
        {"500 before rotating", Outcome::FailedNothingChanged, false},
        {"500 after rotating", Outcome::Rotated, true},
        {"403", Outcome::FailedNothingChanged, false},
        {"malformed 200 after rotating", Outcome::Rotated, true},
        {"timeout after rotating", Outcome::Rotated, true},
        {"500 after rotating, details unreadable", Outcome::OutcomeUnknown, true},
        {"keychain write fails", Outcome::OutcomeUnknown, true},
        {"verification refused", Outcome::OutcomeUnknown, true},
    };
    for (const char *store : {"memory", "keychain"}) {
        for (const auto &[fault, outcome, rotates] : faults) {
            QTest::addRow("%s: %s", store, fault)
                << QString::fromLatin1(store) << QString::fromLatin1(fault) << int(outcome)
                << rotates;
        }
    }
}

void TestSecretRotation::rotation()
{
    QFETCH(QString, storeKind);
    QFETCH(QString, fault);
    QFETCH(int, expected);
    QFETCH(bool, serverRotates);
    std::unique_ptr<CredentialStore> storeOwner;
    bool *failWrites = nullptr;
    if (storeKind == QLatin1String("keychain")) {
        if (qEnvironmentVariableIsEmpty("OTADMIN_SECRETS_WRAPPED"))
            QSKIP("needs scripts/with-secret-service");
        auto *s = new FailingWrites<KeychainCredentialStore>();
        failWrites = &s->failWrites;
        storeOwner.reset(s);
    } else {
        auto *s = new FailingWrites<MemoryCredentialStore>();
        failWrites = &s->failWrites;
        storeOwner.reset(s);
    }
    CredentialStore &store = *storeOwner;

    test::SandboxFixture fx;
    QVERIFY(fx.isListening());
    Profile project;
    project.name = QStringLiteral("sandbox project");
    project.apiKey = fx.server().apiKey();
    project.apiUrl = fx.server().baseUrl();
    const QString key = credentialKey(project);
    const QByteArray oldSecret = fx.server().apiSecret().toUtf8();
    QVERIFY(writeStored(store, key, oldSecret));

    auto rotateOnServer = [&] {
        fx.server().state().project(project.apiKey)->secret = sandbox::newSecret();
    };
    const QString refreshPath = QStringLiteral("*/refreshSecret");
    if (fault == QLatin1String("500 before rotating")) {
        fx.server().forceNextResponse("POST", refreshPath, 500, {});
    } else if (fault == QLatin1String("500 after rotating")) {
        rotateOnServer();
        fx.server().forceNextResponse("POST", refreshPath, 500, {});
    } else if (fault == QLatin1String("500 after rotating, details unreadable")) {
        rotateOnServer();
        fx.server().forceNextResponse("POST", refreshPath, 500, {});
        fx.server().forceNextResponse("GET", QStringLiteral("^/v2/project/[0-9]+$"), 500, {});
    } else if (fault == QLatin1String("403")) {
        fx.server().forceNextResponse("POST", refreshPath, 403, {});
    } else if (fault == QLatin1String("malformed 200 after rotating")) {
        rotateOnServer();
        fx.server().forceNextResponse("POST", refreshPath, 200, "{\"id\": \"1\", \"secr");
    } else if (fault == QLatin1String("timeout after rotating")) {
        rotateOnServer();
        fx.client().config().deadlineMSecs = 1000;
        fx.client().config().inactivityTimeoutMSecs = 800;
        fx.server().forceNextResponse("POST", refreshPath, 200, "{}", {}, 3000);
    } else if (fault == QLatin1String("keychain write fails")) {
        *failWrites = true;
    } else if (fault == QLatin1String("verification refused")) {
        fx.server().forceNextResponse("GET", QStringLiteral("*/archive*"), 403, {});
    }

    SecretRotation rotation(&fx.client(), &fx.network(), &store, project);
    QSignalSpy finished(&rotation, &SecretRotation::finished);
    rotation.start();
    QVERIFY(finished.wait(20'000));
    QTest::qWait(20);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(int(rotation.outcome()), expected);
    QVERIFY(!rotation.message().isEmpty());
    *failWrites = false;

    const QByteArray serverSecret = fx.server().apiSecret().toUtf8();
    QCOMPARE(serverSecret != oldSecret, serverRotates);
    const int refreshPosts = [&] {
        int n = 0;
        for (const auto &entry : fx.server().journal())
            n += entry.path.endsWith(QLatin1String("/refreshSecret")) ? 1 : 0;
        return n;
    }();
    QVERIFY(refreshPosts <= 1); // never retried (0 when forced answers bypass the journal)
    const int detailReads = [&] {
        int n = 0;
        for (const auto &entry : fx.server().journal())
            n += entry.method == "GET"
                && entry.path.endsWith(QLatin1String("/project/") + project.apiKey);
        return n;
    }();
    const bool ambiguous = fault.startsWith(QLatin1String("500"))
        || fault.startsWith(QLatin1String("malformed"))
        || fault.startsWith(QLatin1String("timeout"));
    // exactly one reconciliation read after an ambiguous answer, none otherwise
    QCOMPARE(detailReads, ambiguous ? 1 : 0);

    const Stored stored = readStored(store, key);
    QVERIFY(stored.error == CredentialReply::Error::None);
    const Stored pending = readStored(store, SecretRotation::pendingCredentialKey(project));
    const QByteArray copy = rotation.newSecretForManualCopy();
    QVERIFY(rotation.newSecretForManualCopy().isEmpty()); // handed out once
    QVERIFY(!rotation.message().contains(QString::fromUtf8(serverSecret)));

    switch (Outcome(expected)) {
    case Outcome::Rotated:
        QCOMPARE(stored.secret, serverSecret);
        QCOMPARE(projectReadStatus(fx, stored.secret), 200);
        QCOMPARE(projectReadStatus(fx, oldSecret), 403);
        QVERIFY(copy.isEmpty());
        QVERIFY(pending.error == CredentialReply::Error::NotFound);
        break;
    case Outcome::FailedNothingChanged:
        QCOMPARE(stored.secret, oldSecret);
        QCOMPARE(projectReadStatus(fx, oldSecret), 200);
        QVERIFY(copy.isEmpty());
        break;
    case Outcome::OutcomeUnknown:
        QCOMPARE(stored.secret, oldSecret); // the old secret is never replaced unverified
        if (fault == QLatin1String("keychain write fails")
            || fault == QLatin1String("verification refused")) {
            QCOMPARE(copy, serverSecret); // received: offered once for copying
            QCOMPARE(projectReadStatus(fx, copy), 200);
        } else {
            QVERIFY(copy.isEmpty()); // nothing received
        }
        if (fault == QLatin1String("verification refused"))
            QCOMPARE(pending.secret, serverSecret);
        break;
    }
}

void TestSecretRotation::rejectsAccountProfile()
{
    test::SandboxFixture fx;
    MemoryCredentialStore store;
    Profile account;
    account.name = QStringLiteral("acct");
    account.kind = ProfileKind::Account;
    account.apiKey = fx.server().accountKey();
    SecretRotation rotation(&fx.client(), &fx.network(), &store, account);
    QSignalSpy finished(&rotation, &SecretRotation::finished);
    rotation.start();
    QCOMPARE(finished.count(), 0); // never inside start()
    QVERIFY(finished.wait(2000));
    QCOMPARE(rotation.outcome(), Outcome::FailedNothingChanged);
    QCOMPARE(fx.server().requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestSecretRotation)
#include "tst_secretrotation.moc"
