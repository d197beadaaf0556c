// SPDX-License-Identifier: GPL-3.0-or-later
// Sandbox sessions (§2), signals, moderation, connections and streams (§4), SIP and DTMF (§7).
#include "SandboxTestClient.h"

#include <QJsonArray>
#include <QTest>

using namespace otadmin::sandbox;
using namespace otadmin::sandbox::test;

class TestSandboxSessions : public QObject
{
    Q_OBJECT

private:
    SandboxServer *m_server = nullptr;
    SandboxTestClient *m_client = nullptr;
    QString m_session;

    QString sessionPath(const QString &rest, const QString &session = {}) const
    {
        return m_client->projectPath(
            QStringLiteral("/session/") + (session.isEmpty() ? m_session : session) + rest);
    }
    HttpResult create(const QByteArray &form)
    {
        return m_client->call("POST", QStringLiteral("/session/create"), form, {},
            "application/x-www-form-urlencoded");
    }

private slots:
    void init()
    {
        m_server = new SandboxServer(SandboxConfig {});
        QVERIFY(m_server->listen());
        m_client = new SandboxTestClient(*m_server);
        m_session = m_server->createSession();
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void createSessionAnswersAnArrayWithADecodableId()
    {
        const HttpResult r = create("archiveName=Auto+archive%20x&archiveMode=always&p2p."
                                    "preference=disabled&foo=bar&location=10.1.2.3");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 1);
        const QJsonObject s = r.array().at(0).toObject();
        QCOMPARE(s.value(QLatin1String("project_id")).toString(), m_server->apiKey());
        QCOMPARE(s.value(QLatin1String("partner_id")).toString(), m_server->apiKey());
        QVERIFY(s.value(QLatin1String("create_dt")).toString().contains(QLatin1String("UTC")));
        const QString id = s.value(QLatin1String("session_id")).toString();
        QVERIFY(id.startsWith(QLatin1String("1_")));
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$")).match(id).hasMatch());
        const QList<QByteArray> fields =
            QByteArray::fromBase64(id.mid(2).toLatin1(), QByteArray::Base64UrlEncoding).split('~');
        QCOMPARE(fields.at(0), QByteArray("1"));
        QCOMPARE(fields.at(1), m_server->apiKey().toLatin1());
        QCOMPARE(fields.at(2), QByteArray("10.1.2.3"));
        QVERIFY(fields.at(3).toLongLong() > 1600000000000LL);
        const QJsonObject state = m_server->sessionState(id);
        QCOMPARE(state.value(QLatin1String("mediaMode")).toString(), QStringLiteral("routed"));
        QCOMPARE(state.value(QLatin1String("archiveMode")).toString(), QStringLiteral("always"));
        QCOMPARE(
            m_server->state().sessions.value(id).archiveName, QStringLiteral("Auto archive x"));
        QCOMPARE(m_server
                     ->sessionState(create("p2p.preference=enabled")
                                        .array()
                                        .at(0)
                                        .toObject()
                                        .value(QLatin1String("session_id"))
                                        .toString())
                     .value(QLatin1String("mediaMode"))
                     .toString(),
            QStringLiteral("relayed"));
    }

