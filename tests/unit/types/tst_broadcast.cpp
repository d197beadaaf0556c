// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of broadcast parsing (§6.1, §6.5) and start options (§6.2).
#include "TypesTestUtil.h"
#include "types/Broadcast.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::compact;
using otadmin::test::json;

Q_DECLARE_METATYPE(otadmin::BroadcastOptions)

class TstBroadcast : public QObject
{
    Q_OBJECT
private slots:
    void parseReference();
    void parseErrors_data();
    void parseErrors();
    void list();
    void rtmpStatus();
    void validate_data();
    void validate();
    void toJson();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

namespace {
const QByteArray kReference = R"({
  "id": "5c2e8d4f0a9b4e7d8c1f3a6b2d9e0f47", "sessionId": "1_MX4x", "projectId": 12345678,
  "createdAt": 1700000000000, "updatedAt": 1700000000500, "resolution": "1280x720",
  "status": "started", "maxDuration": 5400, "maxBitrate": 2000000, "streamMode": "auto",
  "hasAudio": true, "hasVideo": true,
  "broadcastUrls": {"hls": "https://cdn.example/playlist.m3u8", "hlsStatus": "ready",
    "rtmp": [{"id": "yt", "serverUrl": "rtmps://a.rtmp.example/live2", "streamName": "key-1", "status": "live"}]},
  "settings": {"hls": {"lowLatency": false, "dvr": true}},
  "streams": []
})";

BroadcastOptions hlsOnly()
{
    BroadcastOptions o;
    o.sessionId = QStringLiteral("1_MX4x");
    o.hls = HlsOptions {};
    return o;
}

RtmpTarget rtmp(const QString &id)
{
    return RtmpTarget {
        id, QStringLiteral("rtmps://a.rtmp.example/live2"), QStringLiteral("key"), {}};
}
} // namespace

void TstBroadcast::parseReference()
{
    QString error;
    const auto b = Broadcast::fromJson(json(kReference), &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->id, QStringLiteral("5c2e8d4f0a9b4e7d8c1f3a6b2d9e0f47"));
    QCOMPARE(b->projectId, QStringLiteral("12345678"));
    QCOMPARE(b->createdAt, Q_INT64_C(1700000000000));
    QCOMPARE(b->updatedAt, Q_INT64_C(1700000000500));
    QCOMPARE(b->status, BroadcastStatus::Started);
    QCOMPARE(b->maxDuration, 5400);
    QCOMPARE(b->maxBitrate, 2000000);
    QCOMPARE(b->streamMode, StreamMode::Auto);
    QCOMPARE(b->hlsUrl, QStringLiteral("https://cdn.example/playlist.m3u8"));
    QCOMPARE(b->hlsStatus, QStringLiteral("ready"));
    QCOMPARE(b->rtmp.size(), 1);
    QCOMPARE(b->rtmp[0].id, QStringLiteral("yt"));
    QCOMPARE(b->rtmp[0].streamName, QStringLiteral("key-1"));
    QCOMPARE(b->rtmp[0].state(), RtmpStatus::Live);
    QVERIFY(b->hlsSettings && b->hlsSettings->dvr && !b->hlsSettings->lowLatency);

    const auto minimal = Broadcast::fromJson(
        json(R"({"id":"b","sessionId":"s","status":"paused-new","applicationId":"app"})"));
    QVERIFY(minimal);
    QCOMPARE(minimal->status, BroadcastStatus::Unknown);
    QCOMPARE(minimal->statusString, QStringLiteral("paused-new"));
    QCOMPARE(minimal->projectId, QStringLiteral("app"));
    QVERIFY(!minimal->maxDuration && !minimal->hlsSettings && minimal->rtmp.isEmpty());
}

void TstBroadcast::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("array") << QByteArray("[]") << "expected an object, got an array";
    QTest::newRow("no id") << QByteArray(R"({"sessionId":"s","status":"started"})")
                           << "id: missing required field";
    QTest::newRow("no status") << QByteArray(R"({"id":"b","sessionId":"s"})")
                               << "status: missing required field";
    QTest::newRow("urls string") << QByteArray(
        R"({"id":"b","sessionId":"s","status":"started","broadcastUrls":"x"})")
                                 << "broadcastUrls: expected an object, got a string";
    QTest::newRow("rtmp element") << QByteArray(
        R"({"id":"b","sessionId":"s","status":"started","broadcastUrls":{"rtmp":[{"status":1}]}})")
                                  << "broadcastUrls.rtmp[0].status: expected a string, got a "
                                     "number";
    QTest::newRow("settings hls") << QByteArray(
        R"({"id":"b","sessionId":"s","status":"started","settings":{"hls":{"dvr":"yes"}}})")
                                  << "settings.hls.dvr: expected a boolean, got a string";
    QTest::newRow("updatedAt string")
        << QByteArray(R"({"id":"b","sessionId":"s","status":"started","updatedAt":"now"})")
        << "updatedAt: expected a number, got a string";
    QTest::newRow("maxDuration fraction")
        << QByteArray(R"({"id":"b","sessionId":"s","status":"started","maxDuration":60.5})")
        << "maxDuration: expected a whole number, got 60.5";
}

