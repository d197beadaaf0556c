// SPDX-License-Identifier: GPL-3.0-or-later
// broadcast start|stop|get|list|layout|add-stream|remove-stream, sip dial|dtmf.
#include "CliCredentials.h"
#include "CliOutput.h"
#include "CliParse.h"
#include "MediaCommands.h"

#include "api/BroadcastsApi.h"
#include "api/SipApi.h"
#include "net/Redactor.h"

#include <QJsonObject>

namespace otadmin::cli {

namespace {

BroadcastsApi *broadcasts(Invocation &inv)
{
    return new BroadcastsApi(inv.client(), inv.client());
}

bool printBroadcast(Invocation &inv, const ApiReply &reply)
{
    inv.printObject(reply.resultAs<Broadcast>().raw);
    return true;
}

/// "--rtmp id=yt,url=rtmps://host/app,stream=KEY" or "...,stream-env=VAR".
bool readRtmp(Invocation &inv, QList<RtmpTarget> &targets)
{
    for (const QString &text : inv.values(QStringLiteral("rtmp"))) {
        QString error;
        const auto fields = parseKeyValueList(text, &error);
        if (!fields) {
            inv.usageError(tr("--rtmp: %1").arg(error));
            return false;
        }
        for (auto it = fields->begin(); it != fields->end(); ++it) {
            static const QStringList known {QStringLiteral("id"), QStringLiteral("url"),
                QStringLiteral("stream"), QStringLiteral("stream-env")};
            if (!known.contains(it.key())) {
                inv.usageError(tr("--rtmp: unknown key \u201c%1\u201d (id, url, stream, "
                                  "stream-env)")
                                   .arg(it.key()));
                return false;
            }
        }
        RtmpTarget target;
        target.id = fields->value(QStringLiteral("id"));
        target.serverUrl = fields->value(QStringLiteral("url"));
        if (fields->contains(QStringLiteral("stream-env"))) {
            if (fields->contains(QStringLiteral("stream"))) {
                inv.usageError(tr("--rtmp: give stream or stream-env, not both"));
                return false;
            }
            const QString var = fields->value(QStringLiteral("stream-env"));
            target.streamName = QString::fromUtf8(envValue(var.toLocal8Bit().constData()));
            if (target.streamName.isEmpty()) {
                inv.usageError(tr("--rtmp: the environment variable %1 is not set").arg(var));
                return false;
            }
        } else {
            target.streamName = fields->value(QStringLiteral("stream"));
        }
        targets << target;
    }
    return true;
}

void broadcastStart(Invocation &inv)
{
    BroadcastOptions options;
    options.sessionId = inv.arg(0);
    const bool dvr = inv.isSet(QStringLiteral("hls-dvr"));
    const bool lowLatency = inv.isSet(QStringLiteral("hls-low-latency"));
    if (inv.isSet(QStringLiteral("hls")) || dvr || lowLatency)
        options.hls = HlsOptions {dvr, lowLatency};
    options.resolution = inv.value(QStringLiteral("resolution"));
    options.multiBroadcastTag = inv.value(QStringLiteral("tag"));
    options.hasAudio = !inv.isSet(QStringLiteral("no-audio"));
    options.hasVideo = !inv.isSet(QStringLiteral("no-video"));
    if (!readRtmp(inv, options.rtmp) || !readStreamMode(inv, options.streamMode)
        || !readLayout(inv, options.layout, false)
        || !inv.intOption(QStringLiteral("max-duration"), options.maxDuration)
        || !inv.intOption(QStringLiteral("max-bitrate"), options.maxBitrate))
        return;
    if (inv.curl()) {
        inv.await(broadcasts(inv)->start(options),
            [&inv](const ApiReply &reply) { return printBroadcast(inv, reply); });
        return;
    }
    // A lost answer or a 409 is looked up with one list call (G-REL-7): show what runs.
    finishStart<Broadcast>(inv, StartReconciler::startBroadcast(broadcasts(inv), options));
}

void broadcastList(Invocation &inv)
{
    ListQuery query;
    if (!readListQuery(inv, query))
        return;
    listPages<Broadcast>(inv, [&inv](const ListQuery &page) { return broadcasts(inv)->list(page); },
        query, inv.isSet(QStringLiteral("all")),
        {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("createdAt"),
            QStringLiteral("broadcastUrls.hls"), QStringLiteral("sessionId")});
}

void broadcastLayout(Invocation &inv)
{
    std::optional<Layout> layout;
    if (!readLayout(inv, layout, true))
        return;
    const QString id = inv.arg(0);
    inv.await(broadcasts(inv)->setLayout(id, *layout), [&inv, id, layout](const ApiReply &) {
        QJsonObject json = layout->toJson();
        json.insert(QStringLiteral("broadcastId"), id);
        inv.printDone(
            tr("Layout of broadcast %1 set to %2.").arg(id, toApiString(layout->type)), json);
        return true;
    });
}

void broadcastStreams(Invocation &inv, StreamSelectionChange::Op op)
{
    StreamSelectionChange change;
    change.op = op;
    change.streamId = inv.arg(1);
    change.hasAudio = !inv.isSet(QStringLiteral("no-audio"));
    change.hasVideo = !inv.isSet(QStringLiteral("no-video"));
    const QString id = inv.arg(0);
    inv.await(broadcasts(inv)->changeStreams(id, change), [&inv, id, change](const ApiReply &) {
        QJsonObject json = change.toJson();
        json.insert(QStringLiteral("broadcastId"), id);
        inv.printDone(change.op == StreamSelectionChange::Op::Add
                ? tr("Stream %1 added to broadcast %2.").arg(change.streamId, id)
                : tr("Stream %1 removed from broadcast %2.").arg(change.streamId, id),
            json);
        return true;
    });
}

void sipDial(Invocation &inv)
{
    SipDialOptions options;
    options.sessionId = inv.arg(0);
    options.uri = inv.arg(1);
    options.from = inv.value(QStringLiteral("from"));
    options.username = inv.value(QStringLiteral("username"));
    options.secure = inv.isSet(QStringLiteral("secure"));
    options.video = inv.isSet(QStringLiteral("video"));
    options.observeForceMute = inv.isSet(QStringLiteral("observe-force-mute"));
    options.streams = splitList(inv.values(QStringLiteral("stream")));
    for (const QString &header : inv.values(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            inv.usageError(tr("--header takes NAME:VALUE, not \u201c%1\u201d").arg(header));
            return;
        }
        options.headers.append({header.left(colon).trimmed(), header.mid(colon + 1).trimmed()});
    }
    if (inv.isSet(QStringLiteral("password-stdin"))) {
        options.password = QString::fromUtf8(readStdinLine());
        if (options.password.isEmpty()) {
            inv.usageError(tr("--password-stdin: no password on standard input"));
            return;
        }
        if (options.username.isEmpty()) {
            inv.usageError(tr("--password-stdin needs --username"));
            return;
        }
    } else if (!options.username.isEmpty()) {
        // Digest auth only with a user name: a password left in the environment is not sent
        // to an endpoint dialled without one.
        options.password = QString::fromUtf8(envValue(Env::SipPassword));
    }
    auto *api = new SipApi(inv.client(), inv.client());
    inv.await(api->dial(options), [&inv](const ApiReply &reply) {
        inv.printObject(reply.resultAs<SipCall>().raw);
        return true;
    });
}

void sipDtmf(Invocation &inv)
{
    const QString sessionId = inv.arg(0);
    const QString digits = inv.arg(1);
    const QString connectionId = inv.value(QStringLiteral("connection"));
    auto *api = new SipApi(inv.client(), inv.client());
    ApiReply *reply = connectionId.isEmpty()
        ? api->playDtmf(sessionId, digits)
        : api->playDtmfToConnection(sessionId, connectionId, digits);
    inv.await(reply, [&inv, sessionId, connectionId, digits](const ApiReply &) {
        inv.printDone(tr("Played %1.").arg(digits),
            {{QStringLiteral("sessionId"), sessionId},
                {QStringLiteral("connectionId"), connectionId},
                {QStringLiteral("digits"), digits}});
        return true;
    });
}

QList<QCommandLineOption> trackOptions()
{
    return {flagOption(QStringLiteral("no-audio"), tr("Without audio.")),
        flagOption(QStringLiteral("no-video"), tr("Without video."))};
}

} // namespace

QList<Command> broadcastCommands()
{
    const QString area = QStringLiteral("broadcast");
    Command start = makeCommand(area, QStringLiteral("start"), QStringLiteral("SESSION_ID"), 1, 1,
        tr("Start a live broadcast (HLS and/or up to 5 RTMP targets)."));
    start.options = {
        flagOption(QStringLiteral("hls"), tr("HLS output.")),
        flagOption(QStringLiteral("hls-dvr"), tr("HLS with DVR (implies --hls).")),
        flagOption(QStringLiteral("hls-low-latency"), tr("Low-latency HLS (implies --hls).")),
        valueOption(QStringLiteral("rtmp"),
            tr("RTMP target id=ID,url=rtmp(s)://HOST/APP,stream=KEY or stream-env=VAR "
               "(repeatable)."),
            QStringLiteral("SPEC")),
        valueOption(
            QStringLiteral("max-duration"), tr("Seconds (60-36000)."), QStringLiteral("SECONDS")),
        valueOption(QStringLiteral("max-bitrate"), tr("Bits per second (100000-6000000)."),
            QStringLiteral("BPS")),
        valueOption(QStringLiteral("resolution"), tr("e.g. 1280x720."), QStringLiteral("WxH")),
        valueOption(QStringLiteral("stream-mode"), tr("auto or manual."), QStringLiteral("MODE")),
        valueOption(QStringLiteral("tag"), tr("multiBroadcastTag for simultaneous broadcasts."),
            QStringLiteral("TAG")),
    };
    start.options << layoutOptions() << trackOptions();
    start.secretNotes = {tr("RTMP stream keys: stream=KEY in --rtmp, or stream-env=VAR to read "
                            "the key from the environment variable VAR (keeps it out of the "
                            "process list).")};
    start.examples = {
        QStringLiteral("broadcast start SESSION_ID --hls --rtmp "
                       "id=yt,url=rtmps://a.example/live,stream=key1 --max-duration 5400"),
        QStringLiteral("broadcast start SESSION_ID --rtmp "
                       "id=yt,url=rtmps://a.example/live,stream-env=YT_STREAM_KEY"),
    };
    start.run = broadcastStart;

    Command stop = makeCommand(area, QStringLiteral("stop"), QStringLiteral("BROADCAST_ID"), 1, 1,
        tr("Stop a broadcast."));
    stop.examples = {QStringLiteral("broadcast stop BROADCAST_ID")};
    stop.run = [](Invocation &inv) {
        inv.await(broadcasts(inv)->stop(inv.arg(0)),
            [&inv](const ApiReply &reply) { return printBroadcast(inv, reply); });
    };

    Command get = makeCommand(area, QStringLiteral("get"), QStringLiteral("BROADCAST_ID"), 1, 1,
        tr("Show one broadcast (stream keys redacted)."));
    get.examples = {QStringLiteral("broadcast get BROADCAST_ID")};
    get.run = [](Invocation &inv) {
        inv.await(broadcasts(inv)->get(inv.arg(0)),
            [&inv](const ApiReply &reply) { return printBroadcast(inv, reply); });
    };

    Command list = makeCommand(area, QStringLiteral("list"), {}, 0, 0,
        tr("List broadcasts, newest first (one page, or --all)."));
    list.options = {
        valueOption(QStringLiteral("session"), tr("Only broadcasts of this session."),
            QStringLiteral("SESSION_ID")),
        valueOption(QStringLiteral("offset"), tr("Skip this many."), QStringLiteral("N")),
        valueOption(
            QStringLiteral("count"), tr("Page size (1-1000, default 50)."), QStringLiteral("N")),
        flagOption(QStringLiteral("all"), tr("Page through the whole list.")),
    };
    list.examples = {QStringLiteral("broadcast list --all"),
        QStringLiteral("--json broadcast list --session SESSION_ID")};
    list.run = broadcastList;

    Command layout = makeCommand(area, QStringLiteral("layout"), QStringLiteral("BROADCAST_ID"), 1,
        1, tr("Change the layout of a broadcast."));
    layout.options = layoutOptions();
    layout.examples = {QStringLiteral("broadcast layout BROADCAST_ID --layout "
                                      "verticalPresentation")};
    layout.run = broadcastLayout;

    Command add =
        makeCommand(area, QStringLiteral("add-stream"), QStringLiteral("BROADCAST_ID STREAM_ID"), 2,
            2, tr("Add a stream to a manual-mode broadcast."));
    add.options = trackOptions();
    add.examples = {QStringLiteral("broadcast add-stream BROADCAST_ID STREAM_ID")};
    add.run = [](Invocation &inv) { broadcastStreams(inv, StreamSelectionChange::Op::Add); };

    Command remove =
        makeCommand(area, QStringLiteral("remove-stream"), QStringLiteral("BROADCAST_ID STREAM_ID"),
            2, 2, tr("Remove a stream from a manual-mode broadcast."));
    remove.examples = {QStringLiteral("broadcast remove-stream BROADCAST_ID STREAM_ID")};
    remove.run = [](Invocation &inv) { broadcastStreams(inv, StreamSelectionChange::Op::Remove); };

    Command dial = makeCommand(QStringLiteral("sip"), QStringLiteral("dial"),
        QStringLiteral("SESSION_ID SIP_URI"), 2, 2,
        tr("Dial a SIP endpoint into a routed session (a client token is generated)."));
    dial.options = {
        valueOption(
            QStringLiteral("from"), tr("Caller identity user@domain."), QStringLiteral("FROM")),
        valueOption(QStringLiteral("header"), tr("Custom INVITE header (repeatable)."),
            QStringLiteral("NAME:VALUE")),
        valueOption(
            QStringLiteral("username"), tr("SIP digest user name."), QStringLiteral("USER")),
        flagOption(
            QStringLiteral("password-stdin"), tr("Read the SIP password from standard input.")),
        flagOption(QStringLiteral("secure"), tr("SRTP media encryption.")),
        flagOption(QStringLiteral("video"), tr("Video as well as audio.")),
        flagOption(QStringLiteral("observe-force-mute"), tr("Honour force mute.")),
        valueOption(QStringLiteral("stream"), tr("Stream the SIP side receives (repeatable)."),
            QStringLiteral("STREAM_ID")),
    };
    dial.secretNotes = {tr("SIP password (sent with --username only): OPENTOK_SIP_PASSWORD, or "
                           "--password-stdin (one line on standard input).")};
    dial.examples = {
        QStringLiteral("sip dial SESSION_ID \"sip:+15551234567@sip.example.com;transport=tls\" "
                       "--username ann --secure"),
    };
    dial.run = sipDial;

    Command dtmf = makeCommand(QStringLiteral("sip"), QStringLiteral("dtmf"),
        QStringLiteral("SESSION_ID DIGITS"), 2, 2,
        tr("Play DTMF tones (0-9 * # p) to the SIP participants."));
    dtmf.options = {valueOption(QStringLiteral("connection"), tr("Only to this SIP connection."),
        QStringLiteral("CONNECTION_ID"))};
    dtmf.examples = {QStringLiteral("sip dtmf SESSION_ID 1234#"),
        QStringLiteral("sip dtmf SESSION_ID p9 --connection CONNECTION_ID")};
    dtmf.run = sipDtmf;

    return {start, stop, get, list, layout, add, remove, dial, dtmf};
}

} // namespace otadmin::cli
