// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-6: 10,000 requests through the real RestClient; every X-OPENTOK-AUTH decoded and checked.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "auth/RestJwt.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace otadmin;
using namespace otadmin::test;

namespace {

/// Hands out exactly the bytes it was given (to recompute a jti from recorded randomness).
class FixedBytes final : public RandomSource
{
public:
    explicit FixedBytes(QByteArray bytes) : m_bytes(std::move(bytes)) { }
    QByteArray bytes(int) override { return m_bytes; }
    quint64 next64() override { return 0; }
    double nextDouble() override { return 0; }

private:
    QByteArray m_bytes;
};

/// The system CSPRNG, recording the wall clock at the moment each jti's 16 bytes are drawn:
/// that is the client's clock at send, measured independently of the client's Clock.
class RecordingRandom final : public RandomSource
{
public:
    QByteArray bytes(int count) override
    {
        const QByteArray raw = SystemRandomSource::shared().bytes(count);
        if (count == 16) {
            FixedBytes replay(raw);
            sentAtMSecs.insert(RestJwt::newJti(replay), QDateTime::currentMSecsSinceEpoch());
        }
        return raw;
    }
    quint64 next64() override { return SystemRandomSource::shared().next64(); }
    double nextDouble() override { return SystemRandomSource::shared().nextDouble(); }

    QHash<QByteArray, qint64> sentAtMSecs; // jti -> Unix ms when it was drawn
};

QJsonObject decodeSegment(const QByteArray &segment)
{
    return QJsonDocument::fromJson(
        QByteArray::fromBase64(
            segment, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors))
        .object();
}

} // namespace

class TestJwtProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandRequests();
};

void TestJwtProperties::tenThousandRequests()
{
    constexpr int Total = 10'000;
    constexpr int InFlight = 12;
    constexpr int AccountEvery = 5; // one account call in five, over both host names

    SandboxFixture fx;
    QVERIFY(fx.isListening());
    RecordingRandom random;
    // QNetworkAccessManager opens at most 6 connections per host; two host names for the same
    // loopback listener double that, so that 8+ requests are really in flight at once.
    std::vector<std::unique_ptr<RestClient>> clients;
    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        QUrl url = fx.server().baseUrl();
        url.setHost(host);
        auto client = std::make_unique<RestClient>(&fx.network(), SystemClock::shared(), random);
        QVERIFY(!client->setBaseUrl(url));
        client->setProjectCredentials(fx.client().projectCredentials());
        client->setAccountCredentials(fx.client().accountCredentials());
        clients.push_back(std::move(client));
    }
    const QString projectKey = fx.server().apiKey();
    const QString accountKey = fx.server().accountKey();
    const QByteArray projectSecret = fx.server().apiSecret().toUtf8();
    const QByteArray accountSecret = fx.server().accountSecret().toUtf8();

    int sent = 0;
    int finished = 0;
    int failed = 0;
    QString firstFailure;
    std::function<void()> sendNext = [&] {
        const int n = sent++;
        RestClient &client = *clients[size_t(n) % clients.size()];
        ApiRequest request = n % AccountEvery == 0
            ? ApiRequest::get(QStringLiteral("/v2/project")).signedByAccount()
            : ApiRequest::get(client.projectPath({QStringLiteral("archive")}));
        ApiReply *reply = client.send(request);
        connect(reply, &ApiReply::finished, this, [&, reply] {
            ++finished;
            if (!reply->isSuccess()) {
                ++failed;
                if (firstFailure.isEmpty())
                    firstFailure = reply->error().userMessage();
            }
            if (sent < Total)
                sendNext();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < InFlight; ++i)
        sendNext();
    QTRY_VERIFY_WITH_TIMEOUT(finished == Total, 90'000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(failed == 0, qPrintable(firstFailure));

    const QList<sandbox::JournalEntry> journal = fx.server().journal();
    QCOMPARE(journal.size(), Total);

    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    QSet<QByteArray> tokens;
    QSet<QString> jtis;
    int duplicateJtis = 0;
    int reusedTokens = 0;
    int accountCalls = 0;
    qint64 maxSkewMSecs = 0;
    for (const sandbox::JournalEntry &entry : journal) {
        QCOMPARE(entry.status, 200);
        const QByteArray token = entry.headers.value("x-opentok-auth");
        QVERIFY(!token.isEmpty());
        if (tokens.contains(token))
            ++reusedTokens;
        tokens.insert(token);

        const QList<QByteArray> parts = token.split('.');
        QCOMPARE(parts.size(), 3);
        const QJsonObject header = decodeSegment(parts[0]);
        const QJsonObject claims = decodeSegment(parts[1]);
        QCOMPARE(header.value(QLatin1String("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));

        const bool account = entry.path == u"/v2/project";
        QVERIFY2(account || entry.path.startsWith(QStringLiteral("/v2/project/") + projectKey),
            qPrintable(entry.path));
        accountCalls += account ? 1 : 0;
        const QByteArray signature =
            QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1],
                account ? accountSecret : projectSecret, QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(parts[2], signature);
        QCOMPARE(claims.value(QLatin1String("iss")).toString(), account ? accountKey : projectKey);
        QCOMPARE(claims.value(QLatin1String("ist")).toString(),
            account ? QStringLiteral("account") : QStringLiteral("project"));

        const qint64 iat = claims.value(QLatin1String("iat")).toInteger(-1);
        const qint64 exp = claims.value(QLatin1String("exp")).toInteger(-1);
        QCOMPARE(exp - iat, qint64(RestJwt::LifetimeSecs));
        QVERIFY(exp - iat >= 60 && exp - iat <= 300);

        const QString jti = claims.value(QLatin1String("jti")).toString();
        QVERIFY2(uuid.match(jti).hasMatch(), qPrintable(jti));
        if (jtis.contains(jti))
            ++duplicateJtis;
        jtis.insert(jti);
        const auto sentAt = random.sentAtMSecs.constFind(jti.toLatin1());
        QVERIFY2(sentAt != random.sentAtMSecs.cend(), "a jti that the CSPRNG did not produce");
        maxSkewMSecs = qMax(maxSkewMSecs, qAbs(iat * 1000 - *sentAt));
    }
    QCOMPARE(duplicateJtis, 0);
    QCOMPARE(reusedTokens, 0);
    QCOMPARE(tokens.size(), Total);
    QVERIFY(accountCalls == Total / AccountEvery);
    // iat is whole seconds rounded down, so up to 999 ms below the send time is exact.
    QVERIFY2(maxSkewMSecs <= 2000, qPrintable(QString::number(maxSkewMSecs)));
    qInfo("G-SEC-6: %d requests (%d account, %d project) in %lld ms, %d in flight; 100%% "
          "HS256/JWT, signature, iss, ist, exp-iat=%d; %lld distinct jti, %d duplicate jti, %d "
          "reused tokens; max |iat - clock at send| = %lld ms",
        Total, accountCalls, Total - accountCalls, elapsed, InFlight, RestJwt::LifetimeSecs,
        qint64(jtis.size()), duplicateJtis, reusedTokens, maxSkewMSecs);
}

QTEST_GUILESS_MAIN(TestJwtProperties)
#include "tst_jwt_properties.moc"
