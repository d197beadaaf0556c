// SPDX-License-Identifier: GPL-3.0-or-later
// Broadcast endpoints.
#include "api/BroadcastsApi.h"

namespace otadmin {

namespace {
const QString BroadcastSegment = QStringLiteral("broadcast");
const QString BroadcastIdField = QStringLiteral("broadcastId");
} // namespace

ApiReply *BroadcastsApi::start(const BroadcastOptions &options)
{
    if (auto error = options.validate())
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::post(projectPath({BroadcastSegment}), options.toJson());
    return send(request, parserFor<Broadcast>(),
        [this](const ApiReply &reply) { Q_EMIT broadcastChanged(reply.resultAs<Broadcast>()); });
}

ApiReply *BroadcastsApi::stop(const QString &broadcastId)
{
    if (auto error = validateId(BroadcastIdField, broadcastId))
        return reject(*error, Idempotency::Idempotent);
    const auto request =
        ApiRequest::postEmpty(projectPath({BroadcastSegment, broadcastId, QStringLiteral("stop")}),
            Idempotency::Idempotent);
    return send(request, parserFor<Broadcast>(),
        [this](const ApiReply &reply) { Q_EMIT broadcastChanged(reply.resultAs<Broadcast>()); });
}

ApiReply *BroadcastsApi::get(const QString &broadcastId)
{
    if (auto error = validateId(BroadcastIdField, broadcastId))
        return reject(*error, Idempotency::Read);
    const auto request = ApiRequest::get(projectPath({BroadcastSegment, broadcastId}));
    return send(request, parserFor<Broadcast>(),
        [this](const ApiReply &reply) { Q_EMIT broadcastChanged(reply.resultAs<Broadcast>()); });
}

ApiReply *BroadcastsApi::list(const ListQuery &query)
{
    if (auto error = query.validate())
        return reject(*error, Idempotency::Read);
    auto request = ApiRequest::get(projectPath({BroadcastSegment}));
    request.withQuery(QStringLiteral("offset"), QString::number(query.offset))
        .withQuery(QStringLiteral("count"), QString::number(query.count));
    if (!query.sessionId.isEmpty())
        request.withQuery(QStringLiteral("sessionId"), query.sessionId);
    return send(request, parserFor<BroadcastList>(), [this, query](const ApiReply &reply) {
        const auto page = reply.resultAs<BroadcastList>();
        Q_EMIT broadcastsLoaded(query, page);
        for (const Broadcast &broadcast : page.items)
            Q_EMIT broadcastChanged(broadcast);
    });
}

ApiReply *BroadcastsApi::setLayout(const QString &broadcastId, const Layout &layout)
{
    if (auto error = firstError({validateId(BroadcastIdField, broadcastId), layout.validate()}))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::put(
        projectPath({BroadcastSegment, broadcastId, QStringLiteral("layout")}), layout.toJson());
    return send(request, {}, [this, broadcastId, layout](const ApiReply &) {
        Q_EMIT broadcastLayoutChanged(broadcastId, layout);
    });
}

ApiReply *BroadcastsApi::changeStreams(
    const QString &broadcastId, const StreamSelectionChange &change)
{
    if (auto error = firstError({validateId(BroadcastIdField, broadcastId), change.validate()}))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::patch(
        projectPath({BroadcastSegment, broadcastId, QStringLiteral("streams")}), change.toJson());
    return send(request, {}, [this, broadcastId, change](const ApiReply &) {
        Q_EMIT broadcastStreamsChanged(broadcastId, change);
    });
}

} // namespace otadmin
