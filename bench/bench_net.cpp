// SPDX-License-Identifier: GPL-3.0-or-later
// Rows 6-7 of scripts/bench: listing N archives and stopping M through a 50 ms-latency proxy.
//
// The sandbox runs behind tests/support's FaultProxy (every request and response chunk held
// `--latency-ms`), both in a child process (`--serve`) as a real service is not on our thread. The
// round trip is measured, not assumed (median of sequential GETs of one archive); the bound is
// ceil(requests / connections) x RTT with Qt's 6 HTTP/1.1 connections per host. Listing uses the
// Archives panel's own ArchivePager; `--node-script` also runs the Node SDK's listArchives paging
// against the same proxy, and `--cli` the bulk stop as one opentok-admin-cli process.
#include "FaultProxy.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "api/CallBatch.h"
#include "archives/ArchivePager.h"
#include "models/ArchiveListModel.h"
#include "net/ApiReply.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <unistd.h>

using namespace otadmin;

namespace {

constexpr int Connections = 6; // QNetworkAccessManager's HTTP/1.1 connections per host

QStringList seed(sandbox::SandboxServer &server, int count, const QString &status)
{
    auto &state = server.state();
    const QString session = server.createSession(true);
    const qint64 now = server.nowMs();
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        sandbox::Archive a;
        a.id = sandbox::SandboxState::newUuid();
        a.projectKey = server.apiKey();
        a.sessionId = session;
        a.status = status;
        a.name = QStringLiteral("Weekly town hall %1").arg(i);
        a.createdAt = now - qint64(i) * 60000;
        a.sequence = state.nextSequence();
        a.duration = status == u"available" ? 3600 : 0;
        a.size = status == u"available" ? 96000000 : 0;
        a.url = QStringLiteral("https://archives.example.com/%1/archive.mp4").arg(a.id);
        state.archives.insert(a.id, a);
        ids << a.id;
    }
    return ids;
}

/// Spins the event loop until `done()` or 120 s.
template<typename Pred>
bool waitFor(Pred done)
{
    QElapsedTimer t;
    t.start();
    QTimer wake; // ends each wait below at least every 100 ms, to look at the clock
    wake.start(100);
    while (!done()) {
        if (t.elapsed() > 120000)
            return false;
        // Sleeps until something happens (the overload with a time limit polls instead, and
        // that busy loop took the CPU the sandbox process needed).
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// `--serve`: the sandbox behind the latency proxy, in a process of its own, so its work
/// (sorting and serializing 1000 archives per page) does not share the client's thread, as a
/// real service would not. Prints `READY <proxy URL> <API key> <secret> <an archive ID>`; on
/// the stdin line `started N` it adds N started archives and prints `STARTED <ids...>`.
int serve(int archives, int latency)
{
    test::SandboxFixture fixture;
    test::FaultProxy proxy(fixture.server().baseUrl());
    if (!fixture.isListening() || !proxy.listen())
        return 1;
    proxy.setDefaultPlan(test::FaultPlan::latency(latency));
    const QStringList listed = seed(fixture.server(), archives, QStringLiteral("available"));
    std::printf("READY %s %s %s %s\n", qPrintable(proxy.baseUrl().toString()),
        qPrintable(fixture.server().apiKey()), qPrintable(fixture.server().apiSecret()),
        qPrintable(listed.value(0)));
    std::fflush(stdout);
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, qApp, [&] {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            QCoreApplication::quit();
            return;
        }
        pending.append(buffer, n);
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QList<QByteArray> words = pending.left(end).trimmed().split(' ');
            pending.remove(0, end + 1);
            if (words.size() == 2 && words[0] == "started") {
                const QStringList ids =
                    seed(fixture.server(), words[1].toInt(), QStringLiteral("started"));
                std::printf("STARTED %s\n", qPrintable(ids.join(u' ')));
                std::fflush(stdout);
            }
        }
    });
    return QCoreApplication::exec();
}

