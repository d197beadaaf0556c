// SPDX-License-Identifier: GPL-3.0-or-later
// Archive storage endpoints.
#include "api/StorageApi.h"

namespace otadmin {

namespace {
const QString StorageSegment = QStringLiteral("storage");
const QString ArchiveSegment = QStringLiteral("archive");

/// What signals may carry: the target without secretKey, accessKey and accountKey.
StorageTarget withoutSecrets(StorageTarget target)
{
    target.secretKey.clear();
    target.accessKey.clear();
    target.accountKey.clear();
    return target;
}
} // namespace

ApiReply *StorageApi::set(const StorageTarget &target)
{
    if (auto error = target.validate())
        return reject(*error, Idempotency::Idempotent);
    const auto request =
        ApiRequest::put(projectPath({ArchiveSegment, StorageSegment}), target.toJson());
    return send(request, {},
        [this, safe = withoutSecrets(target)](const ApiReply &) { Q_EMIT storageChanged(safe); });
}

ApiReply *StorageApi::remove()
{
    const auto request = ApiRequest::del(projectPath({ArchiveSegment, StorageSegment}));
    return send(request, {}, [this](const ApiReply &) { Q_EMIT storageDeleted(); });
}

} // namespace otadmin
