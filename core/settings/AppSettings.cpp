// SPDX-License-Identifier: GPL-3.0-or-later
// createAppSettings(): where the settings file lives.
#include "settings/AppSettings.h"

#include <QSettings>

namespace otadmin {

QSettings *createAppSettings(QObject *parent)
{
    return new QSettings(QSettings::IniFormat, QSettings::UserScope,
        QStringLiteral("OpenTok Admin"), QStringLiteral("opentok-admin"), parent);
}

} // namespace otadmin
