// SPDX-License-Identifier: GPL-3.0-or-later
// Archive endpoints.
#include "api/ArchivesApi.h"

namespace otadmin {

namespace {
const QString ArchiveSegment = QStringLiteral("archive");
const QString ArchiveIdField = QStringLiteral("archiveId");
} // namespace

ApiReply *ArchivesApi::start(const ArchiveOptions &options)
{
    if (auto error = options.validate())
        return reject(*error, Idempotency::NonIdempotent);
    const auto request = ApiRequest::post(projectPath({ArchiveSegment}), options.toJson());
    return send(request, parserFor<Archive>(),
        [this](const ApiReply &reply) { Q_EMIT archiveChanged(reply.resultAs<Archive>()); });
}

ApiReply *ArchivesApi::stop(const QString &archiveId)
{
    if (auto error = validateId(ArchiveIdField, archiveId))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::postEmpty(
        projectPath({ArchiveSegment, archiveId, QStringLiteral("stop")}), Idempotency::Idempotent);
    return send(request, parserFor<Archive>(),
        [this](const ApiReply &reply) { Q_EMIT archiveChanged(reply.resultAs<Archive>()); });
}

ApiReply *ArchivesApi::get(const QString &archiveId)
{
    if (auto error = validateId(ArchiveIdField, archiveId))
        return reject(*error, Idempotency::Read);
    const auto request = ApiRequest::get(projectPath({ArchiveSegment, archiveId}));
    return send(request, parserFor<Archive>(),
        [this](const ApiReply &reply) { Q_EMIT archiveChanged(reply.resultAs<Archive>()); });
}

ApiReply *ArchivesApi::remove(const QString &archiveId)
{
    if (auto error = validateId(ArchiveIdField, archiveId))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::del(projectPath({ArchiveSegment, archiveId}));
    return send(
        request, {}, [this, archiveId](const ApiReply &) { Q_EMIT archiveDeleted(archiveId); });
}

ApiReply *ArchivesApi::list(const ListQuery &query)
{
    if (auto error = query.validate())
        return reject(*error, Idempotency::Read);
    auto request = ApiRequest::get(projectPath({ArchiveSegment}));
    request.withQuery(QStringLiteral("offset"), QString::number(query.offset))
        .withQuery(QStringLiteral("count"), QString::number(query.count));
    if (!query.sessionId.isEmpty())
        request.withQuery(QStringLiteral("sessionId"), query.sessionId);
    ResponseParser parser = parserFor<ArchiveList>();
    if (!query.keepRaw) {
        parser = [parse = std::move(parser)](const QJsonDocument &json, QString *error) {
            QVariant value = parse(json, error);
            if (value.metaType() != QMetaType::fromType<ArchiveList>())
                return value;
            // In place: value<ArchiveList>() would copy the page, and clearing `raw` in the copy
            // then deep-copied all 1000 archives once more.
            auto *page = static_cast<ArchiveList *>(value.data());
            for (Archive &archive : page->items)
                archive.raw = QJsonObject();
            return value;
        };
    }
    return send(request, std::move(parser), [this, query](const ApiReply &reply) {
        const auto page = reply.resultAs<ArchiveList>();
        Q_EMIT archivesLoaded(query, page);
        for (const Archive &archive : page.items)
            Q_EMIT archiveChanged(archive);
    });
}

ApiReply *ArchivesApi::setLayout(const QString &archiveId, const Layout &layout)
{
    if (auto error = firstError({validateId(ArchiveIdField, archiveId), layout.validate()}))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::put(
        projectPath({ArchiveSegment, archiveId, QStringLiteral("layout")}), layout.toJson());
    return send(request, {}, [this, archiveId, layout](const ApiReply &) {
        Q_EMIT archiveLayoutChanged(archiveId, layout);
    });
}

ApiReply *ArchivesApi::changeStreams(const QString &archiveId, const StreamSelectionChange &change)
{
    if (auto error = firstError({validateId(ArchiveIdField, archiveId), change.validate()}))
        return reject(*error, Idempotency::Idempotent);
    const auto request = ApiRequest::patch(
        projectPath({ArchiveSegment, archiveId, QStringLiteral("streams")}), change.toJson());
    return send(request, {}, [this, archiveId, change](const ApiReply &) {
        Q_EMIT archiveStreamsChanged(archiveId, change);
    });
}

} // namespace otadmin
