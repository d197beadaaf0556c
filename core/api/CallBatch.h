// SPDX-License-Identifier: GPL-3.0-or-later
// One API call per ID, a bounded number at a time: the bulk stop and delete of the GUI and CLI.
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace otadmin {

class ApiReply;

/// Runs `call` once for every ID, starting them in ID order with at most maxInFlight()
/// unfinished at once. Why twelve by default: QNetworkAccessManager carries six HTTP/1.1
/// calls per host at a time and queues the rest, so a second six waiting in Qt's queue keeps
/// every freed connection busy at once, without a pass of the event loop in between; more
/// would only wait in that queue, where RestClient's 30 s deadline already runs. Nothing is
/// retried or reordered here: the calls are the area classes' own (with their validation and
/// retry policy), and a stop or delete that failed is the caller's to report.
///
/// Every call that started emits `callFinished` exactly once (in the order the answers come,
/// not in ID order), and `finished` follows once after the last of them, never inside start()
/// or cancel() (with nothing sent, on the next pass of the event loop). A receiver may delete
/// the batch from any of its signals. It runs once.
class CallBatch : public QObject
{
    Q_OBJECT

public:
    /// Starts one call for `id` and returns its reply (e.g. ArchivesApi::stop).
    using Call = std::function<ApiReply *(const QString &id)>;
    static constexpr int DefaultMaxInFlight = 12;

    /// `ids` are called as given: the caller drops duplicates if it wants each once.
    CallBatch(QStringList ids, Call call, QObject *parent = nullptr);

    /// At least 1; 1 sends one call at a time in ID order (e.g. for the CLI's --curl).
    void setMaxInFlight(int count);
    int maxInFlight() const { return m_maxInFlight; }

    void start();
    /// Starts no further call and, from the event loop, aborts the unfinished ones: each still
    /// emits callFinished (with a Cancelled error, unless its answer came first), then
    /// `finished` comes. A call already sent may have taken effect on the service all the
    /// same. A call that finishes Cancelled without this (RestClient::abortAll(), as the
    /// workspace does before it changes profile) cancels the batch too.
    void cancel();

    const QStringList &ids() const { return m_ids; }
    qsizetype total() const { return m_ids.size(); }
    /// Calls that finished, with a result or an error.
    qsizetype done() const { return m_done; }
    /// Calls that finished with an error (Cancelled included).
    qsizetype failed() const { return m_failed; }
    bool isRunning() const { return m_started && !m_finished; }
    bool isCancelled() const { return m_cancelled; }

Q_SIGNALS:
    /// `reply` has finished: read it here, it deletes itself afterwards. `index` is the ID's
    /// position in ids().
    void callFinished(qsizetype index, otadmin::ApiReply *reply);
    void progressChanged(qsizetype done, qsizetype total);
    void finished();

private:
    void startNext();
    void finishIfDone();

    QStringList m_ids;
    Call m_call;
    QList<ApiReply *> m_inFlight; // in the order they went out
    qsizetype m_next = 0;
    qsizetype m_done = 0;
    qsizetype m_failed = 0;
    int m_maxInFlight = DefaultMaxInFlight;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace otadmin
