// SPDX-License-Identifier: GPL-3.0-or-later
// Registration of each API area's routes; one .cpp per area answers its section of the reference.
#pragma once

namespace otadmin::sandbox {

class Router;
class SandboxServer;
class SandboxState;

void registerSessionRoutes(Router &router, SandboxState &state); // §2.1, §4
void registerArchiveRoutes(Router &router, SandboxState &state); // §5
void registerBroadcastRoutes(Router &router, SandboxState &state); // §6
void registerSipRoutes(Router &router, SandboxState &state); // §7
void registerAccountRoutes(Router &router, SandboxState &state); // §9
void registerControlRoutes(Router &router, SandboxServer &server); // /_sandbox/...

} // namespace otadmin::sandbox
