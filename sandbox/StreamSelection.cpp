// SPDX-License-Identifier: GPL-3.0-or-later
// Adding and removing streams of a manual-mode archive or broadcast.
#include "StreamSelection.h"

#include "RequestRules.h"

#include <algorithm>

namespace otadmin::sandbox {

Reply changeIncludedStreams(SandboxState &state, const QString &kind, const QString &projectKey,
    const QString &sessionId, const QString &streamMode, bool running,
    QList<IncludedStream> &streams, const QByteArray &body)
{
    QJsonObject json;
    QString error;
    if (!rules::parseJsonObject(body, false, &json, &error))
        return Reply::error(400, error);
    const bool add = json.contains(QLatin1String("addStream"));
    if (add == json.contains(QLatin1String("removeStream")))
        return Reply::error(
            400, QStringLiteral("Exactly one of addStream and removeStream is required"));
    const QJsonValue idValue =
        json.value(add ? QLatin1String("addStream") : QLatin1String("removeStream"));
    if (!idValue.isString() || idValue.toString().isEmpty())
        return Reply::error(400, QStringLiteral("The stream ID must be a string"));
    const QString id = idValue.toString();
    const auto hasAudio = rules::optionalBool(json, QStringLiteral("hasAudio"), true);
    const auto hasVideo = rules::optionalBool(json, QStringLiteral("hasVideo"), true);
    if (!hasAudio || !hasVideo)
        return Reply::error(400, QStringLiteral("hasAudio and hasVideo must be booleans"));
    if (streamMode != u"manual")
        return Reply::error(405, QStringLiteral("The %1 is not in manual stream mode").arg(kind));
    if (!running)
        return Reply::error(409, QStringLiteral("The %1 is not running").arg(kind));
    auto it = std::find_if(
        streams.begin(), streams.end(), [&](const IncludedStream &s) { return s.streamId == id; });
    if (add) {
        Session *session = state.sessionOf(projectKey, sessionId);
        if (!session || !session->stream(id))
            return Reply::error(404, QStringLiteral("Stream not found"));
        if (it != streams.end())
            *it = IncludedStream {id, *hasAudio, *hasVideo};
        else
            streams.append(IncludedStream {id, *hasAudio, *hasVideo});
    } else {
        if (it == streams.end())
            return Reply::error(404, QStringLiteral("Stream not found in the %1").arg(kind));
        streams.erase(it);
    }
    return Reply::noContent();
}

} // namespace otadmin::sandbox
