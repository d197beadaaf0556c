// SPDX-License-Identifier: GPL-3.0-or-later
// The entry point of the application library that opentok-admin's launcher loads.
#pragma once

#include <QString>
#include <QtGlobal>

namespace otadmin {

/// What the command line asked for. The launcher parses it, so `--help`, `--version` and a
/// mistyped option answer without loading the library.
struct GuiOptions
{
    bool sandbox = false;
    bool quitAfterShown = false;
    QString profile; ///< Empty: the last active profile.
    /// Where the launcher found this library; the sandbox's module is beside it.
    QString libraryDir;
};

} // namespace otadmin

/// Runs the desktop application on the QApplication the launcher built: the context, the
/// sandbox when asked, the main window and the event loop; returns the exit code.
///
/// Why a library: everything behind this call links QtNetwork (and through it Kerberos and
/// libproxy) and QtKeychain. Loaded with the executable, they cost
/// ~2 ms before main() on a 2-core machine, a time in which nothing else can happen; loaded
/// here, they load while the launcher's other thread reads the font database, which the window
/// cannot show without (docs/performance.md, row 3). The embedded sandbox's server (QtHttpServer,
/// QtWebSockets) is a module of its own, opentok-admin-sandbox, loaded by the sandbox's thread
/// at its first call (sandbox/SandboxModule.h).
extern "C" Q_DECL_EXPORT int otadminGuiMain(const otadmin::GuiOptions &options);
using OtadminGuiMain = int (*)(const otadmin::GuiOptions &);
