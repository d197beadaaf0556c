// SPDX-License-Identifier: GPL-3.0-or-later
// AccountApi against the sandbox: projects' lifecycle, secret rotation, account-only credentials.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/AccountApi.h"
#include "api/ArchivesApi.h"

#include <QJsonDocument>
#include <QSignalSpy>

#include <functional>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

class TestAccountApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<AccountApi> m_api;
    std::unique_ptr<ArchivesApi> m_archives;
    // Every project secret seen in a response, to prove the request log holds none of them.
    QStringList m_seenSecrets;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_fixture->server().journal().last().body).object();
    }
    Project projectOf(ApiReply *raw)
    {
        auto reply = await(raw);
        if (!reply->isSuccess())
            qWarning() << reply->error().userMessage();
        const auto project = reply->resultAs<Project>();
        if (!project.secret.isEmpty())
            m_seenSecrets << project.secret;
        return project;
    }
    // A project call (list archives) signed with the given project credentials.
    Kind projectCallWith(const QString &key, const QString &secret)
    {
        RestClient client(
            &m_fixture->network(), m_fixture->client().clock(), m_fixture->client().random());
        client.setBaseUrl(server().baseUrl());
        client.setProjectCredentials({key, secret.toUtf8()});
        client.setRequestLog(&m_fixture->log());
        ArchivesApi archives(&client);
        auto reply = await(archives.list());
        return reply->error().kind();
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_api = std::make_unique<AccountApi>(&m_fixture->client());
        m_archives = std::make_unique<ArchivesApi>(&m_fixture->client());
        m_seenSecrets = {server().apiSecret(), server().accountSecret()};
    }
    void cleanup()
    {
        // Whatever a test did, no project secret from any response reached the request log.
        if (m_fixture) {
            for (const RequestLogEntry &entry : m_fixture->log().entries()) {
                const QString text = QString::fromUtf8(entry.requestBody) + entry.toCurl()
                    + entry.url.toString() + entry.error;
                for (const QString &secret : std::as_const(m_seenSecrets))
                    QVERIFY2(!text.contains(secret), qPrintable(entry.url.toString()));
            }
        }
        m_archives.reset();
        m_api.reset();
        m_fixture.reset();
    }

    void listIncludesSeededProject()
    {
        QSignalSpy loaded(m_api.get(), &AccountApi::projectsLoaded);
        auto reply = await(m_api->listProjects());
        OTADMIN_VERIFY_SUCCESS(reply);
        const auto projects = reply->resultAs<QList<Project>>();
        QVERIFY(!projects.isEmpty());
        bool found = false;
        for (const Project &project : projects) {
            m_seenSecrets << project.secret;
            if (project.id == server().apiKey()) {
                found = true;
                QCOMPARE(project.status, ProjectStatus::Active);
                QCOMPARE(project.secret, server().apiSecret());
            }
        }
        QVERIFY(found);
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(loaded.first().first().value<QList<Project>>().size(), projects.size());
        const auto entry = server().journal().last();
        QCOMPARE(entry.method, QByteArray("GET"));
        QCOMPARE(entry.path, QStringLiteral("/v2/project"));
        QVERIFY(m_fixture->log().entries().last().accountScope);
    }

    void getProject()
    {
        QSignalSpy changed(m_api.get(), &AccountApi::projectChanged);
        const Project project = projectOf(m_api->getProject(server().apiKey()));
        QCOMPARE(project.id, server().apiKey());
        QCOMPARE(project.status, ProjectStatus::Active);
        QVERIFY(project.createdAt > 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(server().journal().last().path,
            QStringLiteral("/v2/project/%1").arg(server().apiKey()));
    }

    void createWithEscapedNameAndUseIt()
    {
        const QString name = QStringLiteral("Acme \"Quoted\" \\ back\\slash, Ünïcødé 東京 🎉");
        QSignalSpy changed(m_api.get(), &AccountApi::projectChanged);
        ProjectCreateOptions options;
        options.name = name;
        const Project created = projectOf(m_api->createProject(options));
        QVERIFY(!created.id.isEmpty());
        QVERIFY(!created.secret.isEmpty());
        QVERIFY(created.id != server().apiKey());
        QVERIFY(created.secret != server().apiSecret());
        QCOMPARE(created.name, name);
        QCOMPARE(created.status, ProjectStatus::Active);
        QCOMPARE(changed.count(), 1);

        const auto entry = server().journal().last();
        QCOMPARE(entry.method, QByteArray("POST"));
        QCOMPARE(entry.path, QStringLiteral("/v2/project"));
        QJsonParseError parseError;
        const QJsonDocument body = QJsonDocument::fromJson(entry.body, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(body.object(), (QJsonObject {{"name", name}}));

        // the new credentials work for project calls
        QCOMPARE(projectCallWith(created.id, created.secret), Kind::None);
        // and it is listed
        auto list = await(m_api->listProjects());
        bool listed = false;
        for (const Project &project : list->resultAs<QList<Project>>())
            listed = listed || (project.id == created.id && project.name == name);
        QVERIFY(listed);
    }

    void createWithoutName()
    {
        const Project created = projectOf(m_api->createProject());
        QVERIFY(!created.id.isEmpty());
        QCOMPARE(created.name, QString());
        QCOMPARE(lastBody(), QJsonObject());
    }

    void suspendAndReactivate()
    {
        auto before = await(m_archives->list());
        OTADMIN_VERIFY_SUCCESS(before);
        const Project suspended =
            projectOf(m_api->setProjectStatus(server().apiKey(), ProjectStatus::Suspended));
        QCOMPARE(suspended.status, ProjectStatus::Suspended);
        QCOMPARE(server().journal().last().method, QByteArray("PUT"));
        QCOMPARE(lastBody(), (QJsonObject {{"status", "SUSPENDED"}}));

        auto refused = await(m_archives->list());
        QCOMPARE(refused->error().kind(), Kind::Forbidden);
        QCOMPARE(refused->httpStatus(), 403);
        // still suspended when read back
        QCOMPARE(projectOf(m_api->getProject(server().apiKey())).status, ProjectStatus::Suspended);

        const Project active =
            projectOf(m_api->setProjectStatus(server().apiKey(), ProjectStatus::Active));
        QCOMPARE(active.status, ProjectStatus::Active);
        QCOMPARE(lastBody(), (QJsonObject {{"status", "ACTIVE"}}));
        auto reactivated = await(m_archives->list());
        OTADMIN_VERIFY_SUCCESS(reactivated);
        QCOMPARE(server().requestCount(), 6); // list, PUT, list, get, PUT, list: no duplicates
    }

    void setUnknownStatusSendsNothing()
    {
        auto reply = await(m_api->setProjectStatus(server().apiKey(), ProjectStatus::Unknown));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), QStringLiteral("status"));
        QCOMPARE(server().requestCount(), 0);
    }

    void refreshSecretRotates()
    {
        const QString oldSecret = server().apiSecret();
        QSignalSpy refreshed(m_api.get(), &AccountApi::projectSecretRefreshed);
        QSignalSpy changed(m_api.get(), &AccountApi::projectChanged);
        const Project project = projectOf(m_api->refreshSecret(server().apiKey()));
        QCOMPARE(project.id, server().apiKey());
        QVERIFY(!project.secret.isEmpty());
        QVERIFY(project.secret != oldSecret);
        QCOMPARE(project.secret, server().apiSecret());
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(changed.count(), 0);
        const auto entry = server().journal().last();
        QCOMPARE(entry.method, QByteArray("POST"));
        QCOMPARE(entry.path, QStringLiteral("/v2/project/%1/refreshSecret").arg(server().apiKey()));
        QCOMPARE(entry.body, QByteArray()); // no body

        // the old secret is refused at once, the new one works
        auto old = await(m_archives->list());
        QCOMPARE(old->error().kind(), Kind::Forbidden);
        QCOMPARE(projectCallWith(project.id, project.secret), Kind::None);
        m_fixture->client().setProjectCredentials({project.id, project.secret.toUtf8()});
        auto withNewSecret = await(m_archives->list());
        OTADMIN_VERIFY_SUCCESS(withNewSecret);
    }

    void refreshSecretIsNeverRetried()
    {
        m_fixture->client().config().retry.baseDelayMSecs = 10;
        const QString oldSecret = server().apiSecret();
        server().forceNextResponse("POST", QStringLiteral("*/refreshSecret"), 503, {}, "0", 0, 3);
        QSignalSpy refreshed(m_api.get(), &AccountApi::projectSecretRefreshed);
        auto reply = await(m_api->refreshSecret(server().apiKey()));
        QCOMPARE(reply->error().kind(), Kind::Server);
        QCOMPARE(reply->idempotency(), Idempotency::NonIdempotent);
        QVERIFY(reply->isOutcomeUnknown());
        QVERIFY(!reply->isRetrySafe());
        QCOMPARE(reply->attempts(), 1);
        QTest::qWait(100);
        QCOMPARE(server().requestCount(), 1);
        QCOMPARE(refreshed.count(), 0);
        QCOMPARE(server().apiSecret(), oldSecret); // the forced answer pre-empted the rotation
    }

    void deleteProject()
    {
        const Project created = projectOf(m_api->createProject());
        QSignalSpy deleted(m_api.get(), &AccountApi::projectDeleted);
        auto remove = await(m_api->deleteProject(created.id));
        OTADMIN_VERIFY_SUCCESS(remove);
        QCOMPARE(remove->httpStatus(), 204);
        QCOMPARE(server().journal().last().method, QByteArray("DELETE"));
        QCOMPARE(deleted.count(), 1);
        QCOMPARE(deleted.first().first().toString(), created.id);
        auto gone = await(m_api->getProject(created.id));
        QCOMPARE(gone->error().kind(), Kind::NotFound);
        auto again = await(m_api->deleteProject(created.id));
        QCOMPARE(again->error().kind(), Kind::NotFound);
        QCOMPARE(projectCallWith(created.id, created.secret), Kind::Forbidden);
    }

    void unknownProjectIsNotFound()
    {
        const QString unknown = QStringLiteral("99999999");
        QVERIFY(unknown != server().apiKey());
        QCOMPARE(await(m_api->getProject(unknown))->error().kind(), Kind::NotFound);
        QCOMPARE(await(m_api->setProjectStatus(unknown, ProjectStatus::Active))->error().kind(),
            Kind::NotFound);
        QCOMPARE(await(m_api->refreshSecret(unknown))->error().kind(), Kind::NotFound);
    }

    void projectCredentialsAreForbidden()
    {
        m_fixture->client().setAccountCredentials(
            {server().apiKey(), server().apiSecret().toUtf8()});
        auto list = await(m_api->listProjects());
        QCOMPARE(list->error().kind(), Kind::Forbidden);
        QCOMPARE(list->httpStatus(), 403);
        auto refresh = await(m_api->refreshSecret(server().apiKey()));
        QCOMPARE(refresh->error().kind(), Kind::Forbidden);
        QCOMPARE(server().requestCount(), 2);
    }

    void missingAccountCredentialsSendNothing()
    {
        m_fixture->client().setAccountCredentials({});
        auto list = await(m_api->listProjects());
        QCOMPARE(list->error().kind(), Kind::Validation);
        QCOMPARE(list->error().field(), QStringLiteral("accountCredentials"));
        auto create = await(m_api->createProject());
        QCOMPARE(create->error().kind(), Kind::Validation);
        auto refresh = await(m_api->refreshSecret(server().apiKey()));
        QCOMPARE(refresh->error().kind(), Kind::Validation);
        QCOMPARE(server().requestCount(), 0);
    }

    void badProjectKeySendsNothing_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("empty") << QString();
        QTest::newRow("letters") << QStringLiteral("12ab5678");
        QTest::newRow("slash") << QStringLiteral("1234/5678");
        QTest::newRow("dots") << QStringLiteral("..");
        QTest::newRow("space") << QStringLiteral("1234 5678");
        QTest::newRow("negative") << QStringLiteral("-1234");
        QTest::newRow("arabic digits") << QStringLiteral("١٢٣٤");
        QTest::newRow("too long") << QString(kMaxIdLength + 1, QLatin1Char('1'));
    }
    void badProjectKeySendsNothing()
    {
        QFETCH(QString, key);
        // each reply is awaited as soon as it is made (an unawaited one deletes itself)
        const QList<std::function<ApiReply *()>> calls {[&] { return m_api->getProject(key); },
            [&] { return m_api->setProjectStatus(key, ProjectStatus::Active); },
            [&] { return m_api->deleteProject(key); }, [&] { return m_api->refreshSecret(key); }};
        for (const auto &call : calls) {
            auto reply = await(call());
            QCOMPARE(reply->error().kind(), Kind::Validation);
            QCOMPARE(reply->error().field(), QStringLiteral("projectKey"));
        }
        QCOMPARE(server().requestCount(), 0);
    }

    void badProjectNameSendsNothing()
    {
        ProjectCreateOptions tooLong;
        tooLong.name = QString(kMaxProjectNameLength + 1, QLatin1Char('n'));
        QCOMPARE(await(m_api->createProject(tooLong))->error().field(), QStringLiteral("name"));
        ProjectCreateOptions control;
        control.name = QStringLiteral("a\nb");
        QCOMPARE(await(m_api->createProject(control))->error().field(), QStringLiteral("name"));
        QCOMPARE(server().requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAccountApi)
#include "tst_api_account.moc"
