// SPDX-License-Identifier: GPL-3.0-or-later
// Follows archives until their state is final and tells the user how they ended.
#pragma once

#include "types/Archive.h"

#include <QHash>
#include <QObject>

namespace otadmin {

class ArchivesApi;
class BackoffPoller;
class Notifier;

/// Fed with every copy of an archive (ArchivesApi::archiveChanged). An archive seen in a
/// non-final state (started, paused, stopped, …) is refetched by a BackoffPoller until its
/// state is final. When an archive this session saw running or processing becomes
/// available, uploaded or failed, a desktop notification says so (failed = Critical);
/// archives first seen already final (an old list) stay quiet.
class ArchiveFollower : public QObject
{
    Q_OBJECT

public:
    ArchiveFollower(ArchivesApi *api, Notifier *notifier, QObject *parent = nullptr);

    /// Poll intervals in milliseconds: the first after a change, doubling up to `max`.
    void setIntervals(int firstMSecs, int maxMSecs);
    bool isFollowing(const QString &archiveId) const;
    /// Forget everything (profile switch).
    void clear();

    /// A fresh copy of an archive arrived.
    void observe(const Archive &archive);
    /// The user acted on the archive (stop, layout…): poll again soon.
    void nudge(const QString &archiveId);

private:
    void notifyOutcome(const Archive &archive);

    Notifier *m_notifier;
    BackoffPoller *m_poller;
    QHash<QString, ArchiveStatus> m_lastStatus; // unfinished archives only
};

} // namespace otadmin
