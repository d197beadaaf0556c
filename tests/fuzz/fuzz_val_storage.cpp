// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: S3 and Azure archive storage targets (bucket rules, endpoint URLs).
#include "FuzzUtil.h"

#include "types/Storage.h"

using namespace otadmin;
using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Fields f = fuzz::fields(data, size, 2);
    StorageTarget storage;
    storage.fallback =
        f.flags & 1 ? StorageTarget::Fallback::OpenTok : StorageTarget::Fallback::None;
    if (f.op == 0) { // accessKey | secretKey | bucket | endpoint | sse
        storage.type = StorageTarget::Type::S3;
        storage.accessKey = f.part(0);
        storage.secretKey = f.part(1);
        storage.bucket = f.part(2);
        storage.endpoint = f.part(3);
        storage.sse = f.part(4);
    } else { // accountName | accountKey | container | domain
        storage.type = StorageTarget::Type::Azure;
        storage.accountName = f.part(0);
        storage.accountKey = f.part(1);
        storage.container = f.part(2);
        storage.domain = f.part(3);
    }
    if (fuzz::valid(storage.validate()))
        (void)storage.toJson();
    return 0;
}
