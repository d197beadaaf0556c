// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-9: TLS is verified against generated certificates; 4 of 4 bad ones fail before HTTP.
#include "ReplyWaiter.h"
#include "TestPki.h"
#include "TlsHttpServer.h"
#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "net/RestClient.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

class TestTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RestClient> client(const QUrl &baseUrl, bool trustTestCa)
    {
        auto rest = std::make_unique<RestClient>(
            &m_network, SystemClock::shared(), SystemRandomSource::shared());
        if (rest->setBaseUrl(baseUrl))
            return nullptr;
        rest->setProjectCredentials({QStringLiteral("12345678"), QByteArray("tls-test-secret")});
        rest->config().deadlineMSecs = 10'000;
        if (trustTestCa)
            rest->config().extraCaCertificates = {m_pki.caCertificate()};
        return rest;
    }

    QNetworkAccessManager m_network;
    TestPki m_pki;
    int m_badRejected = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_pki.generate(&error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        qInfo("G-SEC-9: %d of %lld bad certificate fixtures rejected before the HTTP layer",
            m_badRejected, qint64(TestPki::badNames().size()));
    }

    void goodCertificateWorksThroughTheHook()
    {
        TlsHttpServer server(m_pki.identity(QStringLiteral("good")));
        QVERIFY(server.listen());
        auto rest = client(server.baseUrl(), true);
        QVERIFY(rest);
        auto reply =
            await(rest->send(ApiRequest::get(rest->projectPath({QStringLiteral("archive")}))));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(reply->httpStatus(), 200);
        QCOMPARE(server.httpRequests(), 1);
        QCOMPARE(server.receivedJwts().size(), 1);
    }

    void testCaIsNotTrustedWithoutTheHook()
    {
        // The hook is the only way in: the same good certificate fails without it.
        TlsHttpServer server(m_pki.identity(QStringLiteral("good")));
        QVERIFY(server.listen());
        auto rest = client(server.baseUrl(), false);
        QVERIFY(rest);
        auto reply =
            await(rest->send(ApiRequest::get(rest->projectPath({QStringLiteral("archive")}))));
        QCOMPARE(reply->error().kind(), Kind::Network);
        QCOMPARE(server.httpRequests(), 0);
    }

    void badCertificateFails_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QByteArray>("method");
        for (const QString &name : TestPki::badNames()) {
            QTest::newRow(qPrintable(name + QStringLiteral(" GET"))) << name << QByteArray("GET");
            QTest::newRow(qPrintable(name + QStringLiteral(" POST"))) << name << QByteArray("POST");
        }
    }
    void badCertificateFails()
    {
        QFETCH(QString, fixture);
        QFETCH(QByteArray, method);
        TlsHttpServer server(m_pki.identity(fixture));
        QVERIFY(server.listen());
        auto rest = client(server.baseUrl(), true);
        QVERIFY(rest);
        const QString path = rest->projectPath({QStringLiteral("archive")});
        const ApiRequest request =
            method == "GET" ? ApiRequest::get(path) : ApiRequest::post(path, QJsonObject {});
        auto reply = await(rest->send(request));
        QCOMPARE(reply->error().kind(), Kind::Network);
        const QString message = reply->error().userMessage();
        QVERIFY2(message.contains(QStringLiteral("TLS certificate is not trusted")),
            qPrintable(message));
        QCOMPARE(reply->attempts(), 1); // a certificate failure is not retried
        QVERIFY(!reply->isOutcomeUnknown()); // nothing can have reached the service
        QTest::qWait(20);
        QCOMPARE(server.encryptedConnections(), 0);
        QCOMPARE(server.httpRequests(), 0);
        QVERIFY(server.receivedJwts().isEmpty());
        qInfo("%s %s: %s", qPrintable(fixture), method.constData(), qPrintable(message));
        if (method == "GET")
            ++m_badRejected;
    }

    void plainHttpOnlyToLoopback()
    {
        QVERIFY(!RestClient::validateBaseUrl(QUrl(QStringLiteral("https://api.opentok.com"))));
        QVERIFY(!RestClient::validateBaseUrl(QUrl(QStringLiteral("http://127.0.0.2:8080"))));
        QVERIFY(!RestClient::validateBaseUrl(QUrl(QStringLiteral("http://[::1]:8080"))));
        QVERIFY(!RestClient::validateBaseUrl(QUrl(QStringLiteral("http://localhost:8080"))));
        const auto refused =
            RestClient::validateBaseUrl(QUrl(QStringLiteral("http://api.opentok.com")));
        QVERIFY(refused);
        QVERIFY(refused->toString().contains(QStringLiteral("https://")));
        QVERIFY(RestClient::validateBaseUrl(QUrl(QStringLiteral("http://10.0.0.1"))));
        QVERIFY(RestClient::validateBaseUrl(QUrl(QStringLiteral("ftp://127.0.0.1"))));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
