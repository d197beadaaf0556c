// SPDX-License-Identifier: GPL-3.0-or-later
// Exactly-once completion of an API call.
#include "net/ApiReply.h"

#include <QTimer>

namespace otadmin {

ApiReply::ApiReply(Idempotency idempotency, QObject *parent)
    : QObject(parent), m_idempotency(idempotency)
{
}

ApiReply::~ApiReply() = default;

bool ApiReply::isRetrySafe() const
{
    if (!m_finished || !m_error.isError())
        return false;
    if (m_error.kind() == ApiError::Kind::Validation)
        return false; // the same input would be rejected again
    return m_idempotency != Idempotency::NonIdempotent || !m_mayHaveTakenEffect;
}

bool ApiReply::isOutcomeUnknown() const
{
    return m_finished && m_error.isError() && m_idempotency == Idempotency::NonIdempotent
        && m_mayHaveTakenEffect;
}

void ApiReply::abort()
{
    if (m_finished)
        return;
    if (m_abortHandler) {
        m_abortHandler();
        return;
    }
    finishWithError(ApiError(ApiError::Kind::Cancelled, tr("The request was cancelled.")), false);
}

void ApiReply::recordAttempt(int httpStatus, const QByteArray &rawBody)
{
    ++m_attempts;
    m_httpStatus = httpStatus;
    m_rawBody = rawBody;
}

void ApiReply::finishWithResult(QVariant result)
{
    if (m_finished)
        return;
    m_result = std::move(result);
    finish();
}

void ApiReply::finishWithError(ApiError error, bool mayHaveTakenEffect)
{
    if (m_finished)
        return;
    m_error = std::move(error);
    m_mayHaveTakenEffect = mayHaveTakenEffect;
    finish();
}

void ApiReply::finishLaterWithError(ApiError error)
{
    QTimer::singleShot(0, this,
        [this, error = std::move(error)]() mutable { finishWithError(std::move(error), false); });
}

void ApiReply::finish()
{
    m_finished = true;
    m_abortHandler = nullptr;
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace otadmin
