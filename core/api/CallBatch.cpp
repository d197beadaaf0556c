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
    // Nothing went out (no IDs, or cancelled before): `finished` still comes, and not inside.
    if (m_inFlight.isEmpty())
        QTimer::singleShot(0, this, &CallBatch::finishIfDone);
}

void CallBatch::cancel()
{
    if (m_cancelled || m_finished)
        return;
    m_cancelled = true;
    // The aborts go out from the event loop: abort() may finish a reply at once, and a caller
    // inside one of our signals would otherwise see the others' signals, and `finished`,
    // nested in its own.
    QMetaObject::invokeMethod(
        this,
        [this] {
            // Newest first: those may still wait in Qt's per-host queue, and aborting an
            // older call on the wire frees its connection for the next one in that queue.
            const QPointer<CallBatch> alive(this); // a receiver may delete the batch
            const QList<ApiReply *> inFlight = m_inFlight;
            for (auto it = inFlight.crbegin(); it != inFlight.crend(); ++it) {
                if (m_inFlight.contains(*it))
                    (*it)->abort();
                if (!alive)
                    return;
            }
            if (m_started)
                finishIfDone();
        },
        Qt::QueuedConnection);
}

void CallBatch::startNext()
{
    const qsizetype index = m_next++;
    ApiReply *reply = m_call(m_ids.at(index));
    m_inFlight.append(reply);
    // Replies finish from the event loop, never inside the call: connecting now is safe.
    connect(reply, &ApiReply::finished, this, [this, reply, index] {
        m_inFlight.removeOne(reply);
        ++m_done;
        if (reply->error().isError())
            ++m_failed;
        // Someone else stopped the call (RestClient::abortAll() when the workspace changes
        // profile, or shuts down): the client's credentials are about to change, so nothing
        // more may go out with them.
        if (reply->error().kind() == ApiError::Kind::Cancelled)
            m_cancelled = true;
        const QPointer<CallBatch> alive(this); // a receiver may delete the batch
        Q_EMIT callFinished(index, reply);
        if (!alive || m_finished)
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
