// SPDX-License-Identifier: GPL-3.0-or-later
// The in-memory model: JSON views, ID generation and archive/broadcast lifecycles.
#include "SandboxState.h"

#include "SandboxConfig.h"

#include <QRandomGenerator>
#include <QUuid>

#include <charconv>

namespace otadmin::sandbox {

namespace {

constexpr qint64 maxArchiveMs = 14400 * 1000; // 4 h recording limit (§5.1)

QJsonArray includedStreamsJson(const QList<IncludedStream> &streams)
{
    QJsonArray out;
    for (const IncludedStream &s : streams)
        out.append(QJsonObject {{QStringLiteral("streamId"), s.streamId},
            {QStringLiteral("hasAudio"), s.hasAudio}, {QStringLiteral("hasVideo"), s.hasVideo}});
    return out;
}

qint64 projectIdNumber(const QString &key)
{
    bool ok = false;
    const qint64 n = key.toLongLong(&ok);
    return ok ? n : 0;
}

// Digits as QByteArray::number() writes them, without its allocation.
void appendNumber(QByteArray &out, qint64 n)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end - digits);
}

// The characters Qt's JSON writer copies unchanged; it escapes or UTF-8-encodes the rest.
bool appendPlainString(QByteArray &out, QStringView s)
{
    const qsizetype at = out.size();
    out.resize(at + s.size() + 2);
    char *p = out.data() + at;
    *p++ = '"';
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        if (c < 0x20 || c > 0x7e || c == u'"' || c == u'\\')
            return false;
        *p++ = char(c);
    }
    *p = '"';
    return true;
}

} // namespace

QJsonObject Project::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), key}, {QStringLiteral("secret"), secret},
        {QStringLiteral("status"), status}, {QStringLiteral("name"), name},
        {QStringLiteral("environment"), environment}, {QStringLiteral("createdAt"), createdAt}};
}

QJsonObject Stream::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("videoType"), videoType},
        {QStringLiteral("name"), name},
        {QStringLiteral("layoutClassList"), QJsonArray::fromStringList(layoutClassList)}};
}

const Connection *Session::connection(const QString &connectionId) const
{
    for (const Connection &c : connections)
        if (c.id == connectionId)
            return &c;
    return nullptr;
}

Stream *Session::stream(const QString &streamId)
{
    for (Stream &s : streams)
        if (s.id == streamId)
            return &s;
    return nullptr;
}

QJsonObject Session::toJson() const
{
    QJsonArray conns;
    for (const Connection &c : connections)
        conns.append(QJsonObject {{QStringLiteral("connectionId"), c.id},
            {QStringLiteral("createdAt"), c.createdAt}, {QStringLiteral("sip"), c.sip}});
    QJsonArray strs;
    for (const Stream &s : streams) {
        QJsonObject o = s.toJson();
        o.insert(QStringLiteral("connectionId"), s.connectionId);
        o.insert(QStringLiteral("audioMuted"), s.audioMuted);
        strs.append(o);
    }
    QJsonArray evs;
    for (const SessionEvent &e : events)
        evs.append(QJsonObject {{QStringLiteral("kind"), e.kind},
            {QStringLiteral("connectionId"), e.connectionId},
            {QStringLiteral("payload"), e.payload}});
    return QJsonObject {{QStringLiteral("sessionId"), id},
        {QStringLiteral("projectId"), projectKey},
        {QStringLiteral("mediaMode"),
            routed ? QStringLiteral("routed") : QStringLiteral("relayed")},
        {QStringLiteral("archiveMode"), archiveMode}, {QStringLiteral("e2ee"), e2ee},
        {QStringLiteral("location"), location}, {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("muteActive"), muteActive},
        {QStringLiteral("muteExcluded"), QJsonArray::fromStringList(muteExcluded)},
        {QStringLiteral("connections"), conns}, {QStringLiteral("streams"), strs},
        {QStringLiteral("events"), evs}};
}

