// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every response parser; the first byte picks the parser, the rest is JSON.
#include "FuzzUtil.h"

#include "types/ApiErrorBody.h"
#include "types/Archive.h"
#include "types/Broadcast.h"
#include "types/Project.h"
#include "types/Session.h"
#include "types/Sip.h"
#include "types/Storage.h"
#include "types/Stream.h"

using namespace otadmin;

namespace {
template<typename T>
void parse(const QJsonValue &json)
{
    QString error;
    const std::optional<T> value = T::fromJson(json, &error);
    // A parser either gives a value or says why not, never both and never neither.
    if (value.has_value() == !error.isEmpty())
        __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QJsonValue json = fuzz::jsonValue(data + 1, size - 1);
    switch (data[0] % 13) {
    case 0:
        parse<SessionInfo>(json);
        break;
    case 1:
        parse<Archive>(json);
        break;
    case 2:
        parse<ArchiveList>(json);
        break;
    case 3:
        parse<Broadcast>(json);
        break;
    case 4:
        parse<BroadcastList>(json);
        break;
    case 5:
        parse<Stream>(json);
        break;
    case 6:
        parse<StreamList>(json);
        break;
    case 7:
        parse<ConnectionList>(json);
        break;
    case 8:
        parse<StorageTarget>(json);
        break;
    case 9:
        parse<Project>(json);
        break;
    case 10: {
        QString error;
        const auto projects = projectsFromJson(json, &error);
        if (projects.has_value() == !error.isEmpty())
            __builtin_trap();
        break;
    }
    case 11:
        parse<SipCall>(json);
        break;
    case 12:
        parse<ApiErrorBody>(json);
        break;
    }
    return 0;
}
