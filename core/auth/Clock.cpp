// SPDX-License-Identifier: GPL-3.0-or-later
// The system clock behind the Clock interface.
#include "auth/Clock.h"

#include <QDateTime>

namespace otadmin {

qint64 SystemClock::nowMSecs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

SystemClock &SystemClock::shared()
{
    static SystemClock clock;
    return clock;
}

} // namespace otadmin
