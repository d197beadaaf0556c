// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-sandbox: the embedded sandbox's server, a module the app loads at its first call.
#include "sandbox/SandboxModule.h"

#include "SandboxServer.h"

void otadminServeSandbox(
    const otadmin::sandbox::SandboxConfig &config, QTcpServer *tcp, QObject *host)
{
    auto *server = new otadmin::sandbox::SandboxServer(config, host);
    server->serve(tcp);
}
