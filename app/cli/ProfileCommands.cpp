// SPDX-License-Identifier: GPL-3.0-or-later
// profile list|add|remove: saved profiles (QSettings) with their secrets in the OS keychain.
#include "CliOutput.h"
#include "CliParse.h"

namespace otadmin::cli {

QList<Command> profileCommands()
{
    return {};
}

} // namespace otadmin::cli
