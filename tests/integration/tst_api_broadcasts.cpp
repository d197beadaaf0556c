// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastsApi against the sandbox: outputs and options, lifecycle, conflicts, paging, streams.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/BroadcastsApi.h"

#include <QJsonArray>
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
RtmpTarget rtmpTarget(const QString &id, const QString &url, const QString &key)
{
    RtmpTarget target;
    target.id = id;
    target.serverUrl = url;
    target.streamName = key;
    return target;
}

BroadcastOptions rtmpOnly(int targets = 1)
{
    BroadcastOptions options;
    for (int i = 0; i < targets; ++i)
        options.rtmp << rtmpTarget(QStringLiteral("t%1").arg(i),
            QStringLiteral("rtmps://a.rtmp.example/live2"), QStringLiteral("key-%1").arg(i));
    return options;
}

BroadcastOptions hlsOnly()
{
    BroadcastOptions options;
    options.hls = HlsOptions {};
    return options;
}
} // namespace

class TestBroadcastsApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<BroadcastsApi> m_api;
    QString m_session;
    QString m_connection;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_fixture->server().journal().last().body).object();
    }
    Broadcast started(const QString &sessionId, BroadcastOptions options = hlsOnly())
    {
        options.sessionId = sessionId;
        auto reply = await(m_api->start(options));
        if (!reply->isSuccess())
            qWarning() << reply->error().userMessage();
        return reply->resultAs<Broadcast>();
    }
    Broadcast fetched(const QString &id)
    {
        auto reply = await(m_api->get(id));
        return reply->isSuccess() ? reply->resultAs<Broadcast>() : Broadcast {};
    }
    QList<RtmpStatus> rtmpStates(const QString &id)
    {
        QList<RtmpStatus> states;
        for (const RtmpTarget &target : fetched(id).rtmp)
            states << target.state();
        return states;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_api = std::make_unique<BroadcastsApi>(&m_fixture->client());
        m_session = m_fixture->routedSessionWithConnection(&m_connection);
    }
    void cleanup()
    {
        m_api.reset();
        m_fixture.reset();
    }

    void startWithEveryOption()
    {
        BroadcastOptions options;
        options.sessionId = m_session;
        options.hls = HlsOptions {true, false};
        options.rtmp << rtmpTarget(QStringLiteral("yt"),
            QStringLiteral("rtmps://a.rtmp.example/live2"), QStringLiteral("key-1"));
        options.rtmp << rtmpTarget(QStringLiteral("fb"),
            QStringLiteral("rtmp://live.example.com:1935/app"), QStringLiteral("key-2"));
        options.maxDuration = 5400;
        options.maxBitrate = 2000000;
        options.resolution = QStringLiteral("1280x720");
        options.layout = Layout {Layout::Type::BestFit, {}, Layout::Type::Pip};
        options.streamMode = StreamMode::Auto;
        options.multiBroadcastTag = QStringLiteral("main");
        QSignalSpy changed(m_api.get(), &BroadcastsApi::broadcastChanged);
        auto reply = await(m_api->start(options));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(reply->httpStatus(), 200);
        QCOMPARE(changed.count(), 1);

        const QJsonObject body = lastBody();
        QCOMPARE(server().journal().last().method, QByteArray("POST"));
        QCOMPARE(body.value("sessionId").toString(), m_session);
        const QJsonObject outputs = body.value("outputs").toObject();
        QCOMPARE(
            outputs.value("hls").toObject(), (QJsonObject {{"dvr", true}, {"lowLatency", false}}));
        QCOMPARE(outputs.value("rtmp").toArray(),
            (QJsonArray {QJsonObject {{"id", "yt"}, {"serverUrl", "rtmps://a.rtmp.example/live2"},
                             {"streamName", "key-1"}},
                QJsonObject {{"id", "fb"}, {"serverUrl", "rtmp://live.example.com:1935/app"},
                    {"streamName", "key-2"}}}));
        QCOMPARE(body.value("maxDuration").toInt(), 5400);
        QCOMPARE(body.value("maxBitrate").toInt(), 2000000);
        QCOMPARE(body.value("resolution").toString(), QStringLiteral("1280x720"));
        QCOMPARE(body.value("layout").toObject(),
            (QJsonObject {{"type", "bestFit"}, {"screenshareType", "pip"}}));
        QCOMPARE(body.value("streamMode").toString(), QStringLiteral("auto"));
        QCOMPARE(body.value("multiBroadcastTag").toString(), QStringLiteral("main"));
        QCOMPARE(body.value("hasAudio").toBool(false), true);
        QCOMPARE(body.value("hasVideo").toBool(false), true);

        const auto broadcast = reply->resultAs<Broadcast>();
        QCOMPARE(changed.first().first().value<Broadcast>().id, broadcast.id);
        QVERIFY(!broadcast.id.isEmpty());
        QCOMPARE(broadcast.sessionId, m_session);
        QCOMPARE(broadcast.status, BroadcastStatus::Started);
        QCOMPARE(broadcast.projectId, server().apiKey());
        QVERIFY(broadcast.createdAt > 0);
        QCOMPARE(broadcast.resolution, QStringLiteral("1280x720"));
        QCOMPARE(broadcast.maxDuration, std::optional<int>(5400));
        QCOMPARE(broadcast.maxBitrate, std::optional<int>(2000000));
        QCOMPARE(broadcast.streamMode, std::optional<StreamMode>(StreamMode::Auto));
        QCOMPARE(broadcast.multiBroadcastTag, QStringLiteral("main"));
        QVERIFY(broadcast.hlsUrl.startsWith(QStringLiteral("https://")));
        QVERIFY2(
            broadcast.hlsUrl.endsWith(QStringLiteral(".m3u8?DVR")), qPrintable(broadcast.hlsUrl));
        QCOMPARE(broadcast.hlsStatus, QStringLiteral("connecting"));
        QVERIFY(broadcast.hlsSettings.has_value());
        QCOMPARE(broadcast.hlsSettings->dvr, true);
        QCOMPARE(broadcast.hlsSettings->lowLatency, false);
        QCOMPARE(broadcast.rtmp.size(), 2);
        QCOMPARE(broadcast.rtmp.at(0).id, QStringLiteral("yt"));
        QCOMPARE(broadcast.rtmp.at(0).serverUrl, QStringLiteral("rtmps://a.rtmp.example/live2"));
        QCOMPARE(broadcast.rtmp.at(0).streamName, QStringLiteral("key-1"));
        QCOMPARE(broadcast.rtmp.at(1).id, QStringLiteral("fb"));
        QCOMPARE(broadcast.rtmp.at(0).state(), RtmpStatus::Connecting);
        QCOMPARE(broadcast.rtmp.at(1).state(), RtmpStatus::Connecting);

        // connecting -> live after the fixture's short rtmpConnectMs
        QTRY_COMPARE_WITH_TIMEOUT(
            rtmpStates(broadcast.id), (QList {RtmpStatus::Live, RtmpStatus::Live}), 5000);
        QCOMPARE(fetched(broadcast.id).hlsStatus, QStringLiteral("live"));
    }

    void startLowLatencyHlsOnly()
    {
        BroadcastOptions options;
        options.hls = HlsOptions {false, true};
        const Broadcast broadcast = started(m_session, options);
        QCOMPARE(broadcast.status, BroadcastStatus::Started);
        QCOMPARE(lastBody().value("outputs").toObject(),
            (QJsonObject {{"hls", QJsonObject {{"dvr", false}, {"lowLatency", true}}}}));
        QVERIFY(broadcast.hlsUrl.endsWith(QStringLiteral(".m3u8")));
        QVERIFY(!broadcast.hlsUrl.contains(QStringLiteral("?DVR")));
        QVERIFY(broadcast.hlsSettings.has_value());
        QCOMPARE(broadcast.hlsSettings->lowLatency, true);
        QCOMPARE(broadcast.hlsSettings->dvr, false);
        QVERIFY(broadcast.rtmp.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(fetched(broadcast.id).hlsStatus, QStringLiteral("live"), 5000);
    }

    void rtmpOnlyHasNoHls()
    {
        const Broadcast broadcast = started(m_session, rtmpOnly(2));
        QCOMPARE(broadcast.status, BroadcastStatus::Started);
        QVERIFY(!lastBody().value("outputs").toObject().contains("hls"));
        QVERIFY(broadcast.hlsUrl.isEmpty());
        QVERIFY(!broadcast.hlsSettings.has_value());
        QCOMPARE(broadcast.rtmp.size(), 2);
    }

    void secondBroadcastNeedsDistinctTag()
    {
        const Broadcast first = started(m_session);
        QVERIFY(!first.id.isEmpty());
        BroadcastOptions again = hlsOnly();
        again.sessionId = m_session;
        QSignalSpy changed(m_api.get(), &BroadcastsApi::broadcastChanged);
        auto conflict = await(m_api->start(again));
        QCOMPARE(conflict->error().kind(), Kind::Conflict);
        QCOMPARE(conflict->httpStatus(), 409);
        QVERIFY(!conflict->isOutcomeUnknown());
        QCOMPARE(changed.count(), 0);

        again.multiBroadcastTag = QStringLiteral("backup");
        auto second = await(m_api->start(again));
        OTADMIN_VERIFY_SUCCESS(second);
        QCOMPARE(second->resultAs<Broadcast>().multiBroadcastTag, QStringLiteral("backup"));
        QVERIFY(second->resultAs<Broadcast>().id != first.id);
        auto listed = await(m_api->list({0, 50, m_session}));
        QCOMPARE(listed->resultAs<BroadcastList>().count, 2);
    }

    void startNeedsRoutedSessionWithClient()
    {
        BroadcastOptions options = hlsOnly();
        options.sessionId = server().createSession(true);
        QCOMPARE(await(m_api->start(options))->error().kind(), Kind::BadRequest);
        const QString relayed = server().createSession(false);
        server().addConnection(relayed);
        options.sessionId = relayed;
        QCOMPARE(await(m_api->start(options))->error().kind(), Kind::Conflict);
    }

    void stopThenStopAgain()
    {
        const Broadcast broadcast = started(m_session);
        QSignalSpy changed(m_api.get(), &BroadcastsApi::broadcastChanged);
        auto stop = await(m_api->stop(broadcast.id));
        OTADMIN_VERIFY_SUCCESS(stop);
        QCOMPARE(server().journal().last().body, QByteArray()); // stop sends no body
        QCOMPARE(server().journal().last().method, QByteArray("POST"));
        QVERIFY(server().journal().last().path.endsWith(broadcast.id + QStringLiteral("/stop")));
        const auto stopped = stop->resultAs<Broadcast>();
        QCOMPARE(stopped.status, BroadcastStatus::Stopped);
        QCOMPARE(stopped.hlsStatus, QStringLiteral("ended"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<Broadcast>().status, BroadcastStatus::Stopped);
        QCOMPARE(fetched(broadcast.id).status, BroadcastStatus::Stopped);

        // the service answers 404 or 409 here; both mean "already stopped"
        auto again = await(m_api->stop(broadcast.id));
        QVERIFY(!again->isSuccess());
        QVERIFY2(again->error().kind() == Kind::Conflict || again->error().kind() == Kind::NotFound,
            qPrintable(ApiError::kindName(again->error().kind())));
        QCOMPARE(changed.count(), 2); // the get above; not the failed stop
        // a new broadcast of the session is possible again
        QCOMPARE(started(m_session).status, BroadcastStatus::Started);
    }

    void maxDurationEndsTheBroadcast()
    {
        BroadcastOptions options = hlsOnly();
        options.maxDuration = 60;
        const Broadcast broadcast = started(m_session, options);
        QCOMPARE(broadcast.maxDuration, std::optional<int>(60));
        server().advanceTime(61000);
        QTRY_COMPARE_WITH_TIMEOUT(fetched(broadcast.id).status, BroadcastStatus::Stopped, 5000);
    }

    void unknownBroadcastIsNotFound()
    {
        const QString unknown = QStringLiteral("5c2e8d4f0a9b4e7d8c1f3a6b2d9e0f47");
        QCOMPARE(await(m_api->get(unknown))->error().kind(), Kind::NotFound);
        QCOMPARE(await(m_api->stop(unknown))->error().kind(), Kind::NotFound);
        QCOMPARE(await(m_api->setLayout(unknown, Layout {}))->error().kind(), Kind::NotFound);
    }

    void badIdsSendNothing()
    {
        QCOMPARE(await(m_api->get(QString()))->error().field(), QStringLiteral("broadcastId"));
        QCOMPARE(await(m_api->stop(QStringLiteral("a/b")))->error().field(),
            QStringLiteral("broadcastId"));
        QCOMPARE(await(m_api->setLayout(QStringLiteral("a b"), Layout {}))->error().field(),
            QStringLiteral("broadcastId"));
        QCOMPARE(await(m_api->changeStreams(QStringLiteral("a?b"),
                           {StreamSelectionChange::Op::Remove, QStringLiteral("s"), true, true}))
                     ->error()
                     .field(),
            QStringLiteral("broadcastId"));
        QCOMPARE(server().requestCount(), 0);
    }

    void listPagesAndFilters()
    {
        QStringList sessions;
        for (int i = 0; i < 5; ++i) {
            const QString session = m_fixture->routedSessionWithConnection();
            sessions << session;
            const Broadcast broadcast = started(session, rtmpOnly());
            QVERIFY(!broadcast.id.isEmpty());
            if (i % 2 == 0) // lists return stopped broadcasts too
                AWAIT_SUCCESS(m_api->stop(broadcast.id));
        }
        QSignalSpy loaded(m_api.get(), &BroadcastsApi::broadcastsLoaded);
        QSignalSpy changed(m_api.get(), &BroadcastsApi::broadcastChanged);
        auto first = await(m_api->list({0, 2, {}}));
        OTADMIN_VERIFY_SUCCESS(first);
        const auto page1 = first->resultAs<BroadcastList>();
        QCOMPARE(page1.count, 5);
        QCOMPARE(page1.items.size(), 2);
        QCOMPARE(page1.items.first().sessionId, sessions.last()); // newest first
        QCOMPARE(server().journal().last().query, QStringLiteral("offset=0&count=2"));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(loaded.first().at(0).value<ListQuery>(), (ListQuery {0, 2, {}}));
        QCOMPARE(loaded.first().at(1).value<BroadcastList>().items.size(), 2);
        QCOMPARE(changed.count(), 2); // one per item

        auto last = await(m_api->list({4, 2, {}}));
        QCOMPARE(last->resultAs<BroadcastList>().items.size(), 1);
        QCOMPARE(last->resultAs<BroadcastList>().items.first().sessionId, sessions.first());
        QCOMPARE(last->resultAs<BroadcastList>().items.first().status, BroadcastStatus::Stopped);

        auto filtered = await(m_api->list({0, 50, sessions.at(3)}));
        QCOMPARE(server().journal().last().query,
            QStringLiteral("offset=0&count=50&sessionId=") + sessions.at(3));
        const auto page = filtered->resultAs<BroadcastList>();
        QCOMPARE(page.count, 1);
        QCOMPARE(page.items.size(), 1);
        QCOMPARE(page.items.first().sessionId, sessions.at(3));
        QCOMPARE(page.items.first().status, BroadcastStatus::Started);
        QCOMPARE(loaded.count(), 3);

        auto none = await(m_api->list({0, 50, m_session}));
        OTADMIN_VERIFY_SUCCESS(none);
        QCOMPARE(none->resultAs<BroadcastList>().count, 0);
        QCOMPARE(none->resultAs<BroadcastList>().items.size(), 0);
    }

    void badListQuerySendsNothing()
    {
        QCOMPARE(await(m_api->list({-1, 10, {}}))->error().field(), QStringLiteral("offset"));
        QCOMPARE(await(m_api->list({0, 1001, {}}))->error().field(), QStringLiteral("count"));
        QCOMPARE(await(m_api->list({0, 10, QStringLiteral("a&b=c")}))->error().field(),
            QStringLiteral("sessionId"));
        QCOMPARE(server().requestCount(), 0);
        AWAIT_SUCCESS(m_api->list({0, 1000, {}}));
    }

    void setLayout()
    {
        const Broadcast broadcast = started(m_session);
        QSignalSpy changed(m_api.get(), &BroadcastsApi::broadcastLayoutChanged);
        const Layout custom {
            Layout::Type::Custom, QStringLiteral("stream.focus { position: absolute; }"), {}};
        auto reply = await(m_api->setLayout(broadcast.id, custom));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(server().journal().last().method, QByteArray("PUT"));
        QVERIFY(server().journal().last().path.endsWith(broadcast.id + QStringLiteral("/layout")));
        QCOMPARE(lastBody(),
            (QJsonObject {
                {"type", "custom"}, {"stylesheet", "stream.focus { position: absolute; }"}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toString(), broadcast.id);
        QCOMPARE(changed.first().at(1).value<Layout>(), custom);

        AWAIT_SUCCESS(
            m_api->setLayout(broadcast.id, Layout {Layout::Type::VerticalPresentation, {}, {}}));
        QCOMPARE(lastBody(), (QJsonObject {{"type", "verticalPresentation"}}));
        const int sent = server().requestCount();
        // a custom layout without a stylesheet, or a screenshare type off bestFit, never leaves
        auto bad = await(m_api->setLayout(broadcast.id, Layout {Layout::Type::Custom, {}, {}}));
        QCOMPARE(bad->error().kind(), Kind::Validation);
        QCOMPARE(bad->error().field(), QStringLiteral("stylesheet"));
        auto badScreenshare = await(
            m_api->setLayout(broadcast.id, Layout {Layout::Type::Pip, {}, Layout::Type::BestFit}));
        QCOMPARE(badScreenshare->error().field(), QStringLiteral("screenshareType"));
        QCOMPARE(server().requestCount(), sent);
        QCOMPARE(changed.count(), 2);
    }

    void streamSelectionNeedsManualMode()
    {
        const QString stream = server().addStream(m_session, m_connection);
        const Broadcast automatic = started(m_session);
        QSignalSpy changed(m_api.get(), &BroadcastsApi::broadcastStreamsChanged);
        auto refused = await(m_api->changeStreams(
            automatic.id, {StreamSelectionChange::Op::Add, stream, true, false}));
        QCOMPARE(refused->error().kind(), Kind::WrongStreamMode);
        QCOMPARE(refused->httpStatus(), 405);
        QCOMPARE(changed.count(), 0);

        BroadcastOptions manual = rtmpOnly();
        manual.streamMode = StreamMode::Manual;
        manual.multiBroadcastTag = QStringLiteral("second");
        const Broadcast broadcast = started(m_session, manual);
        QCOMPARE(broadcast.streamMode, std::optional<StreamMode>(StreamMode::Manual));
        QCOMPARE(lastBody().value("streamMode").toString(), QStringLiteral("manual"));
        QVERIFY(broadcast.streams.isEmpty());

        auto add = await(m_api->changeStreams(
            broadcast.id, {StreamSelectionChange::Op::Add, stream, true, false}));
        OTADMIN_VERIFY_SUCCESS(add);
        QCOMPARE(add->httpStatus(), 204);
        QCOMPARE(server().journal().last().method, QByteArray("PATCH"));
        QVERIFY(server().journal().last().path.endsWith(broadcast.id + QStringLiteral("/streams")));
        QCOMPARE(lastBody(),
            (QJsonObject {{"addStream", stream}, {"hasAudio", true}, {"hasVideo", false}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toString(), broadcast.id);
        QCOMPARE(changed.first().at(1).value<StreamSelectionChange>().streamId, stream);
        const auto streams = fetched(broadcast.id).streams;
        QCOMPARE(streams.size(), 1);
        QCOMPARE(streams.first(), (StreamInclusion {stream, true, false}));

        auto remove = await(m_api->changeStreams(
            broadcast.id, {StreamSelectionChange::Op::Remove, stream, true, true}));
        OTADMIN_VERIFY_SUCCESS(remove);
        QCOMPARE(lastBody(), (QJsonObject {{"removeStream", stream}}));
        QCOMPARE(changed.count(), 2);
        QVERIFY(fetched(broadcast.id).streams.isEmpty());

        auto unknown = await(m_api->changeStreams(
            broadcast.id, {StreamSelectionChange::Op::Add, QStringLiteral("nope"), true, true}));
        QCOMPARE(unknown->error().kind(), Kind::NotFound);
        const int sent = server().requestCount();
        auto empty = await(m_api->changeStreams(
            broadcast.id, {StreamSelectionChange::Op::Add, QString(), true, true}));
        QCOMPARE(empty->error().field(), QStringLiteral("addStream"));
        QCOMPARE(server().requestCount(), sent);
    }

    void badOptionsSendNothing_data()
    {
        QTest::addColumn<BroadcastOptions>("options");
        QTest::addColumn<QString>("field");
        QTest::newRow("no outputs") << BroadcastOptions {} << "outputs";
        QTest::newRow("6 rtmp targets") << rtmpOnly(6) << "outputs.rtmp";
        BroadcastOptions httpUrl = rtmpOnly(2);
        httpUrl.rtmp[1].serverUrl = QStringLiteral("https://a.rtmp.example/live2");
        QTest::newRow("http url") << httpUrl << "outputs.rtmp[1].serverUrl";
        BroadcastOptions noHost = rtmpOnly();
        noHost.rtmp[0].serverUrl = QStringLiteral("rtmp:///live");
        QTest::newRow("url without host") << noHost << "outputs.rtmp[0].serverUrl";
        BroadcastOptions spaceUrl = rtmpOnly();
        spaceUrl.rtmp[0].serverUrl = QStringLiteral("rtmp://a.example/li ve");
        QTest::newRow("url with space") << spaceUrl << "outputs.rtmp[0].serverUrl";
        BroadcastOptions noKey = rtmpOnly();
        noKey.rtmp[0].streamName.clear();
        QTest::newRow("no stream name") << noKey << "outputs.rtmp[0].streamName";
        BroadcastOptions duplicateIds = rtmpOnly(2);
        duplicateIds.rtmp[1].id = duplicateIds.rtmp[0].id;
        QTest::newRow("duplicate ids") << duplicateIds << "outputs.rtmp[1].id";
        BroadcastOptions dvrAndLowLatency;
        dvrAndLowLatency.hls = HlsOptions {true, true};
        QTest::newRow("dvr and lowLatency") << dvrAndLowLatency << "outputs.hls.lowLatency";
        BroadcastOptions shortDuration = hlsOnly();
        shortDuration.maxDuration = 59;
        QTest::newRow("maxDuration 59") << shortDuration << "maxDuration";
        BroadcastOptions longDuration = hlsOnly();
        longDuration.maxDuration = 36001;
        QTest::newRow("maxDuration 36001") << longDuration << "maxDuration";
        BroadcastOptions lowBitrate = hlsOnly();
        lowBitrate.maxBitrate = 99999;
        QTest::newRow("bitrate 99999") << lowBitrate << "maxBitrate";
        BroadcastOptions highBitrate = hlsOnly();
        highBitrate.maxBitrate = 6000001;
        QTest::newRow("bitrate 6000001") << highBitrate << "maxBitrate";
        BroadcastOptions resolution = hlsOnly();
        resolution.resolution = QStringLiteral("1024x768");
        QTest::newRow("resolution") << resolution << "resolution";
        BroadcastOptions layout = hlsOnly();
        layout.layout = Layout {Layout::Type::Custom, {}, {}};
        QTest::newRow("custom layout without css") << layout << "layout.stylesheet";
        BroadcastOptions noTracks = hlsOnly();
        noTracks.hasAudio = false;
        noTracks.hasVideo = false;
        QTest::newRow("no tracks") << noTracks << "hasAudio";
        BroadcastOptions tag = hlsOnly();
        tag.multiBroadcastTag = QStringLiteral("line\nbreak");
        QTest::newRow("tag with control character") << tag << "multiBroadcastTag";
    }
    void badOptionsSendNothing()
    {
        QFETCH(BroadcastOptions, options);
        QFETCH(QString, field);
        options.sessionId = m_session;
        QSignalSpy changed(m_api.get(), &BroadcastsApi::broadcastChanged);
        auto reply = await(m_api->start(options));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), field);
        QCOMPARE(reply->attempts(), 0);
        QCOMPARE(server().requestCount(), 0);
        QCOMPARE(changed.count(), 0);
    }

    void badSessionSendsNothing()
    {
        BroadcastOptions options = hlsOnly();
        options.sessionId = QStringLiteral("not a session");
        QCOMPARE(await(m_api->start(options))->error().field(), QStringLiteral("sessionId"));
        options.sessionId.clear();
        QCOMPARE(await(m_api->start(options))->error().field(), QStringLiteral("sessionId"));
        QCOMPARE(server().requestCount(), 0);
    }

    void exactLimitsAreAccepted()
    {
        BroadcastOptions five = rtmpOnly(5);
        five.maxDuration = 60;
        five.maxBitrate = 100000;
        const Broadcast first = started(m_session, five);
        QCOMPARE(first.status, BroadcastStatus::Started);
        QCOMPARE(first.rtmp.size(), 5);
        QCOMPARE(first.maxDuration, std::optional<int>(60));
        QCOMPARE(lastBody().value("outputs").toObject().value("rtmp").toArray().size(), 5);

        BroadcastOptions longest = hlsOnly();
        longest.maxDuration = 36000;
        longest.maxBitrate = 6000000;
        longest.resolution = QStringLiteral("1080x1920");
        const Broadcast second = started(m_fixture->routedSessionWithConnection(), longest);
        QCOMPARE(second.status, BroadcastStatus::Started);
        QCOMPARE(second.maxDuration, std::optional<int>(36000));
        QCOMPARE(second.maxBitrate, std::optional<int>(6000000));
        QCOMPARE(second.resolution, QStringLiteral("1080x1920"));
        QCOMPARE(lastBody().value("maxDuration").toInt(), 36000);
    }
};

QTEST_GUILESS_MAIN(TestBroadcastsApi)
#include "tst_api_broadcasts.moc"
