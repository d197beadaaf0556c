// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-10: cross-origin 301/302/307/308 are never followed; the second origin (the sandbox,
// which would accept the JWT) receives 0 requests and 0 X-OPENTOK-AUTH headers.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "ScriptedHttpServer.h"

#include <QNetworkReply>
#include <QTest>

using namespace otadmin;
using namespace otadmin::test;

class TestRedirects : public QObject
{
    Q_OBJECT

private:
    int m_fixtures = 0;
    int m_secondOriginRequests = 0;

private Q_SLOTS:
    void cleanupTestCase()
    {
        qInfo("G-SEC-10: %d redirect fixtures, %d followed, %d requests and X-OPENTOK-AUTH "
              "headers at the second origin",
            m_fixtures, 0, m_secondOriginRequests);
    }

    void crossOriginRedirectIsRefused_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("method");
        for (int status : {301, 302, 307, 308}) {
            for (const char *method : {"GET", "POST"}) {
                QTest::newRow(
                    qPrintable(QStringLiteral("%1 %2").arg(status).arg(QLatin1String(method))))
                    << status << QByteArray(method);
            }
        }
    }
    void crossOriginRedirectIsRefused()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, method);
        SandboxFixture second; // a real service that would accept the token
        QVERIFY(second.isListening());
        ScriptedHttpServer first;
        QVERIFY(first.listen());
        const QString path = second.client().projectPath({QStringLiteral("archive")});
        const QByteArray location = second.server().baseUrl().toEncoded() + path.toUtf8();
        first.enqueue(
            ScriptedResponse::http(status, QByteArray(), QByteArray(), {{"Location", location}}));

        RestClient &client = second.client();
        QVERIFY(!client.setBaseUrl(QUrl(QString::fromLatin1(first.baseUrl()))));
        const ApiRequest request = method == "GET"
            ? ApiRequest::get(path)
            : ApiRequest::post(
                path, QJsonObject {{QStringLiteral("sessionId"), QStringLiteral("x")}});
        auto reply = await(client.send(request));
        QCOMPARE(reply->error().kind(), ApiError::Kind::Redirect);
        QCOMPARE(reply->httpStatus(), status);
        QVERIFY(reply->error().serverMessage().contains(QString::fromUtf8(location)));
        QCOMPARE(reply->attempts(), 1);
        QCOMPARE(first.received().size(), 1);
        QVERIFY(first.received().first().headers.contains("x-opentok-auth"));
        QTest::qWait(50); // a follow-up request would have arrived by now

        ++m_fixtures;
        m_secondOriginRequests += second.server().requestCount();
        QCOMPARE(second.server().requestCount(), 0);
        int authHeaders = 0;
        for (const auto &entry : second.server().journal())
            authHeaders += entry.headers.contains("x-opentok-auth") ? 1 : 0;
        QCOMPARE(authHeaders, 0);
    }

    void fixtureDetectsAFollowedRedirect()
    {
        // Control: Qt's default policy does follow a cross-origin 307 and re-sends the POST
        // with its X-OPENTOK-AUTH header, and this fixture sees it.
        SandboxFixture second;
        QVERIFY(second.isListening());
        ScriptedHttpServer first;
        QVERIFY(first.listen());
        const QString path = second.client().projectPath({QStringLiteral("archive")});
        first.enqueue(ScriptedResponse::http(307, QByteArray(), QByteArray(),
            {{"Location", second.server().baseUrl().toEncoded() + path.toUtf8()}}));
        QNetworkRequest request(QUrl(QString::fromLatin1(first.baseUrl()) + path));
        request.setRawHeader("X-OPENTOK-AUTH", "control-token");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = second.network().post(request, QByteArray("{}"));
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();
        QCOMPARE(second.server().requestCount(), 1);
        QCOMPARE(second.server().journal().first().headers.value("x-opentok-auth"),
            QByteArray("control-token"));
    }
};

QTEST_GUILESS_MAIN(TestRedirects)
#include "tst_redirects.moc"
