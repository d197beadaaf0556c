// SPDX-License-Identifier: GPL-3.0-or-later
// In-memory model of the service: projects, sessions, connections, streams, archives, broadcasts,
// SIP calls, storage. Times are sandbox-clock Unix milliseconds unless a name says otherwise.
#pragma once

#include "ListJsonCache.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace otadmin::sandbox {

struct Project
{
    QString key;
    QString secret;
    QString status = QStringLiteral("ACTIVE"); // ACTIVE or SUSPENDED
    QString name;
    QString environment = QStringLiteral("standard");
    qint64 createdAt = 0;
    std::optional<QJsonObject> storage; // §5.9 upload target, as sent
    QJsonObject toJson() const; // §9.1
};

struct Connection
{
    QString id;
    qint64 createdAt = 0;
    bool sip = false;
};

struct Stream
{
    QString id;
    QString connectionId;
    QString videoType = QStringLiteral("camera");
    QString name;
    QStringList layoutClassList;
    bool audioMuted = false; // set by force mute (§4.6)
    QJsonObject toJson() const; // all four fields, always (§4.4)
};

// Everything the server sent "to" a session, kept for tests (signals, DTMF).
struct SessionEvent
{
    QString kind; // "signal" or "dtmf"
    QString connectionId; // empty = every connection
    QJsonObject payload;
};

struct Session
{
    QString id;
    QString projectKey;
    bool routed = true;
    QString archiveMode = QStringLiteral("manual");
    QString archiveName; // for archiveMode=always
    QString archiveResolution;
    bool e2ee = false;
    QString location;
    qint64 createdAt = 0;
    QList<Connection> connections;
    QList<Stream> streams;
    bool muteActive = false;
    QStringList muteExcluded;
    QList<SessionEvent> events;

    const Connection *connection(const QString &connectionId) const;
    Stream *stream(const QString &streamId);
    QJsonObject toJson() const; // control view (GET /_sandbox/sessions/{id})
};

struct IncludedStream
{
    QString streamId;
    bool hasAudio = true;
    bool hasVideo = true;
    bool operator==(const IncludedStream &) const = default;
};

struct Archive
{
    QString id;
    QString projectKey;
    QString sessionId;
    QString status = QStringLiteral("started");
    std::optional<QString> name;
    QString reason;
    qint64 createdAt = 0;
    qint64 sequence = 0; // start order, for "newest first" when createdAt ties
    qint64 size = 0; // bytes
    qint64 duration = 0; // seconds
    QString outputMode = QStringLiteral("composed");
    QString streamMode = QStringLiteral("auto");
    bool hasAudio = true;
    bool hasVideo = true;
    QString resolution = QStringLiteral("640x480");
    QJsonObject layout;
    QString multiArchiveTag;
    std::optional<qint64> maxBitrate;
    std::optional<qint64> quantizationParameter;
    bool hasTranscription = false;
    QJsonObject transcriptionProperties;
    QList<IncludedStream> streams;
    QString url; // set when available
    bool toStorage = false; // decided at stop: uploaded instead of available
    qint64 readyAtMs = 0; // when a stopped archive finishes processing (0 = not pending)
    // Latin-1 literals: the size is compared inline before any characters (advanceLifecycles
    // asks this of every archive twice per request).
    bool isRecording() const
    {
        return status == QLatin1String("started") || status == QLatin1String("paused");
    }
    // Presence rules of §5.1. Reads only the members: ListJsonCache reuses the bytes while the
    // archive compares equal.
    QJsonObject toJson() const;
    // Appends exactly QJsonDocument(toJson()).toJson(Compact) without building the object (a
    // cold list page was mostly that). False, with nothing appended, where only Qt's writer is
    // sure to give the same bytes: escapes, non-ASCII, included streams, transcription. Change
    // it with toJson(): tst_sandbox_archivejson compares the two byte for byte.
    bool appendCompactJson(QByteArray &out) const;
    bool operator==(const Archive &) const = default;
};

struct RtmpTarget
{
    QString id;
    QString serverUrl;
    QString streamName;
    QString status = QStringLiteral("connecting");
    bool operator==(const RtmpTarget &) const = default;
};

struct Broadcast
{
    QString id;
    QString projectKey;
    QString sessionId;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 sequence = 0;
    QString status = QStringLiteral("started");
    QString resolution = QStringLiteral("640x480");
    qint64 maxDuration = 14400; // seconds
    std::optional<qint64> maxBitrate;
    QString streamMode = QStringLiteral("auto");
    bool hasAudio = true;
    bool hasVideo = true;
    QString multiBroadcastTag;
    QJsonObject layout;
    bool hls = false;
    bool dvr = false;
    bool lowLatency = false;
    QString hlsUrl;
    QString hlsStatus;
    QList<RtmpTarget> rtmp;
    QList<IncludedStream> streams;
    qint64 liveAtMs = 0; // connecting -> live (0 = done)
    // §6.1. Reads only the members, like Archive::toJson().
    QJsonObject toJson() const;
    bool operator==(const Broadcast &) const = default;
};

struct SipCall
{
    QString id;
    QString projectKey;
    QString sessionId;
    QString connectionId;
    QString streamId;
    QJsonObject request; // the dial body, for tests
    bool ended = false;
};

// Lifecycle timings (milliseconds), shared with SandboxConfig.
struct Timings
{
    int archiveProcessingMs = 1000;
    int rtmpConnectMs = 1000;
};

class SandboxState
{
public:
    QHash<QString, Project> projects;
    QHash<QString, Session> sessions;
    QHash<QString, Archive> archives;
    QHash<QString, Broadcast> broadcasts;
    QHash<QString, SipCall> sipCalls;
    // Serialized list items (GET /archive, GET /broadcast); they check validity themselves.
    ListJsonCache<Archive> archiveJson;
    ListJsonCache<Broadcast> broadcastJson;
    QString accountKey;
    QString accountSecret;
    QString baseUrl; // for archive download URLs
    Timings timings;

    Project *project(const QString &key);
    // The session when it exists and belongs to projectKey; null otherwise (answered as 404).
    Session *sessionOf(const QString &projectKey, const QString &sessionId);

    Project &createProject(const QString &key = {}, const QString &secret = {},
        const QString &name = {}, qint64 nowMs = 0);
    Session &createSession(
        const QString &projectKey, bool routed, qint64 nowMs, const QString &location = {});
    Connection &addConnection(Session &session, qint64 nowMs, const QString &id = {});
    Stream &addStream(Session &session, const QString &connectionId, const QString &videoType,
        const QString &name, const QString &id = {});
    // Removes a connection with its streams (force disconnect, SIP hang-up).
    void removeConnection(Session &session, const QString &connectionId, qint64 nowMs);
    void removeStream(Session &session, const QString &streamId, qint64 nowMs);

    // Archive transitions.
    void stopArchive(Archive &archive, qint64 nowMs, const QString &reason = {});
    bool failArchive(const QString &archiveId, const QString &reason);
    void stopBroadcast(Broadcast &broadcast, qint64 nowMs);

    // Applies every transition due at nowMs; returns the next due time (0 = nothing pending).
    qint64 advanceLifecycles(qint64 nowMs);

    qint64 nextSequence() { return ++m_sequence; }

    static QString makeSessionId(
        const QString &apiKey, const QString &location, qint64 createdAtMs);
    static QString newUuid();
    static QString newHexId(); // 32 hex digits, like broadcast IDs

private:
    void updateRecordingState(Session &session);
    qint64 m_sequence = 0;
};

} // namespace otadmin::sandbox
