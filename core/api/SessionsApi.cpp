// SPDX-License-Identifier: GPL-3.0-or-later
// Session creation.
#include "api/SessionsApi.h"

namespace otadmin {

ApiReply *SessionsApi::create(const SessionOptions &options)
{
    if (auto error = options.validate())
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::postForm(
        apiPath({QStringLiteral("session"), QStringLiteral("create")}), options.toFormBody());
    return send(request, parserFor<SessionInfo>(), [this, options](const ApiReply &reply) {
        Q_EMIT sessionCreated(reply.resultAs<SessionInfo>(), options);
    });
}

} // namespace otadmin
