// SPDX-License-Identifier: GPL-3.0-or-later
// CallBatch: starts the calls, keeps the bound, counts the answers.
#include "api/CallBatch.h"

#include "net/ApiReply.h"

#include <QPointer>
#include <QTimer>

namespace otadmin {

CallBatch::CallBatch(QStringList ids, Call call, QObject *parent)
    : QObject(parent), m_ids(std::move(ids)), m_call(std::move(call))
{
}

void CallBatch::setMaxInFlight(int count)
{
    m_maxInFlight = qMax(1, count);
}

void CallBatch::start()
{
    if (m_started)
        return;
    m_started = true;
    while (!m_cancelled && m_next < m_ids.size() && m_inFlight.size() < m_maxInFlight)
        startNext();
    if (m_ids.isEmpty())
        QTimer::singleShot(0, this, &CallBatch::finishIfDone);
}

void CallBatch::cancel()
{
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    const QSet<ApiReply *> inFlight = m_inFlight; // abort() may finish a reply at once
    for (ApiReply *reply : inFlight)
        reply->abort();
    if (m_started && m_inFlight.isEmpty())
        QTimer::singleShot(0, this, &CallBatch::finishIfDone);
}

void CallBatch::startNext()
{
    const qsizetype index = m_next++;
    ApiReply *reply = m_call(m_ids.at(index));
    m_inFlight.insert(reply);
    // Replies finish from the event loop, never inside the call: connecting now is safe.
    connect(reply, &ApiReply::finished, this, [this, reply, index] {
        m_inFlight.remove(reply);
        ++m_done;
        if (reply->error().isError())
            ++m_failed;
        const QPointer<CallBatch> alive(this); // a receiver may delete the batch
        Q_EMIT callFinished(index, reply);
        if (!alive)
            return;
        Q_EMIT progressChanged(m_done, m_ids.size());
        if (!alive)
            return;
        if (!m_cancelled && m_next < m_ids.size())
            startNext();
        finishIfDone();
    });
}

void CallBatch::finishIfDone()
{
    if (m_finished || !m_inFlight.isEmpty() || (!m_cancelled && m_next < m_ids.size()))
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace otadmin
