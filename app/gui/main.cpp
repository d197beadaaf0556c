// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin: reads the command line, starts the font database, loads and runs the app.
#include "GuiMain.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QImageReader>
#include <QLibrary>
#include <QMessageBox>
#include <QScopeGuard>

#include <cstdio>
#include <functional>
#include <thread>

#ifdef Q_OS_LINUX
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#endif

namespace {

// A thread for `work`, placed on another core than the caller's when there is one. Linux
// queues a new thread on its creator's core; on a 2-core virtual machine it then shared that
// core with the GUI thread for up to a scheduler tick in about half of the starts, and the
// work meant to run alongside ran in turns with it instead (measured in docs/performance.md).
std::thread startOnAnotherCore(std::function<void()> work)
{
    std::thread thread(std::move(work));
#ifdef Q_OS_LINUX
    cpu_set_t others;
    const int here = sched_getcpu();
    if (here >= 0 && sched_getaffinity(0, sizeof others, &others) == 0 && CPU_ISSET(here, &others)
        && CPU_COUNT(&others) > 1) {
        CPU_CLR(here, &others);
        // A hint: when it fails, the thread runs wherever the scheduler puts it.
        (void)pthread_setaffinity_np(thread.native_handle(), sizeof others, &others);
    }
#endif
    return thread;
}

// Next to the executable in the build tree and on Windows; in the private library folder
// (OTADMIN_GUI_LIBRARY_RELDIR, relative to the executable's folder) when installed.
QString guiLibraryPath()
{
    const QString dir = QCoreApplication::applicationDirPath() + u'/';
    const QString fileName = QStringLiteral(OTADMIN_GUI_LIBRARY);
    if (QFile::exists(dir + fileName))
        return dir + fileName;
    return dir + QStringLiteral(OTADMIN_GUI_LIBRARY_RELDIR "/") + fileName;
}

// RTLD_DEEPBIND: the library and its dependencies resolve their symbols in their own
// dependencies first. Loading it looks ~4,500 symbols up, and searching the launcher's 48
// libraries first for each made it 4.9 M instructions instead of 3.8 M (callgrind). Only when
// malloc is the C library's own: an allocator put in front of it (LD_PRELOAD, /etc/ld.so.preload,
// a sanitizer's runtime, which also refuses deep binding) would be bypassed by deep-bound code,
// which would then free what it did not allocate.
bool deepBindIsSafe()
{
#ifdef Q_OS_LINUX
    void *libc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
    if (!libc)
        return false; // not glibc
    const bool own = dlsym(RTLD_DEFAULT, "malloc") == dlsym(libc, "malloc")
        && dlsym(RTLD_DEFAULT, "free") == dlsym(libc, "free");
    dlclose(libc);
    return own;
#else
    return false; // the hint only means something to glibc
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OpenTok Admin"));
    QApplication::setApplicationName(QStringLiteral("opentok-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("OpenTok Admin"));
    QApplication::setApplicationVersion(QStringLiteral(OTADMIN_VERSION));
    // The installed desktop entry's name (Wayland app ID, taskbar grouping) and icon name.
    QApplication::setDesktopFileName(QStringLiteral(OTADMIN_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Desktop administration for the OpenTok (Vonage Video) REST API. Secrets are read from "
        "the system keychain; none is ever taken on the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
        QApplication::translate("main",
            "Start the built-in OpenTok-compatible sandbox and open on it (no account needed)."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QApplication::translate("main", "Open on the saved profile <name>."),
        QStringLiteral("name"));
    const QCommandLineOption quitAfterOption(QStringLiteral("quit-after-shown"),
        QApplication::translate("main",
            "Quit as soon as the main window is shown and its profile is active (start-up "
            "checks and benchmarks)."));
    parser.addOptions({sandboxOption, profileOption, quitAfterOption});
    // Exits on --help, --version and errors, before the warm-up thread exists.
    parser.process(app);
    otadmin::GuiOptions options;
    options.sandbox = parser.isSet(sandboxOption);
    options.quitAfterShown = parser.isSet(quitAfterOption);
    options.profile = parser.value(profileOption);

    // Loads every start pays, on another core while this thread loads the application library.
    // The font database (fontconfig parsing its configuration, ~4 ms) is thread-safe once
    // QGuiApplication exists; the window waits for it at its first text, so it goes first.
    // Then the window font's metrics: the engine this loads stays on the warm-up thread (Qt keeps
    // font engines per thread), but the fallback families fontconfig sorts for it (~0.6 ms) are
    // kept for the whole process, and the window's first text no longer computes them.
    // The image format plugins (~1 ms): the first screen's first standard icon (the Sessions
    // panel's Refresh) makes QImageReader load every one of them to probe a PNG; QImageReader
    // is reentrant and the plugin loader thread-safe.
    std::thread warmUp = startOnAnotherCore([] {
        (void)QFontDatabase::families();
        (void)QFontMetrics(QGuiApplication::font()).height();
        (void)QImageReader::supportedImageFormats();
    });
    const auto joinWarmUp = qScopeGuard([&warmUp] { warmUp.join(); });

    const QString libraryPath = guiLibraryPath();
    options.libraryDir = QFileInfo(libraryPath).absolutePath();
    QLibrary library(libraryPath);
    library.setLoadHints(deepBindIsSafe() ? QLibrary::PreventUnloadHint | QLibrary::DeepBindHint
                                          : QLibrary::PreventUnloadHint);
    const auto run = reinterpret_cast<OtadminGuiMain>(library.resolve("otadminGuiMain"));
    if (!run) {
        const QString message =
            QApplication::translate("main", "OpenTok Admin is not installed completely: %1")
                .arg(library.errorString());
        std::fprintf(stderr, "opentok-admin: %s\n", qUtf8Printable(message));
        // Shown too: started from a desktop entry (or on Windows) there is no console to read.
        if (QGuiApplication::platformName() != QLatin1String("offscreen")
            && QGuiApplication::platformName() != QLatin1String("minimal")) {
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), message);
        }
        return 1;
    }
    return run(options);
}
