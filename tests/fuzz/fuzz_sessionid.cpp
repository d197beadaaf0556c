// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the session-ID decoder and the ownership check.
#include "FuzzUtil.h"

#include "auth/SessionId.h"

using namespace otadmin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString id = fuzz::utf8(data, size);
    QString error;
    const auto info = decodeSessionId(id, &error);
    if (info.has_value() == !error.isEmpty())
        __builtin_trap();
    if (info && !sessionBelongsTo(id, info->apiKey))
        __builtin_trap();
    return 0;
}
