// SPDX-License-Identifier: GPL-3.0-or-later
// Pages through the whole archive list (reference §5.6), cancellable, dropping stale answers.
#pragma once

#include <QObject>
#include <QPointer>

namespace otadmin {

class ApiReply;
class ArchiveListModel;
class ArchivesApi;

/// start() asks for offset 0, then offset += items until offset >= the answer's total. The
/// items reach the model through ArchivesApi's own signals; the pager only drives the
/// offsets and, when the last page has arrived, lets the model drop the rows the listing no
/// longer holds (ArchiveListModel::finishRefresh) — unless the total changed on the way, when
/// a shifted page may have skipped one. A new start() or cancel() makes every answer of the
/// earlier run stale. A failed page stops the run where it is; resume() asks for it again.
class ArchivePager : public QObject
{
    Q_OBJECT

public:
    ArchivePager(ArchivesApi *api, ArchiveListModel *model, QObject *parent = nullptr);

    /// Items per request, 1…1000 (ListQuery::MaxCount).
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }

    /// Lists the archives of `sessionId` (empty = all) from the start.
    void start(const QString &sessionId);
    /// Asks again for the page that failed (same run, same model ticket).
    void resume();
    /// Stops the run; what has arrived stays in the model.
    void cancel();

    bool isRunning() const { return m_running; }
    bool hasFailed() const { return m_failed; }
    int loaded() const { return m_offset; }
    /// The total the service reported (-1 before the first answer).
    int total() const { return m_total; }

Q_SIGNALS:
    /// A page request went out; the panel tracks it (busy bar, error banner with Retry).
    void pageRequested(otadmin::ApiReply *reply);
    void progressChanged(int loaded, int total);
    /// The last page arrived.
    void finished();
    /// A page failed (the panel shows why through the tracked reply).
    void failed();
    void cancelled();

private:
    void requestPage();
    void pageFinished(ApiReply *reply, quint64 run);

    ArchivesApi *m_api;
    ArchiveListModel *m_model;
    QPointer<ApiReply> m_reply;
    QString m_sessionId;
    quint64 m_run = 0;
    quint64 m_ticket = 0;
    int m_pageSize = 1000;
    int m_offset = 0;
    int m_total = -1;
    int m_firstTotal = -1;
    bool m_running = false;
    bool m_failed = false;
};

} // namespace otadmin
