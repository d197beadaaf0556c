// SPDX-License-Identifier: GPL-3.0-or-later
// Sandbox archives (§5), storage (§5.9) and broadcasts (§6): rules, shapes, paging, lifecycles.
#include "SandboxTestClient.h"

#include <QJsonArray>
#include <QTest>

using namespace otadmin::sandbox;
using namespace otadmin::sandbox::test;

namespace {

// JSON written with single quotes (moc 6.4 miscounts braces inside raw string literals).
QByteArray jq(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

// HLS-only outputs (kept outside the test class: moc 6.4 mis-parses the nested braces there).
QJsonObject hls(const QJsonObject &options = {})
{
    QJsonObject outputs;
    outputs.insert(QStringLiteral("hls"), options);
    QJsonObject body;
    body.insert(QStringLiteral("outputs"), outputs);
    return body;
}

} // namespace

class TestSandboxMedia : public QObject
{
    Q_OBJECT

private:
    SandboxServer *m_server = nullptr;
    SandboxTestClient *m_client = nullptr;
    QString m_session;
    QString m_stream;

    HttpResult startArchive(const QJsonObject &extra) { return post("/archive", extra); }
    HttpResult startBroadcast(const QJsonObject &extra) { return post("/broadcast", extra); }
    HttpResult post(const char *what, QJsonObject body)
    {
        if (!body.contains(QLatin1String("sessionId")))
            body.insert(QStringLiteral("sessionId"), m_session);
        return m_client->json("POST", m_client->projectPath(QLatin1String(what)), body);
    }

private slots:
    void init()
    {
        SandboxConfig config;
        config.archiveProcessingMs = 100;
        config.rtmpConnectMs = 100;
        m_server = new SandboxServer(config);
        QVERIFY(m_server->listen());
        m_client = new SandboxTestClient(*m_server);
        m_session = m_server->createSession();
        m_stream = m_server->addStream(m_session, m_server->addConnection(m_session));
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void archiveStartShapeAndLifecycle()
    {
        const HttpResult started = startArchive(QJsonObject());
        QCOMPARE(started.status, 200);
        const QJsonObject a = started.object();
        for (const char *key : {"id", "status", "name", "reason", "sessionId", "projectId",
                 "createdAt", "size", "duration", "outputMode", "streamMode", "hasAudio",
                 "hasVideo", "url", "streams", "resolution"})
            QVERIFY2(a.contains(QLatin1String(key)), key);
        QCOMPARE(a.value(QLatin1String("status")).toString(), QStringLiteral("started"));
        QVERIFY(a.value(QLatin1String("name")).isNull());
        QVERIFY(a.value(QLatin1String("url")).isNull());
        QCOMPARE(a.value(QLatin1String("projectId")).toInteger(), m_server->apiKey().toLongLong());
        QCOMPARE(a.value(QLatin1String("resolution")).toString(), QStringLiteral("640x480"));
        QVERIFY(!a.contains(QLatin1String("maxBitrate")));
        const QString id = a.value(QLatin1String("id")).toString();
        const QString path = m_client->projectPath(QStringLiteral("/archive/") + id);

        QCOMPARE(startArchive(QJsonObject()).status, 409); // already recording
        QCOMPARE(
            startArchive(QJsonObject {{QStringLiteral("multiArchiveTag"), QStringLiteral("b")}})
                .status,
            200);
        QCOMPARE(m_client->call("DELETE", path).status, 409); // still recording
        m_server->advanceTime(65 * 1000);
        const HttpResult stopped = m_client->call("POST", path + QStringLiteral("/stop"), "{}");
        QCOMPARE(stopped.status, 200);
        QCOMPARE(
            stopped.object().value(QLatin1String("status")).toString(), QStringLiteral("stopped"));
        QCOMPARE(stopped.object().value(QLatin1String("duration")).toInt(), 65);
        QCOMPARE(m_client->call("POST", path + QStringLiteral("/stop")).status, 409);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_client->call("GET", path).object().value(QLatin1String("status")).toString(),
            QStringLiteral("available"), 3000);
        const QJsonObject available = m_client->call("GET", path).object();
        QVERIFY(available.value(QLatin1String("url")).toString().endsWith(QLatin1String(".mp4")));
        QVERIFY(available.value(QLatin1String("size")).toInteger() > 0);
        const HttpResult file = m_client->call(
            "GET", QUrl(available.value(QLatin1String("url")).toString()).path(), {}, "-");
        QCOMPARE(file.status, 200);
        QCOMPARE(file.body.size(), available.value(QLatin1String("size")).toInteger());
        QCOMPARE(m_client->call("DELETE", path).status, 204);
        QCOMPARE(m_client->call("GET", path).status, 404);
        QCOMPARE(m_client->call("DELETE", path).status, 404);
    }

