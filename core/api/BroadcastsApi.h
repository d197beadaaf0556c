// SPDX-License-Identifier: GPL-3.0-or-later
// Reference §6.2–6.7: start, stop, get, list, layout and stream selection of live broadcasts.
#pragma once

#include "api/AreaApi.h"
#include "api/ListQuery.h"
#include "types/Broadcast.h"
#include "types/Common.h"
#include "types/Layout.h"

namespace otadmin {

/// Results are Broadcast objects; `broadcastChanged` fires for every fresh copy (start, stop,
/// get and each item of a listed page), so a model keyed by broadcast ID stays current. HLS
/// and RTMP targets start `connecting`; the service pushes nothing, so poll get() to see them
/// go `live` (or `offline`).
class BroadcastsApi : public AreaApi
{
    Q_OBJECT
public:
    using AreaApi::AreaApi;

    /// POST .../broadcast. NOT idempotent: after an unknown outcome (see
    /// ApiReply::isOutcomeUnknown) look the broadcast up with list({sessionId}) instead of
    /// starting again; a second start of the same session without a distinct
    /// multiBroadcastTag answers 409. Needs a routed session with a connected client.
    ApiReply *start(const BroadcastOptions &options);
    /// POST .../broadcast/{id}/stop (no body). Result: the stopped Broadcast. Unknown or
    /// already stopped answers 404 or 409 depending on the service: treat both as "already
    /// stopped" and confirm with get().
    ApiReply *stop(const QString &broadcastId);
    /// GET .../broadcast/{id}. Result: Broadcast. Unknown: 404 (some deployments 409).
    ApiReply *get(const QString &broadcastId);
    /// GET .../broadcast?offset&count&sessionId. Result: BroadcastList (count = total
    /// matches). May include stopped broadcasts.
    ApiReply *list(const ListQuery &query = {});
    /// PUT .../broadcast/{id}/layout. Idempotent. The response body is not read.
    ApiReply *setLayout(const QString &broadcastId, const Layout &layout);
    /// PATCH .../broadcast/{id}/streams — add (with explicit audio/video) or remove a stream.
    /// 204 on success; 405 unless the broadcast uses the manual stream mode.
    ApiReply *changeStreams(const QString &broadcastId, const StreamSelectionChange &change);

Q_SIGNALS:
    void broadcastChanged(const otadmin::Broadcast &broadcast);
    void broadcastsLoaded(const otadmin::ListQuery &query, const otadmin::BroadcastList &page);
    void broadcastLayoutChanged(const QString &broadcastId, const otadmin::Layout &layout);
    void broadcastStreamsChanged(
        const QString &broadcastId, const otadmin::StreamSelectionChange &change);
};

} // namespace otadmin
