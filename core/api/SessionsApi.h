// SPDX-License-Identifier: GPL-3.0-or-later
// Reference §2: creating sessions. The API cannot list sessions; the app keeps its own history.
#pragma once

#include "api/AreaApi.h"
#include "types/Session.h"

namespace otadmin {

class SessionsApi : public AreaApi
{
    Q_OBJECT
public:
    using AreaApi::AreaApi;

    /// POST /session/create (form body; `p2p.preference` and `archiveMode` always sent).
    /// Not idempotent: a repeat creates another, unused session. Result: SessionInfo.
    ApiReply *create(const SessionOptions &options);

Q_SIGNALS:
    void sessionCreated(
        const otadmin::SessionInfo &session, const otadmin::SessionOptions &options);
};

} // namespace otadmin
