// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for the X-OPENTOK-AUTH REST JWT: the §1.2 vector and the G-SEC-6 properties.
#include "auth/Jwt.h"
#include "auth/RestJwt.h"

#include <QRegularExpression>
#include <QSet>
#include <QUuid>
#include <QtTest>

using namespace otadmin;

namespace {
const QString ApiKey = QStringLiteral("12345678");
const QByteArray Secret = "0123456789abcdef0123456789abcdef01234567";
const QByteArray ReferenceVector =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjM0NTY3OCIsImlzdCI6InByb2plY3QiLCJpYXQi"
    "OjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMDE4MCwianRpIjoiYzBmZmVlMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAw"
    "MDAwMDAxIn0.BaUswDl0xEMeKi-_My_WeIcCmT6nRC_C-8K7hZCxezs";
const QRegularExpression UuidV4(
    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
} // namespace

class tst_RestJwt : public QObject
{
    Q_OBJECT

private slots:
    void referenceVector();
    void claims_data();
    void claims();
    void iatComesFromClockRoundedDown();
    void jtiIsUuidV4With128DrawnBits();
    void jtiUniqueOver10000Mints();
    void freshTokenPerCall();
};

void tst_RestJwt::referenceVector()
{
    QCOMPARE(RestJwt::mint(ApiKey, Secret, IssuerType::Project, 1700000000,
                 "c0ffee00-0000-4000-8000-000000000001"),
        ReferenceVector);
}

void tst_RestJwt::claims_data()
{
    QTest::addColumn<int>("ist");
    QTest::addColumn<QString>("istName");
    QTest::newRow("project") << int(IssuerType::Project) << "project";
    QTest::newRow("account") << int(IssuerType::Account) << "account";
}

void tst_RestJwt::claims()
{
    QFETCH(int, ist);
    QFETCH(QString, istName);
    FixedClock clock(1700000000123);
    SeededRandomSource random(7);
    const QByteArray token = RestJwt::mint(ApiKey, Secret, IssuerType(ist), clock, random);
    const auto decoded = Jwt::decode(token);
    QVERIFY(decoded.has_value());
    QVERIFY(Jwt::verifyHs256(*decoded, Secret));
    QCOMPARE(decoded->header.value("alg").toString(), QString("HS256"));
    QCOMPARE(decoded->header.value("typ").toString(), QString("JWT"));
    QCOMPARE(decoded->header.size(), 2);
    // Key order matters only for reproducing vectors, but ours is fixed: iss, ist, iat, exp, jti.
    QVERIFY(token.split('.')[1].startsWith("eyJpc3MiOi")); // {"iss":
    const QJsonObject &p = decoded->payload;
    QCOMPARE(p.keys(), (QStringList {"exp", "iat", "iss", "ist", "jti"}));
    QCOMPARE(p.value("iss").toString(), ApiKey);
    QVERIFY(p.value("iss").isString());
    QCOMPARE(p.value("ist").toString(), istName);
    QCOMPARE(p.value("iat").toInteger(), 1700000000);
    QCOMPARE(p.value("exp").toInteger() - p.value("iat").toInteger(), qint64(180));
    QCOMPARE(RestJwt::LifetimeSecs, 180);
    QVERIFY(UuidV4.match(p.value("jti").toString()).hasMatch());
}

void tst_RestJwt::iatComesFromClockRoundedDown()
{
    FixedClock clock(1712345678999);
    SeededRandomSource random;
    const auto decoded =
        Jwt::decode(RestJwt::mint(ApiKey, Secret, IssuerType::Project, clock, random));
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->payload.value("iat").toInteger(), 1712345678);
    QCOMPARE(decoded->payload.value("exp").toInteger(), 1712345858);
}

void tst_RestJwt::jtiIsUuidV4With128DrawnBits()
{
    // A source that always yields 0xff shows exactly which bits the UUID format fixes.
    class Ones final : public RandomSource
    {
    public:
        int requested = 0;
        QByteArray bytes(int count) override
        {
            requested += count;
            return QByteArray(count, '\xff');
        }
        quint64 next64() override { return ~0ULL; }
        double nextDouble() override { return 0.5; }
    } ones;
    QCOMPARE(RestJwt::newJti(ones), QByteArray("ffffffff-ffff-4fff-bfff-ffffffffffff"));
    QCOMPARE(ones.requested, 16);

    SystemRandomSource system;
    const QByteArray jti = RestJwt::newJti(system);
    QCOMPARE(jti.size(), 36);
    QVERIFY(UuidV4.match(QString::fromLatin1(jti)).hasMatch());
    const QUuid uuid = QUuid::fromString(QLatin1String(jti));
    QCOMPARE(uuid.version(), QUuid::Random);
    QCOMPARE(uuid.toRfc4122().size(), 16);
}

void tst_RestJwt::jtiUniqueOver10000Mints()
{
    FixedClock clock(1700000000000);
    SystemRandomSource random;
    QSet<QString> seen;
    QSet<QByteArray> tokens;
    for (int i = 0; i < 10000; ++i) {
        const QByteArray token = RestJwt::mint(ApiKey, Secret, IssuerType::Project, clock, random);
        const auto decoded = Jwt::decode(token);
        QVERIFY(decoded.has_value());
        const QString jti = decoded->payload.value("jti").toString();
        QVERIFY2(UuidV4.match(jti).hasMatch(), qPrintable(jti));
        seen.insert(jti);
        tokens.insert(token);
    }
    QCOMPARE(seen.size(), 10000);
    QCOMPARE(tokens.size(), 10000);
}

void tst_RestJwt::freshTokenPerCall()
{
    // Same clock, same key: only the jti differs, and it must.
    FixedClock clock(1700000000000);
    SeededRandomSource random(42);
    const QByteArray first = RestJwt::mint(ApiKey, Secret, IssuerType::Project, clock, random);
    const QByteArray second = RestJwt::mint(ApiKey, Secret, IssuerType::Project, clock, random);
    QVERIFY(first != second);
    const auto a = Jwt::decode(first);
    const auto b = Jwt::decode(second);
    QVERIFY(a && b);
    QCOMPARE(a->payload.value("iat"), b->payload.value("iat"));
    QVERIFY(a->payload.value("jti") != b->payload.value("jti"));
}

QTEST_GUILESS_MAIN(tst_RestJwt)
#include "tst_RestJwt.moc"