QJsonObject Archive::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("status"), status},
        {QStringLiteral("name"), name ? QJsonValue(*name) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reason"), reason}, {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("projectId"), projectIdNumber(projectKey)},
        {QStringLiteral("createdAt"), createdAt}, {QStringLiteral("size"), size},
        {QStringLiteral("duration"), duration}, {QStringLiteral("outputMode"), outputMode},
        {QStringLiteral("streamMode"), streamMode}, {QStringLiteral("hasAudio"), hasAudio},
        {QStringLiteral("hasVideo"), hasVideo},
        {QStringLiteral("url"),
            status == u"available" ? QJsonValue(url) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("streams"),
            streamMode == u"manual" && isRecording() ? includedStreamsJson(streams)
                                                     : QJsonArray()}};
    if (outputMode == u"composed")
        o.insert(QStringLiteral("resolution"), resolution);
    if (maxBitrate)
        o.insert(QStringLiteral("maxBitrate"), *maxBitrate);
    if (quantizationParameter)
        o.insert(QStringLiteral("quantizationParameter"), *quantizationParameter);
    if (!multiArchiveTag.isEmpty())
        o.insert(QStringLiteral("multiArchiveTag"), multiArchiveTag);
    if (hasTranscription) {
        o.insert(QStringLiteral("hasTranscription"), true);
        o.insert(QStringLiteral("transcriptionProperties"), transcriptionProperties);
    }
    return o;
}

// Keys in QJsonObject's order (sorted by UTF-16 code unit: "streamMode" before "streams").
bool Archive::appendCompactJson(QByteArray &out) const
{
    const bool listsStreams = streamMode == u"manual" && isRecording() && !streams.isEmpty();
    if (hasTranscription || listsStreams)
        return false;
    const qsizetype start = out.size();
    bool plain = true; // every string so far written as is; else all of it is taken back
    const auto string = [&out, &plain](const char *key, const QString &value) {
        out.append(key);
        if (plain)
            plain = appendPlainString(out, value);
    };
    const auto number = [&out](const char *key, qint64 value) {
        out.append(key);
        appendNumber(out, value);
    };
    number("{\"createdAt\":", createdAt);
    number(",\"duration\":", duration);
    out.append(hasAudio ? ",\"hasAudio\":true" : ",\"hasAudio\":false");
    out.append(hasVideo ? ",\"hasVideo\":true" : ",\"hasVideo\":false");
    string(",\"id\":", id);
    if (maxBitrate)
        number(",\"maxBitrate\":", *maxBitrate);
    if (!multiArchiveTag.isEmpty())
        string(",\"multiArchiveTag\":", multiArchiveTag);
    if (name)
        string(",\"name\":", *name);
    else
        out.append(",\"name\":null");
    string(",\"outputMode\":", outputMode);
    number(",\"projectId\":", projectIdNumber(projectKey));
    if (quantizationParameter)
        number(",\"quantizationParameter\":", *quantizationParameter);
    string(",\"reason\":", reason);
    if (outputMode == u"composed")
        string(",\"resolution\":", resolution);
    string(",\"sessionId\":", sessionId);
    number(",\"size\":", size);
    string(",\"status\":", status);
    string(",\"streamMode\":", streamMode);
    out.append(",\"streams\":[]");
    if (status == u"available")
        string(",\"url\":", url);
    else
        out.append(",\"url\":null");
    if (!plain) {
        out.truncate(start);
        return false;
    }
    out.append('}');
    return true;
}

