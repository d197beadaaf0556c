// SPDX-License-Identifier: GPL-3.0-or-later
// Timing-safe byte comparison.
#include "auth/ConstantTime.h"

namespace otadmin::ConstantTime {

bool equals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff = diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]));
    return diff == 0;
}

} // namespace otadmin::ConstantTime
