// SPDX-License-Identifier: GPL-3.0-or-later
// Waits for an ApiReply in a test and checks that it finished exactly once.
#pragma once

#include "net/ApiReply.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace otadmin::test {

/// Takes ownership of `job` — an ApiReply, CredentialReply or StartReconciler: anything that
/// finishes exactly once with a `finished` signal and deletes itself unless
/// setAutoDelete(false) — runs the event loop until it finishes (or `timeoutMSecs`), and
/// records a test failure if `finished` fired other than exactly once.
template<typename Job>
std::unique_ptr<Job> await(Job *job, int timeoutMSecs = 10000)
{
    job->setAutoDelete(false);
    std::unique_ptr<Job> owned(job);
    QSignalSpy spy(job, &Job::finished);
    if (!job->isFinished())
        spy.wait(timeoutMSecs);
    QTest::qWait(5); // a second emission would show up here
    if (spy.count() != 1)
        QTest::qFail(qPrintable(QStringLiteral("finished emitted %1 times").arg(spy.count())),
            __FILE__, __LINE__);
    return owned;
}

} // namespace otadmin::test

/// Fails the current test, naming the error, unless the reply succeeded. Evaluates its
/// argument once (QVERIFY2 also evaluates its message, so a call expression passed straight
/// through would be sent twice).
#define OTADMIN_VERIFY_SUCCESS(reply)                                                              \
    do {                                                                                           \
        const auto &otadminReply_ = (reply);                                                       \
        QVERIFY2(otadminReply_->isSuccess(), qPrintable(otadminReply_->error().userMessage()));    \
    } while (false)
