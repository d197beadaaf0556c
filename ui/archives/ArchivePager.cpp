// SPDX-License-Identifier: GPL-3.0-or-later
// ArchivePager: offset/count paging of GET /archive, up to six pages in flight, one run at a time.
#include "archives/ArchivePager.h"

#include "api/ArchivesApi.h"
#include "models/ArchiveListModel.h"
#include "net/ApiReply.h"

#include <algorithm>

namespace otadmin {

ArchivePager::ArchivePager(ArchivesApi *api, ArchiveListModel *model, QObject *parent)
    : QObject(parent), m_api(api), m_model(model)
{
}

void ArchivePager::setPageSize(int size)
{
    m_pageSize = qBound(1, size, ListQuery::MaxCount);
}

void ArchivePager::start(const QString &sessionId)
{
    dropInFlight();
    m_sessionId = sessionId;
    m_ticket = m_model->startRefresh();
    m_loaded = 0;
    m_total = -1;
    m_totalChanged = false;
    m_running = true;
    m_failed = false;
    m_received.clear();
    m_missing.clear();
    // Until the first answer gives the total, ask for the pages the last complete listing of
    // the same filter needed (one when there was none).
    const int known = knownTotal(sessionId);
    const int pages = qBound(1, known > 0 ? (known + m_pageSize - 1) / m_pageSize : 1, MaxInFlight);
    for (int page = 0; page < pages; ++page)
        m_missing << page * m_pageSize;
    requestMore();
    Q_EMIT progressChanged(0, m_total);
}

void ArchivePager::resume()
{
    if (!m_failed || !m_model->isCurrent(m_ticket))
        return;
    m_failed = false;
    m_running = true;
    requestMore();
}

void ArchivePager::cancel()
{
    if (!m_running && !m_failed)
        return;
    const bool wasRunning = m_running;
    dropInFlight();
    m_running = false;
    m_failed = false;
    m_model->abandonRefresh();
    if (wasRunning)
        Q_EMIT cancelled();
}

void ArchivePager::setKnownTotal(const QString &sessionId, int total)
{
    if (total < 0)
        return;
    if (m_knownTotals.size() >= MaxKnownTotals && !m_knownTotals.contains(sessionId))
        m_knownTotals.erase(m_knownTotals.begin());
    m_knownTotals.insert(sessionId, total);
}

void ArchivePager::dropInFlight()
{
    ++m_run;
    const QList<InFlight> inFlight = std::exchange(m_inFlight, {});
    for (const InFlight &page : inFlight) {
        m_missing << page.offset;
        if (page.reply)
            page.reply->abort();
    }
    std::sort(m_missing.begin(), m_missing.end());
}

void ArchivePager::requestMore()
{
    while (m_inFlight.size() < MaxInFlight && !m_missing.isEmpty())
        requestPage(m_missing.takeFirst());
}

void ArchivePager::requestPage(int offset)
{
    ListQuery query;
    query.offset = offset;
    query.count = m_pageSize;
    query.sessionId = m_sessionId;
    query.keepRaw = false; // ArchiveListModel drops it anyway
    ApiReply *reply = m_api->list(query);
    m_inFlight << InFlight {reply, offset};
    const quint64 run = m_run;
    connect(reply, &ApiReply::finished, this,
        [this, reply, offset, run] { pageFinished(reply, offset, run); });
    Q_EMIT pageRequested(reply);
}

void ArchivePager::updateMissing()
{
    m_missing.clear();
    for (int offset = 0; offset < m_total; offset += m_pageSize) {
        const bool asked = m_received.contains(offset)
            || std::any_of(m_inFlight.cbegin(), m_inFlight.cend(),
                [offset](const InFlight &page) { return page.offset == offset; });
        if (!asked)
            m_missing << offset;
    }
}

void ArchivePager::pageFinished(ApiReply *reply, int offset, quint64 run)
{
    if (run != m_run || !m_running)
        return; // an earlier run's answer
    m_inFlight.removeIf([reply](const InFlight &page) { return page.reply == reply; });
    if (!reply->isSuccess()) {
        if (reply->error().kind() == ApiError::Kind::Cancelled) {
            // Aborted from outside (a profile switch): the whole run stops.
            dropInFlight();
            m_running = false;
            m_model->abandonRefresh();
            Q_EMIT cancelled();
            return;
        }
        m_missing << offset;
        dropInFlight(); // sorts m_missing
        m_running = false;
        m_failed = true;
        Q_EMIT failed();
        return;
    }
    const auto page = reply->resultAs<ArchiveList>();
    m_received << offset;
    m_loaded += int(page.items.size());
    const int expected = qBound(0, page.count - offset, m_pageSize);
    if (m_total >= 0 && page.count != m_total)
        m_totalChanged = true; // archives came or went while listing
    if (int(page.items.size()) != expected)
        m_totalChanged = true; // a short page: something shifted
    if (page.count != m_total) {
        m_total = page.count;
        updateMissing();
        // Bounded: the count is the service's word, and a long list can still grow.
        m_model->reserve(qMin(m_total, MaxReservedRows));
    }
    Q_EMIT progressChanged(qMin(m_loaded, m_total), m_total);
    requestMore();
    if (!m_inFlight.isEmpty() || !m_missing.isEmpty())
        return;
    m_running = false;
    if (!m_totalChanged) {
        m_model->finishRefresh(m_ticket);
        setKnownTotal(m_sessionId, m_total);
        Q_EMIT listed(m_sessionId, m_total);
    } else {
        m_model->abandonRefresh();
    }
    Q_EMIT finished();
}

} // namespace otadmin