/// The next line the server child prints (empty after 60 s).
QByteArray readLine(QProcess &server)
{
    QElapsedTimer t;
    t.start();
    while (!server.canReadLine() && t.elapsed() < 60000)
        server.waitForReadyRead(1000);
    return server.readLine().trimmed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    const int archives = value(QStringLiteral("--archives"), QStringLiteral("10000")).toInt();
    const int stops = value(QStringLiteral("--stops"), QStringLiteral("100")).toInt();
    const int latency = value(QStringLiteral("--latency-ms"), QStringLiteral("50")).toInt();
    const QString nodeScript = value(QStringLiteral("--node-script"), {});
    const QString cli = value(QStringLiteral("--cli"), {}); // opentok-admin-cli, for row 7

    if (args.contains(QStringLiteral("--serve")))
        return serve(archives, latency);

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(),
        {QStringLiteral("--serve"), QStringLiteral("--archives"), QString::number(archives),
            QStringLiteral("--latency-ms"), QString::number(latency)});
    const QList<QByteArray> ready = readLine(server).split(' ');
    if (ready.size() != 5 || ready[0] != "READY") {
        std::fprintf(stderr, "bench_net: the sandbox did not start\n");
        return 1;
    }
    const QUrl baseUrl(QString::fromUtf8(ready[1]));
    const QString apiKey = QString::fromUtf8(ready[2]);
    const QByteArray apiSecret = ready[3];
    const QStringList listed {QString::fromUtf8(ready[4])};
    QNetworkAccessManager network;
    RestClient client(&network, SystemClock::shared(), SystemRandomSource::shared());
    client.setBaseUrl(baseUrl);
    client.setProjectCredentials({apiKey, apiSecret});
    ArchivesApi api(&client);
    int failures = 0;

    // Round trip: one small GET at a time (the first also opens the connection).
    std::vector<double> rtts;
    for (int i = 0; i < 6; ++i) {
        QElapsedTimer t;
        t.start();
        ApiReply *reply = api.get(listed.value(0));
        bool finished = false;
        bool ok = false;
        QObject::connect(reply, &ApiReply::finished, &app, [&, reply] {
            finished = true;
            ok = reply->isSuccess();
        });
        if (!waitFor([&] { return finished; }) || !ok) {
            std::fprintf(stderr, "bench_net: GET archive failed\n");
            ++failures;
        }
        if (i > 0)
            rtts.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(rtts.begin(), rtts.end());
    const double rtt = rtts[rtts.size() / 2];

    // Listing as the Archives panel does it: its ArchivePager feeding an ArchiveListModel, wired
    // as ArchivesPanel wires them (the items reach the model through the API's signals).
    // OTADMIN_BENCH_VERBOSE=1 prints when each page went out and came back.
    const bool verbose = qEnvironmentVariableIntValue("OTADMIN_BENCH_VERBOSE") > 0;
    struct Lister
    {
        explicit Lister(ArchivesApi *api) : pager(api, &model)
        {
            QObject::connect(
                api, &ArchivesApi::archivesLoaded, &model, &ArchiveListModel::applyLoaded);
            QObject::connect(
                api, &ArchivesApi::archiveChanged, &model, &ArchiveListModel::applyChanged);
        }
        ArchiveListModel model;
        ArchivePager pager;
    };
    auto list = [&](Lister &lister) {
        ArchivePager &pager = lister.pager;
        QElapsedTimer listClock;
        bool listDone = false;
        const auto finished =
            QObject::connect(&pager, &ArchivePager::finished, &app, [&] { listDone = true; });
        const auto failed = QObject::connect(&pager, &ArchivePager::failed, &app, [&] {
            listDone = true;
            ++failures;
        });
        const auto requested = QObject::connect(
            &pager, &ArchivePager::pageRequested, &app, [&, verbose](ApiReply *reply) {
                if (!verbose)
                    return;
                const double sent = double(listClock.nsecsElapsed()) / 1e6;
                QObject::connect(reply, &ApiReply::finished, &app, [&listClock, sent] {
                    std::fprintf(stderr, "  page sent %7.1f ms, done %7.1f ms\n", sent,
                        double(listClock.nsecsElapsed()) / 1e6);
                });
            });
        listClock.start();
        pager.start({});
        if (!waitFor([&] { return listDone; }) || lister.model.rowCount() != archives) {
            std::fprintf(stderr, "bench_net: listed %d of %d\n", lister.model.rowCount(), archives);
            ++failures;
        }
        const double ms = double(listClock.nsecsElapsed()) / 1e6;
        QObject::disconnect(finished);
        QObject::disconnect(failed);
        QObject::disconnect(requested);
        if (verbose)
            std::fprintf(stderr, "  listed in %.1f ms\n", ms);
        return ms;
    };
    // First listing ever: the total is unknown until the first page answers. Refresh: the pager
    // knows the last total and asks for every page at once (up to 6 in flight).
    Lister lister(&api);
    const double listMs = list(lister);
    const double refreshMs = list(lister);
    // The next run of the app: a new client (no open connections), model and pager, given the
    // total the first listing reported, as ArchivesPanel reads it back from the settings.
    double nextRunMs = 0;
    {
        QNetworkAccessManager nextNetwork;
        RestClient nextClient(&nextNetwork, SystemClock::shared(), SystemRandomSource::shared());
        nextClient.setBaseUrl(baseUrl);
        nextClient.setProjectCredentials({apiKey, apiSecret});
        ArchivesApi nextApi(&nextClient);
        Lister next(&nextApi);
        next.pager.setKnownTotal({}, lister.pager.knownTotal({}));
        nextRunMs = list(next);
    }
    const int pages = (archives + 999) / 1000;

    // The Node SDK's listArchives, paged the only way it allows (offset/count, one at a time).
    double nodeListMs = -1;
    if (!nodeScript.isEmpty()) {
        QProcess node;
        node.start(value(QStringLiteral("--node"), QStringLiteral("node")),
            {nodeScript, baseUrl.toString(), apiKey, QString::fromUtf8(apiSecret),
                QString::number(archives)});
        bool nodeDone = false;
        QObject::connect(&node, &QProcess::finished, &app, [&] { nodeDone = true; });
        if (waitFor([&] { return nodeDone; }) && node.exitCode() == 0) {
            const QList<QByteArray> words = node.readAllStandardOutput().trimmed().split(' ');
            if (words.size() == 2 && words[0] == "list_ms")
                nodeListMs = words[1].toDouble();
        } else {
            std::fprintf(stderr, "bench_net: node: %s\n", node.readAllStandardError().constData());
        }
    }

    // Bulk stop: a CallBatch (twelve in flight), as the Archives panel's "Stop N" sends them.
    auto startArchives = [&] {
        server.write(QByteArray("started ") + QByteArray::number(stops) + '\n');
        const QByteArray startedLine = readLine(server);
        const QStringList ids = QString::fromUtf8(startedLine).split(u' ').mid(1);
        if (!startedLine.startsWith("STARTED") || ids.size() != stops) {
            std::fprintf(stderr, "bench_net: the sandbox did not start %d archives\n", stops);
            std::exit(1);
        }
        return ids;
    };
    const QStringList started = startArchives();
    CallBatch stopBatch(started, [&api](const QString &id) { return api.stop(id); });
    QObject::connect(&stopBatch, &CallBatch::callFinished, &app, [&](qsizetype, ApiReply *reply) {
        if (!reply->isSuccess()) {
            std::fprintf(stderr, "bench_net: stop: %s\n", qPrintable(reply->error().userMessage()));
            ++failures;
        }
    });
    bool stopsDone = false;
    QObject::connect(&stopBatch, &CallBatch::finished, &app, [&] { stopsDone = true; });
    QElapsedTimer stopClock;
    stopClock.start();
    stopBatch.start();
    if (!waitFor([&] { return stopsDone; }))
        ++failures;
    const double stopMs = double(stopClock.nsecsElapsed()) / 1e6;

    // The same from the command line: one `opentok-admin-cli archive stop ID...` process, its
    // start included, with the credentials in the environment as a script passes them.
    double cliStopMs = -1;
    if (!cli.isEmpty()) {
        const QStringList ids = startArchives();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OPENTOK_API_KEY"), apiKey);
        env.insert(QStringLiteral("OPENTOK_API_SECRET"), QString::fromUtf8(apiSecret));
        env.insert(QStringLiteral("OPENTOK_API_URL"), baseUrl.toString());
        process.setProcessEnvironment(env);
        bool cliDone = false;
        QObject::connect(&process, &QProcess::finished, &app, [&] { cliDone = true; });
        QElapsedTimer cliClock;
        cliClock.start();
        process.start(cli, QStringList {QStringLiteral("archive"), QStringLiteral("stop")} + ids);
        const bool finished = waitFor([&] { return cliDone; });
        cliStopMs = double(cliClock.nsecsElapsed()) / 1e6;
        const QByteArray out = process.readAllStandardOutput();
        if (!finished || process.exitCode() != 0 || out.count('\n') != stops) {
            std::fprintf(stderr, "bench_net: %s exited %d: %s\n", qPrintable(cli),
                process.exitCode(), process.readAllStandardError().constData());
            ++failures;
        }
    }

    auto bound = [&](int requests) { return std::ceil(double(requests) / Connections) * rtt; };
    std::printf("rtt_ms %.1f\n", rtt);
    std::printf("list_pages %d\n", pages);
    std::printf("list_ms %.1f\n", listMs);
    std::printf("list_bound_ms %.1f\n", bound(pages));
    // The first listing cannot ask for page 2 before page 1 says how many there are.
    std::printf("list_first_bound_ms %.1f\n", rtt + bound(pages - 1));
    std::printf("list_refresh_ms %.1f\n", refreshMs);
    std::printf("list_next_run_ms %.1f\n", nextRunMs);
    if (nodeListMs >= 0)
        std::printf("node_list_ms %.1f\n", nodeListMs);
    std::printf("stop_count %d\n", stops);
    std::printf("stop_ms %.1f\n", stopMs);
    std::printf("stop_bound_ms %.1f\n", bound(stops));
    if (cliStopMs >= 0)
        std::printf("cli_stop_ms %.1f\n", cliStopMs);
    server.closeWriteChannel();
    server.waitForFinished(5000);
    if (failures)
        std::fprintf(stderr, "bench_net: %d request(s) failed\n", failures);
    return failures ? 1 : 0;
}
