// SPDX-License-Identifier: GPL-3.0-or-later
// Archive upload target, PUT /archive/storage (reference §5.9).
#pragma once

#include "types/FieldError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace otadmin {

/// Where finished archives are uploaded: an S3(-compatible) bucket or an Azure container.
/// `secretKey` and `accountKey` are secrets: never log them (the request log redacts them).
struct StorageTarget
{
    enum class Type
    {
        S3,
        Azure
    };
    /// What happens when an upload fails: keep the archive in the OpenTok cloud, or not.
    enum class Fallback
    {
        OpenTok,
        None
    };

    Type type = Type::S3;

    // S3: accessKey, secretKey and bucket required.
    QString accessKey;
    QString secretKey;
    /// S3 bucket naming rules: 3–63 characters of lowercase letters, digits, dots and hyphens,
    /// starting and ending with a letter or digit, no "..", not an IPv4 address.
    QString bucket;
    /// Absolute http(s) URL of an S3-compatible provider; empty = AWS default.
    QString endpoint;
    /// "s3" (S3-managed server-side encryption) or "none"; empty = not sent.
    QString sse;

    // Azure: accountName, accountKey and container required.
    /// 3–24 lowercase letters and digits (Azure storage account rules).
    QString accountName;
    QString accountKey;
    /// 3–63 lowercase letters, digits and single hyphens, starting and ending with a letter
    /// or digit (Azure container rules).
    QString container;
    /// Domain of the container (e.g. "blob.core.windows.net"); empty = default.
    QString domain;

    Fallback fallback = Fallback::None;

    /// Fields: "config.accessKey", "config.bucket", "config.endpoint", "config.sse",
    /// "config.accountName", "config.container", "config.domain", …
    Validation validate() const;
    /// {"type": "s3"|"azure", "config": {…set fields of that type…}, "fallback": "opentok"|"none"}.
    QJsonObject toJson() const;
    /// The same shape; `type` and `config` required, unknown type or fallback is an error,
    /// missing fallback = None.
    static std::optional<StorageTarget> fromJson(const QJsonValue &json, QString *error = nullptr);
};

} // namespace otadmin
