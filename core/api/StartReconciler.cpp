// SPDX-License-Identifier: GPL-3.0-or-later
// Start, and on an ambiguous or conflicting answer one list call to find the running item.
#include "api/StartReconciler.h"

#include "api/ArchivesApi.h"
#include "api/BroadcastsApi.h"

namespace otadmin {

StartReconciler::StartReconciler(
    Area area, QObject *api, const QString &sessionId, const QString &tag)
    : QObject(api), m_area(area), m_api(api), m_sessionId(sessionId), m_tag(tag)
{
}

StartReconciler *StartReconciler::startArchive(ArchivesApi *api, const ArchiveOptions &options)
{
    auto *reconciler =
        new StartReconciler(Area::Archives, api, options.sessionId, options.multiArchiveTag);
    reconciler->watchStart(api->start(options));
    return reconciler;
}

StartReconciler *StartReconciler::startBroadcast(
    BroadcastsApi *api, const BroadcastOptions &options)
{
    auto *reconciler =
        new StartReconciler(Area::Broadcasts, api, options.sessionId, options.multiBroadcastTag);
    reconciler->watchStart(api->start(options));
    return reconciler;
}

QString StartReconciler::note() const
{
    const QString what = m_area == Area::Archives ? tr("archive") : tr("broadcast");
    if (m_outcome == Outcome::AlreadyRunning)
        return tr("The session already has a running %1 (the service answered 409); showing "
                  "it instead of starting another.")
            .arg(what);
    if (m_outcome == Outcome::AnswerLost)
        return tr("The %1 started, but the answer was lost (%2); found it by listing the "
                  "session.")
            .arg(what, m_error.userMessage());
    return {};
}

void StartReconciler::watchStart(ApiReply *reply)
{
    connect(reply, &ApiReply::finished, this, [this, reply] { startFinished(reply); });
}

void StartReconciler::startFinished(ApiReply *reply)
{
    if (reply->isSuccess()) {
        m_result = reply->result();
        finish(Outcome::Started);
        return;
    }
    m_error = reply->error();
    m_unknown = reply->isOutcomeUnknown();
    m_startUnknown = m_unknown;
    const bool conflict = m_error.kind() == ApiError::Kind::Conflict;
    if ((!m_unknown && !conflict) || !m_api) {
        finish(Outcome::Failed);
        return;
    }
    ListQuery query;
    query.sessionId = m_sessionId;
    query.count = ListQuery::MaxCount;
    ++m_listCalls;
    ApiReply *list = m_area == Area::Archives
        ? static_cast<ArchivesApi *>(m_api.data())->list(query)
        : static_cast<BroadcastsApi *>(m_api.data())->list(query);
    connect(list, &ApiReply::finished, this, [this, list] { listFinished(list); });
}

void StartReconciler::listFinished(ApiReply *reply)
{
    if (!reply->isSuccess()) {
        finish(Outcome::Failed); // m_unknown stays as the start left it
        return;
    }
    const Outcome found =
        m_error.kind() == ApiError::Kind::Conflict ? Outcome::AlreadyRunning : Outcome::AnswerLost;
    if (m_area == Area::Archives) {
        for (const Archive &archive : reply->resultAs<ArchiveList>().items) {
            const bool running =
                archive.status == ArchiveStatus::Started || archive.status == ArchiveStatus::Paused;
            if (running && archive.sessionId == m_sessionId && archive.multiArchiveTag == m_tag) {
                m_result = QVariant::fromValue(archive);
                finish(found);
                return;
            }
        }
    } else {
        for (const Broadcast &broadcast : reply->resultAs<BroadcastList>().items) {
            if (broadcast.status == BroadcastStatus::Started && broadcast.sessionId == m_sessionId
                && broadcast.multiBroadcastTag == m_tag) {
                m_result = QVariant::fromValue(broadcast);
                finish(found);
                return;
            }
        }
    }
    // Nothing runs: the start did not take effect (a 5xx that did nothing, a real conflict).
    m_unknown = false;
    finish(Outcome::Failed);
}

void StartReconciler::finish(Outcome outcome)
{
    m_outcome = outcome;
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace otadmin
