// SPDX-License-Identifier: GPL-3.0-or-later
// The redacted history of API requests, for the Request log panel, --verbose and "copy as curl".
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QUrl>

namespace otadmin {

Q_DECLARE_LOGGING_CATEGORY(lcRequests)

/// One attempt of one request, already redacted: it holds no auth header at all, and its
/// body has every secret-bearing key replaced (see Redactor). Safe to display and export.
struct RequestLogEntry
{
    quint64 requestId = 0; ///< same for every attempt of one logical request
    int attempt = 1; ///< 1 for the first try, 2+ for automatic retries of reads
    QDateTime startedAt; ///< UTC
    QByteArray method;
    QUrl url; ///< base URL + path + query (no credentials ever appear in URLs)
    QByteArray contentType; ///< of the request body, empty when there is none
    QByteArray requestBody; ///< redacted
    int httpStatus = 0; ///< 0 when no response arrived
    qint64 durationMSecs = 0;
    QString error; ///< empty on success; the user-facing sentence otherwise (scrubbed)
    bool accountScope = false; ///< signed with account credentials (§9) rather than project
    /// The reply reported Http2WasUsedAttribute: HTTP/2 is kept off, so this must stay false
    /// (RELIABILITY G-REL-9); recorded so tests can prove it over a whole suite.
    bool http2 = false;

    /// The equivalent curl command, with the auth header as a shell variable placeholder.
    QString toCurl() const;
};

/// Keeps the most recent entries (bounded) and announces each one. Owned by whoever owns the
/// RestClient; views read entries() and listen to entryAdded.
class RequestLog : public QObject
{
    Q_OBJECT
public:
    explicit RequestLog(QObject *parent = nullptr, int capacity = 2000);

    /// Appends an entry (dropping the oldest beyond capacity), writes one line to the
    /// `otadmin.requests` logging category at info level (off unless enabled, e.g.
    /// QT_LOGGING_RULES="otadmin.requests.info=true"), and emits entryAdded.
    void add(const RequestLogEntry &entry);
    QList<RequestLogEntry> entries() const { return m_entries; }
    void clear();

Q_SIGNALS:
    void entryAdded(const otadmin::RequestLogEntry &entry);
    void cleared();

private:
    QList<RequestLogEntry> m_entries;
    int m_capacity;
};

} // namespace otadmin