QJsonObject Broadcast::toJson() const
{
    QJsonObject urls;
    if (hls) {
        urls.insert(QStringLiteral("hls"), hlsUrl);
        urls.insert(QStringLiteral("hlsStatus"), hlsStatus);
    }
    if (!rtmp.isEmpty()) {
        QJsonArray targets;
        for (const RtmpTarget &t : rtmp) {
            QJsonObject target {{QStringLiteral("serverUrl"), t.serverUrl},
                {QStringLiteral("streamName"), t.streamName}, {QStringLiteral("status"), t.status}};
            if (!t.id.isEmpty())
                target.insert(QStringLiteral("id"), t.id);
            targets.append(target);
        }
        urls.insert(QStringLiteral("rtmp"), targets);
    }
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("projectId"), projectIdNumber(projectKey)},
        {QStringLiteral("createdAt"), createdAt}, {QStringLiteral("updatedAt"), updatedAt},
        {QStringLiteral("resolution"), resolution}, {QStringLiteral("status"), status},
        {QStringLiteral("maxDuration"), maxDuration}, {QStringLiteral("streamMode"), streamMode},
        {QStringLiteral("hasAudio"), hasAudio}, {QStringLiteral("hasVideo"), hasVideo},
        {QStringLiteral("broadcastUrls"), urls},
        {QStringLiteral("streams"),
            streamMode == u"manual" && status == u"started" ? includedStreamsJson(streams)
                                                            : QJsonArray()}};
    if (maxBitrate)
        o.insert(QStringLiteral("maxBitrate"), *maxBitrate);
    if (hls)
        o.insert(QStringLiteral("settings"),
            QJsonObject {{QStringLiteral("hls"),
                QJsonObject {
                    {QStringLiteral("lowLatency"), lowLatency}, {QStringLiteral("dvr"), dvr}}}});
    if (!multiBroadcastTag.isEmpty())
        o.insert(QStringLiteral("multiBroadcastTag"), multiBroadcastTag);
    return o;
}

Project *SandboxState::project(const QString &key)
{
    auto it = projects.find(key);
    return it == projects.end() ? nullptr : &it.value();
}

Session *SandboxState::sessionOf(const QString &projectKey, const QString &sessionId)
{
    auto it = sessions.find(sessionId);
    if (it == sessions.end() || it->projectKey != projectKey)
        return nullptr;
    return &it.value();
}

Project &SandboxState::createProject(
    const QString &key, const QString &secret, const QString &name, qint64 nowMs)
{
    Project p;
    p.key = key;
    while (p.key.isEmpty() || projects.contains(p.key))
        p.key = newApiKey();
    p.secret = secret.isEmpty() ? newSecret() : secret;
    p.name = name;
    p.createdAt = nowMs;
    return projects[p.key] = p;
}

Session &SandboxState::createSession(
    const QString &projectKey, bool routed, qint64 nowMs, const QString &location)
{
    Session s;
    s.id = makeSessionId(projectKey, location, nowMs);
    s.projectKey = projectKey;
    s.routed = routed;
    s.location = location;
    s.createdAt = nowMs;
    return sessions[s.id] = s;
}

Connection &SandboxState::addConnection(Session &session, qint64 nowMs, const QString &id)
{
    session.connections.append(Connection {id.isEmpty() ? newUuid() : id, nowMs, false});
    return session.connections.last();
}

Stream &SandboxState::addStream(Session &session, const QString &connectionId,
    const QString &videoType, const QString &name, const QString &id)
{
    Stream s;
    s.id = id.isEmpty() ? newUuid() : id;
    s.connectionId = connectionId;
    s.videoType = videoType.isEmpty() ? QStringLiteral("camera") : videoType;
    s.name = name;
    // A session-wide force mute also mutes streams published later (§4.6).
    s.audioMuted = session.muteActive && !session.muteExcluded.contains(s.id);
    session.streams.append(s);
    updateRecordingState(session);
    return session.streams.last();
}

void SandboxState::removeConnection(Session &session, const QString &connectionId, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    session.streams.removeIf([&](const Stream &s) { return s.connectionId == connectionId; });
    session.connections.removeIf([&](const Connection &c) { return c.id == connectionId; });
    for (SipCall &call : sipCalls)
        if (call.sessionId == session.id && call.connectionId == connectionId)
            call.ended = true;
    updateRecordingState(session);
}

void SandboxState::removeStream(Session &session, const QString &streamId, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    session.streams.removeIf([&](const Stream &s) { return s.id == streamId; });
    updateRecordingState(session);
}

