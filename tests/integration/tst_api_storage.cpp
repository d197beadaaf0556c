// SPDX-License-Identifier: GPL-3.0-or-later
// StorageApi against the sandbox: exact bodies, secret-free signals and log, effect on archives.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "api/StorageApi.h"
#include "net/Redactor.h"

#include <QJsonDocument>
#include <QSignalSpy>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

// Qt 6.4's QVERIFY2 evaluates its message even on success, so OTADMIN_VERIFY_SUCCESS(await(call))
// would send the call twice; bind the reply first.
#define AWAIT_SUCCESS(call)                                                                        \
    do {                                                                                           \
        const auto awaited = await(call);                                                          \
        OTADMIN_VERIFY_SUCCESS(awaited);                                                           \
    } while (false)

namespace {
const QString S3AccessKey = QStringLiteral("AKIASANDBOXACCESS01");
const QString S3SecretKey = QStringLiteral("wJalrXUtnFEMI-s3-secret-value-7731");
const QString AzureAccountKey = QStringLiteral("azure-account-key-b64-Zm9vYmFyYmF6cXV4");

StorageTarget s3Target()
{
    StorageTarget target;
    target.type = StorageTarget::Type::S3;
    target.accessKey = S3AccessKey;
    target.secretKey = S3SecretKey;
    target.bucket = QStringLiteral("my-archive-bucket");
    return target;
}

StorageTarget azureTarget()
{
    StorageTarget target;
    target.type = StorageTarget::Type::Azure;
    target.accountName = QStringLiteral("myaccount");
    target.accountKey = AzureAccountKey;
    target.container = QStringLiteral("archives");
    return target;
}
} // namespace

class TestStorageApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<StorageApi> m_api;
    std::unique_ptr<ArchivesApi> m_archives;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_fixture->server().journal().last().body).object();
    }
    void verifyNoSecrets(const QSignalSpy &spy)
    {
        for (const QList<QVariant> &arguments : spy) {
            const auto target = arguments.first().value<StorageTarget>();
            QVERIFY(target.secretKey.isEmpty());
            QVERIFY(target.accessKey.isEmpty());
            QVERIFY(target.accountKey.isEmpty());
        }
    }
    ArchiveStatus statusOf(const QString &id)
    {
        auto reply = await(m_archives->get(id));
        return reply->isSuccess() ? reply->resultAs<Archive>().status : ArchiveStatus::Unknown;
    }
    /// Starts and stops an archive of a fresh session; returns its ID.
    QString recordedArchive()
    {
        ArchiveOptions options;
        options.sessionId = m_fixture->routedSessionWithConnection();
        auto start = await(m_archives->start(options));
        if (!start->isSuccess())
            return {};
        const QString id = start->resultAs<Archive>().id;
        auto stop = await(m_archives->stop(id));
        return stop->isSuccess() ? id : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_api = std::make_unique<StorageApi>(&m_fixture->client());
        m_archives = std::make_unique<ArchivesApi>(&m_fixture->client());
    }
    void cleanup()
    {
        m_archives.reset();
        m_api.reset();
        m_fixture.reset();
    }

    void setS3CompatibleWithEndpointAndSse()
    {
        StorageTarget target = s3Target();
        target.endpoint = QStringLiteral("https://s3.example-provider.com");
        target.sse = QStringLiteral("s3");
        target.fallback = StorageTarget::Fallback::OpenTok;
        QSignalSpy changed(m_api.get(), &StorageApi::storageChanged);
        auto reply = await(m_api->set(target));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(reply->httpStatus(), 200);
        QVERIFY(!reply->result().isValid()); // the answer's body is not read
        QCOMPARE(server().journal().last().method, QByteArray("PUT"));
        QCOMPARE(server().journal().last().path,
            QStringLiteral("/v2/project/%1/archive/storage").arg(server().apiKey()));
        QCOMPARE(lastBody(),
            (QJsonObject {{"type", "s3"},
                {"config",
                    QJsonObject {{"accessKey", S3AccessKey}, {"secretKey", S3SecretKey},
                        {"bucket", "my-archive-bucket"},
                        {"endpoint", "https://s3.example-provider.com"}, {"sse", "s3"}}},
                {"fallback", "opentok"}}));

        QCOMPARE(changed.count(), 1);
        verifyNoSecrets(changed);
        const auto announced = changed.first().first().value<StorageTarget>();
        QCOMPARE(announced.type, StorageTarget::Type::S3);
        QCOMPARE(announced.bucket, QStringLiteral("my-archive-bucket"));
        QCOMPARE(announced.endpoint, QStringLiteral("https://s3.example-provider.com"));
        QCOMPARE(announced.sse, QStringLiteral("s3"));
        QCOMPARE(announced.fallback, StorageTarget::Fallback::OpenTok);
    }

    void setPlainS3()
    {
        QSignalSpy changed(m_api.get(), &StorageApi::storageChanged);
        AWAIT_SUCCESS(m_api->set(s3Target()));
        QCOMPARE(lastBody(),
            (QJsonObject {{"type", "s3"},
                {"config",
                    QJsonObject {{"accessKey", S3AccessKey}, {"secretKey", S3SecretKey},
                        {"bucket", "my-archive-bucket"}}},
                {"fallback", "none"}}));
        QCOMPARE(changed.count(), 1);
        verifyNoSecrets(changed);
    }

    void setAzureWithDomain()
    {
        StorageTarget target = azureTarget();
        target.domain = QStringLiteral("blob.core.windows.net");
        target.fallback = StorageTarget::Fallback::None;
        QSignalSpy changed(m_api.get(), &StorageApi::storageChanged);
        auto reply = await(m_api->set(target));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(lastBody(),
            (QJsonObject {{"type", "azure"},
                {"config",
                    QJsonObject {{"accountName", "myaccount"}, {"accountKey", AzureAccountKey},
                        {"container", "archives"}, {"domain", "blob.core.windows.net"}}},
                {"fallback", "none"}}));
        QCOMPARE(changed.count(), 1);
        verifyNoSecrets(changed);
        const auto announced = changed.first().first().value<StorageTarget>();
        QCOMPARE(announced.type, StorageTarget::Type::Azure);
        QCOMPARE(announced.accountName, QStringLiteral("myaccount"));
        QCOMPARE(announced.container, QStringLiteral("archives"));
        QCOMPARE(announced.domain, QStringLiteral("blob.core.windows.net"));
    }

    void refusedTargetAnnouncesNothing()
    {
        server().forceNextResponse("PUT", QStringLiteral("*/archive/storage"), 400, {});
        QSignalSpy changed(m_api.get(), &StorageApi::storageChanged);
        auto reply = await(m_api->set(s3Target()));
        QCOMPARE(reply->error().kind(), Kind::BadRequest);
        QCOMPARE(changed.count(), 0);
    }

    void archivesAreUploadedWhileStorageIsSet()
    {
        AWAIT_SUCCESS(m_api->set(azureTarget()));
        const QString uploaded = recordedArchive();
        QVERIFY(!uploaded.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(uploaded), ArchiveStatus::Uploaded, 5000);
        auto get = await(m_archives->get(uploaded));
        QVERIFY(get->resultAs<Archive>().url.isEmpty());

        QSignalSpy deleted(m_api.get(), &StorageApi::storageDeleted);
        auto remove = await(m_api->remove());
        OTADMIN_VERIFY_SUCCESS(remove);
        QCOMPARE(remove->httpStatus(), 204);
        QCOMPARE(server().journal().last().method, QByteArray("DELETE"));
        QVERIFY(server().journal().last().path.endsWith(QStringLiteral("/archive/storage")));
        QCOMPARE(deleted.count(), 1);

        const QString available = recordedArchive();
        QVERIFY(!available.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(available), ArchiveStatus::Available, 5000);
        QVERIFY(!await(m_archives->get(available))->resultAs<Archive>().url.isEmpty());
        QCOMPARE(statusOf(uploaded), ArchiveStatus::Uploaded); // decided at stop
    }

    void removeIsIdempotent()
    {
        QSignalSpy deleted(m_api.get(), &StorageApi::storageDeleted);
        AWAIT_SUCCESS(m_api->remove());
        AWAIT_SUCCESS(m_api->remove());
        QCOMPARE(deleted.count(), 2);
    }

    void badTargetsSendNothing_data()
    {
        QTest::addColumn<StorageTarget>("target");
        QTest::addColumn<QString>("field");
        const auto s3With = [](auto change) {
            StorageTarget target = s3Target();
            change(target);
            return target;
        };
        const auto azureWith = [](auto change) {
            StorageTarget target = azureTarget();
            change(target);
            return target;
        };
        QTest::newRow("no access key")
            << s3With([](StorageTarget &t) { t.accessKey.clear(); }) << "config.accessKey";
        QTest::newRow("no secret key")
            << s3With([](StorageTarget &t) { t.secretKey.clear(); }) << "config.secretKey";
        QTest::newRow("no bucket")
            << s3With([](StorageTarget &t) { t.bucket.clear(); }) << "config.bucket";
        QTest::newRow("bucket upper case")
            << s3With([](StorageTarget &t) { t.bucket = QStringLiteral("My-Bucket"); })
            << "config.bucket";
        QTest::newRow("bucket too short")
            << s3With([](StorageTarget &t) { t.bucket = QStringLiteral("ab"); }) << "config.bucket";
        QTest::newRow("bucket too long")
            << s3With([](StorageTarget &t) { t.bucket = QString(64, QLatin1Char('a')); })
            << "config.bucket";
        QTest::newRow("bucket double dot")
            << s3With([](StorageTarget &t) { t.bucket = QStringLiteral("my..bucket"); })
            << "config.bucket";
        QTest::newRow("bucket ends with hyphen")
            << s3With([](StorageTarget &t) { t.bucket = QStringLiteral("bucket-"); })
            << "config.bucket";
        QTest::newRow("bucket like an IP")
            << s3With([](StorageTarget &t) { t.bucket = QStringLiteral("192.168.1.10"); })
            << "config.bucket";
        QTest::newRow("bucket underscore")
            << s3With([](StorageTarget &t) { t.bucket = QStringLiteral("my_bucket"); })
            << "config.bucket";
        QTest::newRow("endpoint not a URL")
            << s3With([](StorageTarget &t) { t.endpoint = QStringLiteral("not a url"); })
            << "config.endpoint";
        QTest::newRow("endpoint without scheme")
            << s3With([](StorageTarget &t) { t.endpoint = QStringLiteral("s3.example.com"); })
            << "config.endpoint";
        QTest::newRow("endpoint ftp")
            << s3With([](StorageTarget &t) { t.endpoint = QStringLiteral("ftp://s3.example"); })
            << "config.endpoint";
        QTest::newRow("sse kms") << s3With([](StorageTarget &t) {
            t.sse = QStringLiteral("aws:kms");
        }) << "config.sse";
        QTest::newRow("no account name")
            << azureWith([](StorageTarget &t) { t.accountName.clear(); }) << "config.accountName";
        QTest::newRow("no account key")
            << azureWith([](StorageTarget &t) { t.accountKey.clear(); }) << "config.accountKey";
        QTest::newRow("no container")
            << azureWith([](StorageTarget &t) { t.container.clear(); }) << "config.container";
        QTest::newRow("account name upper case")
            << azureWith([](StorageTarget &t) { t.accountName = QStringLiteral("MyAccount"); })
            << "config.accountName";
        QTest::newRow("container underscore")
            << azureWith([](StorageTarget &t) { t.container = QStringLiteral("my_archives"); })
            << "config.container";
        QTest::newRow("container double hyphen")
            << azureWith([](StorageTarget &t) { t.container = QStringLiteral("my--archives"); })
            << "config.container";
        QTest::newRow("container starts with hyphen")
            << azureWith([](StorageTarget &t) { t.container = QStringLiteral("-archives"); })
            << "config.container";
        QTest::newRow("container too short")
            << azureWith([](StorageTarget &t) { t.container = QStringLiteral("ab"); })
            << "config.container";
        QTest::newRow("bad domain")
            << azureWith([](StorageTarget &t) { t.domain = QStringLiteral("https://x.y/"); })
            << "config.domain";
        QTest::newRow("secret with newline")
            << s3With([](StorageTarget &t) { t.secretKey += QLatin1Char('\n'); })
            << "config.secretKey";
    }
    void badTargetsSendNothing()
    {
        QFETCH(StorageTarget, target);
        QFETCH(QString, field);
        QSignalSpy changed(m_api.get(), &StorageApi::storageChanged);
        auto reply = await(m_api->set(target));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), field);
        QCOMPARE(reply->attempts(), 0);
        QCOMPARE(server().requestCount(), 0);
        QCOMPARE(changed.count(), 0);
    }

    void exactLimitsAreAccepted()
    {
        StorageTarget shortest = s3Target();
        shortest.bucket = QStringLiteral("a.b");
        AWAIT_SUCCESS(m_api->set(shortest));
        StorageTarget longest = s3Target();
        longest.bucket = QString(63, QLatin1Char('b'));
        longest.endpoint = QStringLiteral("http://127.0.0.1:9000");
        longest.sse = QStringLiteral("none");
        AWAIT_SUCCESS(m_api->set(longest));
        StorageTarget azure = azureTarget();
        azure.accountName = QString(24, QLatin1Char('a'));
        azure.container = QStringLiteral("a-b");
        AWAIT_SUCCESS(m_api->set(azure));
        QCOMPARE(server().requestCount(), 3);
    }

    void requestLogHoldsNoSecrets()
    {
        StorageTarget s3 = s3Target();
        s3.endpoint = QStringLiteral("https://s3.example-provider.com");
        AWAIT_SUCCESS(m_api->set(s3));
        AWAIT_SUCCESS(m_api->set(azureTarget()));
        // also on a failed attempt, whose error text could echo the body
        server().forceNextResponse("PUT", QStringLiteral("*/archive/storage"), 400,
            QJsonDocument(QJsonObject {{"code", 400}, {"message", "bad " + S3SecretKey}})
                .toJson(QJsonDocument::Compact));
        QVERIFY(!await(m_api->set(s3))->isSuccess());
        AWAIT_SUCCESS(m_api->remove());

        const auto entries = m_fixture->log().entries();
        QCOMPARE(entries.size(), 4);
        int redacted = 0;
        for (const RequestLogEntry &entry : entries) {
            const QString body = QString::fromUtf8(entry.requestBody);
            const QString curl = entry.toCurl();
            for (const QString &secret : {S3SecretKey, S3AccessKey, AzureAccountKey}) {
                QVERIFY2(!body.contains(secret), qPrintable(body));
                QVERIFY2(!curl.contains(secret), qPrintable(curl));
            }
            if (body.contains(QLatin1String(Redactor::Placeholder)))
                ++redacted;
        }
        QCOMPARE(redacted, 3);
        // the bucket and other non-secret settings stay visible for troubleshooting
        QVERIFY(QString::fromUtf8(entries.first().requestBody).contains("my-archive-bucket"));
        // while the service did receive the real values
        QVERIFY(server().journal().first().body.contains(S3SecretKey.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestStorageApi)
#include "tst_api_storage.moc"
