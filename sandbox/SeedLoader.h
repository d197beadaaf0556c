// SPDX-License-Identifier: GPL-3.0-or-later
// Applies `--seed` JSON (projects, sessions, connections, streams) to the sandbox state.
#pragma once

#include <QJsonObject>
#include <QString>

namespace otadmin::sandbox {

class SandboxState;

class SeedLoader
{
public:
    // Format in sandbox/README.md. A project whose key already exists is updated, not duplicated.
    // Returns false with *error set (when given) on a malformed seed; nothing partial is kept
    // of the failing project.
    static bool apply(const QJsonObject &seed, SandboxState &state, qint64 nowMs, QString *error);
};

} // namespace otadmin::sandbox