    void archiveStartRules_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("no sessionId") << QByteArray(jq("{'name':'x'}")) << 400;
        QTest::newRow("not json") << QByteArray("{") << 400;
        QTest::newRow("both tracks off")
            << QByteArray(jq("{'sessionId':'S','hasAudio':false,'hasVideo':false}")) << 400;
        QTest::newRow("bad resolution")
            << QByteArray(jq("{'sessionId':'S','resolution':'800x600'}")) << 400;
        QTest::newRow("resolution individual")
            << QByteArray(jq("{'sessionId':'S','outputMode':'individual','resolution':'640x480'}"))
            << 400;
        QTest::newRow("layout individual")
            << QByteArray(jq("{'sessionId':'S','outputMode':'individual','layout':{'type':'pip'}}"))
            << 400;
        QTest::newRow("custom without css")
            << QByteArray(jq("{'sessionId':'S','layout':{'type':'custom'}}")) << 400;
        QTest::newRow("css with bestFit")
            << QByteArray(jq("{'sessionId':'S','layout':{'type':'bestFit','stylesheet':'a{}'}}"))
            << 400;
        QTest::newRow("screenshare with pip") << QByteArray(
            jq("{'sessionId':'S','layout':{'type':'pip','screenshareType':'bestFit'}}"))
                                              << 400;
        QTest::newRow("bitrate low")
            << QByteArray(jq("{'sessionId':'S','maxBitrate':99999}")) << 400;
        QTest::newRow("qp high") << QByteArray(jq("{'sessionId':'S','quantizationParameter':41}"))
                                 << 400;
        QTest::newRow("bitrate and qp")
            << QByteArray(jq("{'sessionId':'S','maxBitrate':200000,'quantizationParameter':20}"))
            << 400;
        QTest::newRow("bad streamMode")
            << QByteArray(jq("{'sessionId':'S','streamMode':'x'}")) << 400;
        QTest::newRow("unknown session") << QByteArray(jq("{'sessionId':'1_nope'}")) << 404;
        QTest::newRow("relayed") << QByteArray(jq("{'sessionId':'RELAYED'}")) << 409;
        QTest::newRow("no connection") << QByteArray(jq("{'sessionId':'EMPTY'}")) << 400;
        QTest::newRow("all options, nulls") << QByteArray(
            jq("{'sessionId':'S','name':'n','hasAudio':true,'hasVideo':false,'outputMode':'"
               "composed','resolution':'1920x1080','layout':{'type':'bestFit','screenshareType':'"
               "pip'},'streamMode':'manual','multiArchiveTag':'t','maxBitrate':6000000,'"
               "quantizationParameter':null,'unknownKey':1}"))
                                            << 200;
        QTest::newRow("individual") << QByteArray(
            jq("{'sessionId':'S','outputMode':'individual','quantizationParameter':null}"))
                                    << 200;
    }
    void archiveStartRules()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const QString relayed = m_server->createSession(false);
        m_server->addConnection(relayed);
        body.replace("\"S\"", "\"" + m_session.toLatin1() + "\"");
        body.replace("RELAYED", relayed.toLatin1());
        body.replace("EMPTY", m_server->createSession().toLatin1());
        const HttpResult r =
            m_client->call("POST", m_client->projectPath(QStringLiteral("/archive")), body);
        QCOMPARE(r.status, status);
        if (status != 200) {
            QCOMPARE(r.object().value(QLatin1String("code")).toInt(), status);
        } else if (body.contains("maxBitrate")) {
            QCOMPARE(r.object().value(QLatin1String("maxBitrate")).toInt(), 6000000);
            QCOMPARE(r.object().value(QLatin1String("resolution")).toString(),
                QStringLiteral("1920x1080"));
            QCOMPARE(r.object().value(QLatin1String("name")).toString(), QStringLiteral("n"));
            QCOMPARE(
                r.object().value(QLatin1String("streamMode")).toString(), QStringLiteral("manual"));
        } else {
            QVERIFY(!r.object().contains(QLatin1String("resolution"))); // composed only
        }
    }

    void archiveListPagingNewestFirst()
    {
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            const HttpResult r =
                startArchive(QJsonObject {{QStringLiteral("multiArchiveTag"), QString::number(i)}});
            ids.prepend(r.object().value(QLatin1String("id")).toString());
        }
        const QString other = m_server->createSession();
        m_server->addConnection(other);
        startArchive(QJsonObject {{QStringLiteral("sessionId"), other}});
        HttpResult page = m_client->call("GET",
            m_client->projectPath(
                QStringLiteral("/archive?offset=1&count=2&sessionId=") + m_session));
        QCOMPARE(page.status, 200);
        QCOMPARE(page.object().value(QLatin1String("count")).toInt(), 5);
        const QJsonArray items = page.object().value(QLatin1String("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(QLatin1String("id")).toString(), ids.at(1));
        QCOMPARE(items.at(1).toObject().value(QLatin1String("id")).toString(), ids.at(2));
        QCOMPARE(m_client->call("GET", m_client->projectPath(QStringLiteral("/archive")))
                     .object()
                     .value(QLatin1String("count"))
                     .toInt(),
            6);
        page = m_client->call("GET", m_client->projectPath(QStringLiteral("/archive?offset=10")));
        QCOMPARE(page.object().value(QLatin1String("items")).toArray().size(), 0);
        QVERIFY(page.object().contains(QLatin1String("items")));
        QCOMPARE(m_client->call("GET", m_client->projectPath(QStringLiteral("/archive?count=1001")))
                     .status,
            400);
        QCOMPARE(m_client->call("GET", m_client->projectPath(QStringLiteral("/archive?offset=-1")))
                     .status,
            400);
    }

    void archiveLayoutStreamsAndFailure()
    {
        const QString manual =
            startArchive(QJsonObject {{QStringLiteral("streamMode"), QStringLiteral("manual")}})
                .object()
                .value(QLatin1String("id"))
                .toString();
        const QString autoId =
            startArchive(QJsonObject {{QStringLiteral("multiArchiveTag"), QStringLiteral("x")}})
                .object()
                .value(QLatin1String("id"))
                .toString();
        const QString base = m_client->projectPath(QStringLiteral("/archive/"));
        QCOMPARE(m_client
                     ->call("PUT", base + manual + QStringLiteral("/layout"),
                         jq("{'type':'custom','stylesheet':'s{}'}"))
                     .status,
            200);
        QCOMPARE(
            m_client->call("PUT", base + manual + QStringLiteral("/layout"), jq("{'type':'wide'}"))
                .status,
            400);
        QCOMPARE(m_client
                     ->call("PATCH", base + autoId + QStringLiteral("/streams"),
                         QString::fromLatin1(jq("{'addStream':'%1'}")).arg(m_stream).toUtf8())
                     .status,
            405);
        QCOMPARE(m_client
                     ->call("PATCH", base + manual + QStringLiteral("/streams"),
                         QString::fromLatin1(jq("{'addStream':'%1','hasVideo':false}"))
                             .arg(m_stream)
                             .toUtf8())
                     .status,
            204);
        QJsonArray streams =
            m_client->call("GET", base + manual).object().value(QLatin1String("streams")).toArray();
        QCOMPARE(streams.size(), 1);
        QCOMPARE(streams.at(0).toObject().value(QLatin1String("hasVideo")).toBool(), false);
        QCOMPARE(m_client
                     ->call("PATCH", base + manual + QStringLiteral("/streams"),
                         jq("{'addStream':'nope'}"))
                     .status,
            404);
        QCOMPARE(m_client
                     ->call("PATCH", base + manual + QStringLiteral("/streams"),
                         jq("{'addStream':'a','removeStream':'b'}"))
                     .status,
            400);
        QCOMPARE(m_client
                     ->call("PATCH", base + manual + QStringLiteral("/streams"),
                         QString::fromLatin1(jq("{'removeStream':'%1'}")).arg(m_stream).toUtf8())
                     .status,
            204);
        QCOMPARE(m_client->call("GET", base + manual)
                     .object()
                     .value(QLatin1String("streams"))
                     .toArray()
                     .size(),
            0);
        QCOMPARE(
            m_client->call("PATCH", base + QStringLiteral("nope/streams"), jq("{'addStream':'a'}"))
                .status,
            404);
        QVERIFY(m_server->failArchive(manual));
        const QJsonObject failed = m_client->call("GET", base + manual).object();
        QCOMPARE(failed.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QVERIFY(!failed.value(QLatin1String("reason")).toString().isEmpty());
        QCOMPARE(m_client
                     ->call("POST",
                         QStringLiteral("/_sandbox/archives/") + autoId + QStringLiteral("/fail"),
                         {}, "-")
                     .status,
            204);
        QCOMPARE(m_client
                     ->call("POST",
                         QStringLiteral("/_sandbox/archives/") + autoId + QStringLiteral("/fail"),
                         {}, "-")
                     .status,
            409);
    }

    void storageMakesArchivesUploaded()
    {
        const QString storage = m_client->projectPath(QStringLiteral("/archive/storage"));
        QCOMPARE(
            m_client
                ->call("PUT", storage, jq("{'type':'s3','config':{'accessKey':'a','bucket':'b'}}"))
                .status,
            400);
        QCOMPARE(m_client->call("PUT", storage, jq("{'type':'gcs','config':{}}")).status, 400);
        QCOMPARE(m_client
                     ->call("PUT", storage,
                         jq("{'type':'azure','config':{'accountName':'n','accountKey':'k','"
                            "container':'c'},'fallback':'maybe'}"))
                     .status,
            400);
        QCOMPARE(m_client
                     ->call("PUT", storage,
                         jq("{'type':'s3','config':{'accessKey':'a','secretKey':'s','bucket':'b','"
                            "sse':'kms'}}"))
                     .status,
            400);
        const HttpResult set = m_client->call("PUT", storage,
            jq("{'type':'s3','config':{'accessKey':'a','secretKey':'s','bucket':'b','endpoint':'"
               "https://s3.example'},'fallback':'opentok'}"));
        QCOMPARE(set.status, 200);
        QCOMPARE(set.object().value(QLatin1String("type")).toString(), QStringLiteral("s3"));
        const QString id =
            startArchive(QJsonObject()).object().value(QLatin1String("id")).toString();
        const QString path = m_client->projectPath(QStringLiteral("/archive/") + id);
        QCOMPARE(m_client->call("POST", path + QStringLiteral("/stop")).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_client->call("GET", path).object().value(QLatin1String("status")).toString(),
            QStringLiteral("uploaded"), 3000);
        QVERIFY(m_client->call("GET", path).object().value(QLatin1String("url")).isNull());
        QCOMPARE(m_client->call("DELETE", storage).status, 204);
        QCOMPARE(m_client->call("DELETE", path).status, 204);
    }

    void broadcastLifecycle()
    {
        QJsonObject body = hls(QJsonObject {{QStringLiteral("dvr"), true}});
        QJsonObject outputs = body.value(QLatin1String("outputs")).toObject();
        outputs.insert(QStringLiteral("rtmp"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("yt")},
                {QStringLiteral("serverUrl"), QStringLiteral("rtmps://a.example/live2")},
                {QStringLiteral("streamName"), QStringLiteral("key")}}});
        body.insert(QStringLiteral("outputs"), outputs);
        body.insert(QStringLiteral("maxDuration"), 60);
        body.insert(QStringLiteral("resolution"), QStringLiteral("1280x720"));
        const HttpResult r = startBroadcast(body);
        QCOMPARE(r.status, 200);
        QJsonObject b = r.object();
        QCOMPARE(b.value(QLatin1String("status")).toString(), QStringLiteral("started"));
        QCOMPARE(b.value(QLatin1String("id")).toString().size(), 32);
        QJsonObject urls = b.value(QLatin1String("broadcastUrls")).toObject();
        QVERIFY(urls.value(QLatin1String("hls")).toString().endsWith(QLatin1String("?DVR")));
        QCOMPARE(urls.value(QLatin1String("hlsStatus")).toString(), QStringLiteral("connecting"));
        QCOMPARE(urls.value(QLatin1String("rtmp"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
            QStringLiteral("connecting"));
        QCOMPARE(b.value(QLatin1String("settings"))
                     .toObject()
                     .value(QLatin1String("hls"))
                     .toObject()
                     .value(QLatin1String("dvr"))
                     .toBool(),
            true);
        const QString path = m_client->projectPath(
            QStringLiteral("/broadcast/") + b.value(QLatin1String("id")).toString());
        QCOMPARE(startBroadcast(hls()).status, 409);
        QCOMPARE(
            startBroadcast(QJsonObject {{QStringLiteral("outputs"),
                                            QJsonObject {{QStringLiteral("hls"), QJsonObject()}}},
                               {QStringLiteral("multiBroadcastTag"), QStringLiteral("second")}})
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->call("GET", path)
                                      .object()
                                      .value(QLatin1String("broadcastUrls"))
                                      .toObject()
                                      .value(QLatin1String("hlsStatus"))
                                      .toString(),
            QStringLiteral("live"), 3000);
        urls =
            m_client->call("GET", path).object().value(QLatin1String("broadcastUrls")).toObject();
        QCOMPARE(urls.value(QLatin1String("rtmp"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
            QStringLiteral("live"));
        QCOMPARE(urls.value(QLatin1String("rtmp"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
            QStringLiteral("yt"));
        QCOMPARE(m_client
                     ->call("PUT", path + QStringLiteral("/layout"),
                         jq("{'type':'verticalPresentation'}"))
                     .status,
            200);
        QCOMPARE(m_client
                     ->call("PATCH", path + QStringLiteral("/streams"),
                         QString::fromLatin1(jq("{'addStream':'%1'}")).arg(m_stream).toUtf8())
                     .status,
            405);
        const HttpResult list = m_client->call(
            "GET", m_client->projectPath(QStringLiteral("/broadcast?sessionId=") + m_session));
        QCOMPARE(list.object().value(QLatin1String("count")).toInt(), 2);
        m_server->advanceTime(61 * 1000); // maxDuration ends it
        QCOMPARE(m_client->call("GET", path).object().value(QLatin1String("status")).toString(),
            QStringLiteral("stopped"));
        QCOMPARE(m_client->call("POST", path + QStringLiteral("/stop"), "{}").status, 409);
        QCOMPARE(
            m_client->call("GET", m_client->projectPath(QStringLiteral("/broadcast/nope"))).status,
            404);
    }

    void broadcastRules_data()
    {
        QTest::addColumn<QByteArray>("outputs");
        QTest::addColumn<QByteArray>("extra");
        QTest::newRow("no outputs") << QByteArray("{}") << QByteArray();
        QTest::newRow("empty rtmp only") << QByteArray(jq("{'rtmp':[]}")) << QByteArray();
        QTest::newRow("dvr and lowLatency")
            << QByteArray(jq("{'hls':{'dvr':true,'lowLatency':true}}")) << QByteArray();
        QTest::newRow("six rtmp") << QByteArray(jq(
            "{'rtmp':[{'serverUrl':'rtmp://a/b','streamName':'1'},{'serverUrl':'rtmp://a/"
            "b','streamName':'2'},{'serverUrl':'rtmp://a/b','streamName':'3'},{'serverUrl':'rtmp://"
            "a/b','streamName':'4'},{'serverUrl':'rtmp://a/"
            "b','streamName':'5'},{'serverUrl':'rtmp://a/b','streamName':'6'}]}"))
                                  << QByteArray();
        QTest::newRow("maxDuration 59")
            << QByteArray(jq("{'hls':{}}")) << QByteArray(jq("'maxDuration':59"));
        QTest::newRow("maxDuration 36001")
            << QByteArray(jq("{'hls':{}}")) << QByteArray(jq("'maxDuration':36001"));
        QTest::newRow("bitrate") << QByteArray(jq("{'hls':{}}"))
                                 << QByteArray(jq("'maxBitrate':7000000"));
        QTest::newRow("resolution")
            << QByteArray(jq("{'hls':{}}")) << QByteArray(jq("'resolution':'1x1'"));
        QTest::newRow("streamMode")
            << QByteArray(jq("{'hls':{}}")) << QByteArray(jq("'streamMode':'all'"));
        QTest::newRow("layout") << QByteArray(jq("{'hls':{}}"))
                                << QByteArray(jq("'layout':{'type':'custom'}"));
    }
    void broadcastRules()
    {
        QFETCH(QByteArray, outputs);
        QFETCH(QByteArray, extra);
        const QByteArray body = "{\"sessionId\":\"" + m_session.toLatin1()
            + "\",\"outputs\":" + outputs + (extra.isEmpty() ? QByteArray() : "," + extra) + "}";
        const HttpResult r =
            m_client->call("POST", m_client->projectPath(QStringLiteral("/broadcast")), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object().value(QLatin1String("code")).toInt(), 400);
    }
};

QTEST_GUILESS_MAIN(TestSandboxMedia)
#include "tst_sandbox_media.moc"
