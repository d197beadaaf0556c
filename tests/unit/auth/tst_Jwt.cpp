// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for HS256 JWT signing, decoding and verification.
#include "auth/Base64Url.h"
#include "auth/Jwt.h"

#include <QtTest>

using namespace otadmin;

namespace {
const QByteArray Secret = "0123456789abcdef0123456789abcdef01234567";
// Reference §1.2.
const QByteArray RestVector =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjM0NTY3OCIsImlzdCI6InByb2plY3QiLCJpYXQi"
    "OjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMDE4MCwianRpIjoiYzBmZmVlMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAw"
    "MDAwMDAxIn0.BaUswDl0xEMeKi-_My_WeIcCmT6nRC_C-8K7hZCxezs";
} // namespace

class tst_Jwt : public QObject
{
    Q_OBJECT

private slots:
    void signReproducesReferenceVector();
    void decodeAndVerify();
    void verifyRejectsWrongSecret();
    void verifyRejectsTamperedPayload();
    void verifyRejectsOtherAlgorithms_data();
    void verifyRejectsOtherAlgorithms();
    void decodeRejectsMalformed_data();
    void decodeRejectsMalformed();
};

void tst_Jwt::signReproducesReferenceVector()
{
    const QByteArray payload = R"({"iss":"12345678","ist":"project","iat":1700000000,)"
                               R"("exp":1700000180,"jti":"c0ffee00-0000-4000-8000-000000000001"})";
    QCOMPARE(Jwt::signHs256(Jwt::Hs256Header, payload, Secret), RestVector);
}

void tst_Jwt::decodeAndVerify()
{
    QString error;
    const auto decoded = Jwt::decode(RestVector, &error);
    QVERIFY2(decoded.has_value(), qPrintable(error));
    QCOMPARE(decoded->header.value("alg").toString(), QString("HS256"));
    QCOMPARE(decoded->header.value("typ").toString(), QString("JWT"));
    QCOMPARE(decoded->payload.value("iss").toString(), QString("12345678"));
    QCOMPARE(decoded->payload.value("iat").toInteger(), 1700000000);
    QCOMPARE(decoded->signingInput, RestVector.left(RestVector.lastIndexOf('.')));
    QCOMPARE(decoded->signature.size(), 32);
    QVERIFY(Jwt::verifyHs256(*decoded, Secret));
}

void tst_Jwt::verifyRejectsWrongSecret()
{
    const auto decoded = Jwt::decode(RestVector);
    QVERIFY(decoded.has_value());
    QVERIFY(!Jwt::verifyHs256(*decoded, Secret.left(39) + '8'));
    QVERIFY(!Jwt::verifyHs256(*decoded, QByteArray()));
}

void tst_Jwt::verifyRejectsTamperedPayload()
{
    QList<QByteArray> parts = RestVector.split('.');
    parts[1] = Base64Url::encode(R"({"iss":"12345678","ist":"account","iat":1700000000})");
    const auto decoded = Jwt::decode(parts.join('.'));
    QVERIFY(decoded.has_value());
    QVERIFY(!Jwt::verifyHs256(*decoded, Secret));
}

void tst_Jwt::verifyRejectsOtherAlgorithms_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("none") << QByteArray(R"({"alg":"none","typ":"JWT"})");
    QTest::newRow("HS512") << QByteArray(R"({"alg":"HS512","typ":"JWT"})");
    QTest::newRow("lowercase hs256") << QByteArray(R"({"alg":"hs256"})");
    QTest::newRow("missing alg") << QByteArray(R"({"typ":"JWT"})");
}

void tst_Jwt::verifyRejectsOtherAlgorithms()
{
    QFETCH(QByteArray, header);
    // Correctly HMAC-SHA256-signed, so only the header can make verification fail.
    const QByteArray token = Jwt::signHs256(header, R"({"iss":"1"})", Secret);
    const auto decoded = Jwt::decode(token);
    QVERIFY(decoded.has_value());
    QVERIFY(!Jwt::verifyHs256(*decoded, Secret));
    // Control: the same payload with the HS256 header verifies.
    const auto good = Jwt::decode(Jwt::signHs256(Jwt::Hs256Header, R"({"iss":"1"})", Secret));
    QVERIFY(good.has_value());
    QVERIFY(Jwt::verifyHs256(*good, Secret));
    // Java sends only "alg"; that must be enough.
    const auto javaStyle = Jwt::decode(Jwt::signHs256(R"({"alg":"HS256"})", "{}", Secret));
    QVERIFY(javaStyle.has_value());
    QVERIFY(Jwt::verifyHs256(*javaStyle, Secret));
}

void tst_Jwt::decodeRejectsMalformed_data()
{
    const QByteArray header = Base64Url::encode(Jwt::Hs256Header);
    const QByteArray payload = Base64Url::encode("{}");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("empty") << QByteArray() << "three";
    QTest::newRow("two parts") << header + '.' + payload << "three";
    QTest::newRow("four parts") << header + '.' + payload + ".x.y"
                                << "three";
    QTest::newRow("header not base64") << "e*J." + payload + ".AA"
                                       << "header";
    QTest::newRow("header not json") << Base64Url::encode("nope") + '.' + payload + ".AA"
                                     << "header";
    QTest::newRow("payload is an array") << header + '.' + Base64Url::encode("[1]") + ".AA"
                                         << "payload";
    QTest::newRow("signature not base64") << header + '.' + payload + ".A+A"
                                          << "signature";
}

void tst_Jwt::decodeRejectsMalformed()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, errorContains);
    QString error;
    QVERIFY(!Jwt::decode(token, &error).has_value());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_Jwt)
#include "tst_Jwt.moc"
