// SPDX-License-Identifier: GPL-3.0-or-later
// BackoffPoller: one timer for every watched ID.
#include "models/BackoffPoller.h"

#include "net/ApiReply.h"

#include <QDateTime>
#include <QPointer>

namespace otadmin {

BackoffPoller::BackoffPoller(Fetch fetch, IsFinal isFinal, QObject *parent)
    : QObject(parent), m_fetch(std::move(fetch)), m_isFinal(std::move(isFinal))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &BackoffPoller::tick);
}

void BackoffPoller::setIntervals(int firstMSecs, int maxMSecs)
{
    m_first = qMax(1, firstMSecs);
    m_max = qMax(m_first, maxMSecs);
}

qint64 BackoffPoller::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void BackoffPoller::watch(const QString &id)
{
    if (id.isEmpty())
        return;
    Watch &w = m_watched[id];
    w.intervalMSecs = m_first;
    if (!w.inFlight)
        w.dueMSecs = now() + m_first;
    reschedule();
}

void BackoffPoller::unwatch(const QString &id)
{
    m_watched.remove(id);
    reschedule();
}

void BackoffPoller::clear()
{
    ++m_epoch;
    m_watched.clear();
    m_timer.stop();
}

void BackoffPoller::reschedule()
{
    qint64 next = -1;
    for (const Watch &w : std::as_const(m_watched)) {
        if (!w.inFlight && (next < 0 || w.dueMSecs < next))
            next = w.dueMSecs;
    }
    if (next < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(int(qBound(qint64(0), next - now(), qint64(m_max))));
}

void BackoffPoller::tick()
{
    const qint64 t = now();
    const QStringList ids = m_watched.keys();
    for (const QString &id : ids) {
        auto it = m_watched.find(id);
        if (it == m_watched.end() || it->inFlight || it->dueMSecs > t)
            continue;
        it->inFlight = true;
        ApiReply *reply = m_fetch(id);
        if (!reply) {
            m_watched.remove(id);
            continue;
        }
        const quint64 epoch = m_epoch;
        connect(reply, &ApiReply::finished, this, [this, id, epoch] {
            if (epoch != m_epoch)
                return;
            auto w = m_watched.find(id);
            if (w == m_watched.end())
                return;
            w->inFlight = false;
            if (m_isFinal(id)) {
                m_watched.erase(w);
                reschedule();
                Q_EMIT finalReached(id);
                return;
            }
            w->dueMSecs = now() + w->intervalMSecs;
            w->intervalMSecs = qMin(m_max, w->intervalMSecs * 2);
            reschedule();
        });
    }
    reschedule();
}

} // namespace otadmin
