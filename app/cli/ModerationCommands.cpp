// SPDX-License-Identifier: GPL-3.0-or-later
// signal send, connection disconnect, stream list|get|classes, mute stream|all|disable.
#include "CliOutput.h"
#include "CliParse.h"

#include "api/ModerationApi.h"

#include <QJsonArray>
#include <QJsonObject>

namespace otadmin::cli {

namespace {

ModerationApi *moderation(Invocation &inv)
{
    return new ModerationApi(inv.client(), inv.client());
}

void signalSend(Invocation &inv)
{
    SignalPayload payload;
    payload.type = inv.value(QStringLiteral("type"));
    payload.data = inv.value(QStringLiteral("data"));
    const QString sessionId = inv.arg(0);
    const QString connectionId = inv.value(QStringLiteral("connection"));
    auto *api = moderation(inv);
    ApiReply *reply = connectionId.isEmpty()
        ? api->sendSignal(sessionId, payload)
        : api->sendSignalToConnection(sessionId, connectionId, payload);
    inv.await(reply, [&inv, sessionId, connectionId](const ApiReply &) {
        inv.printDone(connectionId.isEmpty()
                ? tr("Signal sent to session %1.").arg(sessionId)
                : tr("Signal sent to connection %1.").arg(connectionId),
            {{QStringLiteral("sessionId"), sessionId},
                {QStringLiteral("connectionId"), connectionId}, {QStringLiteral("sent"), true}});
        return true;
    });
}

void connectionDisconnect(Invocation &inv)
{
    const QString sessionId = inv.arg(0);
    const QString connectionId = inv.arg(1);
    inv.await(moderation(inv)->forceDisconnect(sessionId, connectionId),
        [&inv, sessionId, connectionId](const ApiReply &) {
            inv.printDone(tr("Connection %1 disconnected.").arg(connectionId),
                {{QStringLiteral("sessionId"), sessionId},
                    {QStringLiteral("connectionId"), connectionId},
                    {QStringLiteral("disconnected"), true}});
            return true;
        });
}

void streamList(Invocation &inv)
{
    inv.await(moderation(inv)->listStreams(inv.arg(0)), [&inv](const ApiReply &reply) {
        const auto list = reply.resultAs<StreamList>();
        QList<QJsonObject> rows;
        QJsonArray array;
        for (const Stream &stream : list.items) {
            rows << stream.raw;
            array.append(stream.raw);
        }
        if (inv.json())
            CliOutput::json(array);
        else
            CliOutput::table({QStringLiteral("id"), QStringLiteral("videoType"),
                                 QStringLiteral("name"), QStringLiteral("layoutClassList")},
                rows);
        return true;
    });
}

void streamGet(Invocation &inv)
{
    inv.await(moderation(inv)->getStream(inv.arg(0), inv.arg(1)), [&inv](const ApiReply &reply) {
        inv.printObject(reply.resultAs<Stream>().raw);
        return true;
    });
}

void streamClasses(Invocation &inv)
{
    const QString sessionId = inv.arg(0);
    StreamClassChange change {inv.arg(1), inv.args().mid(2)};
    inv.await(
        moderation(inv)->setStreamClasses(sessionId, {change}), [&inv, change](const ApiReply &) {
            inv.printDone(tr("Layout classes of stream %1: %2")
                              .arg(change.id,
                                  change.layoutClassList.isEmpty()
                                      ? tr("(none)")
                                      : change.layoutClassList.join(QLatin1Char(' '))),
                {{QStringLiteral("id"), change.id},
                    {QStringLiteral("layoutClassList"),
                        QJsonArray::fromStringList(change.layoutClassList)}});
            return true;
        });
}

void muteStream(Invocation &inv)
{
    const QString sessionId = inv.arg(0);
    const QString streamId = inv.arg(1);
    inv.await(moderation(inv)->muteStream(sessionId, streamId),
        [&inv, sessionId, streamId](const ApiReply &) {
            inv.printDone(tr("Stream %1 muted.").arg(streamId),
                {{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("streamId"), streamId},
                    {QStringLiteral("muted"), true}});
            return true;
        });
}

void muteAll(Invocation &inv, bool active)
{
    const QString sessionId = inv.arg(0);
    MuteAllOptions options;
    options.active = active;
    if (active)
        options.excludedStreamIds = splitList(inv.values(QStringLiteral("exclude")));
    inv.await(
        moderation(inv)->muteAll(sessionId, options), [&inv, sessionId, options](const ApiReply &) {
            QJsonObject json = options.toJson();
            json.insert(QStringLiteral("sessionId"), sessionId);
            inv.printDone(options.active
                    ? tr("Every stream of session %1 is muted, also new ones.").arg(sessionId)
                    : tr("New streams of session %1 are no longer muted.").arg(sessionId),
                json);
            return true;
        });
}

} // namespace

QList<Command> moderationCommands()
{
    Command signal =
        makeCommand(QStringLiteral("signal"), QStringLiteral("send"), QStringLiteral("SESSION_ID"),
            1, 1, tr("Send a signal to every connection of a session, or to one."));
    signal.options = {
        valueOption(
            QStringLiteral("type"), tr("Signal type (up to 128 bytes)."), QStringLiteral("TYPE")),
        valueOption(
            QStringLiteral("data"), tr("Signal data (up to 8192 bytes)."), QStringLiteral("TEXT")),
        valueOption(QStringLiteral("connection"), tr("Only to this connection."),
            QStringLiteral("CONNECTION_ID")),
    };
    signal.examples = {QStringLiteral("signal send SESSION_ID --type chat --data \"Hello\""),
        QStringLiteral("signal send SESSION_ID --connection CONNECTION_ID --data \"Hi\"")};
    signal.run = signalSend;

    Command disconnect = makeCommand(QStringLiteral("connection"), QStringLiteral("disconnect"),
        QStringLiteral("SESSION_ID CONNECTION_ID"), 2, 2,
        tr("Force a client (or a SIP call) out of a session."));
    disconnect.examples = {QStringLiteral("connection disconnect SESSION_ID CONNECTION_ID")};
    disconnect.run = connectionDisconnect;

    Command list = makeCommand(QStringLiteral("stream"), QStringLiteral("list"),
        QStringLiteral("SESSION_ID"), 1, 1, tr("List the published streams of a session."));
    list.examples = {
        QStringLiteral("stream list SESSION_ID"), QStringLiteral("--json stream list SESSION_ID")};
    list.run = streamList;

    Command get = makeCommand(QStringLiteral("stream"), QStringLiteral("get"),
        QStringLiteral("SESSION_ID STREAM_ID"), 2, 2, tr("Show one stream."));
    get.examples = {QStringLiteral("stream get SESSION_ID STREAM_ID")};
    get.run = streamGet;

    Command classes = makeCommand(QStringLiteral("stream"), QStringLiteral("classes"),
        QStringLiteral("SESSION_ID STREAM_ID [CLASS...]"), 2, -1,
        tr("Set a stream's layout classes (none given: clear them)."));
    classes.examples = {QStringLiteral("stream classes SESSION_ID STREAM_ID focus full"),
        QStringLiteral("stream classes SESSION_ID STREAM_ID")};
    classes.run = streamClasses;

    Command stream = makeCommand(QStringLiteral("mute"), QStringLiteral("stream"),
        QStringLiteral("SESSION_ID STREAM_ID"), 2, 2, tr("Mute the audio of one stream."));
    stream.examples = {QStringLiteral("mute stream SESSION_ID STREAM_ID")};
    stream.run = muteStream;

    Command all =
        makeCommand(QStringLiteral("mute"), QStringLiteral("all"), QStringLiteral("SESSION_ID"), 1,
            1, tr("Mute every stream of a session, also those published later."));
    all.options = {valueOption(QStringLiteral("exclude"),
        tr("Stream to leave unmuted (repeatable or comma-separated)."),
        QStringLiteral("STREAM_ID"))};
    all.examples = {QStringLiteral("mute all SESSION_ID --exclude STREAM_ID")};
    all.run = [](Invocation &inv) { muteAll(inv, true); };

    Command disable =
        makeCommand(QStringLiteral("mute"), QStringLiteral("disable"), QStringLiteral("SESSION_ID"),
            1, 1, tr("Stop muting new streams (muted streams stay muted)."));
    disable.examples = {QStringLiteral("mute disable SESSION_ID")};
    disable.run = [](Invocation &inv) { muteAll(inv, false); };

    return {signal, disconnect, list, get, classes, stream, all, disable};
}

} // namespace otadmin::cli
