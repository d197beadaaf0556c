// SPDX-License-Identifier: GPL-3.0-or-later
// Keeps the broadcasts model current: paged loading, live following and change detection.
#pragma once

#include "types/Broadcast.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace otadmin {

class ApiReply;
class BackoffPoller;
class BroadcastListModel;
class BroadcastsApi;

/// Owns the panel's BroadcastListModel. Every BroadcastsApi::broadcastChanged upserts a row
/// (unless a session filter excludes it); reload() pages through the whole list with
/// ListQuery (dropping the answers of an older reload); running broadcasts are refetched by
/// a BackoffPoller until they stop, at the fastest rate while an output is connecting.
/// Transitions seen between two copies of a broadcast become signals for notifications.
class BroadcastFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int FirstPollMSecs = 1000;
    static constexpr int MaxPollMSecs = 20000;

    explicit BroadcastFeed(BroadcastsApi *api, QObject *parent = nullptr);

    BroadcastListModel *model() const { return m_model; }

    /// Items per list call (default ListQuery::MaxCount).
    void setPageSize(int count);
    /// Only broadcasts of this session (empty: all); takes effect with the next reload().
    void setSessionFilter(const QString &sessionId);
    QString sessionFilter() const { return m_sessionFilter; }

    /// Starts a full reload; an unfinished one is aborted and its answers are dropped.
    void reload();
    /// Stops the reload in progress; the rows loaded so far stay.
    void cancelLoad();
    bool isLoading() const { return !m_current.isNull(); }
    /// Clears the model, the polls and the expectations (profile switch).
    void reset();

    /// Refetch `id` soon and keep following it until it stops.
    void follow(const QString &id);
    /// The user asked to stop `id`: its stop is expected, not announced.
    void expectStop(const QString &id);

Q_SIGNALS:
    /// A list call of reload() was sent (the panel tracks it: busy bar, error banner).
    void pageRequested(otadmin::ApiReply *reply);
    void loadingChanged(bool loading);
    /// `loaded` of `total` matching broadcasts have arrived.
    void progressChanged(int loaded, int total);
    void runningCountChanged(int running);
    /// A running broadcast stopped without a stop from this app (maxDuration, elsewhere).
    void stoppedUnexpectedly(const otadmin::Broadcast &broadcast);
    /// An RTMP target of a running broadcast went offline or failed.
    void targetWentOffline(const otadmin::Broadcast &broadcast, const otadmin::RtmpTarget &target);

private:
    void onBroadcastChanged(const Broadcast &broadcast);
    void detectTransitions(const Broadcast &before, const Broadcast &after);
    void requestPage(int offset, quint64 ticket);
    void finishLoad(quint64 ticket);
    void updateRunning();
    bool isFinal(const QString &id) const;

    BroadcastsApi *m_api;
    BroadcastListModel *m_model;
    BackoffPoller *m_poller;
    QPointer<ApiReply> m_current;
    QString m_sessionFilter;
    QList<Broadcast> m_loaded;
    QSet<QString> m_expectedStops;
    int m_pageSize;
    int m_running = 0;
};

} // namespace otadmin
