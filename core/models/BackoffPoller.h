// SPDX-License-Identifier: GPL-3.0-or-later
// Follows objects in a non-final state (archives, broadcasts) by refetching them with backoff.
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace otadmin {

class ApiReply;

/// watch(id) schedules fetch(id) after the first interval; after each answer, isFinal(id)
/// decides whether to stop (the fetch's own area signal has updated the model by then).
/// Intervals double from `first` to `max` (milliseconds) per ID, and reset when watch() is
/// called again (e.g. after a user action). At most one fetch per ID is in flight. A failed
/// fetch keeps the ID watched (the next one may succeed); unwatch() or clear() stops it.
class BackoffPoller : public QObject
{
    Q_OBJECT

public:
    using Fetch = std::function<ApiReply *(const QString &id)>;
    using IsFinal = std::function<bool(const QString &id)>;

    BackoffPoller(Fetch fetch, IsFinal isFinal, QObject *parent = nullptr);

    void setIntervals(int firstMSecs, int maxMSecs);
    void watch(const QString &id);
    void unwatch(const QString &id);
    void clear();
    bool isWatching(const QString &id) const { return m_watched.contains(id); }
    QList<QString> watched() const { return m_watched.keys(); }

Q_SIGNALS:
    /// The ID reached a final state and is no longer watched.
    void finalReached(const QString &id);

private:
    struct Watch
    {
        qint64 dueMSecs = 0;
        int intervalMSecs = 0;
        bool inFlight = false;
    };
    void tick();
    void reschedule();
    qint64 now() const;

    Fetch m_fetch;
    IsFinal m_isFinal;
    QHash<QString, Watch> m_watched;
    QTimer m_timer;
    int m_first = 1000;
    int m_max = 15000;
    quint64 m_epoch = 0;
};

} // namespace otadmin
