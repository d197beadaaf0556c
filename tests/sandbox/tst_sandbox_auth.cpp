// SPDX-License-Identifier: GPL-3.0-or-later
// Sandbox JWT rules (§1.2), account endpoints (§9), control prefix, forced answers and journal.
#include "SandboxTestClient.h"

#include "JwtVerifier.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>

using namespace otadmin::sandbox;
using namespace otadmin::sandbox::test;

class TestSandboxAuth : public QObject
{
    Q_OBJECT

private:
    SandboxServer *m_server = nullptr;
    SandboxTestClient *m_client = nullptr;
    QString m_session;

    QString streamsPath() const
    {
        return m_client->projectPath(
            QStringLiteral("/session/") + m_session + QStringLiteral("/stream"));
    }
    void expect403(const HttpResult &r, const char *messagePart)
    {
        QCOMPARE(r.status, 403);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(r.object().value(QLatin1String("code")).toInt(), 403);
        QVERIFY2(r.object()
                     .value(QLatin1String("message"))
                     .toString()
                     .contains(QLatin1String(messagePart), Qt::CaseInsensitive),
            r.body.constData());
    }

private slots:
    void init()
    {
        SandboxConfig config;
        config.apiKey = QStringLiteral("12345678");
        config.apiSecret = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        m_server = new SandboxServer(config);
        QVERIFY(m_server->listen());
        m_client = new SandboxTestClient(*m_server);
        m_session = m_server->createSession();
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void generatedCredentialsHaveTheDocumentedShape()
    {
        SandboxServer generated;
        QCOMPARE(generated.apiKey().size(), 8);
        QVERIFY(
            QRegularExpression(QStringLiteral("^[0-9]{8}$")).match(generated.apiKey()).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{40}$"))
                    .match(generated.apiSecret())
                    .hasMatch());
        QVERIFY(generated.accountKey() != generated.apiKey());
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{40}$"))
                    .match(generated.accountSecret())
                    .hasMatch());
        QCOMPARE(generated.listen(), true);
        QVERIFY(generated.baseUrl().port() > 0);
    }

    void referenceVectorVerifies()
    {
        // §1.2 vector; checked with the sandbox clock moved back to its iat.
        const QByteArray token =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            "eyJpc3MiOiIxMjM0NTY3OCIsImlzdCI6InByb2plY3QiLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMD"
            "E4MCwianRpIjoiYzBmZmVlMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIn0.BaUswDl0xEMeKi-_My_"
            "WeIcCmT6nRC_C-8K7hZCxezs";
        const auto lookup = [](const QString &iss) {
            return iss == u"12345678" ? QByteArray("0123456789abcdef0123456789abcdef01234567")
                                      : QByteArray();
        };
        QVERIFY(JwtVerifier::verify(
            token, QStringLiteral("12345678"), QStringLiteral("project"), 1700000100, lookup)
                    .ok);
        const auto expired = JwtVerifier::verify(
            token, QStringLiteral("12345678"), QStringLiteral("project"), 1700000180, lookup);
        QVERIFY(!expired.ok);
        QVERIFY(expired.message.contains(QLatin1String("expired")));
    }

