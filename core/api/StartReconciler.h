// SPDX-License-Identifier: GPL-3.0-or-later
// Start an archive or broadcast and turn a lost or conflicting answer into the running item.
#pragma once

#include "net/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QVariant>

namespace otadmin {

class ApiReply;
class ArchivesApi;
class BroadcastsApi;
struct ArchiveOptions;
struct BroadcastOptions;

/// RELIABILITY G-REL-7. Starting is not idempotent and is never retried, so when the start
/// fails with an unknown outcome (ApiReply::isOutcomeUnknown: timeout, reset, 5xx, cut body)
/// or with 409 Conflict (e.g. Qt re-sent the POST after a reset and the copy found our own
/// archive running), exactly ONE list call filtered by the session follows. If that session
/// has a running item with the same multi-archive/broadcast tag (archive `started`/`paused`,
/// broadcast `started`), the result is that item, marked reconciled, instead of "failed".
/// Otherwise the start's own error stands. `finished` fires exactly once, always from the
/// event loop; the object deletes itself afterwards unless setAutoDelete(false).
class StartReconciler : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Pending,
        Started, ///< the start answered normally
        AlreadyRunning, ///< 409, and the session has a running item: show it
        AnswerLost, ///< outcome unknown, and the list shows it running: it started
        Failed, ///< see error(); isOutcomeUnknown() when even the list could not tell
    };

    /// Starts through `api` (whose signals keep models current). Parent: `api`.
    static StartReconciler *startArchive(ArchivesApi *api, const ArchiveOptions &options);
    static StartReconciler *startBroadcast(BroadcastsApi *api, const BroadcastOptions &options);

    Outcome outcome() const { return m_outcome; }
    bool isFinished() const { return m_outcome != Outcome::Pending; }
    bool isSuccess() const { return isFinished() && m_outcome != Outcome::Failed; }
    bool isReconciled() const
    {
        return m_outcome == Outcome::AlreadyRunning || m_outcome == Outcome::AnswerLost;
    }
    /// Archive or Broadcast (by value) when isSuccess().
    QVariant result() const { return m_result; }
    /// The start's error (kept when reconciled, for a note); None after a normal start.
    const ApiError &error() const { return m_error; }
    /// Failed, the start may have taken effect, and the list did not answer: check by hand.
    bool isOutcomeUnknown() const { return m_outcome == Outcome::Failed && m_unknown; }
    /// The start itself ended with ApiReply::isOutcomeUnknown() (before any list call).
    bool startOutcomeUnknown() const { return m_startUnknown; }
    /// A sentence for people about a reconciled start (empty otherwise).
    QString note() const;
    /// List calls made: 0 or 1.
    int listCalls() const { return m_listCalls; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished();

private:
    enum class Area
    {
        Archives,
        Broadcasts
    };
    StartReconciler(Area area, QObject *api, const QString &sessionId, const QString &tag);
    void watchStart(ApiReply *reply);
    void startFinished(ApiReply *reply);
    void listFinished(ApiReply *reply);
    void finish(Outcome outcome);

    Area m_area;
    QPointer<QObject> m_api;
    QString m_sessionId;
    QString m_tag;
    Outcome m_outcome = Outcome::Pending;
    QVariant m_result;
    ApiError m_error;
    bool m_unknown = false;
    bool m_startUnknown = false;
    int m_listCalls = 0;
    bool m_autoDelete = true;
};

} // namespace otadmin
