// SPDX-License-Identifier: GPL-3.0-or-later
// Streams and connections of a session, and the set-layout-classes body (reference §4.3–§4.5).
#pragma once

#include "types/FieldError.h"
#include "types/ItemList.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace otadmin {

/// A stream currently published in a session. Only `id` is required; the emulator sends all
/// four fields but the service may omit some (§4.4).
struct Stream
{
    QString id;
    /// "camera" or "screen" (screen sharing); kept as text so new kinds still parse.
    QString videoType;
    /// Set by the publisher; may be empty.
    QString name;
    /// Current layout classes, the hooks of custom layout stylesheets.
    QStringList layoutClassList;
    QJsonObject raw;

    static std::optional<Stream> fromJson(const QJsonValue &json, QString *error = nullptr);
};

/// GET /session/{id}/stream: the published streams.
using StreamList = ItemList<Stream>;

/// One entry of PUT /session/{id}/stream: the complete new class list of one stream (an empty
/// list clears its classes).
struct StreamClassChange
{
    QString id;
    QStringList layoutClassList;
};

/// {"items": [{"id": …, "layoutClassList": […]}, …]} (§4.5).
QJsonObject streamClassChangesToJson(const QList<StreamClassChange> &changes);
/// At least one change; each `items[i].id` a valid ID (validateId); each class name non-empty,
/// without whitespace (classes are space-joined in tokens and are CSS class selectors) or
/// control characters. Fields: "items", "items[2].id", "items[0].layoutClassList[1]".
Validation validateStreamClassChanges(const QList<StreamClassChange> &changes);

/// A client connection of a session (§4.3).
struct Connection
{
    QString connectionId;
    /// Unix milliseconds; 0 when absent.
    qint64 createdAt = 0;
    /// "Connecting", "Connected" or "Disconnected" as sent (compare case-insensitively).
    QString connectionState;
    QJsonObject raw;

    /// `connectionId` is required.
    static std::optional<Connection> fromJson(const QJsonValue &json, QString *error = nullptr);
};

/// GET /session/{id}/connection. `items` is required; a missing `count` means items.size().
struct ConnectionList
{
    int count = 0;
    /// From `projectId` (number or string); empty when absent.
    QString projectId;
    QString sessionId;
    QList<Connection> items;

    static std::optional<ConnectionList> fromJson(const QJsonValue &json, QString *error = nullptr);
};

} // namespace otadmin
