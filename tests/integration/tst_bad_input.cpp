// SPDX-License-Identifier: GPL-3.0-or-later
// G-QA-3: a table of bad inputs through every area class (0 requests, field and limit named)
// and a table of exact-limit inputs that are sent and accepted by the sandbox.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/AccountApi.h"
#include "api/ArchivesApi.h"
#include "api/BroadcastsApi.h"
#include "api/ModerationApi.h"
#include "api/SessionsApi.h"
#include "api/SipApi.h"
#include "api/StorageApi.h"
#include "auth/ClientToken.h"
#include "auth/SessionId.h"
#include "auth/TokenInspector.h"

#include <QTest>

#include <functional>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

namespace {

/// Everything a row may call: the area classes over one fresh sandbox, a routed session with
/// one connection and one stream.
struct Ctx
{
    SandboxFixture &fixture;
    SessionsApi &sessions;
    ModerationApi &moderation;
    ArchivesApi &archives;
    BroadcastsApi &broadcasts;
    StorageApi &storage;
    SipApi &sip;
    AccountApi &account;
    QString session;
    QString connection;
    QString stream;
    QString projectKey;
};

/// One row: what to call, and (bad rows) the field and a word or number of the limit that the
/// message must contain. `local` rows never use the network (token signing is local).
struct Row
{
    QByteArray name;
    std::function<ApiError(Ctx &)> call;
    QString field;
    QString limit;
    Kind expected = Kind::None;
    bool local = false;
    /// A known disagreement outside core (reported, not hidden): the row is an expected failure.
};

ApiError run(ApiReply *reply)
{
    return await(reply)->error();
}

QString rep(const QString &unit, int times)
{
    return unit.repeated(times);
}
QString rep(char c, int times)
{
    return QString(times, QLatin1Char(c));
}

const QString kEmoji = QString::fromUcs4(U"\U0001F600", 1); // 2 UTF-16 units, 4 UTF-8 bytes
const QString kLoneHigh = QString(QChar(0xD800));
const QString kLoneLow = QString(QChar(0xDC00));
const QString kNul = QString(QChar(0));
const QString kCrLf = QStringLiteral("\r\n");
const QString kRlo = QString(QChar(0x202E)); // RIGHT-TO-LEFT OVERRIDE
const QString kZwsp = QString(QChar(0x200B)); // ZERO WIDTH SPACE
const QString kBom = QString(QChar(0xFEFF));
/// An over-long UTF-8 encoding of '/' (C0 AF) as a decoder turns it into text.
const QString kOverlong = QString::fromUtf8("\xC0\xAF");

QString with(const QString &a, const QString &b)
{
    return QStringLiteral("ab") + a + b + QStringLiteral("cd");
}

ArchiveOptions archive(const Ctx &c)
{
    ArchiveOptions o;
    o.sessionId = c.session;
    return o;
}

BroadcastOptions hlsBroadcast(const Ctx &c)
{
    BroadcastOptions o;
    o.sessionId = c.session;
    o.hls = HlsOptions {};
    return o;
}

RtmpTarget rtmp(const QString &id, const QString &url, const QString &stream)
{
    RtmpTarget t;
    t.id = id;
    t.serverUrl = url;
    t.streamName = stream;
    return t;
}

BroadcastOptions rtmpBroadcast(const Ctx &c, const RtmpTarget &target)
{
    BroadcastOptions o;
    o.sessionId = c.session;
    o.rtmp = {target};
    return o;
}

StorageTarget s3(const QString &bucket)
{
    StorageTarget t;
    t.type = StorageTarget::Type::S3;
    t.accessKey = QStringLiteral("AKIAEXAMPLE");
    t.secretKey = QStringLiteral("secret/key+example");
    t.bucket = bucket;
    return t;
}

StorageTarget azure(const QString &account, const QString &container)
{
    StorageTarget t;
    t.type = StorageTarget::Type::Azure;
    t.accountName = account;
    t.accountKey = QStringLiteral("azureKeyExample==");
    t.container = container;
    return t;
}

SipDialOptions dial(const Ctx &c, const QString &uri)
{
    SipDialOptions o;
    o.sessionId = c.session;
    o.uri = uri;
    return o;
}

Layout custom(const QString &css)
{
    Layout l;
    l.type = Layout::Type::Custom;
    l.stylesheet = css;
    return l;
}

ApiError token(Ctx &c, const ClientTokenOptions &options, QString session = {})
{
    RestClient &client = c.fixture.client();
    const ClientTokenResult result = generateClientToken(client.projectCredentials().apiKey,
        client.projectCredentials().apiSecret, session.isEmpty() ? c.session : session, options,
        client.clock(), client.random());
    if (result.error)
        return ApiError::validation(*result.error);
    const TokenInspection inspection =
        inspectToken(result.token, client.projectCredentials().apiSecret, client.clock());
    if (inspection.verdict != TokenInspection::Verdict::Valid)
        return ApiError(Kind::InvalidResponse, QStringLiteral("token does not inspect as valid"));
    if (inspection.connectionData != options.connectionData
        || inspection.layoutClasses != options.initialLayoutClasses)
        return ApiError(Kind::InvalidResponse, QStringLiteral("token lost its data"));
    return {};
}

ClientTokenOptions tokenData(const QString &data)
{
    ClientTokenOptions o;
    o.connectionData = data;
    return o;
}

ClientTokenOptions tokenClasses(const QStringList &classes)
{
    ClientTokenOptions o;
    o.initialLayoutClasses = classes;
    return o;
}

ClientTokenOptions tokenExpiry(Ctx &c, qint64 fromNow)
{
    ClientTokenOptions o;
    o.expireTimeSecs = c.fixture.client().clock().nowSecs() + fromNow;
    return o;
}

QStringList classesJoinedTo(int total)
{
    // "c..." classes of 9 characters plus one space each, then a last one filling up.
    QStringList list;
    int used = 0;
    while (total - used > 10) {
        list << rep('c', 9);
        used += 10;
    }
    list << rep('d', total - used);
    return list;
}

using A = Ctx &;

// ---------------------------------------------------------------------------------------------
// Bad inputs: every one rejected before sending, with its field and its limit in the message.
QList<Row> badRows()
{
    QList<Row> rows;
    auto add = [&rows](const char *name, std::function<ApiError(Ctx &)> call, const char *field,
                   const char *limit, bool local = false) {
        rows.append(Row {name, std::move(call), QString::fromUtf8(field), QString::fromUtf8(limit),
            Kind::Validation, local});
    };

    // Sessions (§2.1).
    auto always = [](const QString &name) {
        SessionOptions o;
        o.archiveMode = ArchiveMode::Always;
        o.archiveName = name;
        return o;
    };
    add(
        "session archiveName 81 chars",
        [=](A c) { return run(c.sessions.create(always(rep('n', 81)))); }, "archiveName", "80");
    add(
        "session archiveName 81 emoji",
        [=](A c) { return run(c.sessions.create(always(rep(kEmoji, 81)))); }, "archiveName", "80");
    add(
        "session archiveName lone surrogate",
        [=](A c) { return run(c.sessions.create(always(with(kLoneHigh, {})))); }, "archiveName",
        "Unicode");
    add(
        "session archiveName CR/LF",
        [=](A c) { return run(c.sessions.create(always(with(kCrLf, {})))); }, "archiveName",
        "control");
    add(
        "session archiveName with manual mode",
        [](A c) {
            SessionOptions o;
            o.archiveName = QStringLiteral("n");
            return run(c.sessions.create(o));
        },
        "archiveName", "always");
    add(
        "session archiveResolution 1280x721",
        [=](A c) {
            SessionOptions o = always({});
            o.archiveResolution = QStringLiteral("1280x721");
            return run(c.sessions.create(o));
        },
        "archiveResolution", "1280x720");
    add(
        "session location shorthand 127.1",
        [](A c) {
            SessionOptions o;
            o.location = QStringLiteral("127.1");
            return run(c.sessions.create(o));
        },
        "location", "IPv4");
    add(
        "session location with LF",
        [](A c) {
            SessionOptions o;
            o.location = QStringLiteral("203.0.113.7\n");
            return run(c.sessions.create(o));
        },
        "location", "IPv4");
    add(
        "session relayed + always",
        [](A c) {
            SessionOptions o;
            o.mediaMode = MediaMode::Relayed;
            o.archiveMode = ArchiveMode::Always;
            return run(c.sessions.create(o));
        },
        "archiveMode", "routed");
    add(
        "session e2ee + always",
        [](A c) {
            SessionOptions o;
            o.archiveMode = ArchiveMode::Always;
            o.e2ee = true;
            return run(c.sessions.create(o));
        },
        "e2ee", "always");

    // Session IDs (every area takes them; [A-Za-z0-9_-]{1,255}).
    auto signal = [](const QString &type, const QString &data) {
        SignalPayload p;
        p.type = type;
        p.data = data;
        return p;
    };
    add(
        "sessionId empty", [=](A c) { return run(c.moderation.sendSignal({}, signal({}, {}))); },
        "sessionId", "empty");
    add(
        "sessionId ../",
        [=](A c) {
            return run(c.moderation.sendSignal(QStringLiteral("../") + c.session, signal({}, {})));
        },
        "sessionId", "letters");
    add(
        "sessionId 256 chars",
        [=](A c) { return run(c.moderation.listConnections(rep('a', 256))); }, "sessionId", "255");
    add(
        "sessionId with NUL", [=](A c) { return run(c.moderation.listStreams(c.session + kNul)); },
        "sessionId", "letters");
    add(
        "sessionId with ?",
        [=](A c) { return run(c.moderation.listStreams(c.session + QStringLiteral("?x=1"))); },
        "sessionId", "letters");
    add(
        "sessionId over-long UTF-8",
        [=](A c) { return run(c.sip.playDtmf(c.session + kOverlong, QStringLiteral("1"))); },
        "sessionId", "letters");
    add(
        "sessionId zero-width space",
        [=](A c) {
            return run(c.archives.start([&] {
                ArchiveOptions o = archive(c);
                o.sessionId += kZwsp;
                return o;
            }()));
        },
        "sessionId", "letters");
    add(
        "sessionId emoji",
        [=](A c) {
            BroadcastOptions o = hlsBroadcast(c);
            o.sessionId = kEmoji + c.session;
            return run(c.broadcasts.start(o));
        },
        "sessionId", "letters");
    add(
        "list sessionId with #",
        [=](A c) {
            ListQuery q;
            q.sessionId = c.session + QStringLiteral("#frag");
            return run(c.archives.list(q));
        },
        "sessionId", "letters");

    // Signals (§4.1): bytes of UTF-8.
    add(
        "signal type 129 bytes",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal(rep('t', 129), {}))); },
        "type", "128");
    add(
        "signal type 33 emoji (132 bytes)",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal(rep(kEmoji, 33), {}))); },
        "type", "128");
    add(
        "signal type 65 x e-acute (130 bytes)",
        [=](A c) {
            return run(
                c.moderation.sendSignal(c.session, signal(rep(QString(QChar(0xE9)), 65), {})));
        },
        "type", "128");
    add(
        "signal type LF",
        [=](A c) {
            return run(c.moderation.sendSignal(c.session, signal(QStringLiteral("a\nb"), {})));
        },
        "type", "control");
    add(
        "signal type NUL",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal(with(kNul, {}), {}))); },
        "type", "control");
    add(
        "signal type lone surrogate",
        [=](A c) {
            return run(c.moderation.sendSignal(c.session, signal(with(kLoneLow, {}), {})));
        },
        "type", "Unicode");
    add(
        "signal data 8193 bytes",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal({}, rep('d', 8193)))); },
        "data", "8192");
    add(
        "signal data 2049 emoji",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal({}, rep(kEmoji, 2049)))); },
        "data", "8192");
    add(
        "signal data lone surrogate",
        [=](A c) {
            return run(c.moderation.sendSignalToConnection(
                c.session, c.connection, signal({}, with(kLoneHigh, kLoneHigh))));
        },
        "data", "Unicode");

    // Opaque IDs (connection, stream, archive, broadcast): no / ? # %, whitespace, controls,
    // invisible characters, invalid Unicode, 1-255.
    add(
        "connectionId ../..",
        [=](A c) { return run(c.moderation.forceDisconnect(c.session, QStringLiteral("../.."))); },
        "connectionId", "'/'");
    add(
        "connectionId ?query",
        [=](A c) {
            return run(
                c.moderation.forceDisconnect(c.session, c.connection + QStringLiteral("?a=b")));
        },
        "connectionId", "'?'");
    add(
        "connectionId #fragment",
        [=](A c) {
            return run(c.moderation.sendSignalToConnection(
                c.session, c.connection + QStringLiteral("#x"), signal({}, {})));
        },
        "connectionId", "'#'");
    add(
        "connectionId %2e%2e",
        [=](A c) { return run(c.moderation.forceDisconnect(c.session, QStringLiteral("%2e%2e"))); },
        "connectionId", "'%'");
    add(
        "streamId empty", [=](A c) { return run(c.moderation.getStream(c.session, {})); },
        "streamId", "empty");
    add(
        "streamId 256 chars",
        [=](A c) { return run(c.moderation.getStream(c.session, rep('s', 256))); }, "streamId",
        "255");
    add(
        "streamId CR/LF",
        [=](A c) { return run(c.moderation.muteStream(c.session, c.stream + kCrLf)); }, "streamId",
        "control");
    add(
        "streamId space",
        [=](A c) { return run(c.moderation.muteStream(c.session, QStringLiteral("a b"))); },
        "streamId", "whitespace");
    add(
        "streamId RTL override",
        [=](A c) { return run(c.moderation.muteStream(c.session, with(kRlo, {}))); }, "streamId",
        "invisible");
    add(
        "streamId zero-width space",
        [=](A c) { return run(c.moderation.getStream(c.session, c.stream + kZwsp)); }, "streamId",
        "zero-width");
    add(
        "streamId BOM",
        [=](A c) { return run(c.moderation.getStream(c.session, kBom + c.stream)); }, "streamId",
        "invisible");
    add(
        "streamId lone surrogate",
        [=](A c) { return run(c.moderation.getStream(c.session, with(kLoneLow, {}))); }, "streamId",
        "Unicode");
    add(
        "streamId over-long UTF-8",
        [=](A c) { return run(c.moderation.getStream(c.session, with(kOverlong, {}))); },
        "streamId", "Unicode");
    add(
        "archiveId ../../archive",
        [](A c) { return run(c.archives.stop(QStringLiteral("../../archive"))); }, "archiveId",
        "'/'");
    add(
        "archiveId ?x", [](A c) { return run(c.archives.get(QStringLiteral("abc?x"))); },
        "archiveId", "'?'");
    add(
        "archiveId empty", [](A c) { return run(c.archives.remove({})); }, "archiveId", "empty");
    add(
        "archiveId TAB",
        [](A c) { return run(c.archives.setLayout(QStringLiteral("a\tb"), Layout {})); },
        "archiveId", "whitespace");
    add(
        "broadcastId x/../y", [](A c) { return run(c.broadcasts.get(QStringLiteral("x/../y"))); },
        "broadcastId", "'/'");
    add(
        "broadcastId 256 chars", [](A c) { return run(c.broadcasts.stop(rep('b', 256))); },
        "broadcastId", "255");

    // Stream layout classes and mute (§4.5, §4.6).
    add(
        "stream classes: none",
        [=](A c) { return run(c.moderation.setStreamClasses(c.session, {})); }, "items",
        "at least one");
    add(
        "stream classes: class with space",
        [=](A c) {
            return run(c.moderation.setStreamClasses(
                c.session, {StreamClassChange {c.stream, {QStringLiteral("full screen")}}}));
        },
        "items[0].layoutClassList[0]", "whitespace");
    add(
        "stream classes: empty class",
        [=](A c) {
            return run(c.moderation.setStreamClasses(
                c.session, {StreamClassChange {c.stream, {QStringLiteral("a"), QString()}}}));
        },
        "items[0].layoutClassList[1]", "empty");
    add(
        "stream classes: id ../",
        [=](A c) {
            return run(c.moderation.setStreamClasses(
                c.session, {StreamClassChange {QStringLiteral("../x"), {}}}));
        },
        "items[0].id", "'/'");
    add(
        "mute all: excluded id with space",
        [=](A c) {
            MuteAllOptions o;
            o.excludedStreamIds = {c.stream, QStringLiteral("a b")};
            return run(c.moderation.muteAll(c.session, o));
        },
        "excludedStreamIds[1]", "whitespace");
    add(
        "mute all: excluded ids when inactive",
        [=](A c) {
            MuteAllOptions o;
            o.active = false;
            o.excludedStreamIds = {c.stream};
            return run(c.moderation.muteAll(c.session, o));
        },
        "excludedStreamIds", "active");

    // Archives (§5.2, §5.6, §5.7, §5.8).
    auto startArchive = [](A c, const std::function<void(ArchiveOptions &)> &edit) {
        ArchiveOptions o = archive(c);
        edit(o);
        return run(c.archives.start(o));
    };
    add(
        "archive name 201 chars",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.name = rep('n', 201); }); },
        "name", "200");
    add(
        "archive name 201 emoji",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.name = rep(kEmoji, 201); }); },
        "name", "200");
    add(
        "archive name NUL",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.name = with(kNul, {}); }); },
        "name", "control");
    add(
        "archive multiArchiveTag 201",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) { o.multiArchiveTag = rep('t', 201); });
        },
        "multiArchiveTag", "200");
    add(
        "archive maxBitrate 99999",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.maxBitrate = 99999; }); },
        "maxBitrate", "100000");
    add(
        "archive maxBitrate 6000001",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.maxBitrate = 6000001; }); },
        "maxBitrate", "6000000");
    add(
        "archive quantizationParameter 14",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) { o.quantizationParameter = 14; });
        },
        "quantizationParameter", "15");
    add(
        "archive quantizationParameter 41",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) { o.quantizationParameter = 41; });
        },
        "quantizationParameter", "40");
    add(
        "archive maxBitrate and quantization",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) {
                o.maxBitrate = 200000;
                o.quantizationParameter = 20;
            });
        },
        "quantizationParameter", "maxBitrate");
    add(
        "archive resolution 1920x1081",
        [=](A c) {
            return startArchive(
                c, [](ArchiveOptions &o) { o.resolution = QStringLiteral("1920x1081"); });
        },
        "resolution", "1920x1080");
    add(
        "archive resolution when individual",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) {
                o.outputMode = OutputMode::Individual;
                o.resolution = QStringLiteral("640x480");
            });
        },
        "resolution", "composed");
    add(
        "archive no audio and no video",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) { o.hasAudio = o.hasVideo = false; });
        },
        "hasAudio", "both");
    add(
        "archive transcription language tag",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) {
                o.hasTranscription = true;
                o.transcriptionProperties =
                    TranscriptionProperties {QStringLiteral("english!"), false};
            });
        },
        "transcriptionProperties.primaryLanguageCode", "language tag");
    add(
        "archive transcription properties without transcription",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) {
                o.transcriptionProperties =
                    TranscriptionProperties {QStringLiteral("en-US"), false};
            });
        },
        "transcriptionProperties", "hasTranscription");
    add(
        "layout custom without stylesheet",
        [=](A c) {
            return startArchive(
                c, [](ArchiveOptions &o) { o.layout = custom(QStringLiteral("  ")); });
        },
        "layout.stylesheet", "required");
    add(
        "layout stylesheet 10001 chars",
        [=](A c) {
            return startArchive(c, [](ArchiveOptions &o) { o.layout = custom(rep('x', 10001)); });
        },
        "layout.stylesheet", "10000");
    add(
        "layout stylesheet 10001 emoji",
        [=](A c) {
            return run(c.archives.setLayout(QStringLiteral("a1"), custom(rep(kEmoji, 10001))));
        },
        "stylesheet", "10000");
    add(
        "layout stylesheet NUL",
        [=](A c) {
            return run(c.broadcasts.setLayout(QStringLiteral("b1"), custom(with(kNul, {}))));
        },
        "stylesheet", "control");
    add(
        "layout stylesheet lone surrogate",
        [=](A c) {
            return run(c.archives.setLayout(QStringLiteral("a1"), custom(with(kLoneHigh, {}))));
        },
        "stylesheet", "Unicode");
    add(
        "layout stylesheet with pip",
        [=](A c) {
            Layout l;
            l.type = Layout::Type::Pip;
            l.stylesheet = QStringLiteral("stream {}");
            return run(c.broadcasts.setLayout(QStringLiteral("b1"), l));
        },
        "stylesheet", "custom");
    add(
        "layout screenshareType with pip",
        [=](A c) {
            Layout l;
            l.type = Layout::Type::Pip;
            l.screenshareType = Layout::Type::BestFit;
            return run(c.archives.setLayout(QStringLiteral("a1"), l));
        },
        "screenshareType", "bestFit");
    add(
        "archive list count 0",
        [](A c) {
            return run(c.archives.list(ListQuery {0, 0, {}}));
        },
        "count", "1000");
    add(
        "archive list count 1001",
        [](A c) {
            return run(c.archives.list(ListQuery {0, 1001, {}}));
        },
        "count", "1000");
    add(
        "archive list offset -1",
        [](A c) {
            return run(c.archives.list(ListQuery {-1, 50, {}}));
        },
        "offset", "0 or more");
    add(
        "archive add stream a#b",
        [](A c) {
            return run(c.archives.changeStreams(QStringLiteral("a1"),
                StreamSelectionChange {StreamSelectionChange::Op::Add, QStringLiteral("a#b")}));
        },
        "addStream", "'#'");
    add(
        "archive remove stream empty",
        [](A c) {
            return run(c.archives.changeStreams(QStringLiteral("a1"),
                StreamSelectionChange {StreamSelectionChange::Op::Remove, {}}));
        },
        "removeStream", "empty");

    // Broadcasts (§6.2, §6.5).
    const QString url = QStringLiteral("rtmps://live.example.com/app");
    add(
        "broadcast without outputs",
        [](A c) {
            BroadcastOptions o;
            o.sessionId = c.session;
            return run(c.broadcasts.start(o));
        },
        "outputs", "HLS");
    add(
        "broadcast HLS dvr + lowLatency",
        [](A c) {
            BroadcastOptions o = hlsBroadcast(c);
            o.hls->dvr = o.hls->lowLatency = true;
            return run(c.broadcasts.start(o));
        },
        "outputs.hls.lowLatency", "dvr");
    add(
        "broadcast 6 RTMP targets",
        [=](A c) {
            BroadcastOptions o;
            o.sessionId = c.session;
            for (int i = 0; i < 6; ++i)
                o.rtmp << rtmp(QString::number(i), url, QStringLiteral("key"));
            return run(c.broadcasts.start(o));
        },
        "outputs.rtmp", "5");
    add(
        "rtmp serverUrl http://",
        [](A c) {
            return run(c.broadcasts.start(rtmpBroadcast(
                c, rtmp({}, QStringLiteral("http://live.example.com/app"), QStringLiteral("k")))));
        },
        "outputs.rtmp[0].serverUrl", "rtmp://");
    add(
        "rtmp serverUrl CR/LF",
        [=](A c) {
            return run(c.broadcasts.start(rtmpBroadcast(
                c, rtmp({}, url + kCrLf + QStringLiteral("X-Evil: 1"), QStringLiteral("k")))));
        },
        "outputs.rtmp[0].serverUrl", "rtmp://");
    add(
        "rtmp serverUrl without host",
        [](A c) {
            return run(c.broadcasts.start(
                rtmpBroadcast(c, rtmp({}, QStringLiteral("rtmp:///live"), QStringLiteral("k")))));
        },
        "outputs.rtmp[0].serverUrl", "host");
    add(
        "rtmp serverUrl with space",
        [](A c) {
            return run(c.broadcasts.start(rtmpBroadcast(
                c, rtmp({}, QStringLiteral("rtmp://live.example.com/a b"), QStringLiteral("k")))));
        },
        "outputs.rtmp[0].serverUrl", "rtmp://");
    add(
        "rtmp streamName empty",
        [=](A c) { return run(c.broadcasts.start(rtmpBroadcast(c, rtmp({}, url, {})))); },
        "outputs.rtmp[0].streamName", "required");
    add(
        "rtmp streamName 1001 chars",
        [=](A c) {
            return run(c.broadcasts.start(rtmpBroadcast(c, rtmp({}, url, rep('k', 1001)))));
        },
        "outputs.rtmp[0].streamName", "1000");
    add(
        "rtmp streamName LF",
        [=](A c) {
            return run(c.broadcasts.start(rtmpBroadcast(c, rtmp({}, url, QStringLiteral("k\nx")))));
        },
        "outputs.rtmp[0].streamName", "control");
    add(
        "rtmp id 201 chars",
        [=](A c) {
            return run(c.broadcasts.start(
                rtmpBroadcast(c, rtmp(rep('i', 201), url, QStringLiteral("k")))));
        },
        "outputs.rtmp[0].id", "200");
    add(
        "rtmp id duplicate",
        [=](A c) {
            BroadcastOptions o =
                rtmpBroadcast(c, rtmp(QStringLiteral("yt"), url, QStringLiteral("k")));
            o.rtmp << rtmp(QStringLiteral("yt"), url, QStringLiteral("k2"));
            return run(c.broadcasts.start(o));
        },
        "outputs.rtmp[1].id", "unique");
    add(
        "broadcast maxDuration 59",
        [](A c) {
            BroadcastOptions o = hlsBroadcast(c);
            o.maxDuration = 59;
            return run(c.broadcasts.start(o));
        },
        "maxDuration", "60");
    add(
        "broadcast maxDuration 36001",
        [](A c) {
            BroadcastOptions o = hlsBroadcast(c);
            o.maxDuration = 36001;
            return run(c.broadcasts.start(o));
        },
        "maxDuration", "36000");
    add(
        "broadcast maxBitrate 6000001",
        [](A c) {
            BroadcastOptions o = hlsBroadcast(c);
            o.maxBitrate = 6000001;
            return run(c.broadcasts.start(o));
        },
        "maxBitrate", "6000000");
    add(
        "broadcast resolution 4k",
        [](A c) {
            BroadcastOptions o = hlsBroadcast(c);
            o.resolution = QStringLiteral("3840x2160");
            return run(c.broadcasts.start(o));
        },
        "resolution", "1920x1080");
    add(
        "broadcast multiBroadcastTag 201",
        [](A c) {
            BroadcastOptions o = hlsBroadcast(c);
            o.multiBroadcastTag = rep('t', 201);
            return run(c.broadcasts.start(o));
        },
        "multiBroadcastTag", "200");
    add(
        "broadcast list count 1001",
        [](A c) {
            return run(c.broadcasts.list(ListQuery {0, 1001, {}}));
        },
        "count", "1000");
    add(
        "broadcast add stream lone surrogate",
        [](A c) {
            return run(c.broadcasts.changeStreams(QStringLiteral("b1"),
                StreamSelectionChange {StreamSelectionChange::Op::Add, with(kLoneHigh, {})}));
        },
        "addStream", "Unicode");

    // Archive storage (§5.9).
    add(
        "s3 bucket 2 chars", [](A c) { return run(c.storage.set(s3(QStringLiteral("ab")))); },
        "config.bucket", "3-63");
    add(
        "s3 bucket 64 chars", [](A c) { return run(c.storage.set(s3(rep('b', 64)))); },
        "config.bucket", "3-63");
    add(
        "s3 bucket uppercase",
        [](A c) { return run(c.storage.set(s3(QStringLiteral("MyBucket")))); }, "config.bucket",
        "lowercase");
    add(
        "s3 bucket ..", [](A c) { return run(c.storage.set(s3(QStringLiteral("my..bucket")))); },
        "config.bucket", "3-63");
    add(
        "s3 bucket IPv4", [](A c) { return run(c.storage.set(s3(QStringLiteral("192.168.1.1")))); },
        "config.bucket", "IP address");
    add(
        "s3 bucket ../etc", [](A c) { return run(c.storage.set(s3(QStringLiteral("../etc")))); },
        "config.bucket", "start and end");
    add(
        "s3 bucket over-long UTF-8",
        [](A c) { return run(c.storage.set(s3(QStringLiteral("bucket") + kOverlong))); },
        "config.bucket", "lowercase");
    add(
        "s3 accessKey missing",
        [](A c) {
            StorageTarget t = s3(QStringLiteral("bucket"));
            t.accessKey.clear();
            return run(c.storage.set(t));
        },
        "config.accessKey", "required");
    add(
        "s3 secretKey CR/LF",
        [](A c) {
            StorageTarget t = s3(QStringLiteral("bucket"));
            t.secretKey += kCrLf;
            return run(c.storage.set(t));
        },
        "config.secretKey", "control");
    add(
        "s3 endpoint ftp://",
        [](A c) {
            StorageTarget t = s3(QStringLiteral("bucket"));
            t.endpoint = QStringLiteral("ftp://s3.example.com");
            return run(c.storage.set(t));
        },
        "config.endpoint", "https://");
    add(
        "s3 endpoint CR/LF",
        [](A c) {
            StorageTarget t = s3(QStringLiteral("bucket"));
            t.endpoint =
                QStringLiteral("https://s3.example.com/") + kCrLf + QStringLiteral("Host: x");
            return run(c.storage.set(t));
        },
        "config.endpoint", "https://");
    add(
        "s3 sse aes256",
        [](A c) {
            StorageTarget t = s3(QStringLiteral("bucket"));
            t.sse = QStringLiteral("aes256");
            return run(c.storage.set(t));
        },
        "config.sse", "s3 or none");
    add(
        "azure accountName 2 chars",
        [](A c) { return run(c.storage.set(azure(QStringLiteral("ab"), QStringLiteral("box")))); },
        "config.accountName", "3-24");
    add(
        "azure accountName 25 chars",
        [](A c) { return run(c.storage.set(azure(rep('a', 25), QStringLiteral("box")))); },
        "config.accountName", "3-24");
    add(
        "azure container double hyphen",
        [](A c) {
            return run(c.storage.set(azure(QStringLiteral("acct"), QStringLiteral("a--b"))));
        },
        "config.container", "single hyphens");
    add(
        "azure container 64 chars",
        [](A c) { return run(c.storage.set(azure(QStringLiteral("acct"), rep('c', 64)))); },
        "config.container", "3-63");
    add(
        "azure domain with path and query",
        [](A c) {
            StorageTarget t = azure(QStringLiteral("acct"), QStringLiteral("box"));
            t.domain = QStringLiteral("evil.example/x?y");
            return run(c.storage.set(t));
        },
        "config.domain", "domain");

    // SIP (§7.1, §7.2).
    add(
        "sip uri empty", [](A c) { return run(c.sip.dial(dial(c, {}))); }, "sip.uri", "required");
    add(
        "sip uri http://",
        [](A c) { return run(c.sip.dial(dial(c, QStringLiteral("http://x.example")))); }, "sip.uri",
        "sip:");
    add(
        "sip uri 1025 chars",
        [](A c) {
            return run(c.sip.dial(dial(
                c, QStringLiteral("sip:") + rep('u', 1005) + QStringLiteral("@sip.example.com"))));
        },
        "sip.uri", "1024");
    add(
        "sip uri CR/LF",
        [](A c) { return run(c.sip.dial(dial(c, QStringLiteral("sip:a@b.example") + kCrLf))); },
        "sip.uri", "control");
    add(
        "sip uri NUL",
        [](A c) { return run(c.sip.dial(dial(c, QStringLiteral("sip:a@b.example") + kNul))); },
        "sip.uri", "control");
    add(
        "sip uri without user before @",
        [](A c) { return run(c.sip.dial(dial(c, QStringLiteral("sip:@host.example")))); },
        "sip.uri", "sip:user@host");
    add(
        "sip from without @",
        [](A c) {
            SipDialOptions o = dial(c, QStringLiteral("sip:a@b.example"));
            o.from = QStringLiteral("alice");
            return run(c.sip.dial(o));
        },
        "sip.from", "user@domain");
    add(
        "sip header name with space",
        [](A c) {
            SipDialOptions o = dial(c, QStringLiteral("sip:a@b.example"));
            o.headers = {{QStringLiteral("X Bad"), QStringLiteral("v")}};
            return run(c.sip.dial(o));
        },
        "sip.headers[0]", "token");
    add(
        "sip header value CR/LF",
        [](A c) {
            SipDialOptions o = dial(c, QStringLiteral("sip:a@b.example"));
            o.headers = {
                {QStringLiteral("X-Ok"), QStringLiteral("v") + kCrLf + QStringLiteral("Via: x")}};
            return run(c.sip.dial(o));
        },
        "sip.headers[0]", "CR, LF");
    add(
        "sip header twice",
        [](A c) {
            SipDialOptions o = dial(c, QStringLiteral("sip:a@b.example"));
            o.headers = {{QStringLiteral("X-A"), QStringLiteral("1")},
                {QStringLiteral("x-a"), QStringLiteral("2")}};
            return run(c.sip.dial(o));
        },
        "sip.headers[1]", "twice");
    add(
        "sip password without username",
        [](A c) {
            SipDialOptions o = dial(c, QStringLiteral("sip:a@b.example"));
            o.password = QStringLiteral("pw");
            return run(c.sip.dial(o));
        },
        "sip.auth.username", "required");
    add(
        "sip streams ../",
        [](A c) {
            SipDialOptions o = dial(c, QStringLiteral("sip:a@b.example"));
            o.streams = {QStringLiteral("../s")};
            return run(c.sip.dial(o));
        },
        "sip.streams[0]", "'/'");
    add(
        "sip token with whitespace",
        [](A c) {
            SipDialOptions o = dial(c, QStringLiteral("sip:a@b.example"));
            o.token = QStringLiteral("T1==abc def");
            return run(c.sip.dial(o));
        },
        "token", "whitespace");
    add(
        "dtmf letter", [](A c) { return run(c.sip.playDtmf(c.session, QStringLiteral("12a"))); },
        "digits", "0-9");
    add(
        "dtmf empty", [](A c) { return run(c.sip.playDtmf(c.session, {})); }, "digits", "empty");
    add(
        "dtmf 257 digits", [](A c) { return run(c.sip.playDtmf(c.session, rep('1', 257))); },
        "digits", "256");
    add(
        "dtmf fullwidth digits",
        [](A c) { return run(c.sip.playDtmf(c.session, QString(QChar(0xFF11)) + QChar(0xFF12))); },
        "digits", "0-9");
    add(
        "dtmf to connection ../",
        [](A c) {
            return run(
                c.sip.playDtmfToConnection(c.session, QStringLiteral("../x"), QStringLiteral("1")));
        },
        "connectionId", "'/'");

    // Account (§9): project keys are digits only.
    add(
        "projectKey letters", [](A c) { return run(c.account.getProject(QStringLiteral("12a"))); },
        "projectKey", "digits");
    add(
        "projectKey ../1", [](A c) { return run(c.account.getProject(QStringLiteral("../1"))); },
        "projectKey", "'/'");
    add(
        "projectKey empty", [](A c) { return run(c.account.deleteProject({})); }, "projectKey",
        "empty");
    add(
        "projectKey fullwidth digits",
        [](A c) { return run(c.account.refreshSecret(QString(QChar(0xFF11)) + QChar(0xFF12))); },
        "projectKey", "digits");
    add(
        "projectKey 256 digits", [](A c) { return run(c.account.getProject(rep('1', 256))); },
        "projectKey", "255");
    add(
        "projectKey ?x",
        [](A c) {
            return run(c.account.setProjectStatus(QStringLiteral("1?x"), ProjectStatus::Active));
        },
        "projectKey", "'?'");
    add(
        "project status unknown",
        [](A c) { return run(c.account.setProjectStatus(c.projectKey, ProjectStatus::Unknown)); },
        "status", "ACTIVE");
    add(
        "project name 256 chars",
        [](A c) { return run(c.account.createProject(ProjectCreateOptions {rep('p', 256)})); },
        "name", "255");
    add(
        "project name 256 emoji",
        [](A c) { return run(c.account.createProject(ProjectCreateOptions {rep(kEmoji, 256)})); },
        "name", "255");
    add(
        "project name lone surrogate",
        [](A c) { return run(c.account.createProject(ProjectCreateOptions {with(kLoneLow, {})})); },
        "name", "Unicode");
    add(
        "project name LF",
        [](A c) {
            return run(c.account.createProject(ProjectCreateOptions {QStringLiteral("a\nb")}));
        },
        "name", "control");

    // Client tokens (§3.2), signed locally: nothing to send, the same validation contract.
    add(
        "token data 1001 chars", [](A c) { return token(c, tokenData(rep('d', 1001))); },
        "connectionData", "1000", true);
    add(
        "token data 1001 emoji", [](A c) { return token(c, tokenData(rep(kEmoji, 1001))); },
        "connectionData", "1000", true);
    add(
        "token data lone surrogate", [](A c) { return token(c, tokenData(with(kLoneHigh, {}))); },
        "connectionData", "Unicode", true);
    add(
        "token expiry in the past", [](A c) { return token(c, tokenExpiry(c, -1)); }, "expireTime",
        "past", true);
    add(
        "token expiry 30 days + 1 s", [](A c) { return token(c, tokenExpiry(c, 30 * 86400 + 1)); },
        "expireTime", "30 days", true);
    add(
        "token layout class with space",
        [](A c) { return token(c, tokenClasses({QStringLiteral("a b")})); },
        "initialLayoutClassList[0]", "whitespace", true);
    add(
        "token layout class empty",
        [](A c) {
            return token(c, tokenClasses({QStringLiteral("a"), QString()}));
        },
        "initialLayoutClassList[1]", "empty", true);
    add(
        "token layout class NUL", [](A c) { return token(c, tokenClasses({with(kNul, {})})); },
        "initialLayoutClassList[0]", "control", true);
    add(
        "token layout classes joined 1001",
        [](A c) { return token(c, tokenClasses(classesJoinedTo(1001))); }, "initialLayoutClassList",
        "1000", true);
    add(
        "token session of another project",
        [](A c) {
            return token(c, {}, makeSessionId(QStringLiteral("99999999"), 1700000000000, "r"));
        },
        "sessionId", "project", true);
    add(
        "token session ../", [](A c) { return token(c, {}, QStringLiteral("../") + c.session); },
        "sessionId", "letters", true);
    return rows;
}

