// SPDX-License-Identifier: GPL-3.0-or-later
// PATCH .../streams for archives and broadcasts: one rule set for selecting recorded streams.
#pragma once

#include "Router.h"
#include "SandboxState.h"

namespace otadmin::sandbox {

/// The part of §5.8 / §6.7 that archives and broadcasts share, for an item that is known to
/// exist: the body names exactly one of `addStream` / `removeStream` (400 otherwise), with
/// optional boolean `hasAudio` / `hasVideo`; the item must use the manual stream mode (405)
/// and be `running` (409); an added stream must be published in the item's session (404) and
/// is updated in place when already included; a removed one must be included (404).
/// `kind` is "archive" or "broadcast", for the messages. 204 on success.
Reply changeIncludedStreams(SandboxState &state, const QString &kind, const QString &projectKey,
    const QString &sessionId, const QString &streamMode, bool running,
    QList<IncludedStream> &streams, const QByteArray &body);

} // namespace otadmin::sandbox
