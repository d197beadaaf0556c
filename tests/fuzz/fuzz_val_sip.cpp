// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SIP dial options (URIs, headers, auth, streams) and DTMF digits.
#include "FuzzUtil.h"

#include "types/Sip.h"

using namespace otadmin;
using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Fields f = fuzz::fields(data, size, 2);
    if (f.op == 0) { // digits
        if (fuzz::valid(validateDtmfDigits(f.text)))
            (void)dtmfToJson(f.text);
        return 0;
    }
    // sessionId | token | uri | from | username | password | header name | value | … ;
    // with flag 1 the header pairs are followed by "" and then the stream IDs.
    SipDialOptions sip;
    sip.sessionId = f.part(0);
    sip.token = f.part(1);
    sip.uri = f.part(2);
    sip.from = f.part(3);
    sip.username = f.part(4);
    sip.password = f.part(5);
    qsizetype i = 6;
    for (; i + 1 < f.parts.size() && !f.parts[i].isEmpty(); i += 2)
        sip.headers.append({f.parts[i], f.parts[i + 1]});
    if (f.flags & 1)
        sip.streams = f.parts.mid(i + 1);
    sip.secure = f.flags & 2;
    sip.video = f.flags & 4;
    sip.observeForceMute = f.flags & 8;
    if (fuzz::valid(sip.validate()))
        (void)sip.toJson();
    return 0;
}
