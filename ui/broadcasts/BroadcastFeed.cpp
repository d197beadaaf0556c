// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastFeed: list paging, polling of running broadcasts, stop/offline detection.
#include "broadcasts/BroadcastFeed.h"

#include "api/BroadcastsApi.h"
#include "api/ListQuery.h"
#include "models/BackoffPoller.h"
#include "models/BroadcastListModel.h"

namespace otadmin {

namespace {
bool isDown(const RtmpTarget &target)
{
    return target.state() == RtmpStatus::Offline || target.state() == RtmpStatus::Other;
}

bool hasConnectingOutput(const Broadcast &b)
{
    if (b.hlsStatus == u"connecting")
        return true;
    return std::any_of(b.rtmp.cbegin(), b.rtmp.cend(),
        [](const RtmpTarget &t) { return t.state() == RtmpStatus::Connecting; });
}

/// The same target in an earlier copy: by label when it has one, else by position.
const RtmpTarget *previousTarget(const Broadcast &before, const Broadcast &after, int index)
{
    const RtmpTarget &target = after.rtmp.at(index);
    if (!target.id.isEmpty()) {
        for (const RtmpTarget &t : before.rtmp) {
            if (t.id == target.id)
                return &t;
        }
        return nullptr;
    }
    return index < before.rtmp.size() ? &before.rtmp.at(index) : nullptr;
}
} // namespace

BroadcastFeed::BroadcastFeed(BroadcastsApi *api, QObject *parent)
    : QObject(parent),
      m_api(api),
      m_model(new BroadcastListModel(this)),
      m_poller(new BackoffPoller([api](const QString &id) { return api->get(id); },
          [this](const QString &id) { return isFinal(id); }, this)),
      m_pageSize(ListQuery::MaxCount)
{
    m_poller->setIntervals(FirstPollMSecs, MaxPollMSecs);
    connect(api, &BroadcastsApi::broadcastChanged, this, &BroadcastFeed::onBroadcastChanged);
}

void BroadcastFeed::setPageSize(int count)
{
    m_pageSize = qBound(1, count, int(ListQuery::MaxCount));
}

void BroadcastFeed::setSessionFilter(const QString &sessionId)
{
    const QString trimmed = sessionId.trimmed();
    if (trimmed == m_sessionFilter)
        return;
    m_sessionFilter = trimmed;
    cancelLoad();
    m_poller->clear();
    m_model->clear();
    updateRunning();
}

bool BroadcastFeed::isFinal(const QString &id) const
{
    const auto b = m_model->find(id);
    return !b || b->status != BroadcastStatus::Started;
}

void BroadcastFeed::reload()
{
    cancelLoad();
    m_loaded.clear();
    const quint64 ticket = m_model->beginRefresh();
    Q_EMIT loadingChanged(true);
    requestPage(0, ticket);
}

void BroadcastFeed::requestPage(int offset, quint64 ticket)
{
    ListQuery query;
    query.offset = offset;
    query.count = m_pageSize;
    query.sessionId = m_sessionFilter;
    ApiReply *reply = m_api->list(query);
    m_current = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, offset, ticket] {
        if (m_current == reply)
            m_current = nullptr;
        if (!m_model->isCurrent(ticket))
            return; // a newer reload or a reset owns the model now
        if (!reply->isSuccess()) {
            Q_EMIT loadingChanged(false);
            return;
        }
        const BroadcastList page = reply->resultAs<BroadcastList>();
        m_loaded += page.items;
        const int next = offset + int(page.items.size());
        Q_EMIT progressChanged(int(m_loaded.size()), qMax(page.count, int(m_loaded.size())));
        if (!page.items.isEmpty() && next < page.count) {
            requestPage(next, ticket);
            return;
        }
        finishLoad(ticket);
    });
    Q_EMIT pageRequested(reply);
}

void BroadcastFeed::finishLoad(quint64 ticket)
{
    // Rows arrived one by one through broadcastChanged (which keeps the selection); what the
    // full answer no longer lists goes now.
    QSet<QString> listed;
    for (const Broadcast &b : std::as_const(m_loaded))
        listed.insert(b.id);
    const QList<Broadcast> rows = m_model->items();
    if (m_model->isCurrent(ticket)) {
        for (const Broadcast &b : rows) {
            if (!listed.contains(b.id))
                m_model->removeById(b.id);
        }
    }
    for (const Broadcast &b : std::as_const(m_loaded)) {
        if (b.status == BroadcastStatus::Started && !m_poller->isWatching(b.id))
            m_poller->watch(b.id);
    }
    m_loaded.clear();
    updateRunning();
    Q_EMIT loadingChanged(false);
}

void BroadcastFeed::cancelLoad()
{
    if (ApiReply *reply = m_current.data()) {
        m_current = nullptr;
        m_model->beginRefresh(); // whatever still arrives for it is stale
        reply->abort();
        m_loaded.clear();
        Q_EMIT loadingChanged(false);
    }
}

void BroadcastFeed::reset()
{
    cancelLoad();
    m_poller->clear();
    m_model->clear();
    m_expectedStops.clear();
    m_loaded.clear();
    updateRunning();
}

void BroadcastFeed::follow(const QString &id)
{
    m_poller->watch(id);
}

void BroadcastFeed::expectStop(const QString &id)
{
    m_expectedStops.insert(id);
}

void BroadcastFeed::onBroadcastChanged(const Broadcast &broadcast)
{
    if (!m_sessionFilter.isEmpty() && broadcast.sessionId != m_sessionFilter)
        return;
    const std::optional<Broadcast> before = m_model->find(broadcast.id);
    m_model->upsert(broadcast);
    if (before)
        detectTransitions(*before, broadcast);
    if (broadcast.status == BroadcastStatus::Started) {
        // Connecting outputs change within seconds: poll at the first interval until they
        // settle; otherwise keep the backoff growing.
        if (hasConnectingOutput(broadcast) || !m_poller->isWatching(broadcast.id))
            m_poller->watch(broadcast.id);
    } else {
        m_expectedStops.remove(broadcast.id);
    }
    updateRunning();
}

void BroadcastFeed::detectTransitions(const Broadcast &before, const Broadcast &after)
{
    if (before.status == BroadcastStatus::Started && after.status == BroadcastStatus::Stopped
        && !m_expectedStops.contains(after.id))
        Q_EMIT stoppedUnexpectedly(after);
    if (after.status != BroadcastStatus::Started)
        return;
    for (int i = 0; i < after.rtmp.size(); ++i) {
        const RtmpTarget *previous = previousTarget(before, after, i);
        if (isDown(after.rtmp.at(i)) && (!previous || !isDown(*previous)))
            Q_EMIT targetWentOffline(after, after.rtmp.at(i));
    }
}

void BroadcastFeed::updateRunning()
{
    const int running = m_model->runningCount();
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningCountChanged(running);
}

} // namespace otadmin
