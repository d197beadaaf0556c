// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every input validator, with option types built from the input as UTF-16.
#include "FuzzUtil.h"

#include "api/ListQuery.h"
#include "auth/ClientToken.h"
#include "auth/SessionId.h"
#include "types/Archive.h"
#include "types/Broadcast.h"
#include "types/Common.h"
#include "types/Layout.h"
#include "types/Mute.h"
#include "types/Project.h"
#include "types/Session.h"
#include "types/Signal.h"
#include "types/Sip.h"
#include "types/Storage.h"
#include "types/Stream.h"

using namespace otadmin;

namespace {
const QString Field = QStringLiteral("f");

void check(const Validation &v)
{
    if (v && v->field.isEmpty() && v->message.isEmpty())
        __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t selector = data[0];
    const QString s = fuzz::utf16(data + 1, size - 1);
    const QStringList parts = s.split(QChar(u'|'));
    auto part = [&parts](qsizetype i) { return i < parts.size() ? parts[i] : QString(); };

    check(validateId(Field, s));
    check(validateSessionId(Field, s));
    check(validateText(Field, s, selector % 3, 200));
    check(validateUtf8Bytes(Field, s, 128, selector & 1));
    check(validateDtmfDigits(s));
    (void)isValidUnicode(s);
    (void)hasControlCharacters(s);

    Layout layout;
    layout.type = Layout::Type(selector % 5);
    layout.stylesheet = part(0);
    if (selector & 0x80)
        layout.screenshareType = Layout::Type((selector >> 3) % 5);
    check(layout.validate());
    (void)layout.toJson();

    ArchiveOptions archive;
    archive.sessionId = part(0);
    archive.name = part(1);
    archive.multiArchiveTag = part(2);
    archive.resolution = part(3);
    archive.layout = layout;
    archive.hasTranscription = selector & 2;
    archive.transcriptionProperties = TranscriptionProperties {part(4), bool(selector & 4)};
    check(archive.validate());
    (void)archive.toJson();

    BroadcastOptions broadcast;
    broadcast.sessionId = part(0);
    for (qsizetype i = 1; i + 2 < parts.size() && i < 22; i += 3)
        broadcast.rtmp << RtmpTarget {parts[i], parts[i + 1], parts[i + 2], {}};
    broadcast.multiBroadcastTag = part(1);
    broadcast.resolution = part(2);
    check(broadcast.validate());
    (void)broadcast.toJson();

    SessionOptions session;
    session.archiveMode = selector & 1 ? ArchiveMode::Always : ArchiveMode::Manual;
    session.archiveName = part(0);
    session.archiveResolution = part(1);
    session.location = part(2);
    check(session.validate());
    (void)session.toFormBody();

    StorageTarget storage;
    storage.type = selector & 1 ? StorageTarget::Type::Azure : StorageTarget::Type::S3;
    storage.accessKey = storage.accountName = part(0);
    storage.secretKey = storage.accountKey = part(1);
    storage.bucket = storage.container = part(2);
    storage.endpoint = storage.domain = part(3);
    storage.sse = part(4);
    check(storage.validate());
    (void)storage.toJson();

    SipDialOptions sip;
    sip.sessionId = part(0);
    sip.token = part(1);
    sip.uri = part(2);
    sip.from = part(3);
    sip.headers = {{part(4), part(5)}, {part(6), part(7)}};
    sip.username = part(8);
    sip.password = part(9);
    sip.streams = parts.mid(10);
    check(sip.validate());
    (void)sip.toJson();

    SignalPayload signal {part(0), part(1)};
    check(signal.validate());
    (void)signal.toJson();

    MuteAllOptions mute;
    mute.active = selector & 1;
    mute.excludedStreamIds = parts;
    check(mute.validate());

    check(validateStreamClassChanges({StreamClassChange {part(0), parts.mid(1)}}));
    check(StreamSelectionChange {StreamSelectionChange::Op::Add, s}.validate());
    check(ProjectCreateOptions {s}.validate());
    check(ListQuery {selector - 128, int(s.size()) - 5, part(0)}.validate());

    ClientTokenOptions token;
    token.connectionData = part(1);
    token.initialLayoutClasses = parts.mid(2);
    token.expireTimeSecs = 1700000000 + qint64(selector) * 100000;
    check(validateClientToken(QStringLiteral("12345678"), "secret", part(0), token, 1700000000));
    (void)decodeSessionId(s);
    return 0;
}
