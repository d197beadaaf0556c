// SPDX-License-Identifier: GPL-3.0-or-later
// Bounded, redacted request history and its one-line log output.
#include "net/RequestLog.h"

namespace otadmin {

Q_LOGGING_CATEGORY(lcRequests, "otadmin.requests", QtWarningMsg)

namespace {
QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}
} // namespace

QString RequestLogEntry::toCurl() const
{
    QStringList parts {QStringLiteral("curl"), QStringLiteral("-X"), QString::fromLatin1(method)};
    parts << QStringLiteral("-H")
          << QStringLiteral("\"X-OPENTOK-AUTH: $%1\"")
                 .arg(accountScope ? QStringLiteral("OPENTOK_ACCOUNT_JWT")
                                   : QStringLiteral("OPENTOK_JWT"));
    parts << QStringLiteral("-H") << shellQuote(QStringLiteral("Accept: application/json"));
    if (!contentType.isEmpty()) {
        parts << QStringLiteral("-H")
              << shellQuote(QStringLiteral("Content-Type: ") + QString::fromLatin1(contentType));
    }
    if (!requestBody.isEmpty())
        parts << QStringLiteral("--data-raw") << shellQuote(QString::fromUtf8(requestBody));
    parts << shellQuote(url.toString(QUrl::FullyEncoded));
    return parts.join(QLatin1Char(' '));
}

RequestLog::RequestLog(QObject *parent, int capacity) : QObject(parent), m_capacity(capacity) { }

void RequestLog::add(const RequestLogEntry &entry)
{
    m_entries.append(entry);
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
    qCInfo(lcRequests).noquote()
        << entry.method << entry.url.path(QUrl::FullyEncoded)
        << (entry.httpStatus ? QString::number(entry.httpStatus) : QStringLiteral("-"))
        << QStringLiteral("%1ms").arg(entry.durationMSecs)
        << (entry.attempt > 1 ? QStringLiteral("attempt %1").arg(entry.attempt) : QString())
        << entry.error;
    Q_EMIT entryAdded(entry);
}

void RequestLog::clear()
{
    m_entries.clear();
    Q_EMIT cleared();
}

} // namespace otadmin
