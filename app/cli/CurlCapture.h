// SPDX-License-Identifier: GPL-3.0-or-later
// A network access manager for --curl: it records each request and sends nothing.
#pragma once

#include <QNetworkAccessManager>

namespace otadmin::cli {

/// Every request fails at once, locally, with ProtocolUnknownError (never retried by the
/// RestClient); nothing leaves the process. The RestClient still writes its redacted
/// RequestLog entry, from which the CLI prints RequestLogEntry::toCurl().
class CurlCapture : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    int captured() const { return m_captured; }

protected:
    QNetworkReply *createRequest(
        Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    int m_captured = 0;
};

} // namespace otadmin::cli
