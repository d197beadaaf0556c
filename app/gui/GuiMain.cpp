// SPDX-License-Identifier: GPL-3.0-or-later
// The application behind opentok-admin's launcher: context, sandbox, main window, event loop.
#include "GuiMain.h"

#include "AppContext.h"
#include "MainWindow.h"
#include "ProfileController.h"
#include "SandboxLauncher.h"
#include "common/StyleIcons.h"
#include "credentials/KeychainCredentialStore.h"
#include "settings/AppSettings.h"
#include "settings/ProfileStore.h"

#include <QApplication>
#include <QSettings>
#include <QSslConfiguration>
#include <QTimer>
#include <cstdio>
#include <future>

using namespace otadmin;

int otadminGuiMain(const GuiOptions &options)
{
    // The TLS backend (OpenSSL, its configuration, the CA store's layout: ~10 ms) loads on
    // another thread while the window is built, for the HTTPS of real profiles. In sandbox mode
    // only the sandbox's own thread needs it (its QHttpServer builds an SSL configuration) and
    // loads it there. The future waits for it when this function returns.
    std::future<void> tlsWarmUp;
    if (!options.sandbox) {
        tlsWarmUp =
            std::async(std::launch::async, [] { (void)QSslConfiguration::defaultConfiguration(); });
    }

    deferStandardIcons();
    QSettings *settings = createAppSettings(qApp);
    KeychainCredentialStore keychain;
    AppContext context(settings, &keychain);
    // The sandbox's server is loaded by the sandbox's thread when it is first called, from the
    // module beside this library: a start never loads QtHttpServer and QtWebSockets.
    context.sandbox()->setServerFactory(SandboxLauncher::moduleFactory(
        options.libraryDir + u'/' + QStringLiteral(OTADMIN_SANDBOX_LIBRARY)));
    // Before the window: the sandbox's thread starts its work while the window is built.
    if (options.sandbox) {
        QString error;
        if (!context.sandbox()->start(&error)) {
            std::fprintf(stderr, "opentok-admin: %s\n", qUtf8Printable(error));
            return 1;
        }
    }
    MainWindow window(context);

    ProfileController *profiles = context.profiles();
    if (options.quitAfterShown) {
        QObject::connect(profiles, &ProfileController::activated, qApp,
            [] { QTimer::singleShot(0, qApp, &QCoreApplication::quit); });
        QObject::connect(profiles, &ProfileController::activationFailed, qApp,
            [](const QString &, const QString &message) {
                std::fprintf(stderr, "opentok-admin: %s\n", qUtf8Printable(message));
                QCoreApplication::exit(1);
            });
    }

    if (options.sandbox) {
        profiles->activate(QString::fromLatin1(SandboxLauncher::ProjectProfileName));
    } else if (!options.profile.isEmpty()) {
        profiles->activate(options.profile);
    } else if (const QString last = context.profileStore()->activeProfileName(); !last.isEmpty()) {
        profiles->activate(last);
    } else if (options.quitAfterShown) {
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }

    window.show();
    return QApplication::exec();
}
