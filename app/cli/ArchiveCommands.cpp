// SPDX-License-Identifier: GPL-3.0-or-later
// archive start|stop|get|delete|list|layout|add-stream|remove-stream, storage set|delete.
#include "CliCredentials.h"
#include "CliOutput.h"
#include "CliParse.h"
#include "MediaCommands.h"

#include "api/ArchivesApi.h"
#include "api/CallBatch.h"
#include "api/StorageApi.h"
#include "net/Redactor.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace otadmin::cli {

namespace {

ArchivesApi *archives(Invocation &inv)
{
    return new ArchivesApi(inv.client(), inv.client());
}

bool printArchive(Invocation &inv, const ApiReply &reply)
{
    inv.printObject(reply.resultAs<Archive>().raw);
    return true;
}

void archiveStart(Invocation &inv)
{
    ArchiveOptions options;
    options.sessionId = inv.arg(0);
    options.name = inv.value(QStringLiteral("name"));
    options.resolution = inv.value(QStringLiteral("resolution"));
    options.multiArchiveTag = inv.value(QStringLiteral("tag"));
    options.hasAudio = !inv.isSet(QStringLiteral("no-audio"));
    options.hasVideo = !inv.isSet(QStringLiteral("no-video"));
    if (inv.isSet(QStringLiteral("output"))) {
        const auto mode = outputModeFromString(inv.value(QStringLiteral("output")));
        if (!mode) {
            inv.usageError(tr("--output is composed or individual, not \u201c%1\u201d")
                               .arg(inv.value(QStringLiteral("output"))));
            return;
        }
        options.outputMode = *mode;
    }
    if (!readStreamMode(inv, options.streamMode) || !readLayout(inv, options.layout, false)
        || !inv.intOption(QStringLiteral("max-bitrate"), options.maxBitrate)
        || !inv.intOption(QStringLiteral("quantization"), options.quantizationParameter))
        return;
    if (inv.curl()) {
        inv.await(archives(inv)->start(options),
            [&inv](const ApiReply &reply) { return printArchive(inv, reply); });
        return;
    }
    // A lost answer or a 409 is looked up with one list call (G-REL-7): show what runs.
    finishStart<Archive>(inv, StartReconciler::startArchive(archives(inv), options));
}

/// `archive stop ID...` with several IDs: every ID is checked before anything is sent, then
/// the stops go out together through a CallBatch (twelve in flight). Text prints one line per
/// stopped archive as it comes; --json one array of the stopped archives in argument order.
/// Each failure is printed on stderr; the exit code is 1 when any stop failed. --curl prints
/// every request, one at a time so that they come in argument order.
void archiveStopMany(Invocation &inv)
{
    QStringList ids;
    for (const QString &id : inv.args()) {
        if (const Validation bad = validateId(QStringLiteral("archiveId"), id)) {
            inv.usageError(tr("%1: %2").arg(id, bad->message));
            return;
        }
        if (!ids.contains(id))
            ids << id;
    }
    ArchivesApi *api = archives(inv);
    auto *batch = new CallBatch(
        ids, [api](const QString &id) { return api->stop(id); }, inv.client());
    if (inv.curl())
        batch->setMaxInFlight(1);
    auto stopped = std::make_shared<QList<QJsonObject>>(ids.size()); // per ID, empty unless stopped
    QObject::connect(batch, &CallBatch::callFinished, batch,
        [&inv, batch, stopped](qsizetype index, ApiReply *reply) {
            const QString &id = batch->ids().at(index);
            const ApiError &error = reply->error();
            if (inv.curl()) {
                // Nothing was sent: one captured request each, in argument order.
                const QList<RequestLogEntry> entries = inv.client()->requestLog()->entries();
                if (!entries.isEmpty())
                    CliOutput::out(entries.last().toCurl());
            } else if (error.isError()) {
                CliOutput::err(
                    tr("opentok-admin-cli: archive %1: %2").arg(id, error.userMessage()));
            } else {
                const Archive archive = reply->resultAs<Archive>();
                (*stopped)[index] = Redactor::redactJson(archive.raw).toObject();
                if (!inv.json())
                    CliOutput::out(tr("%1\t%2").arg(id, archive.statusString));
            }
        });
    QObject::connect(batch, &CallBatch::finished, batch, [&inv, batch, stopped] {
        if (inv.json() && !inv.curl()) {
            QJsonArray array;
            for (const QJsonObject &object : std::as_const(*stopped))
                if (!object.isEmpty())
                    array.append(object);
            CliOutput::json(array);
        }
        // --curl "fails" every call on purpose (nothing is sent): that is not a failure.
        inv.finish(batch->failed() > 0 && !inv.curl() ? ExitFailure : ExitSuccess);
    });
    batch->start();
}

void archiveList(Invocation &inv)
{
    ListQuery query;
    if (!readListQuery(inv, query))
        return;
    listPages<Archive>(inv, [&inv](const ListQuery &page) { return archives(inv)->list(page); },
        query, inv.isSet(QStringLiteral("all")),
        {QStringLiteral("id"), QStringLiteral("status"), QStringLiteral("name"),
            QStringLiteral("createdAt"), QStringLiteral("duration"), QStringLiteral("sessionId")});
}

void archiveLayout(Invocation &inv)
{
    std::optional<Layout> layout;
    if (!readLayout(inv, layout, true))
        return;
    const QString id = inv.arg(0);
    inv.await(archives(inv)->setLayout(id, *layout), [&inv, id, layout](const ApiReply &) {
        QJsonObject json = layout->toJson();
        json.insert(QStringLiteral("archiveId"), id);
        inv.printDone(
            tr("Layout of archive %1 set to %2.").arg(id, toApiString(layout->type)), json);
        return true;
    });
}

void archiveStreams(Invocation &inv, StreamSelectionChange::Op op)
{
    StreamSelectionChange change;
    change.op = op;
    change.streamId = inv.arg(1);
    change.hasAudio = !inv.isSet(QStringLiteral("no-audio"));
    change.hasVideo = !inv.isSet(QStringLiteral("no-video"));
    const QString id = inv.arg(0);
    inv.await(archives(inv)->changeStreams(id, change), [&inv, id, change](const ApiReply &) {
        QJsonObject json = change.toJson();
        json.insert(QStringLiteral("archiveId"), id);
        inv.printDone(change.op == StreamSelectionChange::Op::Add
                ? tr("Stream %1 added to archive %2.").arg(change.streamId, id)
                : tr("Stream %1 removed from archive %2.").arg(change.streamId, id),
            json);
        return true;
    });
}

bool readSecret(Invocation &inv, const char *envName, bool fromStdin, QString &out)
{
    QByteArray value = fromStdin ? readStdinLine() : envValue(envName);
    if (value.isEmpty()) {
        inv.usageError(fromStdin ? tr("a secret line is missing on standard input")
                                 : tr("set %1 in the environment (or use --secrets-stdin)")
                                       .arg(QString::fromLatin1(envName)));
        return false;
    }
    out = QString::fromUtf8(value);
    return true;
}

void storageSet(Invocation &inv)
{
    StorageTarget target;
    const QString type = inv.arg(0).toLower();
    const bool fromStdin = inv.isSet(QStringLiteral("secrets-stdin"));
    const QString fallback = inv.value(QStringLiteral("fallback"));
    if (fallback == QLatin1String("opentok"))
        target.fallback = StorageTarget::Fallback::OpenTok;
    else if (fallback != QLatin1String("none")) {
        inv.usageError(tr("--fallback is opentok or none, not \u201c%1\u201d").arg(fallback));
        return;
    }
    if (type == QLatin1String("s3")) {
        target.type = StorageTarget::Type::S3;
        target.bucket = inv.value(QStringLiteral("bucket"));
        target.endpoint = inv.value(QStringLiteral("endpoint"));
        target.sse = inv.value(QStringLiteral("sse"));
        if (!readSecret(inv, Env::S3AccessKey, fromStdin, target.accessKey)
            || !readSecret(inv, Env::S3SecretKey, fromStdin, target.secretKey))
            return;
    } else if (type == QLatin1String("azure")) {
        target.type = StorageTarget::Type::Azure;
        target.accountName = inv.value(QStringLiteral("account-name"));
        target.container = inv.value(QStringLiteral("container"));
        target.domain = inv.value(QStringLiteral("domain"));
        if (!readSecret(inv, Env::AzureAccountKey, fromStdin, target.accountKey))
            return;
    } else {
        inv.usageError(tr("the storage type is s3 or azure, not \u201c%1\u201d").arg(inv.arg(0)));
        return;
    }
    auto *api = new StorageApi(inv.client(), inv.client());
    inv.await(api->set(target), [&inv, target](const ApiReply &) {
        // The JSON shown is redacted: the keys never reach the output.
        const QJsonObject json = Redactor::redactJson(target.toJson()).toObject();
        inv.printDone(tr("Archives are now uploaded to %1.")
                          .arg(target.type == StorageTarget::Type::S3
                                  ? QStringLiteral("s3://") + target.bucket
                                  : target.accountName + QLatin1Char('/') + target.container),
            json);
        return true;
    });
}

void storageDelete(Invocation &inv)
{
    auto *api = new StorageApi(inv.client(), inv.client());
    inv.await(api->remove(), [&inv](const ApiReply &) {
        inv.printDone(
            tr("Archives now stay in the OpenTok cloud."), {{QStringLiteral("deleted"), true}});
        return true;
    });
}

QList<QCommandLineOption> trackOptions()
{
    return {flagOption(QStringLiteral("no-audio"), tr("Without audio.")),
        flagOption(QStringLiteral("no-video"), tr("Without video."))};
}

} // namespace

