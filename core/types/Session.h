// SPDX-License-Identifier: GPL-3.0-or-later
// Options for POST /session/create and the parsed answer (reference §2.1).
#pragma once

#include "types/FieldError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace otadmin {

/// Relayed = peer-to-peer (`p2p.preference=enabled`); routed = through the Media Router
/// (`p2p.preference=disabled`), needed for archiving, broadcasts, SIP and e2ee.
enum class MediaMode
{
    Relayed,
    Routed
};
/// Always = the session is archived automatically (routed only).
enum class ArchiveMode
{
    Manual,
    Always
};
QString toApiString(MediaMode mode);
QString toApiString(ArchiveMode mode);

/// Limit of `archiveName` documented for auto-archived sessions (§2.1), in characters.
inline constexpr int kMaxSessionArchiveNameLength = 80;

/// What to create. Defaults to routed/manual, the useful choice for an admin tool; the SDKs
/// disagree on the server default, so toFormBody() always sends both modes (§2.1).
struct SessionOptions
{
    MediaMode mediaMode = MediaMode::Routed;
    ArchiveMode archiveMode = ArchiveMode::Manual;
    /// Auto-archive name, 1–80 characters; only with ArchiveMode::Always. Empty = not sent.
    /// The platform turns `~`, `-` and `_` into `:`.
    QString archiveName;
    /// One of resolutions(); only with ArchiveMode::Always. Empty = not sent.
    QString archiveResolution;
    /// IPv4 address (dotted quad) used as a region hint. Empty = not sent.
    QString location;
    /// End-to-end encryption: routed only, never with ArchiveMode::Always.
    bool e2ee = false;

    /// Fields: "archiveMode", "e2ee", "archiveName", "archiveResolution", "location".
    Validation validate() const;
    /// application/x-www-form-urlencoded body, every value percent-encoded:
    /// `p2p.preference=…&archiveMode=…[&archiveName=…][&archiveResolution=…][&location=…]&e2ee=…`.
    QByteArray toFormBody() const;
};

/// The answer of POST /session/create. Only `sessionId` is required.
struct SessionInfo
{
    QString sessionId;
    /// API key of the owning project, from `project_id`, else `partner_id`, else
    /// `application_id` (string or number).
    QString projectId;
    /// Human-readable creation date as sent (e.g. "Tue Nov 14 22:13:20 UTC 2023"), not a
    /// timestamp.
    QString createDt;
    /// Documented as "ignore"; usually empty.
    QString mediaServerUrl;
    QJsonObject raw;

    /// Accepts the documented JSON array with one element (errors then read "[0].session_id:
    /// …"), or a bare object.
    static std::optional<SessionInfo> fromJson(const QJsonValue &json, QString *error = nullptr);
};

} // namespace otadmin
