// SPDX-License-Identifier: GPL-3.0-or-later
// Projects managed with account credentials (reference §9).
#pragma once

#include "types/FieldError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace otadmin {

/// Longest project name we send, in characters. The reference gives none; 255 matches the
/// ID limit and any dashboard column.
inline constexpr int kMaxProjectNameLength = 255;

/// ACTIVE (older answers: VALID) or SUSPENDED; anything else is Unknown with the text kept in
/// Project::statusString. Matching is case-insensitive.
enum class ProjectStatus
{
    Active,
    Suspended,
    Unknown
};
/// "ACTIVE", "SUSPENDED" (what PUT /v2/project/{key} takes); "UNKNOWN" for Unknown.
QString toApiString(ProjectStatus status);
ProjectStatus projectStatusFromString(const QString &text);
/// {"status": "ACTIVE"|"SUSPENDED"} for the change-status call.
QJsonObject projectStatusToJson(ProjectStatus status);

/// A project's details (§9.1). Only `id` is required.
struct Project
{
    /// The project API key (string or number on the wire).
    QString id;
    /// The project API secret: radioactive, never log or persist outside the keychain.
    QString secret;
    ProjectStatus status = ProjectStatus::Unknown;
    QString statusString;
    /// May be empty.
    QString name;
    /// `environment`, or the older `environmentName` (Go SDK shape).
    QString environment;
    /// `environmentDescription` of the older shape (e.g. "Standard Environment"); else empty.
    QString environmentDescription;
    /// Unix milliseconds; 0 when absent.
    qint64 createdAt = 0;
    /// Not documented; kept when sent (Unix milliseconds).
    std::optional<qint64> updatedAt;
    QJsonObject raw;

    static std::optional<Project> fromJson(const QJsonValue &json, QString *error = nullptr);
};

/// GET /v2/project answers a bare JSON array (no count/items); errors read "[3].createdAt: …".
std::optional<QList<Project>> projectsFromJson(const QJsonValue &json, QString *error = nullptr);

/// Body of POST /v2/project: {"name": …} or {} when no name is given.
struct ProjectCreateOptions
{
    /// Optional; at most kMaxProjectNameLength characters, no control characters.
    QString name;

    /// Field "name".
    Validation validate() const;
    QJsonObject toJson() const;
};

} // namespace otadmin
