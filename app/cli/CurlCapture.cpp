// SPDX-License-Identifier: GPL-3.0-or-later
// The --curl network manager: requests end locally, unsent.
#include "CurlCapture.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace otadmin::cli {

namespace {

class UnsentReply : public QNetworkReply
{
public:
    UnsentReply(
        QNetworkAccessManager::Operation op, const QNetworkRequest &request, QObject *parent)
        : QNetworkReply(parent)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly);
        setError(QNetworkReply::ProtocolUnknownError,
            QCoreApplication::translate("otadmin::cli", "not sent (--curl)"));
        QTimer::singleShot(0, this, [this] {
            setFinished(true);
            Q_EMIT errorOccurred(error());
            Q_EMIT finished();
        });
    }
    void abort() override { }
    qint64 bytesAvailable() const override { return 0; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
};

} // namespace

QNetworkReply *CurlCapture::createRequest(
    Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    Q_UNUSED(outgoingData)
    ++m_captured;
    return new UnsentReply(op, request, this);
}

} // namespace otadmin::cli
