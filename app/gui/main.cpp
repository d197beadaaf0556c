// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin: builds the application context and the main window, then runs.
#include "AppContext.h"
#include "MainWindow.h"
#include "ProfileController.h"
#include "SandboxLauncher.h"
#include "credentials/KeychainCredentialStore.h"
#include "settings/AppSettings.h"
#include "settings/ProfileStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFontDatabase>
#include <QIcon>
#include <QImageReader>
#include <QSettings>
#include <QSslConfiguration>
#include <QTimer>
#include <cstdio>
#include <future>

using namespace otadmin;

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
    parser.process(app);

    // Loads every start pays, done on the other core while the window is being built (the
    // future waits for them at the end of main()). The image format plugins (~1 ms): the menu
    // bar's first standard icon makes QImageReader load every one of them to probe a PNG;
    // QImageReader is reentrant and the plugin loader thread-safe. The font database
    // (fontconfig parsing its configuration, ~3 ms) is thread-safe; the window needs it for
    // its first text. The TLS backend (OpenSSL, its configuration, the CA store's layout) is
    // ~10 ms, for the HTTPS of real profiles; in sandbox mode only the sandbox's own thread
    // needs it (its QHttpServer builds an SSL configuration) and loads it there.
    const bool sandboxMode = parser.isSet(sandboxOption);
    auto warmUp = std::async(std::launch::async, [sandboxMode] {
        (void)QImageReader::supportedImageFormats();
        (void)QFontDatabase::families();
        if (!sandboxMode)
            (void)QSslConfiguration::defaultConfiguration();
    });
    QApplication::setWindowIcon(QIcon::fromTheme(
        QStringLiteral(OTADMIN_APP_ID), QIcon(QStringLiteral(":/icons/opentok-admin.svg"))));

    QSettings *settings = createAppSettings(&app);
    KeychainCredentialStore keychain;
    AppContext context(settings, &keychain);
    // Before the window: the sandbox's thread starts its work while the window is built.
    if (sandboxMode) {
        QString error;
        if (!context.sandbox()->start(&error)) {
            std::fprintf(stderr, "opentok-admin: %s\n", qUtf8Printable(error));
            return 1;
        }
    }
    MainWindow window(context);

    ProfileController *profiles = context.profiles();
    if (parser.isSet(quitAfterOption)) {
        QObject::connect(profiles, &ProfileController::activated, &app,
            [] { QTimer::singleShot(0, qApp, &QCoreApplication::quit); });
        QObject::connect(profiles, &ProfileController::activationFailed, &app,
            [](const QString &, const QString &message) {
                std::fprintf(stderr, "opentok-admin: %s\n", qUtf8Printable(message));
                QCoreApplication::exit(1);
            });
    }

    if (sandboxMode) {
        profiles->activate(QString::fromLatin1(SandboxLauncher::ProjectProfileName));
    } else if (parser.isSet(profileOption)) {
        profiles->activate(parser.value(profileOption));
    } else if (const QString last = context.profileStore()->activeProfileName(); !last.isEmpty()) {
        profiles->activate(last);
    } else if (parser.isSet(quitAfterOption)) {
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    }

    window.show();
    return app.exec();
}
