// SPDX-License-Identifier: GPL-3.0-or-later
// The one settings file the GUI and the CLI share (profiles, window state; never a secret).
#pragma once

class QObject;
class QSettings;

namespace otadmin {

/// INI format, user scope, organisation "OpenTok Admin", application "opentok-admin": on Linux
/// $XDG_CONFIG_HOME/OpenTok Admin/opentok-admin.ini. INI on every OS (not the Windows
/// registry or macOS plists) so that the file can be inspected and the canary tests can prove
/// it holds no secret.
QSettings *createAppSettings(QObject *parent);

} // namespace otadmin