// started <-> paused follows whether anything is published (§5.1 transitions).
void SandboxState::updateRecordingState(Session &session)
{
    for (Archive &a : archives) {
        if (a.sessionId != session.id || !a.isRecording())
            continue;
        a.status = session.streams.isEmpty() ? QStringLiteral("paused") : QStringLiteral("started");
    }
}

void SandboxState::stopArchive(Archive &archive, qint64 nowMs, const QString &reason)
{
    archive.status = QStringLiteral("stopped");
    archive.reason = reason;
    archive.duration = qMax<qint64>(0, (nowMs - archive.createdAt) / 1000);
    archive.streams.clear();
    const Project *p = project(archive.projectKey);
    archive.toStorage = p && p->storage.has_value();
    archive.readyAtMs = nowMs + qMax(0, timings.archiveProcessingMs);
}

bool SandboxState::failArchive(const QString &archiveId, const QString &reason)
{
    auto it = archives.find(archiveId);
    if (it == archives.end() || !(it->isRecording() || it->status == u"stopped"))
        return false;
    it->status = QStringLiteral("failed");
    it->reason = reason;
    it->readyAtMs = 0;
    it->url.clear();
    return true;
}

void SandboxState::stopBroadcast(Broadcast &broadcast, qint64 nowMs)
{
    broadcast.status = QStringLiteral("stopped");
    broadcast.updatedAt = nowMs;
    broadcast.liveAtMs = 0;
    broadcast.streams.clear();
    if (broadcast.hls)
        broadcast.hlsStatus = QStringLiteral("ended");
}

qint64 SandboxState::advanceLifecycles(qint64 nowMs)
{
    qint64 next = 0;
    const auto consider = [&next](qint64 due) {
        if (due > 0 && (next == 0 || due < next))
            next = due;
    };
    // Runs twice per request over every archive: the cheap tests come first (10,000 finished
    // archives are the common case), and isRecording() is asked once.
    for (Archive &a : archives) {
        if (a.isRecording()) {
            if (nowMs - a.createdAt >= maxArchiveMs)
                stopArchive(a, nowMs, QStringLiteral("maximum duration exceeded"));
            else
                consider(a.createdAt + maxArchiveMs);
        }
        if (a.readyAtMs > 0 && a.status == QLatin1String("stopped")) {
            if (nowMs >= a.readyAtMs) {
                a.readyAtMs = 0;
                a.size = 4096 + a.duration * 16000; // stand-in file size in bytes
                if (a.toStorage) {
                    a.status = QStringLiteral("uploaded");
                } else {
                    a.status = QStringLiteral("available");
                    a.url = baseUrl + QStringLiteral("/_sandbox/download/archive/") + a.id
                        + (a.outputMode == u"individual" ? QStringLiteral(".zip")
                                                         : QStringLiteral(".mp4"));
                }
            } else {
                consider(a.readyAtMs);
            }
        }
    }
    for (Broadcast &b : broadcasts) {
        if (b.status != u"started")
            continue;
        const qint64 endAt = b.createdAt + b.maxDuration * 1000;
        if (nowMs >= endAt) {
            stopBroadcast(b, nowMs);
            continue;
        }
        consider(endAt);
        if (b.liveAtMs > 0) {
            if (nowMs >= b.liveAtMs) {
                b.liveAtMs = 0;
                b.updatedAt = nowMs;
                if (b.hls)
                    b.hlsStatus = QStringLiteral("live");
                for (RtmpTarget &t : b.rtmp)
                    t.status = QStringLiteral("live");
            } else {
                consider(b.liveAtMs);
            }
        }
    }
    return next;
}

QString SandboxState::makeSessionId(
    const QString &apiKey, const QString &location, qint64 createdAtMs)
{
    const QString random = QString::number(QRandomGenerator::global()->generate64(), 16);
    const QByteArray raw = QStringLiteral("1~%1~%2~%3~%4~~")
                               .arg(apiKey, location)
                               .arg(createdAtMs)
                               .arg(random)
                               .toUtf8();
    return QStringLiteral("1_")
        + QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString SandboxState::newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString SandboxState::newHexId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace otadmin::sandbox
