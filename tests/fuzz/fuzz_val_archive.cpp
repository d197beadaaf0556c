// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: archive start options, their layout and transcription properties.
#include "FuzzUtil.h"

#include "types/Archive.h"
#include "types/Layout.h"

using namespace otadmin;
using fuzz::check;

namespace {
Layout layoutFrom(unsigned flags, const QString &stylesheet)
{
    Layout layout;
    layout.type = Layout::Type(flags % 5);
    layout.stylesheet = stylesheet;
    if (flags & 8)
        layout.screenshareType = Layout::Type((flags >> 4) % 5);
    return layout;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Fields f = fuzz::fields(data, size, 3);
    switch (f.op) {
    case 0: { // stylesheet
        const Layout layout = layoutFrom(f.flags, f.text);
        if (fuzz::valid(layout.validate()))
            (void)layout.toJson();
        break;
    }
    case 1: { // primaryLanguageCode
        const TranscriptionProperties properties {f.text, bool(f.flags & 1)};
        if (fuzz::valid(properties.validate()))
            (void)properties.toJson();
        break;
    }
    default: {
        // sessionId | name | multiArchiveTag | resolution | maxBitrate | quantizationParameter |
        // primaryLanguageCode | stylesheet
        ArchiveOptions archive;
        archive.sessionId = f.part(0);
        archive.name = f.part(1);
        archive.multiArchiveTag = f.part(2);
        archive.resolution = f.part(3);
        if (!f.part(4).isEmpty())
            archive.maxBitrate = f.number(4, -1);
        if (!f.part(5).isEmpty())
            archive.quantizationParameter = f.number(5, -1);
        archive.hasAudio = !(f.flags & 1);
        archive.hasVideo = !(f.flags & 2);
        archive.outputMode = f.flags & 4 ? OutputMode::Individual : OutputMode::Composed;
        archive.streamMode = f.flags & 8 ? StreamMode::Manual : StreamMode::Auto;
        archive.hasTranscription = f.flags & 16;
        if (f.parts.size() > 6)
            archive.transcriptionProperties =
                TranscriptionProperties {f.part(6), bool(f.flags & 32)};
        if (f.parts.size() > 7)
            archive.layout =
                Layout {f.flags & 64 ? Layout::Type::Custom : Layout::Type::Pip, f.part(7), {}};
        if (fuzz::valid(archive.validate()))
            (void)archive.toJson();
        break;
    }
    }
    return 0;
}
