// SPDX-License-Identifier: GPL-3.0-or-later
// Reference §5.9: the project's archive upload target (S3 or Azure), set and removed.
#pragma once

#include "api/AreaApi.h"
#include "types/Storage.h"

namespace otadmin {

/// The service offers no "get" for the upload target, so the app only knows what it last set.
/// Archives stopped while a target is set end `uploaded` (no download URL) instead of
/// `available`. The target carries secrets (secretKey/accessKey, accountKey): they go into
/// the request body only — the request log redacts them and `storageChanged` carries a copy
/// with every secret field cleared, so no model or view ever holds one.
class StorageApi : public AreaApi
{
    Q_OBJECT
public:
    using AreaApi::AreaApi;

    /// PUT .../archive/storage. Idempotent (replaces any previous target). 200 on success;
    /// the response body is deliberately not read (its shape is undocumented and it may
    /// echo the secrets), so the reply has no result. 400 invalid configuration.
    ApiReply *set(const StorageTarget &target);
    /// DELETE .../archive/storage. Idempotent; 204. Later archives stay in the OpenTok cloud.
    ApiReply *remove();

Q_SIGNALS:
    /// The target now in effect, with every secret field empty.
    void storageChanged(const otadmin::StorageTarget &target);
    void storageDeleted();
};

} // namespace otadmin
