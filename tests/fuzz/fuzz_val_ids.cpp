// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: ID, session-ID and text validators, project names, list paging, token options.
#include "FuzzUtil.h"

#include "api/ListQuery.h"
#include "auth/ClientToken.h"
#include "types/Common.h"
#include "types/Project.h"

using namespace otadmin;
using fuzz::check;

namespace {
const QString Field = QStringLiteral("f");
constexpr qint64 Now = 1700000000;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Fields f = fuzz::fields(data, size, 8);
    switch (f.op) {
    case 0:
        check(validateId(Field, f.text));
        break;
    case 1:
        check(validateSessionId(Field, f.text));
        break;
    case 2:
        check(validateText(Field, f.text, int(f.flags % 3), 200));
        break;
    case 3:
        check(validateUtf8Bytes(Field, f.text, 128, f.flags & 1));
        break;
    case 4:
        (void)isValidUnicode(f.text);
        (void)hasControlCharacters(f.text);
        break;
    case 5: {
        const ProjectCreateOptions project {f.text};
        if (fuzz::valid(project.validate()))
            (void)project.toJson();
        break;
    }
    case 6: // offset | count | sessionId
        check(ListQuery {f.number(0, -1), f.number(1, -1), f.part(2)}.validate());
        break;
    default: { // sessionId | connectionData | class | class …
        static const std::optional<qint64> expiries[] = {
            std::nullopt, Now - 1, Now, Now + 86400, Now + 30 * 86400, Now + 30 * 86400 + 1};
        ClientTokenOptions token;
        token.expireTimeSecs = expiries[f.flags % 6];
        token.role = TokenRole((f.flags / 6) % 4);
        token.format = f.flags >= 24 ? TokenFormat::T1 : TokenFormat::Jwt;
        token.connectionData = f.part(1);
        token.initialLayoutClasses = f.parts.mid(2);
        check(validateClientToken(QStringLiteral("12345678"),
            QByteArrayLiteral("0123456789abcdef0123456789abcdef01234567"), f.part(0), token, Now));
        break;
    }
    }
    return 0;
}
