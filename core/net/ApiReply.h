// SPDX-License-Identifier: GPL-3.0-or-later
// The handle a caller gets for one API call: it finishes exactly once, with a result or an error.
#pragma once

#include "net/ApiError.h"
#include "net/RetryPolicy.h"

#include <QByteArray>
#include <QObject>
#include <QVariant>

#include <functional>

namespace otadmin {

/// Returned by every area method. `finished` is emitted exactly once and always later, from
/// the event loop — never before the method returns — so connecting after the call is safe,
/// even for input rejected before sending. Afterwards exactly one of isSuccess() / error()
/// holds. The reply deletes itself after `finished` unless setAutoDelete(false); read results
/// inside the slot connected to `finished`.
class ApiReply : public QObject
{
    Q_OBJECT
public:
    explicit ApiReply(Idempotency idempotency, QObject *parent = nullptr);
    ~ApiReply() override;

    bool isFinished() const { return m_finished; }
    bool isSuccess() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    /// HTTP status of the last attempt; 0 when none arrived.
    int httpStatus() const { return m_httpStatus; }
    /// The parsed result (e.g. an Archive); invalid for calls without a response body.
    QVariant result() const { return m_result; }
    template<typename T>
    T resultAs() const
    {
        return m_result.value<T>();
    }
    /// The raw response body of the last attempt. Unredacted: may hold a project secret
    /// (account calls). Never log it.
    QByteArray rawBody() const { return m_rawBody; }
    /// Number of HTTP attempts actually sent (0 when rejected before sending).
    int attempts() const { return m_attempts; }
    Idempotency idempotency() const { return m_idempotency; }
    /// Offer a Retry button? True for failures where sending again cannot duplicate an action.
    bool isRetrySafe() const;
    /// For a failed non-idempotent call: the request may have reached the service and taken
    /// effect (timeout, connection lost after sending, 5xx, unreadable 2xx). The caller must
    /// look the state up (e.g. list archives of the session) instead of reporting "failed".
    bool isOutcomeUnknown() const;

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    /// Stops the call; `finished` follows with a Cancelled error (unless already finished).
    void abort();

    // Used by RestClient only.
    void setAbortHandler(std::function<void()> handler) { m_abortHandler = std::move(handler); }
    void recordAttempt(int httpStatus, const QByteArray &rawBody);
    void finishWithResult(QVariant result);
    void finishWithError(ApiError error, bool mayHaveTakenEffect);
    /// Finishes from the event loop (for replies that fail before anything is sent).
    void finishLaterWithError(ApiError error);

Q_SIGNALS:
    void finished();

private:
    void finish();

    Idempotency m_idempotency;
    ApiError m_error;
    QVariant m_result;
    QByteArray m_rawBody;
    std::function<void()> m_abortHandler;
    int m_httpStatus = 0;
    int m_attempts = 0;
    bool m_finished = false;
    bool m_autoDelete = true;
    bool m_mayHaveTakenEffect = false;
};

} // namespace otadmin