    void createSessionValidation_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::newRow("bad p2p") << QByteArray("p2p.preference=maybe");
        QTest::newRow("always relayed") << QByteArray("p2p.preference=enabled&archiveMode=always");
        QTest::newRow("bad archiveMode") << QByteArray("archiveMode=sometimes");
        QTest::newRow("name with manual")
            << QByteArray("p2p.preference=disabled&archiveMode=manual&archiveName=x");
        QTest::newRow("name too long")
            << (QByteArray("p2p.preference=disabled&archiveMode=always&archiveName=")
                   + QByteArray(81, 'a'));
        QTest::newRow("resolution with manual") << QByteArray("archiveResolution=1280x720");
        QTest::newRow("bad resolution")
            << QByteArray("p2p.preference=disabled&archiveMode=always&archiveResolution=1x1");
        QTest::newRow("location not IPv4") << QByteArray("location=::1");
        QTest::newRow("location 256") << QByteArray("location=1.2.3.256");
        QTest::newRow("e2ee relayed") << QByteArray("p2p.preference=enabled&e2ee=true");
        QTest::newRow("e2ee always")
            << QByteArray("p2p.preference=disabled&archiveMode=always&e2ee=true");
        QTest::newRow("e2ee yes") << QByteArray("e2ee=yes");
    }
    void createSessionValidation()
    {
        QFETCH(QByteArray, form);
        const HttpResult r = create(form);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QLatin1String("code")).toInt(), 400);
    }

    void signalsAndTheirLimits()
    {
        const QString c = m_server->addConnection(m_session);
        QCOMPARE(m_client
                     ->call("POST", sessionPath(QStringLiteral("/signal")),
                         R"({"type":"chat","data":"hello"})")
                     .status,
            204);
        QCOMPARE(
            m_client
                ->call("POST",
                    sessionPath(QStringLiteral("/connection/") + c + QStringLiteral("/signal")),
                    R"({"data":"only data","type":null})")
                .status,
            204);
        const QJsonArray events =
            m_server->sessionState(m_session).value(QLatin1String("events")).toArray();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).toObject().value(QLatin1String("connectionId")).toString(), c);
        QCOMPARE(m_client
                     ->json("POST", sessionPath(QStringLiteral("/signal")),
                         QJsonObject {{QStringLiteral("type"), QString(128, u'x')},
                             {QStringLiteral("data"), QString()}})
                     .status,
            204);
        QCOMPARE(m_client
                     ->json("POST", sessionPath(QStringLiteral("/signal")),
                         QJsonObject {{QStringLiteral("type"), QString(129, u'x')},
                             {QStringLiteral("data"), QString()}})
                     .status,
            413);
        QCOMPARE(m_client
                     ->json("POST", sessionPath(QStringLiteral("/signal")),
                         QJsonObject {{QStringLiteral("data"), QString(8193, u'x')}})
                     .status,
            413);
        QCOMPARE(m_client->call("POST", sessionPath(QStringLiteral("/signal")), "{not json").status,
            400);
        QCOMPARE(m_client->call("POST", sessionPath(QStringLiteral("/signal")), R"({"type":"t"})")
                     .status,
            400);
        QCOMPARE(m_client
                     ->call("POST", sessionPath(QStringLiteral("/connection/nope/signal")),
                         R"({"data":"x"})")
                     .status,
            404);
        QCOMPARE(
            m_client
                ->call("POST", sessionPath(QStringLiteral("/signal"), QStringLiteral("1_unknown")),
                    R"({"data":"x"})")
                .status,
            404);
    }

    void sessionOfAnotherProjectIsNotFound()
    {
        const HttpResult p =
            m_client->call("POST", QStringLiteral("/v2/project"), {}, m_client->accountJwt());
        const QString otherKey = p.object().value(QLatin1String("id")).toString();
        const QString other = m_server->state().createSession(otherKey, true, m_server->nowMs()).id;
        QCOMPARE(m_client->call("GET", sessionPath(QStringLiteral("/stream"), other)).status, 404);
    }

    void connectionsListAndForceDisconnect()
    {
        const QString c1 = m_server->addConnection(m_session);
        const QString c2 = m_server->addConnection(m_session);
        const QString s1 =
            m_server->addStream(m_session, c1, QStringLiteral("screen"), QStringLiteral("Deck"));
        HttpResult list = m_client->call("GET", sessionPath(QStringLiteral("/connection")));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.object().value(QLatin1String("count")).toInt(), 2);
        QCOMPARE(list.object().value(QLatin1String("sessionId")).toString(), m_session);
        QCOMPARE(list.object().value(QLatin1String("projectId")).toString(), m_server->apiKey());
        const QJsonObject first =
            list.object().value(QLatin1String("items")).toArray().at(0).toObject();
        QCOMPARE(first.value(QLatin1String("connectionId")).toString(), c1);
        QCOMPARE(
            first.value(QLatin1String("connectionState")).toString(), QStringLiteral("Connected"));
        QVERIFY(first.value(QLatin1String("createdAt")).toDouble() > 1.6e12);
        QCOMPARE(
            m_client->call("DELETE", sessionPath(QStringLiteral("/connection/") + c1)).status, 204);
        QCOMPARE(
            m_client->call("DELETE", sessionPath(QStringLiteral("/connection/") + c1)).status, 404);
        QCOMPARE(m_client->call("GET", sessionPath(QStringLiteral("/stream/") + s1)).status,
            404); // left with it
        list = m_client->call("GET", sessionPath(QStringLiteral("/connection")));
        QCOMPARE(list.object()
                     .value(QLatin1String("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("connectionId"))
                     .toString(),
            c2);
    }

    void streamsListGetAndLayoutClasses()
    {
        const QString c = m_server->addConnection(m_session);
        const QString s1 = m_server->addStream(m_session, c);
        const QString s2 =
            m_server->addStream(m_session, c, QStringLiteral("screen"), QStringLiteral("Slides"));
        HttpResult list = m_client->call("GET", sessionPath(QStringLiteral("/stream")));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.object().value(QLatin1String("count")).toInt(), 2);
        const QJsonObject first =
            list.object().value(QLatin1String("items")).toArray().at(0).toObject();
        QCOMPARE(first,
            (QJsonObject {{QStringLiteral("id"), s1},
                {QStringLiteral("videoType"), QStringLiteral("camera")},
                {QStringLiteral("name"), QString()},
                {QStringLiteral("layoutClassList"), QJsonArray()}}));
        const QString body = QStringLiteral(
            R"({"items":[{"id":"%1","layoutClassList":["focus","big"]},{"id":"%2","layoutClassList":[]}]})")
                                 .arg(s2, s1);
        QCOMPARE(
            m_client->call("PUT", sessionPath(QStringLiteral("/stream")), body.toUtf8()).status,
            200);
        const HttpResult one = m_client->call("GET", sessionPath(QStringLiteral("/stream/") + s2));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(one.object().value(QLatin1String("name")).toString(), QStringLiteral("Slides"));
        QCOMPARE(
            one.object().value(QLatin1String("videoType")).toString(), QStringLiteral("screen"));
        QCOMPARE(one.object().value(QLatin1String("layoutClassList")).toArray(),
            (QJsonArray {QStringLiteral("focus"), QStringLiteral("big")}));
        QCOMPARE(m_client
                     ->call("PUT", sessionPath(QStringLiteral("/stream")),
                         R"({"items":[{"id":"x","layoutClassList":[]}]})")
                     .status,
            404);
        QCOMPARE(
            m_client->call("PUT", sessionPath(QStringLiteral("/stream")), R"({"items":{}})").status,
            400);
        QCOMPARE(m_client->call("GET", sessionPath(QStringLiteral("/stream/unknown"))).status, 404);
    }

    void forceMuteOneAllAndDisable()
    {
        const QString c = m_server->addConnection(m_session);
        const QString s1 = m_server->addStream(m_session, c);
        const QString s2 = m_server->addStream(m_session, c);
        const auto muted = [this](const QString &id) {
            for (const QJsonValue &v :
                m_server->sessionState(m_session).value(QLatin1String("streams")).toArray())
                if (v.toObject().value(QLatin1String("id")).toString() == id)
                    return v.toObject().value(QLatin1String("audioMuted")).toBool();
            return false;
        };
        QCOMPARE(
            m_client
                ->call("POST",
                    sessionPath(QStringLiteral("/stream/") + s1 + QStringLiteral("/mute")), "{}")
                .status,
            200);
        QVERIFY(muted(s1));
        QVERIFY(!muted(s2));
        QCOMPARE(
            m_client->call("POST", sessionPath(QStringLiteral("/stream/nope/mute"))).status, 404);
        const QString s3 = m_server->addStream(m_session, c);
        QCOMPARE(m_client
                     ->call("POST", sessionPath(QStringLiteral("/mute")),
                         QStringLiteral(R"({"active":true,"excludedStreamIds":["%1"]})")
                             .arg(s3)
                             .toUtf8())
                     .status,
            200);
        QVERIFY(muted(s2));
        QVERIFY(!muted(s3));
        QVERIFY(muted(m_server->addStream(m_session, c))); // later streams are muted too
        QCOMPARE(m_client->call("POST", sessionPath(QStringLiteral("/mute")), R"({"active":false})")
                     .status,
            200);
        QVERIFY(!muted(m_server->addStream(m_session, c)));
        QCOMPARE(
            m_client
                ->call("POST", sessionPath(QStringLiteral("/mute")), R"({"excludedStreamIds":[]})")
                .status,
            400);
    }

    void sipDialAddsAConnectionAndAStream()
    {
        const QByteArray body = QStringLiteral(
            R"({"sessionId":"%1","token":"T1==abc","sip":{"uri":"sip:+15551234567@sip.example.com;transport=tls","from":"15557654321@example.com","headers":{"X-Ref":"1"},"auth":{"username":"u","password":"p"},"secure":true,"video":null}})")
                                    .arg(m_session)
                                    .toUtf8();
        const HttpResult r =
            m_client->call("POST", m_client->projectPath(QStringLiteral("/dial")), body);
        QCOMPARE(r.status, 200);
        const QString connectionId = r.object().value(QLatin1String("connectionId")).toString();
        const QString streamId = r.object().value(QLatin1String("streamId")).toString();
        QVERIFY(!r.object().value(QLatin1String("id")).toString().isEmpty());
        QCOMPARE(m_client->call("GET", sessionPath(QStringLiteral("/connection")))
                     .object()
                     .value(QLatin1String("items"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("connectionId"))
                     .toString(),
            connectionId);
        QCOMPARE(
            m_client->call("GET", sessionPath(QStringLiteral("/stream/") + streamId)).status, 200);
        // DTMF to all and to the SIP leg.
        QCOMPARE(
            m_client
                ->call("POST", sessionPath(QStringLiteral("/play-dtmf")), R"({"digits":"1234#*p"})")
                .status,
            200);
        QCOMPARE(m_client
                     ->call("POST",
                         sessionPath(QStringLiteral("/connection/") + connectionId
                             + QStringLiteral("/play-dtmf")),
                         R"({"digits":"9"})")
                     .status,
            200);
        QCOMPARE(
            m_client->call("POST", sessionPath(QStringLiteral("/play-dtmf")), R"({"digits":"12a"})")
                .status,
            400);
        QCOMPARE(
            m_client->call("POST", sessionPath(QStringLiteral("/play-dtmf")), R"({"digits":""})")
                .status,
            400);
        QCOMPARE(m_client
                     ->call("POST", sessionPath(QStringLiteral("/connection/gone/play-dtmf")),
                         R"({"digits":"1"})")
                     .status,
            404);
        // Hanging up = force disconnect: both disappear.
        QCOMPARE(
            m_client->call("DELETE", sessionPath(QStringLiteral("/connection/") + connectionId))
                .status,
            204);
        QCOMPARE(m_client->call("GET", sessionPath(QStringLiteral("/connection")))
                     .object()
                     .value(QLatin1String("count"))
                     .toInt(),
            0);
        QCOMPARE(
            m_client->call("GET", sessionPath(QStringLiteral("/stream/") + streamId)).status, 404);
        QVERIFY(m_server->state()
                    .sipCalls.value(r.object().value(QLatin1String("id")).toString())
                    .ended);
    }

    void sipDialErrors()
    {
        const QString relayed = m_server->createSession(false);
        const auto dial = [this](const QString &session, const QString &uri) {
            return m_client
                ->call("POST", m_client->projectPath(QStringLiteral("/dial")),
                    QStringLiteral(R"({"sessionId":"%1","token":"t","sip":{"uri":"%2"}})")
                        .arg(session, uri)
                        .toUtf8())
                .status;
        };
        QCOMPARE(dial(relayed, QStringLiteral("sip:a@b")), 409);
        QCOMPARE(dial(QStringLiteral("1_unknown"), QStringLiteral("sip:a@b")), 404);
        QCOMPARE(dial(m_session, QStringLiteral("http://a")), 400);
        QCOMPARE(m_client
                     ->call("POST", m_client->projectPath(QStringLiteral("/dial")),
                         QStringLiteral(R"({"sessionId":"%1","sip":{"uri":"sip:a@b"}})")
                             .arg(m_session)
                             .toUtf8())
                     .status,
            400);
    }
};

QTEST_GUILESS_MAIN(TestSandboxSessions)
#include "tst_sandbox_sessions.moc"
