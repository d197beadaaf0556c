// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-7: a 403 from a server whose Date is far from the local clock names the skew.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace otadmin;
using namespace otadmin::test;

namespace {

qint64 lastIat(const SandboxFixture &fx)
{
    const QByteArray token =
        const_cast<SandboxFixture &>(fx).server().journal().last().headers.value("x-opentok-auth");
    const QByteArray payload =
        QByteArray::fromBase64(token.split('.').value(1), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object().value(QLatin1String("iat")).toInteger(-1);
}

} // namespace

class TestClockSkew : public QObject
{
    Q_OBJECT

private:
    int m_cases = 0;
    int m_named = 0;

private Q_SLOTS:
    void cleanupTestCase()
    {
        qInfo("G-SEC-7: skew named in %d of %d injected 403 cases", m_named, m_cases);
        QCOMPARE(m_named, m_cases);
    }

    void skewIsNamed_data()
    {
        QTest::addColumn<qint64>("offsetSecs");
        QTest::addColumn<bool>("sandboxRefusesByItself");
        QTest::addColumn<QString>("expected");
        QTest::newRow("server +10 min")
            << qint64(600) << true << QStringLiteral("clock is 10 minutes behind");
        // The sandbox does not refuse an iat in the future (only exp and exp-iat are checked),
        // so a client 10 minutes ahead is refused by a forced 403 carrying the sandbox's Date.
        QTest::newRow("server -10 min")
            << qint64(-600) << false << QStringLiteral("clock is 10 minutes ahead");
        QTest::newRow("server +1 h")
            << qint64(3600) << true << QStringLiteral("clock is 60 minutes behind");
    }
    void skewIsNamed()
    {
        QFETCH(qint64, offsetSecs);
        QFETCH(bool, sandboxRefusesByItself);
        QFETCH(QString, expected);
        constexpr int Repeats = 10;

        SandboxFixture fx;
        QVERIFY(fx.isListening());
        fx.server().advanceTime(offsetSecs * 1000);
        const QString path = fx.client().projectPath({QStringLiteral("archive")});
        for (int i = 0; i < Repeats; ++i) {
            if (!sandboxRefusesByItself) {
                // Without a forced answer the request goes through (see above).
                auto accepted = await(fx.client().send(ApiRequest::get(path)));
                OTADMIN_VERIFY_SUCCESS(accepted);
                fx.server().forceNextResponse("GET", QStringLiteral("*/archive"), 403,
                    QByteArray("{\"code\":403,\"message\":\"Token is not valid yet\"}"));
            }
            auto reply = await(fx.client().send(ApiRequest::get(path)));
            QCOMPARE(reply->error().kind(), ApiError::Kind::Forbidden);
            ++m_cases;
            const QString message = reply->error().userMessage();
            QVERIFY2(message.contains(expected), qPrintable(message));
            ++m_named;
            QVERIFY(reply->error().clockSkewSecs());
            QVERIFY(qAbs(*reply->error().clockSkewSecs() - offsetSecs) <= 1);
            if (i == 0)
                qInfo("%s", qPrintable(message));

            // No automatic correction: the token of the refused request, and of the next one,
            // carries the local clock.
            const qint64 localNow = QDateTime::currentSecsSinceEpoch();
            QVERIFY(qAbs(lastIat(fx) - localNow) <= 2);
        }
        QCOMPARE(fx.server().journal().last().status, 403);
    }

    void smallSkewIsNotBlamed()
    {
        SandboxFixture fx;
        QVERIFY(fx.isListening());
        fx.server().advanceTime(20'000);
        fx.server().forceNextResponse("GET", QStringLiteral("*/archive"), 403, QByteArray());
        auto reply = await(fx.client().send(
            ApiRequest::get(fx.client().projectPath({QStringLiteral("archive")}))));
        QCOMPARE(reply->error().kind(), ApiError::Kind::Forbidden);
        QVERIFY(!reply->error().userMessage().contains(QStringLiteral("behind")));
    }
};

QTEST_GUILESS_MAIN(TestClockSkew)
#include "tst_clock_skew.moc"
