// SPDX-License-Identifier: GPL-3.0-or-later
// Rows 6-7 of scripts/bench: listing N archives and stopping M through a 50 ms-latency proxy.
//
// The sandbox runs in-process behind tests/support's FaultProxy (every request and response
// chunk held `--latency-ms`). The round trip is measured, not assumed (median of sequential
// GETs of one archive); the bound is ceil(requests / connections) x RTT with Qt's 6 HTTP/1.1
// connections per host. Listing uses the Archives panel's own ArchivePager; `--node-script`
// also runs the Node SDK's listArchives paging against the same proxy.
#include "FaultProxy.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "archives/ArchivePager.h"
#include "models/ArchiveListModel.h"
#include "net/ApiReply.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

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
    while (!done()) {
        if (t.elapsed() > 120000)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
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

    test::SandboxFixture fixture;
    test::FaultProxy proxy(fixture.server().baseUrl());
    if (!fixture.isListening() || !proxy.listen())
        return 1;
    proxy.setDefaultPlan(test::FaultPlan::latency(latency));
    QNetworkAccessManager network;
    RestClient client(&network, SystemClock::shared(), SystemRandomSource::shared());
    client.setBaseUrl(proxy.baseUrl());
    client.setProjectCredentials(fixture.client().projectCredentials());
    ArchivesApi api(&client);
    const QStringList listed = seed(fixture.server(), archives, QStringLiteral("available"));
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

    // Listing as the Archives panel does it.
    ArchiveListModel model;
    ArchivePager pager(&api, &model);
    // Wired as ArchivesPanel wires it: the items reach the model through the API's signals.
    QObject::connect(&api, &ArchivesApi::archivesLoaded, &model, &ArchiveListModel::applyLoaded);
    QObject::connect(&api, &ArchivesApi::archiveChanged, &model, &ArchiveListModel::applyChanged);
    bool listDone = false;
    QObject::connect(&pager, &ArchivePager::finished, &app, [&] { listDone = true; });
    QObject::connect(&pager, &ArchivePager::failed, &app, [&] {
        listDone = true;
        ++failures;
    });
    QElapsedTimer listClock;
    listClock.start();
    pager.start({});
    if (!waitFor([&] { return listDone; }) || model.rowCount() != archives) {
        std::fprintf(stderr, "bench_net: listed %d of %d\n", model.rowCount(), archives);
        ++failures;
    }
    const double listMs = double(listClock.nsecsElapsed()) / 1e6;
    const int pages = (archives + 999) / 1000;

    // The Node SDK's listArchives, paged the only way it allows (offset/count, one at a time).
    double nodeListMs = -1;
    if (!nodeScript.isEmpty()) {
        QProcess node;
        node.start(value(QStringLiteral("--node"), QStringLiteral("node")),
            {nodeScript, proxy.baseUrl().toString(), fixture.server().apiKey(),
                fixture.server().apiSecret(), QString::number(archives)});
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

    // Bulk stop: every stop at once, as fast as the client lets them go.
    const QStringList started = seed(fixture.server(), stops, QStringLiteral("started"));
    int stopped = 0;
    QElapsedTimer stopClock;
    stopClock.start();
    for (const QString &id : started) {
        ApiReply *reply = api.stop(id);
        QObject::connect(reply, &ApiReply::finished, &app, [&, reply] {
            ++stopped;
            if (!reply->isSuccess()) {
                std::fprintf(
                    stderr, "bench_net: stop: %s\n", qPrintable(reply->error().userMessage()));
                ++failures;
            }
        });
    }
    if (!waitFor([&] { return stopped == stops; }))
        ++failures;
    const double stopMs = double(stopClock.nsecsElapsed()) / 1e6;

    auto bound = [&](int requests) { return std::ceil(double(requests) / Connections) * rtt; };
    std::printf("rtt_ms %.1f\n", rtt);
    std::printf("list_pages %d\n", pages);
    std::printf("list_ms %.1f\n", listMs);
    std::printf("list_bound_ms %.1f\n", bound(pages));
    if (nodeListMs >= 0)
        std::printf("node_list_ms %.1f\n", nodeListMs);
    std::printf("stop_count %d\n", stops);
    std::printf("stop_ms %.1f\n", stopMs);
    std::printf("stop_bound_ms %.1f\n", bound(stops));
    if (failures)
        std::fprintf(stderr, "bench_net: %d request(s) failed\n", failures);
    return failures ? 1 : 0;
}