    void validJwtIsAccepted()
    {
        const HttpResult r = m_client->call("GET", streamsPath());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QLatin1String("count")).toInt(), 0);
    }

    void badTokensAreRefused_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("message");
        const QString key = QStringLiteral("12345678");
        const QString secret = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QTest::newRow("no header") << QByteArray("-") << QStringLiteral("missing");
        QTest::newRow("garbage") << QByteArray("abc") << QStringLiteral("format");
        QTest::newRow("bad signature")
            << mintJwt(key, QStringLiteral("wrong"), QStringLiteral("project"), now, now + 60)
            << QStringLiteral("signature");
        const QByteArray payload =
            QStringLiteral(R"({"iss":"%1","ist":"project","iat":%2,"exp":%3})")
                .arg(key)
                .arg(now)
                .arg(now + 60)
                .toUtf8();
        QTest::newRow("alg none") << (b64url(R"({"alg":"none","typ":"JWT"})") + '.'
            + b64url(payload) + '.')
                                  << QStringLiteral("algorithm");
        QTest::newRow("alg HS512") << signJwt(R"({"alg":"HS512","typ":"JWT"})", payload,
            secret.toUtf8()) << QStringLiteral("algorithm");
        QTest::newRow("lifetime 301 s") << mintJwt(key, secret, QStringLiteral("project"), now,
            now + 301) << QStringLiteral("lifetime");
        QTest::newRow("expired") << mintJwt(key, secret, QStringLiteral("project"), now - 200,
            now - 1) << QStringLiteral("expired");
        QTest::newRow("ist account") << mintJwt(key, secret, QStringLiteral("account"), now,
            now + 60) << QStringLiteral("ist");
        QTest::newRow("other iss")
            << mintJwt(QStringLiteral("87654321"), secret, QStringLiteral("project"), now, now + 60)
            << QStringLiteral("iss");
        QTest::newRow("fractional iat") << signJwt(R"({"alg":"HS256"})",
            QStringLiteral(R"({"iss":"%1","ist":"project","iat":%2.5,"exp":%3})")
                .arg(key)
                .arg(now)
                .arg(now + 60)
                .toUtf8(),
            secret.toUtf8()) << QStringLiteral("iat");
        QTest::newRow("string exp") << signJwt(R"({"alg":"HS256"})",
            QStringLiteral(R"({"iss":"%1","ist":"project","iat":%2,"exp":"%3"})")
                .arg(key)
                .arg(now)
                .arg(now + 60)
                .toUtf8(),
            secret.toUtf8()) << QStringLiteral("exp");
    }
    void badTokensAreRefused()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, message);
        expect403(m_client->call("GET", streamsPath(), {}, token), message.toLatin1().constData());
    }

    void sdkQuirksAreAccepted()
    {
        const qint64 now = m_server->nowMs() / 1000;
        // Java: only "alg" in the header; Node: no jti; claims in any order; 300 s lifetime.
        const QByteArray javaStyle = signJwt(R"({"alg":"HS256"})",
            QStringLiteral(R"({"exp":%1,"iat":%2,"ist":"project","iss":"12345678"})")
                .arg(now + 300)
                .arg(now)
                .toUtf8(),
            m_server->apiSecret().toUtf8());
        QCOMPARE(m_client->call("GET", streamsPath(), {}, javaStyle).status, 200);
    }

    void advancingTimeExpiresATokenAndShowsInDate()
    {
        const QByteArray token = m_client->projectJwt(); // exp = now + 180
        QCOMPARE(m_client->call("GET", streamsPath(), {}, token).status, 200);
        m_server->advanceTime(181 * 1000);
        const HttpResult r = m_client->call("GET", streamsPath(), {}, token);
        expect403(r, "expired");
        const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(r.headers.value("date")),
            QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        QVERIFY(date.isValid());
        QVERIFY(qAbs(date.toSecsSinceEpoch() - (QDateTime::currentSecsSinceEpoch() + 181)) <= 2);
        QCOMPARE(m_client->call("GET", streamsPath()).status, 200); // fresh token, sandbox clock
    }

    void accountEndpointsNeedAccountCredentials()
    {
        expect403(m_client->call("GET", QStringLiteral("/v2/project")), "iss");
        const HttpResult list =
            m_client->call("GET", QStringLiteral("/v2/project"), {}, m_client->accountJwt());
        QCOMPARE(list.status, 200);
        QVERIFY(QJsonDocument::fromJson(list.body).isArray());
        QCOMPARE(list.array().size(), 1);
        QCOMPARE(list.array().at(0).toObject().value(QLatin1String("id")).toString(),
            m_server->apiKey());
        // An account JWT does not open project endpoints.
        const qint64 now = m_server->nowMs() / 1000;
        const QByteArray accountAsProject = mintJwt(m_server->accountKey(),
            m_server->accountSecret(), QStringLiteral("project"), now, now + 60);
        QCOMPARE(m_client->call("GET", streamsPath(), {}, accountAsProject).status, 403);
        QCOMPARE(
            m_client->call("GET", QStringLiteral("/v2/project"), {}, accountAsProject).status, 403);
    }

    void projectLifecycleThroughTheAccountApi()
    {
        const QByteArray jwt = m_client->accountJwt();
        const HttpResult created = m_client->json("POST", QStringLiteral("/v2/project"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("Acme \"1\"")}}, jwt);
        QCOMPARE(created.status, 200);
        const QJsonObject p = created.object();
        const QString key = p.value(QLatin1String("id")).toString();
        QCOMPARE(key.size(), 8);
        QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("Acme \"1\""));
        QCOMPARE(p.value(QLatin1String("status")).toString(), QStringLiteral("ACTIVE"));
        QCOMPARE(p.value(QLatin1String("environment")).toString(), QStringLiteral("standard"));
        QCOMPARE(p.value(QLatin1String("secret")).toString().size(), 40);
        QVERIFY(p.value(QLatin1String("createdAt")).toDouble() > 1.6e12);
        // Go sends no body at all when there is no name.
        QCOMPARE(m_client->call("POST", QStringLiteral("/v2/project"), {}, jwt).status, 200);
        QCOMPARE(m_client->call("GET", QStringLiteral("/v2/project"), {}, jwt).array().size(), 3);
        QCOMPARE(m_client->call("GET", QStringLiteral("/v2/project/") + key, {}, jwt).object(), p);
        QCOMPARE(m_client
                     ->json("PUT", QStringLiteral("/v2/project/") + key,
                         QJsonObject {{QStringLiteral("status"), QStringLiteral("PAUSED")}}, jwt)
                     .status,
            400);
        QCOMPARE(
            m_client->call("DELETE", QStringLiteral("/v2/project/") + key, {}, jwt).status, 204);
        QCOMPARE(m_client->call("GET", QStringLiteral("/v2/project/") + key, {}, jwt).status, 404);
        QCOMPARE(
            m_client->call("DELETE", QStringLiteral("/v2/project/") + key, {}, jwt).status, 404);
    }

    void refreshSecretInvalidatesTheOldSecretAtOnce()
    {
        const QString oldSecret = m_server->apiSecret();
        const QByteArray oldToken = m_client->projectJwt();
        const HttpResult r = m_client->call("POST",
            QStringLiteral("/v2/project/") + m_server->apiKey() + QStringLiteral("/refreshSecret"),
            {}, m_client->accountJwt());
        QCOMPARE(r.status, 200);
        const QString newSecret = r.object().value(QLatin1String("secret")).toString();
        QVERIFY(newSecret != oldSecret);
        QCOMPARE(m_server->apiSecret(), newSecret);
        expect403(m_client->call("GET", streamsPath(), {}, oldToken), "signature");
        QCOMPARE(m_client->call("GET", streamsPath()).status, 200);
    }

    void suspendedProjectIsRefused()
    {
        const QString path = QStringLiteral("/v2/project/") + m_server->apiKey();
        const HttpResult r = m_client->json("PUT", path,
            QJsonObject {{QStringLiteral("status"), QStringLiteral("SUSPENDED")}},
            m_client->accountJwt());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QLatin1String("status")).toString(), QStringLiteral("SUSPENDED"));
        expect403(m_client->call("GET", streamsPath()), "suspended");
        QCOMPARE(m_client
                     ->json("PUT", path,
                         QJsonObject {{QStringLiteral("status"), QStringLiteral("ACTIVE")}},
                         m_client->accountJwt())
                     .status,
            200);
        QCOMPARE(m_client->call("GET", streamsPath()).status, 200);
    }

    void unknownRoutesAndMethodsAnswerJson()
    {
        const HttpResult notFound = m_client->call("GET", QStringLiteral("/v2/nothing"));
        QCOMPARE(notFound.status, 404);
        QCOMPARE(notFound.object().value(QLatin1String("code")).toInt(), 404);
        const HttpResult wrongMethod =
            m_client->call("DELETE", m_client->projectPath(QStringLiteral("/archive")));
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.object().value(QLatin1String("code")).toInt(), 405);
        QVERIFY(wrongMethod.headers.value("allow").contains("GET"));
        QVERIFY(wrongMethod.headers.value("allow").contains("POST"));
    }

    void controlPrefixIsLoopbackOnly()
    {
        QVERIFY(SandboxServer::isLoopbackPeer(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(SandboxServer::isLoopbackPeer(QHostAddress(QStringLiteral("127.8.9.10"))));
        QVERIFY(SandboxServer::isLoopbackPeer(QHostAddress(QStringLiteral("::1"))));
        QVERIFY(SandboxServer::isLoopbackPeer(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))));
        QVERIFY(!SandboxServer::isLoopbackPeer(QHostAddress(QStringLiteral("192.168.1.20"))));
        QVERIFY(!SandboxServer::isLoopbackPeer(QHostAddress(QStringLiteral("::ffff:10.0.0.1"))));
        QVERIFY(!SandboxServer::isLoopbackPeer(QHostAddress(QStringLiteral("2001:db8::1"))));
        // Over loopback the prefix needs no JWT and is neither counted nor journaled.
        const HttpResult info = m_client->call("GET", QStringLiteral("/_sandbox/info"), {}, "-");
        QCOMPARE(info.status, 200);
        QCOMPARE(info.object().value(QLatin1String("apiKey")).toString(), m_server->apiKey());
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(m_server->journal().isEmpty());
    }

    void forcedResponsesCarryRetryAfterAndRunOut()
    {
        m_server->forceNextResponse(
            "GET", QStringLiteral("/v2/project/*/session/*/stream"), 503, {}, "7", 0, 2);
        for (int i = 0; i < 2; ++i) {
            const HttpResult r = m_client->call("GET", streamsPath());
            QCOMPARE(r.status, 503);
            QCOMPARE(r.headers.value("retry-after"), QByteArray("7"));
            QCOMPARE(r.object().value(QLatin1String("code")).toInt(), 503);
        }
        QCOMPARE(m_client->call("GET", streamsPath()).status, 200);
        QCOMPARE(m_server->requestCount(), 3);
        QCOMPARE(m_server->journal().at(0).status, 503);
        QCOMPARE(m_server->journal().at(2).status, 200);
        // Method filter and regex patterns; a custom body is sent as is.
        m_server->forceNextResponse("POST",
            QStringLiteral("^/v2/project/[0-9]+/session/.*/stream$"), 429,
            R"({"code":429,"message":"slow down"})");
        QCOMPARE(m_client->call("GET", streamsPath()).status, 200);
        m_server->forceNextResponse("*", QStringLiteral("^/v2/project/[0-9]+/session/.*/stream$"),
            429, R"({"code":429,"message":"slow down"})");
        const HttpResult limited = m_client->call("GET", streamsPath());
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.object().value(QLatin1String("message")).toString(),
            QStringLiteral("slow down"));
        // Via the control route as well.
        QCOMPARE(m_client
                     ->json("POST", QStringLiteral("/_sandbox/force"),
                         QJsonObject {{QStringLiteral("path"), QStringLiteral("*/stream")},
                             {QStringLiteral("status"), 500}, {QStringLiteral("retryAfter"), 3}},
                         "-")
                     .status,
            204);
        const HttpResult forced = m_client->call("GET", streamsPath());
        QCOMPARE(forced.status, 500);
        QCOMPARE(forced.headers.value("retry-after"), QByteArray("3"));
    }

    void forcedDelayDelaysTheNormalAnswer()
    {
        m_server->forceNextResponse("GET", QStringLiteral("*/stream"), 0, {}, {}, 300);
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = m_client->call("GET", streamsPath());
        QCOMPARE(r.status, 200);
        QVERIFY2(timer.elapsed() >= 280, QByteArray::number(timer.elapsed()).constData());
        QCOMPARE(r.object().value(QLatin1String("count")).toInt(), 0);
    }

    void delayedAnswerToAClientThatHungUpDoesNotCrash()
    {
        m_server->forceNextResponse("GET", QStringLiteral("*/stream"), 200, "{}", {}, 300);
        const HttpResult aborted =
            m_client->call("GET", streamsPath(), {}, {}, "application/json", 50);
        QCOMPARE(aborted.error, QNetworkReply::OperationCanceledError);
        QTest::qWait(400); // the timer fires after the socket is gone
        QCOMPARE(m_client->call("GET", streamsPath()).status, 200);
        // A server destroyed with an answer still pending must not crash either.
        m_server->forceNextResponse("GET", QStringLiteral("*/stream"), 200, "{}", {}, 5000);
        m_client->call("GET", streamsPath(), {}, {}, "application/json", 50);
    }

    void journalRecordsWhatArrived()
    {
        const QByteArray token = m_client->projectJwt();
        const QString path = m_client->projectPath(
            QStringLiteral("/session/") + m_session + QStringLiteral("/signal"));
        QCOMPARE(m_client->call("POST", path, R"({"type":"chat","data":"hi"})", token).status, 204);
        QCOMPARE(
            m_client
                ->call("GET", m_client->projectPath(QStringLiteral("/archive?count=2&offset=1")),
                    {}, token)
                .status,
            200);
        const QList<JournalEntry> journal = m_server->journal();
        QCOMPARE(journal.size(), 2);
        QCOMPARE(journal.at(0).method, QByteArray("POST"));
        QCOMPARE(journal.at(0).path, path);
        QCOMPARE(journal.at(0).headers.value("x-opentok-auth"), token);
        QCOMPARE(journal.at(0).headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(journal.at(0).body, QByteArray(R"({"type":"chat","data":"hi"})"));
        QCOMPARE(journal.at(0).status, 204);
        QCOMPARE(journal.at(1).query, QStringLiteral("count=2&offset=1"));
        const HttpResult viaHttp =
            m_client->call("GET", QStringLiteral("/_sandbox/journal"), {}, "-");
        QCOMPARE(viaHttp.object().value(QLatin1String("count")).toInt(), 2);
        QCOMPARE(viaHttp.object()
                     .value(QLatin1String("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("headers"))
                     .toObject()
                     .value(QLatin1String("x-opentok-auth"))
                     .toString(),
            QString::fromLatin1(token));
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(
            m_client->call("DELETE", QStringLiteral("/_sandbox/journal"), {}, "-").status, 204);
        QVERIFY(m_server->journal().isEmpty());
    }

    void controlTimeAndReset()
    {
        const qint64 before = m_server->nowMs();
        const HttpResult r = m_client->json("POST", QStringLiteral("/_sandbox/time"),
            QJsonObject {{QStringLiteral("advanceMs"), 3600000}}, "-");
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(QLatin1String("nowMs")).toInteger() >= before + 3600000);
        QCOMPARE(m_client->call("POST", QStringLiteral("/_sandbox/reset"), {}, "-").status, 204);
        QVERIFY(m_server->nowMs() < before + 60000);
        QVERIFY(m_server->sessionState(m_session).isEmpty());
        QCOMPARE(m_server->apiKey(), QStringLiteral("12345678"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxAuth)
#include "tst_sandbox_auth.moc"
