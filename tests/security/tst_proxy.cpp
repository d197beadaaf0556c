// SPDX-License-Identifier: GPL-3.0-or-later
// G-REL-10: through an HTTP CONNECT proxy the proxy sees only CONNECT host:port, never the JWT.
#include "ConnectProxy.h"
#include "ReplyWaiter.h"
#include "TestPki.h"
#include "TlsHttpServer.h"
#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "net/RestClient.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

#include <memory>

using namespace otadmin;
using namespace otadmin::test;

namespace {

const QByteArray kSecret = "proxy-test-secret-0123456789abcdef";

std::unique_ptr<RestClient> tlsClient(
    QNetworkAccessManager *network, const TlsHttpServer &server, const TestPki &pki)
{
    auto client =
        std::make_unique<RestClient>(network, SystemClock::shared(), SystemRandomSource::shared());
    if (client->setBaseUrl(server.baseUrl()))
        return nullptr;
    client->setProjectCredentials({QStringLiteral("12345678"), kSecret});
    client->config().deadlineMSecs = 10'000;
    client->config().extraCaCertificates = {pki.caCertificate()};
    return client;
}

} // namespace

class TestProxy : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_pki.generate(&error), qPrintable(error));
    }

    void proxySeesOnlyConnect()
    {
        TlsHttpServer server(m_pki.identity(QStringLiteral("good")));
        QVERIFY(server.listen());
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        QNetworkAccessManager network;
        network.setProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port()));
        auto client = tlsClient(&network, server, m_pki);
        QVERIFY(client);

        for (int i = 0; i < 3; ++i) {
            auto reply = await(
                client->send(ApiRequest::post(client->projectPath({QStringLiteral("archive")}),
                    QJsonObject {{QStringLiteral("sessionId"), QStringLiteral("1_proxy")}})));
            OTADMIN_VERIFY_SUCCESS(reply);
        }
        QCOMPARE(server.httpRequests(), 3);
        QCOMPARE(server.receivedJwts().size(), 3);
        QVERIFY(proxy.connections() >= 1);

        // In clear: only "CONNECT 127.0.0.1:PORT HTTP/1.1" and its proxy headers.
        const QByteArray target = "127.0.0.1:" + QByteArray::number(server.port());
        for (const QByteArray &head : proxy.connectRequests()) {
            QVERIFY2(head.startsWith("CONNECT " + target + " HTTP/1.1\r\n"), head.constData());
            const QByteArray lower = head.toLower();
            QVERIFY(!lower.contains("x-opentok-auth"));
            QVERIFY(!lower.contains("/v2/project"));
        }
        // The JWTs the TLS server received, their parts, and the secret: 0 bytes in the capture.
        const QByteArray captured = proxy.allBytes();
        QVERIFY(proxy.tunnelledBytes() > 0);
        int found = 0;
        int checks = 0;
        for (const QByteArray &jwt : server.receivedJwts()) {
            QList<QByteArray> needles = jwt.split('.');
            needles << jwt;
            for (const QByteArray &needle : std::as_const(needles)) {
                ++checks;
                found += captured.contains(needle) ? 1 : 0;
            }
        }
        for (const QByteArray &needle : {kSecret, QByteArray("X-OPENTOK-AUTH"),
                 QByteArray("1_proxy"), QByteArray("/v2/project")}) {
            ++checks;
            found += captured.contains(needle) ? 1 : 0;
        }
        QCOMPARE(found, 0);
        qInfo("G-REL-10: %lld CONNECT requests seen, %lld bytes tunnelled, %d of %d JWT/secret "
              "needles found in the proxy's capture",
            qint64(proxy.connectRequests().size()), proxy.tunnelledBytes(), found, checks);
    }

    void httpsProxyEnvironmentIsNotUsedByDefault()
    {
        // How the app behaves today: it never calls
        // QNetworkProxyFactory::setUseSystemConfiguration(true), so Qt's default (no proxy
        // unless set on the manager) applies and https_proxy is ignored.
        TlsHttpServer server(m_pki.identity(QStringLiteral("good")));
        QVERIFY(server.listen());
        ConnectProxy proxy;
        QVERIFY(proxy.listen());
        const QByteArray previous = qgetenv("https_proxy");
        qputenv("https_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.port()));
        QNetworkAccessManager network;
        auto client = tlsClient(&network, server, m_pki);
        QVERIFY(client);
        auto reply =
            await(client->send(ApiRequest::get(client->projectPath({QStringLiteral("archive")}))));
        if (previous.isEmpty())
            qunsetenv("https_proxy");
        else
            qputenv("https_proxy", previous);
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(proxy.connections(), 0);
        QCOMPARE(server.httpRequests(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
