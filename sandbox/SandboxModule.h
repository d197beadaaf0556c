// SPDX-License-Identifier: GPL-3.0-or-later
// The entry point of opentok-admin-sandbox, the module that serves the desktop app's sandbox.
#pragma once

#include "SandboxConfig.h"

class QObject;
class QTcpServer;

/// Builds the sandbox server on `tcp` (listening) as a child of `host`, on the calling thread.
/// Why a module: the desktop app loads it at the sandbox's first call, so its
/// start never loads QtHttpServer and QtWebSockets (ui/SandboxLauncher.h).
extern "C" Q_DECL_EXPORT void otadminServeSandbox(
    const otadmin::sandbox::SandboxConfig &config, QTcpServer *tcp, QObject *host);

namespace otadmin::sandbox {
using ServeFunction = void (*)(const SandboxConfig &, QTcpServer *, QObject *);
constexpr char ServeSymbol[] = "otadminServeSandbox";
} // namespace otadmin::sandbox