// ---------------------------------------------------------------------------------------------
// Exact limits: every one sent and accepted.
QList<Row> boundaryRows()
{
    QList<Row> rows;
    auto add = [&rows](const char *name, std::function<ApiError(Ctx &)> call,
                   Kind expected = Kind::None, bool local = false) {
        rows.append(Row {name, std::move(call), {}, {}, expected, local});
    };
    auto always = [](const QString &name, const QString &resolution = {}) {
        SessionOptions o;
        o.archiveMode = ArchiveMode::Always;
        o.archiveName = name;
        o.archiveResolution = resolution;
        return o;
    };
    add("session archiveName 80 chars",
        [=](A c) { return run(c.sessions.create(always(rep('n', 80)))); });
    add("session archiveName 80 emoji",
        [=](A c) { return run(c.sessions.create(always(rep(kEmoji, 80)))); });
    add("session archiveResolution 1080x1920",
        [=](A c) { return run(c.sessions.create(always({}, QStringLiteral("1080x1920")))); });
    add("session location 255.255.255.255", [](A c) {
        SessionOptions o;
        o.location = QStringLiteral("255.255.255.255");
        return run(c.sessions.create(o));
    });
    auto signal = [](const QString &type, const QString &data) {
        SignalPayload p;
        p.type = type;
        p.data = data;
        return p;
    };
    add("signal type 128 bytes",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal(rep('t', 128), {}))); });
    add("signal type 32 emoji (128 bytes)",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal(rep(kEmoji, 32), {}))); });
    add("signal type 64 x e-acute (128 bytes)", [=](A c) {
        return run(c.moderation.sendSignal(c.session, signal(rep(QString(QChar(0xE9)), 64), {})));
    });
    add("signal data 8192 bytes",
        [=](A c) { return run(c.moderation.sendSignal(c.session, signal({}, rep('d', 8192)))); });
    add("signal data 2048 emoji with CR/LF", [=](A c) {
        return run(c.moderation.sendSignalToConnection(c.session, c.connection,
            signal({}, rep(kEmoji, 2047) + QStringLiteral("\r\n\t ").left(4))));
    });
    add("sessionId and streamId at their shape",
        [=](A c) { return run(c.moderation.getStream(c.session, c.stream)); });
    add(
        "streamId 255 chars (sent; unknown to the service)",
        [=](A c) { return run(c.moderation.getStream(c.session, rep('s', 255))); }, Kind::NotFound);
    add(
        "archiveId 255 chars with RTL text (sent; unknown)",
        [](A c) {
            return run(c.archives.get(rep(QString(QChar(0x05D0)), 254) + QStringLiteral("-")));
        },
        Kind::NotFound);
    add("stream classes at their shape", [=](A c) {
        return run(c.moderation.setStreamClasses(c.session,
            {StreamClassChange {
                c.stream, {QStringLiteral("full"), kEmoji, QStringLiteral("a-b_c")}}}));
    });
    add("mute all excluding one stream", [=](A c) {
        MuteAllOptions o;
        o.excludedStreamIds = {c.stream};
        return run(c.moderation.muteAll(c.session, o));
    });
    auto startArchive = [](A c, const std::function<void(ArchiveOptions &)> &edit) {
        ArchiveOptions o = archive(c);
        edit(o);
        return run(c.archives.start(o));
    };
    add("archive name 200 chars",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.name = rep('n', 200); }); });
    add("archive name 200 emoji",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.name = rep(kEmoji, 200); }); });
    add("archive multiArchiveTag 200", [=](A c) {
        return startArchive(c, [](ArchiveOptions &o) { o.multiArchiveTag = rep('t', 200); });
    });
    add("archive maxBitrate 100000",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.maxBitrate = 100000; }); });
    add("archive maxBitrate 6000000",
        [=](A c) { return startArchive(c, [](ArchiveOptions &o) { o.maxBitrate = 6000000; }); });
    add("archive quantizationParameter 15", [=](A c) {
        return startArchive(c, [](ArchiveOptions &o) { o.quantizationParameter = 15; });
    });
    add("archive quantizationParameter 40", [=](A c) {
        return startArchive(c, [](ArchiveOptions &o) { o.quantizationParameter = 40; });
    });
    for (const QString &resolution : resolutions()) {
        add(qPrintable(QStringLiteral("archive resolution ") + resolution), [=](A c) {
            return startArchive(c, [=](ArchiveOptions &o) { o.resolution = resolution; });
        });
    }
    add("archive stylesheet 10000 chars with newlines", [=](A c) {
        return startArchive(c, [](ArchiveOptions &o) {
            o.layout = custom(QStringLiteral("s{}\n\t") + rep('x', 9995));
        });
    });
    add("archive stylesheet 10000 emoji", [=](A c) {
        return startArchive(c, [](ArchiveOptions &o) { o.layout = custom(rep(kEmoji, 10000)); });
    });
    add("archive list count 1", [](A c) { return run(c.archives.list(ListQuery {0, 1, {}})); });
    add("archive list count 1000 offset 0", [](A c) {
        return run(c.archives.list(ListQuery {0, 1000, c.session}));
    });
    add("archive list sessionId 255 chars", [](A c) {
        return run(c.archives.list(ListQuery {0, 50, rep('a', 255)}));
    });
    const QString url = QStringLiteral("rtmps://live.example.com/app");
    add("broadcast 5 RTMP targets, id 200, streamName 1000", [=](A c) {
        BroadcastOptions o;
        o.sessionId = c.session;
        o.rtmp << rtmp(rep('i', 200), url, rep('k', 1000));
        for (int i = 1; i < 5; ++i)
            o.rtmp << rtmp(QString::number(i), QStringLiteral("rtmp://10.0.0.1:1935/live"),
                QStringLiteral("key") + QString::number(i));
        return run(c.broadcasts.start(o));
    });
    auto startHls = [](A c, const std::function<void(BroadcastOptions &)> &edit) {
        BroadcastOptions o = hlsBroadcast(c);
        edit(o);
        return run(c.broadcasts.start(o));
    };
    add("broadcast maxDuration 60",
        [=](A c) { return startHls(c, [](BroadcastOptions &o) { o.maxDuration = 60; }); });
    add("broadcast maxDuration 36000",
        [=](A c) { return startHls(c, [](BroadcastOptions &o) { o.maxDuration = 36000; }); });
    add("broadcast maxBitrate 100000",
        [=](A c) { return startHls(c, [](BroadcastOptions &o) { o.maxBitrate = 100000; }); });
    add("broadcast maxBitrate 6000000",
        [=](A c) { return startHls(c, [](BroadcastOptions &o) { o.maxBitrate = 6000000; }); });
    add("broadcast multiBroadcastTag 200 emoji", [=](A c) {
        return startHls(c, [](BroadcastOptions &o) { o.multiBroadcastTag = rep(kEmoji, 200); });
    });
    add("broadcast list count 1000", [](A c) {
        return run(c.broadcasts.list(ListQuery {0, 1000, {}}));
    });
    add("s3 bucket 3 chars", [](A c) { return run(c.storage.set(s3(QStringLiteral("abc")))); });
    add("s3 bucket 63 chars with dots and hyphens", [](A c) {
        StorageTarget t = s3(QStringLiteral("a.b-c") + rep('d', 58));
        t.endpoint = QStringLiteral("https://s3.example.com:9000");
        t.sse = QStringLiteral("s3");
        return run(c.storage.set(t));
    });
    add("azure accountName 3, container 3", [](A c) {
        return run(c.storage.set(azure(QStringLiteral("abc"), QStringLiteral("a-b"))));
    });
    add("azure accountName 24, container 63", [](A c) {
        StorageTarget t = azure(rep('a', 24), QStringLiteral("c-") + rep('d', 61));
        t.domain = QStringLiteral("blob.core.windows.net");
        return run(c.storage.set(t));
    });
    add("sip uri 1024 chars", [](A c) {
        return run(c.sip.dial(
            dial(c, QStringLiteral("sip:") + rep('u', 1004) + QStringLiteral("@sip.example.com"))));
    });
    add("sip with headers, from, auth and streams", [](A c) {
        SipDialOptions o =
            dial(c, QStringLiteral("sips:+15551234567@sip.example.com;transport=tls"));
        o.from = QStringLiteral("alice@example.com");
        o.headers = {{QStringLiteral("X-Trace!#$%&'*+-.^_`|~"), rep('v', 1024)}};
        o.username = QStringLiteral("user");
        o.password = QStringLiteral("pw");
        o.streams = {c.stream};
        return run(c.sip.dial(o));
    });
    add("dtmf 256 digits", [](A c) { return run(c.sip.playDtmf(c.session, rep('9', 256))); });
    add("dtmf every symbol",
        [](A c) { return run(c.sip.playDtmf(c.session, QStringLiteral("0123456789*#p"))); });
    add("project name 255 chars",
        [](A c) { return run(c.account.createProject(ProjectCreateOptions {rep('p', 255)})); });
    add("project name 255 emoji",
        [](A c) { return run(c.account.createProject(ProjectCreateOptions {rep(kEmoji, 255)})); });
    add("project get by key", [](A c) { return run(c.account.getProject(c.projectKey)); });
    add(
        "token data 1000 chars", [](A c) { return token(c, tokenData(rep('d', 1000))); },
        Kind::None, true);
    add(
        "token data 1000 emoji", [](A c) { return token(c, tokenData(rep(kEmoji, 1000))); },
        Kind::None, true);
    add(
        "token expiry exactly 30 days", [](A c) { return token(c, tokenExpiry(c, 30 * 86400)); },
        Kind::None, true);
    add(
        "token layout classes joined 1000",
        [](A c) { return token(c, tokenClasses(classesJoinedTo(1000))); }, Kind::None, true);
    return rows;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<SessionsApi> m_sessions;
    std::unique_ptr<ModerationApi> m_moderation;
    std::unique_ptr<ArchivesApi> m_archives;
    std::unique_ptr<BroadcastsApi> m_broadcasts;
    std::unique_ptr<StorageApi> m_storage;
    std::unique_ptr<SipApi> m_sip;
    std::unique_ptr<AccountApi> m_account;
    std::unique_ptr<Ctx> m_ctx;
    QList<Row> m_bad = badRows();
    QList<Row> m_boundary = boundaryRows();

    sandbox::SandboxServer &server() { return m_fixture->server(); }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        RestClient *client = &m_fixture->client();
        m_sessions = std::make_unique<SessionsApi>(client);
        m_moderation = std::make_unique<ModerationApi>(client);
        m_archives = std::make_unique<ArchivesApi>(client);
        m_broadcasts = std::make_unique<BroadcastsApi>(client);
        m_storage = std::make_unique<StorageApi>(client);
        m_sip = std::make_unique<SipApi>(client);
        m_account = std::make_unique<AccountApi>(client);
        QString connection;
        const QString session = m_fixture->routedSessionWithConnection(&connection);
        const QString stream = server().addStream(session, connection);
        m_ctx.reset(new Ctx {*m_fixture, *m_sessions, *m_moderation, *m_archives, *m_broadcasts,
            *m_storage, *m_sip, *m_account, session, connection, stream, server().apiKey()});
        QCOMPARE(server().requestCount(), 0);
    }
    void cleanup()
    {
        m_ctx.reset();
        m_account.reset();
        m_sip.reset();
        m_storage.reset();
        m_broadcasts.reset();
        m_archives.reset();
        m_moderation.reset();
        m_sessions.reset();
        m_fixture.reset();
    }

    void tableSizes()
    {
        qInfo("bad-input rows: %lld, boundary-valid rows: %lld", qlonglong(m_bad.size()),
            qlonglong(m_boundary.size()));
        QVERIFY(m_bad.size() >= 60);
        QVERIFY(m_boundary.size() >= 40);
    }

    void badInputRejectedBeforeSending_data()
    {
        QTest::addColumn<int>("index");
        for (qsizetype i = 0; i < m_bad.size(); ++i)
            QTest::newRow(m_bad[i].name.constData()) << int(i);
    }
    void badInputRejectedBeforeSending()
    {
        QFETCH(int, index);
        const Row &row = m_bad.at(index);
        const ApiError error = row.call(*m_ctx);
        QVERIFY2(error.kind() == Kind::Validation,
            qPrintable(
                ApiError::kindName(error.kind()) + QStringLiteral(": ") + error.userMessage()));
        QCOMPARE(error.field(), row.field);
        QVERIFY2(error.userMessage().contains(row.limit),
            qPrintable(error.userMessage() + QStringLiteral(" lacks ") + row.limit));
        QVERIFY2(error.userMessage().contains(row.field), qPrintable(error.userMessage()));
        QCOMPARE(server().requestCount(), 0);
    }

    void boundaryValueAccepted_data()
    {
        QTest::addColumn<int>("index");
        for (qsizetype i = 0; i < m_boundary.size(); ++i)
            QTest::newRow(m_boundary[i].name.constData()) << int(i);
    }
    void boundaryValueAccepted()
    {
        QFETCH(int, index);
        const Row &row = m_boundary.at(index);
        const ApiError error = row.call(*m_ctx);
        QVERIFY2(error.kind() == row.expected,
            qPrintable(
                ApiError::kindName(error.kind()) + QStringLiteral(": ") + error.userMessage()));
        if (row.local)
            QCOMPARE(server().requestCount(), 0);
        else
            QVERIFY(server().requestCount() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
