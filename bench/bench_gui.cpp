// SPDX-License-Identifier: GPL-3.0-or-later
// Rows 4-5 of scripts/bench: peak RSS and the longest GUI-thread stall with N archives listed.
//
// `bench_gui --archives N --work-dir DIR` runs the real AppContext + MainWindow (secrets in
// memory, settings in DIR) against a sandbox in a child process (`bench_gui --serve N`), so the
// sandbox's own copy of the archives is not counted in this process's peak RSS. A 1 ms timer
// probes the GUI thread while the Archives panel pages through the list, then while the table
// is sorted by every column both ways and filtered as if typed (twice).
#include "AppContext.h"
#include "MainWindow.h"
#include "ProfileController.h"
#include "SandboxServer.h"
#include "SandboxState.h"
#include "archives/ArchivePager.h"
#include "archives/ArchivesPanel.h"
#include "credentials/MemoryCredentialStore.h"
#include "models/ArchiveListModel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSocketNotifier>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <functional>

using namespace otadmin;

namespace {

/// The longest interval between two ticks of a 1 ms timer, minus the 1 ms it asked for; and
/// the most CPU time the GUI thread itself used between two ticks (the work that stalled it,
/// without the time the scheduler gave its core to another process on a busy machine).
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            const qint64 gap = now - m_last - 1000000;
            if (gap > 8000000 && qEnvironmentVariableIsSet("OTADMIN_BENCH_VERBOSE"))
                std::fprintf(stderr, "stall %.1f ms (%.1f ms CPU) ending at %.1f ms\n",
                    double(gap) / 1e6, double(cpu - m_lastCpu) / 1e6, double(now) / 1e6);
            m_max = std::max(m_max, gap);
            m_maxCpu = std::max(m_maxCpu, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void restart()
    {
        m_max = 0;
        m_maxCpu = 0;
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    double maxMs() const { return double(m_max) / 1e6; }
    double maxCpuMs() const { return double(m_maxCpu) / 1e6; }

private:
    static qint64 threadCpuNs()
    {
        timespec ts {};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_max = 0;
    qint64 m_maxCpu = 0;
};

/// With OTADMIN_BENCH_VERBOSE set, names every event of the GUI thread whose handling took
/// more than 8 ms (its type and receiver): what a stall was made of.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_verbose || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event); // the GUI thread's events only
        const int type = event->type();
        QElapsedTimer clock;
        clock.start();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ns = clock.nsecsElapsed();
        if (ns > 8000000) {
            const QObject *owner = receiver->parent();
            std::fprintf(stderr, "event %d to %s (%s, in %s) took %.1f ms\n", type,
                receiver->metaObject()->className(), qPrintable(receiver->objectName()),
                owner ? owner->metaObject()->className() : "-", double(ns) / 1e6);
        }
        return result;
    }

    void setVerbose(bool verbose) { m_verbose = verbose; }

private:
    bool m_verbose = qEnvironmentVariableIsSet("OTADMIN_BENCH_VERBOSE");
};

int serve(int count)
{
    // The service runs on other machines, not on the cores of the GUI being measured: lowest
    // priority, so on a 2-core machine its page serializing does not preempt the GUI thread.
    ::setpriority(PRIO_PROCESS, 0, 19);
    sandbox::SandboxServer server;
    if (!server.listen())
        return 1;
    auto &state = server.state();
    const QString session = server.createSession(true);
    const qint64 now = server.nowMs();
    for (int i = 0; i < count; ++i) {
        sandbox::Archive a;
        a.id = sandbox::SandboxState::newUuid();
        a.projectKey = server.apiKey();
        a.sessionId = session;
        a.status = QStringLiteral("available");
        a.name = QStringLiteral("Weekly town hall %1").arg(i);
        a.createdAt = now - qint64(i) * 60000;
        a.sequence = state.nextSequence();
        a.duration = 3600 + i % 600;
        a.size = 96000000 + qint64(i) * 1000;
        a.url = QStringLiteral("https://archives.example.com/%1/archive.mp4").arg(a.id);
        state.archives.insert(a.id, a);
    }
    std::printf("READY %s %s %s\n", qPrintable(server.baseUrl().toString()),
        qPrintable(server.apiKey()), qPrintable(server.apiSecret()));
    std::fflush(stdout);
    // Runs until the parent closes our stdin.
    QSocketNotifier eof(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&eof, &QSocketNotifier::activated, qApp, [] {
        char buffer[64];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

/// Runs `steps` one per event-loop turn (so the probe ticks between them), then `done`.
void runSteps(QList<std::function<void()>> steps, std::function<void()> done)
{
    if (steps.isEmpty()) {
        QTimer::singleShot(0, qApp, done);
        return;
    }
    auto step = steps.takeFirst();
    QTimer::singleShot(5, qApp, [step, steps, done] {
        QElapsedTimer t;
        t.start();
        step();
        if (qEnvironmentVariableIsSet("OTADMIN_BENCH_VERBOSE"))
            std::fprintf(
                stderr, "step %lld: %.1f ms\n", 0LL + steps.size(), double(t.nsecsElapsed()) / 1e6);
        runSteps(steps, done);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    TimingApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    auto value = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    if (args.contains(QStringLiteral("--serve"))) {
        app.setVerbose(false); // the sandbox child: its events are not the GUI's
        return serve(value(QStringLiteral("--serve"), QStringLiteral("10000")).toInt());
    }
    const int count = value(QStringLiteral("--archives"), QStringLiteral("10000")).toInt();
    const QString workDir = value(QStringLiteral("--work-dir"), QDir::currentPath());

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(),
        {QStringLiteral("--serve"), QString::number(count)});
    if (!server.waitForReadyRead(60000)) {
        std::fprintf(stderr, "bench_gui: the sandbox did not start\n");
        return 1;
    }
    const QStringList ready = QString::fromUtf8(server.readLine()).trimmed().split(u' ');
    if (ready.size() != 4 || ready[0] != u"READY")
        return 1;

    QDir().mkpath(workDir);
    QSettings settings(
        QDir(workDir).filePath(QStringLiteral("bench-gui.ini")), QSettings::IniFormat);
    settings.clear();
    MemoryCredentialStore credentials;
    AppContext context(&settings, &credentials);
    Profile project;
    project.name = QStringLiteral("Sandbox");
    project.apiKey = ready[2];
    project.apiUrl = QUrl(ready[1]);
    context.profiles()->addTransient(project, ready[3].toUtf8());
    MainWindow window(context);
    window.show();

    StallProbe probe;
    QElapsedTimer loadClock;
    double loadMs = 0;
    double loadStall = 0;
    double sortStall = 0;
    double loadStallCpu = 0;
    double sortStallCpu = 0;
    int rows = 0;
    int rc = 0;
    // Every panel first: the window builds the ones not shown after its first paint, and that
    // is not the archive list's cost.
    window.panels();
    auto *panel = qobject_cast<ArchivesPanel *>(window.panel(QStringLiteral("archivesPanel")));
    if (!panel)
        return 1;
    auto *pager = panel->findChild<ArchivePager *>();
    auto *table = panel->findChild<QTableView *>(QStringLiteral("archivesTable"));
    auto *filter = panel->findChild<QLineEdit *>(QStringLiteral("archivesFilter"));
    if (!pager || !table || !filter)
        return 1;

    auto sortAndFilter = [&] {
        loadMs = double(loadClock.nsecsElapsed()) / 1e6;
        loadStall = probe.maxMs();
        loadStallCpu = probe.maxCpuMs();
        rows = panel->model()->rowCount();
        QList<std::function<void()>> steps;
        for (int column = 0; column < panel->model()->columnCount(); ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder})
                steps << [table, column, order] { table->sortByColumn(column, order); };
        }
        // Typed and erased twice: the first time the rows' filter texts are still being
        // built while typing; the second time every keystroke filters at once.
        const QString typed = QStringLiteral("town hall 99");
        for (int round = 0; round < 2; ++round) {
            for (qsizetype n = 1; n <= typed.size(); ++n)
                steps << [filter, text = typed.left(n)] { filter->setText(text); };
            for (qsizetype n = typed.size() - 1; n >= 0; --n)
                steps << [filter, text = typed.left(n)] { filter->setText(text); };
        }
        probe.restart();
        runSteps(steps, [&] {
            sortStall = probe.maxMs();
            sortStallCpu = probe.maxCpuMs();
            QCoreApplication::quit();
        });
    };
    QObject::connect(pager, &ArchivePager::finished, &app, [&] {
        if (panel->model()->rowCount() >= count)
            QTimer::singleShot(0, &app, sortAndFilter);
    });
    QObject::connect(pager, &ArchivePager::failed, &app, [&] {
        std::fprintf(stderr, "bench_gui: a page failed\n");
        rc = 1;
        QCoreApplication::quit();
    });
    QObject::connect(context.profiles(), &ProfileController::activated, &app, [&] {
        window.showPanel(QStringLiteral("archivesPanel"));
        if (!pager->isRunning())
            panel->refresh();
    });
    QTimer::singleShot(120000, &app, [&] {
        std::fprintf(stderr, "bench_gui: timed out\n");
        rc = 1;
        QCoreApplication::quit();
    });
    probe.restart();
    loadClock.start();
    context.profiles()->activate(project.name);
    if (qEnvironmentVariableIsSet("OTADMIN_BENCH_VERBOSE"))
        std::fprintf(
            stderr, "activate() returned after %.1f ms\n", double(loadClock.nsecsElapsed()) / 1e6);
    if (QApplication::exec() != 0)
        rc = 1;
    server.closeWriteChannel();
    server.waitForFinished(5000);

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("rows %d\n", rows);
    std::printf("load_ms %.1f\n", loadMs);
    std::printf("stall_load_ms %.1f\n", loadStall);
    std::printf("stall_sort_filter_ms %.1f\n", sortStall);
    std::printf("stall_load_cpu_ms %.1f\n", loadStallCpu);
    std::printf("stall_sort_filter_cpu_ms %.1f\n", sortStallCpu);
    std::printf("peak_rss_kb %ld\n", usage.ru_maxrss);
    return rows == count ? rc : 1;
}