void TstBroadcast::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!Broadcast::fromJson(json(text), &actual));
    QCOMPARE(actual, error);
}

void TstBroadcast::list()
{
    const auto page =
        BroadcastList::fromJson(json("{\"count\": 9, \"items\": [" + kReference + "]}"));
    QVERIFY(page);
    QCOMPARE(page->count, 9);
    QCOMPARE(page->items.size(), 1);
    QString error;
    QVERIFY(!BroadcastList::fromJson(json(R"({"count": 0})"), &error));
    QCOMPARE(error, QStringLiteral("items: missing required field"));
    QVERIFY(
        !BroadcastList::fromJson(json(R"({"items": [{"id": "b", "sessionId": "s"}]})"), &error));
    QCOMPARE(error, QStringLiteral("items[0].status: missing required field"));
}

void TstBroadcast::rtmpStatus()
{
    QCOMPARE(rtmpStatusFromString(QStringLiteral("connecting")), RtmpStatus::Connecting);
    QCOMPARE(rtmpStatusFromString(QStringLiteral("live")), RtmpStatus::Live);
    QCOMPARE(rtmpStatusFromString(QStringLiteral("offline")), RtmpStatus::Offline);
    QCOMPARE(rtmpStatusFromString(QStringLiteral("error")), RtmpStatus::Other);
    QCOMPARE(toApiString(BroadcastStatus::Stopped), QStringLiteral("stopped"));
    QCOMPARE(broadcastStatusFromString(QStringLiteral("stopped")), BroadcastStatus::Stopped);
}

