// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: broadcast start options and their RTMP outputs (URL checks).
#include "FuzzUtil.h"

#include "types/Broadcast.h"
#include "types/Layout.h"

using namespace otadmin;
using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Fields f = fuzz::fields(data, size, 2);
    BroadcastOptions broadcast;
    if (f.op == 0) {
        // One RTMP output on a valid session: id | serverUrl | streamName
        broadcast.sessionId = QStringLiteral("1_MX4xMjM0NTY3OH4xMjcuMC4wLjF-fn4");
        broadcast.rtmp << RtmpTarget {f.part(0), f.part(1), f.parts.mid(2).join(QChar(u'|')), {}};
    } else {
        // sessionId | multiBroadcastTag | resolution | maxDuration | maxBitrate | stylesheet |
        // then id | serverUrl | streamName for each RTMP output
        broadcast.sessionId = f.part(0);
        broadcast.multiBroadcastTag = f.part(1);
        broadcast.resolution = f.part(2);
        if (!f.part(3).isEmpty())
            broadcast.maxDuration = f.number(3, -1);
        if (!f.part(4).isEmpty())
            broadcast.maxBitrate = f.number(4, -1);
        if (f.flags & 1)
            broadcast.layout = Layout {Layout::Type((f.flags >> 4) % 5), f.part(5), {}};
        for (qsizetype i = 6; i + 2 < f.parts.size() && broadcast.rtmp.size() < 8; i += 3)
            broadcast.rtmp << RtmpTarget {f.parts[i], f.parts[i + 1], f.parts[i + 2], {}};
    }
    if (f.flags & 2)
        broadcast.hls = HlsOptions {bool(f.flags & 4), bool(f.flags & 8)};
    broadcast.streamMode = f.flags & 64 ? StreamMode::Manual : StreamMode::Auto;
    broadcast.hasAudio = !(f.flags & 32);
    if (fuzz::valid(broadcast.validate()))
        (void)broadcast.toJson();
    return 0;
}