QList<Command> archiveCommands()
{
    const QString area = QStringLiteral("archive");
    Command start = makeCommand(area, QStringLiteral("start"), QStringLiteral("SESSION_ID"), 1, 1,
        tr("Start recording a routed session."));
    start.options = {
        valueOption(QStringLiteral("name"), tr("Archive name."), QStringLiteral("NAME")),
        valueOption(QStringLiteral("resolution"), tr("e.g. 1280x720 (composed only)."),
            QStringLiteral("WxH")),
        valueOption(
            QStringLiteral("output"), tr("composed or individual."), QStringLiteral("MODE")),
        valueOption(QStringLiteral("stream-mode"), tr("auto or manual."), QStringLiteral("MODE")),
        valueOption(QStringLiteral("tag"), tr("multiArchiveTag for simultaneous archives."),
            QStringLiteral("TAG")),
        valueOption(QStringLiteral("max-bitrate"), tr("Bits per second (100000-6000000)."),
            QStringLiteral("BPS")),
        valueOption(QStringLiteral("quantization"), tr("Quantization parameter (15-40)."),
            QStringLiteral("QP")),
    };
    start.options << layoutOptions() << trackOptions();
    start.examples = {QStringLiteral("archive start SESSION_ID --name \"Town hall\" --resolution "
                                     "1280x720 --layout bestFit"),
        QStringLiteral("archive start SESSION_ID --output individual --stream-mode manual")};
    start.run = archiveStart;

    Command stop = makeCommand(area, QStringLiteral("stop"), QStringLiteral("ARCHIVE_ID..."), 1, -1,
        tr("Stop recording (several archives at once when given several IDs)."));
    stop.examples = {QStringLiteral("archive stop ARCHIVE_ID"),
        QStringLiteral("archive stop ARCHIVE_ID ARCHIVE_ID ARCHIVE_ID")};
    stop.run = [](Invocation &inv) {
        if (inv.args().size() > 1) {
            archiveStopMany(inv);
            return;
        }
        inv.await(archives(inv)->stop(inv.arg(0)),
            [&inv](const ApiReply &reply) { return printArchive(inv, reply); });
    };

    Command get = makeCommand(area, QStringLiteral("get"), QStringLiteral("ARCHIVE_ID"), 1, 1,
        tr("Show one archive (with a fresh download URL when available)."));
    get.examples = {
        QStringLiteral("archive get ARCHIVE_ID"), QStringLiteral("--json archive get ARCHIVE_ID")};
    get.run = [](Invocation &inv) {
        inv.await(archives(inv)->get(inv.arg(0)),
            [&inv](const ApiReply &reply) { return printArchive(inv, reply); });
    };

    Command remove = makeCommand(area, QStringLiteral("delete"), QStringLiteral("ARCHIVE_ID"), 1, 1,
        tr("Delete an available or uploaded archive."));
    remove.examples = {QStringLiteral("archive delete ARCHIVE_ID")};
    remove.run = [](Invocation &inv) {
        const QString id = inv.arg(0);
        inv.await(archives(inv)->remove(id), [&inv, id](const ApiReply &) {
            inv.printDone(tr("Archive %1 deleted.").arg(id),
                {{QStringLiteral("archiveId"), id}, {QStringLiteral("deleted"), true}});
            return true;
        });
    };

    Command list = makeCommand(area, QStringLiteral("list"), {}, 0, 0,
        tr("List archives, newest first (one page, or --all)."));
    list.options = {
        valueOption(QStringLiteral("session"), tr("Only archives of this session."),
            QStringLiteral("SESSION_ID")),
        valueOption(QStringLiteral("offset"), tr("Skip this many."), QStringLiteral("N")),
        valueOption(
            QStringLiteral("count"), tr("Page size (1-1000, default 50)."), QStringLiteral("N")),
        flagOption(QStringLiteral("all"), tr("Page through the whole list.")),
    };
    list.examples = {QStringLiteral("archive list --session SESSION_ID --all"),
        QStringLiteral("--json archive list --count 10")};
    list.run = archiveList;

    Command layout = makeCommand(area, QStringLiteral("layout"), QStringLiteral("ARCHIVE_ID"), 1, 1,
        tr("Change the layout of a composed archive."));
    layout.options = layoutOptions();
    layout.examples = {QStringLiteral("archive layout ARCHIVE_ID --layout pip"),
        QStringLiteral("archive layout ARCHIVE_ID --layout custom --stylesheet "
                       "\"stream.focus { width: 100%; }\"")};
    layout.run = archiveLayout;

    Command add = makeCommand(area, QStringLiteral("add-stream"),
        QStringLiteral("ARCHIVE_ID STREAM_ID"), 2, 2, tr("Add a stream to a manual-mode archive."));
    add.options = trackOptions();
    add.examples = {QStringLiteral("archive add-stream ARCHIVE_ID STREAM_ID --no-video")};
    add.run = [](Invocation &inv) { archiveStreams(inv, StreamSelectionChange::Op::Add); };

    Command removeStream =
        makeCommand(area, QStringLiteral("remove-stream"), QStringLiteral("ARCHIVE_ID STREAM_ID"),
            2, 2, tr("Remove a stream from a manual-mode archive."));
    removeStream.examples = {QStringLiteral("archive remove-stream ARCHIVE_ID STREAM_ID")};
    removeStream.run = [](Invocation &inv) {
        archiveStreams(inv, StreamSelectionChange::Op::Remove);
    };

    Command storageSetCmd = makeCommand(QStringLiteral("storage"), QStringLiteral("set"),
        QStringLiteral("s3|azure"), 1, 1, tr("Upload finished archives to S3 or Azure."));
    storageSetCmd.options = {
        valueOption(QStringLiteral("bucket"), tr("S3 bucket."), QStringLiteral("BUCKET")),
        valueOption(
            QStringLiteral("endpoint"), tr("S3-compatible endpoint URL."), QStringLiteral("URL")),
        valueOption(QStringLiteral("sse"), tr("S3 server-side encryption: s3 or none."),
            QStringLiteral("SSE")),
        valueOption(
            QStringLiteral("account-name"), tr("Azure storage account."), QStringLiteral("NAME")),
        valueOption(
            QStringLiteral("container"), tr("Azure container."), QStringLiteral("CONTAINER")),
        valueOption(QStringLiteral("domain"), tr("Azure domain."), QStringLiteral("DOMAIN")),
        valueOption(QStringLiteral("fallback"), tr("opentok or none."), QStringLiteral("FALLBACK"),
            QStringLiteral("none")),
        flagOption(QStringLiteral("secrets-stdin"),
            tr("Read the keys from standard input instead of the environment.")),
    };
    storageSetCmd.secretNotes = {
        tr("S3: OPENTOK_S3_ACCESS_KEY and OPENTOK_S3_SECRET_KEY, or with --secrets-stdin two "
           "lines on standard input (access key, then secret key)."),
        tr("Azure: OPENTOK_AZURE_ACCOUNT_KEY, or with --secrets-stdin one line on standard "
           "input."),
    };
    storageSetCmd.examples = {
        QStringLiteral("storage set s3 --bucket my-archives --fallback opentok"),
        QStringLiteral("storage set azure --account-name myaccount --container archives "
                       "--secrets-stdin < azure-key.txt"),
    };
    storageSetCmd.run = storageSet;

    Command storageDeleteCmd = makeCommand(QStringLiteral("storage"), QStringLiteral("delete"), {},
        0, 0, tr("Stop uploading archives; keep them in the OpenTok cloud."));
    storageDeleteCmd.examples = {QStringLiteral("storage delete")};
    storageDeleteCmd.run = storageDelete;

    return {
        start, stop, get, remove, list, layout, add, removeStream, storageSetCmd, storageDeleteCmd};
}

} // namespace otadmin::cli
