// SPDX-License-Identifier: GPL-3.0-or-later
// ArchivePager: offset/count paging of GET /archive with one run at a time.
#include "archives/ArchivePager.h"

#include "api/ArchivesApi.h"
#include "models/ArchiveListModel.h"
#include "net/ApiReply.h"

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
    if (m_reply)
        m_reply->abort();
    ++m_run;
    m_sessionId = sessionId;
    m_ticket = m_model->startRefresh();
    m_offset = 0;
    m_total = -1;
    m_firstTotal = -1;
    m_running = true;
    m_failed = false;
    requestPage();
}

void ArchivePager::resume()
{
    if (!m_failed || !m_model->isCurrent(m_ticket))
        return;
    m_failed = false;
    m_running = true;
    requestPage();
}

void ArchivePager::cancel()
{
    if (!m_running && !m_failed)
        return;
    ++m_run;
    const bool wasRunning = m_running;
    m_running = false;
    m_failed = false;
    m_model->abandonRefresh();
    if (m_reply)
        m_reply->abort();
    if (wasRunning)
        Q_EMIT cancelled();
}

void ArchivePager::requestPage()
{
    ListQuery query;
    query.offset = m_offset;
    query.count = m_pageSize;
    query.sessionId = m_sessionId;
    ApiReply *reply = m_api->list(query);
    m_reply = reply;
    const quint64 run = m_run;
    connect(reply, &ApiReply::finished, this, [this, reply, run] { pageFinished(reply, run); });
    Q_EMIT pageRequested(reply);
    Q_EMIT progressChanged(m_offset, m_total);
}

void ArchivePager::pageFinished(ApiReply *reply, quint64 run)
{
    if (run != m_run || !m_running)
        return; // an earlier run's answer
    m_reply = nullptr;
    if (!reply->isSuccess()) {
        m_running = false;
        if (reply->error().kind() == ApiError::Kind::Cancelled) {
            m_model->abandonRefresh();
            Q_EMIT cancelled();
            return;
        }
        m_failed = true;
        Q_EMIT failed();
        return;
    }
    const auto page = reply->resultAs<ArchiveList>();
    m_total = page.count;
    if (m_firstTotal < 0)
        m_firstTotal = page.count;
    m_offset += int(page.items.size());
    Q_EMIT progressChanged(qMin(m_offset, m_total), m_total);
    if (!page.items.isEmpty() && m_offset < m_total) {
        requestPage();
        return;
    }
    m_running = false;
    if (m_total == m_firstTotal)
        m_model->finishRefresh(m_ticket);
    else
        m_model->abandonRefresh();
    Q_EMIT finished();
}

} // namespace otadmin
