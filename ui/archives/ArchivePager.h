// SPDX-License-Identifier: GPL-3.0-or-later
// Pages through the whole archive list (reference §5.6), cancellable, dropping stale answers.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace otadmin {

class ApiReply;
class ArchiveListModel;
class ArchivesApi;

/// start() asks for offset 0; once an answer gives the total, the remaining pages (offsets
/// 0, n, 2n, ... below it) are asked for up to six at a time — as many connections as Qt opens
/// to one host — so 10,000 archives take about two round trips instead of ten. When the total of
/// a filter is known (this pager listed it before, or setKnownTotal() brought it from an earlier
/// run), the first round already asks for as many pages as that total needed: a long list does
/// not wait one round trip for the count. A stale total costs at most a few empty pages once.
/// The items reach the model through ArchivesApi's own signals, in arrival order; the pager
/// only drives the offsets and, when every page has arrived, lets the model drop the rows the
/// listing no longer holds (ArchiveListModel::finishRefresh) — unless a page reported another
/// total, when a shifted page may have skipped one. A new start() or cancel() makes every answer
/// of the earlier run stale. A failed page stops the run (the other pages in flight are
/// aborted); resume() asks again for every page still missing.
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

    /// The total an earlier listing of `sessionId` (empty = all) found; start() asks for that
    /// many pages at once. listed() reports each complete listing's total, to be kept.
    void setKnownTotal(const QString &sessionId, int total);
    /// -1 when unknown.
    int knownTotal(const QString &sessionId) const { return m_knownTotals.value(sessionId, -1); }
    /// Totals belong to one project: forget them when another one becomes active.
    void forgetKnownTotals() { m_knownTotals.clear(); }

    bool isRunning() const { return m_running; }
    bool hasFailed() const { return m_failed; }
    /// Archives received so far in this run.
    int loaded() const { return m_loaded; }
    /// The total the service reported (-1 before the first answer).
    int total() const { return m_total; }

Q_SIGNALS:
    /// A page request went out (several may be in flight); the panel tracks each (busy bar,
    /// error banner with Retry).
    void pageRequested(otadmin::ApiReply *reply);
    void progressChanged(int loaded, int total);
    /// Every page arrived and the total held still while they did (before finished()).
    void listed(const QString &sessionId, int total);
    /// The last page arrived.
    void finished();
    /// A page failed (the panel shows why through the tracked reply).
    void failed();
    void cancelled();

private:
    /// Pages at most in flight at once: QNetworkAccessManager's HTTP/1.1 connections per host.
    static constexpr int MaxInFlight = 6;
    /// The model reserves room for the reported total up to this many rows.
    static constexpr int MaxReservedRows = 100'000;
    /// Session filters whose totals are kept (any one is dropped beyond it).
    static constexpr int MaxKnownTotals = 64;

    void requestMore();
    void requestPage(int offset);
    void pageFinished(ApiReply *reply, int offset, quint64 run);
    /// Makes every answer in flight stale and aborts it.
    void dropInFlight();

    ArchivesApi *m_api;
    ArchiveListModel *m_model;
    struct InFlight
    {
        QPointer<ApiReply> reply;
        int offset = 0;
    };
    void updateMissing();

    QList<InFlight> m_inFlight;
    QList<int> m_missing; // offsets to ask for, ascending (all of them once the total is known)
    QList<int> m_received; // offsets answered in this run
    QString m_sessionId;
    QHash<QString, int> m_knownTotals; // session filter -> total of its last complete listing
    quint64 m_run = 0;
    quint64 m_ticket = 0;
    int m_pageSize = 1000;
    int m_loaded = 0;
    int m_total = -1;
    bool m_totalChanged = false;
    bool m_running = false;
    bool m_failed = false;
};

} // namespace otadmin