void TstBroadcast::validate_data()
{
    QTest::addColumn<BroadcastOptions>("options");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    BroadcastOptions o = hlsOnly();
    QTest::newRow("hls") << o << ""
                         << "";
    o.sessionId = QStringLiteral("bad id");
    QTest::newRow("bad session") << o << "sessionId"
                                 << "letters";
    o = hlsOnly();
    o.hls.reset();
    QTest::newRow("no outputs") << o << "outputs"
                                << "HLS or at least one RTMP";
    o.rtmp = {rtmp(QStringLiteral("a"))};
    QTest::newRow("rtmp only") << o << ""
                               << "";
    o = hlsOnly();
    o.hls = HlsOptions {true, true};
    QTest::newRow("dvr and low latency") << o << "outputs.hls.lowLatency"
                                         << "dvr";
    o.hls = HlsOptions {true, false};
    QTest::newRow("dvr") << o << ""
                         << "";
    o = hlsOnly();
    for (int i = 0; i < 5; ++i)
        o.rtmp.append(rtmp(QString::number(i)));
    QTest::newRow("5 rtmp") << o << ""
                            << "";
    o.rtmp.append(rtmp(QStringLiteral("5")));
    QTest::newRow("6 rtmp") << o << "outputs.rtmp"
                            << "at most 5";
    o = hlsOnly();
    o.rtmp = {rtmp(QStringLiteral("a")), rtmp(QStringLiteral("a"))};
    QTest::newRow("duplicate ids") << o << "outputs.rtmp[1].id"
                                   << "unique";
    o.rtmp = {rtmp({}), rtmp({})};
    QTest::newRow("no ids twice") << o << ""
                                  << "";
    const char *badUrls[] = {"", "http://a.example/live", "rtmp://", "rtmp:///live",
        "a.example/live", "rtmp://a b/live", "rtmp://a.example/live\n", "ftp://a.example"};
    for (const char *url : badUrls) {
        o = hlsOnly();
        o.rtmp = {rtmp(QStringLiteral("x")), rtmp(QStringLiteral("y"))};
        o.rtmp[1].serverUrl = QString::fromLatin1(url);
        QTest::addRow("serverUrl '%s'", url)
            << o << "outputs.rtmp[1].serverUrl" << (*url ? "rtmp://" : "required");
    }
    for (const char *url :
        {"rtmp://a.example/live", "RTMPS://a.example:443/live2", "rtmp://10.0.0.1/app"}) {
        o = hlsOnly();
        o.rtmp = {rtmp({})};
        o.rtmp[0].serverUrl = QString::fromLatin1(url);
        QTest::addRow("serverUrl ok '%s'", url) << o << ""
                                                << "";
    }
    o = hlsOnly();
    o.rtmp = {rtmp({})};
    o.rtmp[0].streamName.clear();
    QTest::newRow("empty stream name") << o << "outputs.rtmp[0].streamName"
                                       << "required";
    o.rtmp[0].streamName = QStringLiteral("key\r\n");
    QTest::newRow("stream name CRLF") << o << "outputs.rtmp[0].streamName"
                                      << "control";
    for (int d : {60, 36000}) {
        o = hlsOnly();
        o.maxDuration = d;
        QTest::addRow("maxDuration %d", d) << o << ""
                                           << "";
    }
    for (int d : {59, 36001, 0}) {
        o = hlsOnly();
        o.maxDuration = d;
        QTest::addRow("maxDuration %d", d) << o << "maxDuration"
                                           << "between 60 and 36000 seconds";
    }
    for (int b : {100000, 6000000}) {
        o = hlsOnly();
        o.maxBitrate = b;
        QTest::addRow("maxBitrate %d", b) << o << ""
                                          << "";
    }
    for (int b : {99999, 6000001}) {
        o = hlsOnly();
        o.maxBitrate = b;
        QTest::addRow("maxBitrate %d", b) << o << "maxBitrate"
                                          << "between 100000 and 6000000 bits per second";
    }
    o = hlsOnly();
    o.resolution = QStringLiteral("720x1280");
    QTest::newRow("portrait") << o << ""
                              << "";
    o.resolution = QStringLiteral("720p");
    QTest::newRow("bad resolution") << o << "resolution"
                                    << "640x480";
    o = hlsOnly();
    o.layout = Layout {Layout::Type::Custom, {}, {}};
    QTest::newRow("custom layout without css") << o << "layout.stylesheet"
                                               << "required";
    o = hlsOnly();
    o.hasAudio = o.hasVideo = false;
    QTest::newRow("no tracks") << o << "hasAudio"
                               << "both";
    o = hlsOnly();
    o.multiBroadcastTag = QString(201, QLatin1Char('t'));
    QTest::newRow("tag 201") << o << "multiBroadcastTag"
                             << "200";
    o.multiBroadcastTag = QString(200, QLatin1Char('t'));
    QTest::newRow("tag 200") << o << ""
                             << "";
}

void TstBroadcast::validate()
{
    QFETCH(BroadcastOptions, options);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(options.validate(), field, messagePart);
}

void TstBroadcast::toJson()
{
    QCOMPARE(compact(hlsOnly().toJson()),
        QByteArray(
            R"({"hasAudio":true,"hasVideo":true,"outputs":{"hls":{"dvr":false,"lowLatency":false}},"sessionId":"1_MX4x","streamMode":"auto"})"));
    BroadcastOptions o = hlsOnly();
    o.hls = HlsOptions {false, true};
    o.rtmp = {RtmpTarget {QStringLiteral("yt"), QStringLiteral("rtmps://a.rtmp.example/live2"),
                  QStringLiteral("key-1"), QStringLiteral("ignored")},
        RtmpTarget {{}, QStringLiteral("rtmp://b.example/app"), QStringLiteral("k2"), {}}};
    o.layout = Layout {Layout::Type::Pip, {}, {}};
    o.maxDuration = 5400;
    o.maxBitrate = 2000000;
    o.resolution = QStringLiteral("1280x720");
    o.streamMode = StreamMode::Manual;
    o.multiBroadcastTag = QStringLiteral("t");
    o.hasVideo = false;
    QCOMPARE(compact(o.toJson()),
        QByteArray(
            R"({"hasAudio":true,"hasVideo":false,"layout":{"type":"pip"},"maxBitrate":2000000,"maxDuration":5400,"multiBroadcastTag":"t","outputs":{"hls":{"dvr":false,"lowLatency":true},"rtmp":[{"id":"yt","serverUrl":"rtmps://a.rtmp.example/live2","streamName":"key-1"},{"serverUrl":"rtmp://b.example/app","streamName":"k2"}]},"resolution":"1280x720","sessionId":"1_MX4x","streamMode":"manual"})"));
    o.hls.reset();
    QVERIFY(
        !o.toJson().value(QStringLiteral("outputs")).toObject().contains(QStringLiteral("hls")));
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstBroadcast)
#include "tst_broadcast.moc"
