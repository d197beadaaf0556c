// SPDX-License-Identifier: GPL-3.0-or-later
// Reference §5.2–5.8: start, stop, get, delete, list, layout and stream selection of archives.
#pragma once

#include "api/AreaApi.h"
#include "api/ListQuery.h"
#include "types/Archive.h"
#include "types/Common.h"
#include "types/Layout.h"

namespace otadmin {

/// Results are Archive objects; `archiveChanged` fires for every fresh copy (start, stop,
/// get and each item of a listed page), so a model keyed by archive ID stays current.
class ArchivesApi : public AreaApi
{
    Q_OBJECT
public:
    using AreaApi::AreaApi;

    /// POST .../archive. NOT idempotent: after an unknown outcome (see
    /// ApiReply::isOutcomeUnknown) look the archive up with list({sessionId}) instead of
    /// starting again; a second start of the same session answers 409.
    ApiReply *start(const ArchiveOptions &options);
    /// POST .../archive/{id}/stop (no body). 409 when it is not recording any more.
    ApiReply *stop(const QString &archiveId);
    /// GET .../archive/{id}. Result: Archive.
    ApiReply *get(const QString &archiveId);
    /// DELETE .../archive/{id}. Only `available`/`uploaded` archives; 409 otherwise.
    ApiReply *remove(const QString &archiveId);
    /// GET .../archive?offset&count&sessionId. Result: ArchiveList (count = total matches).
    ApiReply *list(const ListQuery &query = {});
    /// PUT .../archive/{id}/layout. Composed archives only. Idempotent.
    ApiReply *setLayout(const QString &archiveId, const Layout &layout);
    /// PATCH .../archive/{id}/streams — add (with explicit audio/video) or remove a stream.
    /// 405 unless the archive uses the manual stream mode.
    ApiReply *changeStreams(const QString &archiveId, const StreamSelectionChange &change);

Q_SIGNALS:
    void archiveChanged(const otadmin::Archive &archive);
    void archiveDeleted(const QString &archiveId);
    void archivesLoaded(const otadmin::ListQuery &query, const otadmin::ArchiveList &page);
    void archiveLayoutChanged(const QString &archiveId, const otadmin::Layout &layout);
    void archiveStreamsChanged(
        const QString &archiveId, const otadmin::StreamSelectionChange &change);
};

} // namespace otadmin
