// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: session options, signals, mute-all, stream classes and stream selection.
#include "FuzzUtil.h"

#include "types/Common.h"
#include "types/Mute.h"
#include "types/Session.h"
#include "types/Signal.h"
#include "types/Stream.h"

using namespace otadmin;
using fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Fields f = fuzz::fields(data, size, 5);
    switch (f.op) {
    case 0: { // archiveName | archiveResolution | location
        SessionOptions session;
        session.mediaMode = f.flags & 1 ? MediaMode::Relayed : MediaMode::Routed;
        session.archiveMode = f.flags & 2 ? ArchiveMode::Always : ArchiveMode::Manual;
        session.e2ee = f.flags & 4;
        session.archiveName = f.part(0);
        session.archiveResolution = f.part(1);
        session.location = f.part(2);
        if (fuzz::valid(session.validate()))
            (void)session.toFormBody();
        break;
    }
    case 1: { // type | data
        const SignalPayload signal {f.part(0), f.parts.mid(1).join(QChar(u'|'))};
        if (fuzz::valid(signal.validate()))
            (void)signal.toJson();
        break;
    }
    case 2: { // excludedStreamIds, '|'-separated
        MuteAllOptions mute;
        mute.active = f.flags & 1;
        if (!f.text.isEmpty())
            mute.excludedStreamIds = f.parts;
        check(mute.validate());
        break;
    }
    case 3: { // items, '|'-separated, each "id;class;class…"
        QList<StreamClassChange> changes;
        if (!f.text.isEmpty()) {
            for (const QString &item : f.parts) {
                const QStringList fields = item.split(QChar(u';'));
                changes << StreamClassChange {fields.first(), fields.mid(1)};
            }
        }
        if (fuzz::valid(validateStreamClassChanges(changes)))
            (void)streamClassChangesToJson(changes);
        break;
    }
    default: { // streamId
        const StreamSelectionChange change {
            f.flags & 1 ? StreamSelectionChange::Op::Remove : StreamSelectionChange::Op::Add,
            f.text, bool(f.flags & 2), bool(f.flags & 4)};
        if (fuzz::valid(change.validate()))
            (void)change.toJson();
        break;
    }
    }
    return 0;
}
