// SPDX-License-Identifier: GPL-3.0-or-later
// ModerationApi against the sandbox: signals, disconnects, connections, streams, classes, mute.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ModerationApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

class TestModerationApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<ModerationApi> m_api;
    QString m_session;
    QString m_connection;
    QString m_stream;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_fixture->server().journal().last().body).object();
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_api = std::make_unique<ModerationApi>(&m_fixture->client());
        m_session = m_fixture->routedSessionWithConnection(&m_connection);
        m_stream = server().addStream(
            m_session, m_connection, QStringLiteral("camera"), QStringLiteral("Ann"));
        QVERIFY(!m_stream.isEmpty());
    }
    void cleanup()
    {
        m_api.reset();
        m_fixture.reset();
    }

    void signalToSession()
    {
        QSignalSpy sent(m_api.get(), &ModerationApi::signalSent);
        auto reply =
            await(m_api->sendSignal(m_session, {QStringLiteral("chat"), QStringLiteral("hello")}));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(reply->httpStatus(), 204);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.first().at(1).toString(), QString());
        const auto entry = server().journal().last();
        QCOMPARE(entry.path,
            QStringLiteral("/v2/project/%1/session/%2/signal").arg(server().apiKey(), m_session));
        QCOMPARE(lastBody(), (QJsonObject {{"type", "chat"}, {"data", "hello"}}));
    }

    void signalToConnection()
    {
        auto reply = await(m_api->sendSignalToConnection(
            m_session, m_connection, {QString(), QStringLiteral("only data")}));
        OTADMIN_VERIFY_SUCCESS(reply);
        QVERIFY(server().journal().last().path.endsWith(
            QStringLiteral("/connection/%1/signal").arg(m_connection)));
        QCOMPARE(lastBody(), (QJsonObject {{"data", "only data"}}));
    }

    void signalToUnknownConnectionIsNotFound()
    {
        auto reply = await(m_api->sendSignalToConnection(m_session,
            QStringLiteral("no-such-connection"), {QStringLiteral("t"), QStringLiteral("d")}));
        QCOMPARE(reply->error().kind(), Kind::NotFound);
        QCOMPARE(reply->httpStatus(), 404);
        QVERIFY(!reply->error().serverMessage().isEmpty());
    }

    void signalLimitsAreCheckedBeforeSending_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("field");
        QTest::newRow("type 129 bytes") << QString(129, QLatin1Char('t')) << "d"
                                        << "type";
        QTest::newRow("data 8193 bytes") << "t" << QString(8193, QLatin1Char('d')) << "data";
        QTest::newRow("data multibyte over") << "t" << QString(4097, QChar(0x00e9)) << "data";
    }
    void signalLimitsAreCheckedBeforeSending()
    {
        QFETCH(QString, type);
        QFETCH(QString, data);
        QFETCH(QString, field);
        auto reply = await(m_api->sendSignal(m_session, {type, data}));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), field);
        QCOMPARE(server().requestCount(), 0);
    }

    void signalAtExactLimitsIsSent()
    {
        auto reply = await(m_api->sendSignal(
            m_session, {QString(128, QLatin1Char('t')), QString(8192, QLatin1Char('d'))}));
        OTADMIN_VERIFY_SUCCESS(reply);
    }

    void forceDisconnect()
    {
        QSignalSpy gone(m_api.get(), &ModerationApi::connectionDisconnected);
        auto reply = await(m_api->forceDisconnect(m_session, m_connection));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(reply->httpStatus(), 204);
        QCOMPARE(gone.count(), 1);
        QCOMPARE(server().journal().last().method, QByteArray("DELETE"));
        // the connection's stream went with it
        auto streams = await(m_api->listStreams(m_session));
        OTADMIN_VERIFY_SUCCESS(streams);
        QCOMPARE(streams->resultAs<StreamList>().items.size(), 0);
        // a second disconnect: the connection is no longer there
        auto again = await(m_api->forceDisconnect(m_session, m_connection));
        QCOMPARE(again->error().kind(), Kind::NotFound);
    }

    void listConnections()
    {
        const QString second = server().addConnection(m_session);
        QSignalSpy loaded(m_api.get(), &ModerationApi::connectionsLoaded);
        auto reply = await(m_api->listConnections(m_session));
        OTADMIN_VERIFY_SUCCESS(reply);
        const auto list = reply->resultAs<ConnectionList>();
        QCOMPARE(list.count, 2);
        QStringList ids;
        for (const Connection &c : list.items)
            ids << c.connectionId;
        QVERIFY(ids.contains(m_connection));
        QVERIFY(ids.contains(second));
        QVERIFY(list.items.first().createdAt > 0);
        QCOMPARE(loaded.count(), 1);
    }

    void listAndGetStreams()
    {
        const QString screen =
            server().addStream(m_session, m_connection, QStringLiteral("screen"));
        QSignalSpy loaded(m_api.get(), &ModerationApi::streamsLoaded);
        auto reply = await(m_api->listStreams(m_session));
        OTADMIN_VERIFY_SUCCESS(reply);
        const auto list = reply->resultAs<StreamList>();
        QCOMPARE(list.items.size(), 2);
        QCOMPARE(loaded.count(), 1);

        auto one = await(m_api->getStream(m_session, m_stream));
        OTADMIN_VERIFY_SUCCESS(one);
        const auto stream = one->resultAs<Stream>();
        QCOMPARE(stream.id, m_stream);
        QCOMPARE(stream.videoType, QStringLiteral("camera"));
        QCOMPARE(stream.name, QStringLiteral("Ann"));
        QCOMPARE(stream.layoutClassList, QStringList());

        auto screenReply = await(m_api->getStream(m_session, screen));
        OTADMIN_VERIFY_SUCCESS(screenReply);
        QCOMPARE(screenReply->resultAs<Stream>().videoType, QStringLiteral("screen"));

        auto missing = await(m_api->getStream(m_session, QStringLiteral("gone")));
        QCOMPARE(missing->error().kind(), Kind::NotFound);
    }

    void unknownSessionIsNotFound()
    {
        const QString otherSession = server().createSession(true) + QStringLiteral("x");
        auto reply = await(m_api->listStreams(otherSession));
        QCOMPARE(reply->error().kind(), Kind::NotFound);
    }

    void setStreamClasses()
    {
        QSignalSpy changed(m_api.get(), &ModerationApi::streamClassesChanged);
        auto reply = await(m_api->setStreamClasses(
            m_session, {{m_stream, {QStringLiteral("focus"), QStringLiteral("full")}}}));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(server().journal().last().method, QByteArray("PUT"));
        auto stream = await(m_api->getStream(m_session, m_stream));
        QCOMPARE(stream->resultAs<Stream>().layoutClassList,
            (QStringList {QStringLiteral("focus"), QStringLiteral("full")}));
        // an empty list clears them
        auto clear = await(m_api->setStreamClasses(m_session, {{m_stream, {}}}));
        OTADMIN_VERIFY_SUCCESS(clear);
        stream = await(m_api->getStream(m_session, m_stream));
        QCOMPARE(stream->resultAs<Stream>().layoutClassList, QStringList());
    }

    void badStreamClassesSendNothing()
    {
        auto reply =
            await(m_api->setStreamClasses(m_session, {{m_stream, {QStringLiteral("two words")}}}));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        auto empty = await(m_api->setStreamClasses(m_session, {}));
        QCOMPARE(empty->error().kind(), Kind::Validation);
        QCOMPARE(server().requestCount(), 0);
    }

    void muteOneStream()
    {
        QSignalSpy muted(m_api.get(), &ModerationApi::streamMuted);
        auto reply = await(m_api->muteStream(m_session, m_stream));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(muted.count(), 1);
        QVERIFY(server().journal().last().path.endsWith(
            QStringLiteral("/stream/%1/mute").arg(m_stream)));
        auto missing = await(m_api->muteStream(m_session, QStringLiteral("nope")));
        QCOMPARE(missing->error().kind(), Kind::NotFound);
    }

    void muteAllWithExclusionsThenDisable()
    {
        const QString keep = server().addStream(m_session, m_connection);
        QSignalSpy changed(m_api.get(), &ModerationApi::sessionMuteChanged);
        auto reply = await(m_api->muteAll(m_session, {true, {keep}}));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(
            lastBody(), (QJsonObject {{"active", true}, {"excludedStreamIds", QJsonArray {keep}}}));
        auto off = await(m_api->muteAll(m_session, {false, {}}));
        OTADMIN_VERIFY_SUCCESS(off);
        QCOMPARE(lastBody().value("active").toBool(true), false);
        QCOMPARE(changed.count(), 2);
    }

    void malformedIdsSendNothing_data()
    {
        QTest::addColumn<QString>("session");
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty session") << ""
                                       << "c"
                                       << "sessionId";
        QTest::newRow("session with slash") << "1_abc/def"
                                            << "c"
                                            << "sessionId";
        QTest::newRow("session with space") << "1_abc def"
                                            << "c"
                                            << "sessionId";
        QTest::newRow("empty connection") << "1_abc"
                                          << ""
                                          << "connectionId";
        QTest::newRow("connection traversal") << "1_abc"
                                              << "../../archive"
                                              << "connectionId";
        QTest::newRow("connection query") << "1_abc"
                                          << "c?x=1"
                                          << "connectionId";
        QTest::newRow("connection fragment") << "1_abc"
                                             << "c#x"
                                             << "connectionId";
        QTest::newRow("connection newline") << "1_abc"
                                            << "c\r\nX-Evil: 1"
                                            << "connectionId";
    }
    void malformedIdsSendNothing()
    {
        QFETCH(QString, session);
        QFETCH(QString, connection);
        QFETCH(QString, field);
        auto reply = await(m_api->forceDisconnect(session, connection));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), field);
        QCOMPARE(server().requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModerationApi)
#include "tst_api_moderation.moc"
