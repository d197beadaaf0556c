// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: HttpDate::parse and retryAfterDelayMSecs.
#include "FuzzUtil.h"

#include "net/HttpDate.h"

using namespace otadmin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView value(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)HttpDate::parse(value);
    for (const qint64 now : {qint64(0), qint64(1700000000000), qint64(-1)}) {
        const auto delay = HttpDate::retryAfterDelayMSecs(value, now);
        if (delay && *delay < 0)
            __builtin_trap(); // a delay is never negative (a past date gives 0)
    }
    return 0;
}
