// SPDX-License-Identifier: GPL-3.0-or-later
// Options for POST /session/create and the parsed answer (reference §2.1).
#include "types/Session.h"

#include "types/Common.h"
#include "types/JsonReader.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

namespace otadmin {

QString toApiString(MediaMode mode)
{
    return mode == MediaMode::Relayed ? QStringLiteral("relayed") : QStringLiteral("routed");
}

QString toApiString(ArchiveMode mode)
{
    return mode == ArchiveMode::Always ? QStringLiteral("always") : QStringLiteral("manual");
}

Validation SessionOptions::validate() const
{
    const bool always = archiveMode == ArchiveMode::Always;
    if (always && mediaMode == MediaMode::Relayed)
        return FieldError {QStringLiteral("archiveMode"),
            QStringLiteral("always (automatic archiving) requires the routed "
                           "media mode")};
    if (e2ee && mediaMode == MediaMode::Relayed)
        return FieldError {QStringLiteral("e2ee"),
            QStringLiteral("end-to-end encryption requires the routed media mode")};
    if (e2ee && always)
        return FieldError {QStringLiteral("e2ee"),
            QStringLiteral("end-to-end encryption cannot be combined with "
                           "archiveMode always")};
    if (!archiveName.isEmpty()) {
        if (!always)
            return FieldError {QStringLiteral("archiveName"),
                QStringLiteral("is only allowed with archiveMode always")};
        if (auto v = validateText(
                QStringLiteral("archiveName"), archiveName, 1, kMaxSessionArchiveNameLength))
            return v;
    }
    if (!archiveResolution.isEmpty()) {
        if (!always)
            return FieldError {QStringLiteral("archiveResolution"),
                QStringLiteral("is only allowed with archiveMode always")};
        if (!isValidResolution(archiveResolution))
            return FieldError {QStringLiteral("archiveResolution"),
                QStringLiteral("must be one of %1").arg(resolutions().join(QStringLiteral(", ")))};
    }
    if (!location.isEmpty()) {
        // Canonical dotted quad only: QHostAddress also accepts shorthand such as "127.1".
        const QHostAddress address(location);
        if (address.protocol() != QAbstractSocket::IPv4Protocol || address.toString() != location)
            return FieldError {QStringLiteral("location"),
                QStringLiteral("must be an IPv4 address such as 203.0.113.7")};
    }
    return std::nullopt;
}

QByteArray SessionOptions::toFormBody() const
{
    QByteArray body;
    const auto add = [&body](const char *key, const QString &value) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(QString::fromLatin1(key));
        body += '=';
        body += QUrl::toPercentEncoding(value);
    };
    add("p2p.preference",
        mediaMode == MediaMode::Relayed ? QStringLiteral("enabled") : QStringLiteral("disabled"));
    add("archiveMode", toApiString(archiveMode));
    if (!archiveName.isEmpty())
        add("archiveName", archiveName);
    if (!archiveResolution.isEmpty())
        add("archiveResolution", archiveResolution);
    if (!location.isEmpty())
        add("location", location);
    add("e2ee", e2ee ? QStringLiteral("true") : QStringLiteral("false"));
    return body;
}

std::optional<SessionInfo> SessionInfo::fromJson(const QJsonValue &json, QString *error)
{
    QJsonValue element = json;
    QString prefix;
    if (json.isArray()) {
        const QJsonArray array = json.toArray();
        if (array.isEmpty()) {
            reportError(error,
                QStringLiteral("expected an array with one session, got an empty "
                               "array"));
            return std::nullopt;
        }
        element = array.first();
        prefix = QStringLiteral("[0]");
    } else if (!json.isObject()) {
        reportError(error, JsonReader::mismatch(QStringLiteral("an array or an object"), json));
        return std::nullopt;
    }
    JsonReader r(element);
    SessionInfo s;
    r.read(QStringLiteral("session_id"), s.sessionId, JsonReader::Required);
    r.readIdFallback({QStringLiteral("project_id"), QStringLiteral("partner_id"),
                         QStringLiteral("application_id")},
        s.projectId);
    r.read(QStringLiteral("create_dt"), s.createDt);
    r.read(QStringLiteral("media_server_url"), s.mediaServerUrl);
    if (!r.ok()) {
        reportError(error, JsonReader::nestedPath(prefix, r.error()));
        return std::nullopt;
    }
    if (s.sessionId.isEmpty()) {
        reportError(error,
            JsonReader::nestedPath(prefix,
                QStringLiteral("session_id: must not be "
                               "empty")));
        return std::nullopt;
    }
    s.raw = r.object();
    return s;
}

} // namespace otadmin
