// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveFollower: polling of unfinished archives and notifications of their outcome.
#include "archives/ArchiveFollower.h"

#include "api/ArchivesApi.h"
#include "common/Notifier.h"
#include "models/BackoffPoller.h"
#include "models/Format.h"

namespace otadmin {

ArchiveFollower::ArchiveFollower(ArchivesApi *api, Notifier *notifier, QObject *parent)
    : QObject(parent), m_notifier(notifier)
{
    m_poller = new BackoffPoller([api](const QString &id) { return api->get(id); },
        [this](const QString &id) {
            const auto it = m_lastStatus.constFind(id);
            return it == m_lastStatus.cend() || isFinal(*it);
        },
        this);
    m_poller->setIntervals(1000, 10000);
}

void ArchiveFollower::setIntervals(int firstMSecs, int maxMSecs)
{
    m_poller->setIntervals(firstMSecs, maxMSecs);
}

bool ArchiveFollower::isFollowing(const QString &archiveId) const
{
    return m_poller->isWatching(archiveId);
}

void ArchiveFollower::clear()
{
    m_poller->clear();
    m_lastStatus.clear();
}

void ArchiveFollower::observe(const Archive &archive)
{
    // Only unfinished archives are remembered: absent and final mean the same to the poller,
    // nudge() and the next copy, and a long list is almost all final archives.
    const bool wasUnfinished = m_lastStatus.contains(archive.id);
    if (!isFinal(archive.status)) {
        m_lastStatus.insert(archive.id, archive.status);
        if (!m_poller->isWatching(archive.id))
            m_poller->watch(archive.id);
        return;
    }
    if (!wasUnfinished)
        return; // first seen final (an old list): nothing to follow or tell
    m_lastStatus.remove(archive.id);
    m_poller->unwatch(archive.id);
    notifyOutcome(archive);
}

void ArchiveFollower::nudge(const QString &archiveId)
{
    const auto it = m_lastStatus.constFind(archiveId);
    if (it != m_lastStatus.cend() && !isFinal(*it))
        m_poller->watch(archiveId);
}

void ArchiveFollower::notifyOutcome(const Archive &archive)
{
    const QString name = archive.name.isEmpty()
        ? tr("Archive %1").arg(elideMiddle(archive.id, 4))
        : tr("'%1' (%2)").arg(archive.name, elideMiddle(archive.id, 4));
    switch (archive.status) {
    case ArchiveStatus::Available:
        m_notifier->notify(tr("Archive available"),
            tr("%1 is ready to download (%2).").arg(name, formatBytes(archive.size, false)));
        break;
    case ArchiveStatus::Uploaded:
        m_notifier->notify(
            tr("Archive uploaded"), tr("%1 was delivered to your upload storage.").arg(name));
        break;
    case ArchiveStatus::Failed:
        m_notifier->notify(tr("Archive failed"),
            archive.reason.isEmpty() ? tr("%1 failed.").arg(name)
                                     : tr("%1 failed: %2").arg(name, archive.reason),
            Notifier::Severity::Critical);
        break;
    default:
        break;
    }
}

} // namespace otadmin
