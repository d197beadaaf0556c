// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for the token inspector: vector round trips, T1 decoding variants, malformed input.
#include "TokenVectors.h"
#include "auth/Base64Url.h"
#include "auth/Jwt.h"
#include "auth/TokenInspector.h"

#include <QtTest>

using namespace otadmin;
using namespace otadmin::TokenVectors;

using Verdict = TokenInspection::Verdict;
using Signature = TokenInspection::Signature;
Q_DECLARE_METATYPE(Verdict)
Q_DECLARE_METATYPE(Signature)

namespace {
// During the vectors' lifetime (2023-11-14 22:13:21Z).
const FixedClock VectorTime(1700000001000);
// 2024-01-01, long after every vector expired.
const FixedClock Later(1704067200000);

QString toJavaAlphabet(const QString &t1Token)
{
    QString body = t1Token.mid(4);
    body.replace('+', '-').replace('/', '_');
    return QStringLiteral("T1==") + body;
}
} // namespace

class tst_TokenInspector : public QObject
{
    Q_OBJECT

private slots:
    void vectorsRoundTrip_data();
    void vectorsRoundTrip();
    void vectorsExpireAtTheSystemClock();
    void vectorAFields();
    void vectorCFields();
    void plusAndPercent20BothMeanSpace();
    void javaUrlSafeAlphabet();
    void tamperedT1IsBadSignature();
    void jwtAlgNoneIsBadSignature();
    void expiryBoundary();
    void generatedTokensRoundTrip_data();
    void generatedTokensRoundTrip();
    void malformed_data();
    void malformed();
};

void tst_TokenInspector::vectorsRoundTrip_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("data");
    QTest::newRow("A") << TokenA << int(TokenFormat::T1) << "publisher"
                       << "name=Alice Smith";
    QTest::newRow("B") << TokenB << int(TokenFormat::T1) << "moderator"
                       << "";
    QTest::newRow("C") << TokenC << int(TokenFormat::Jwt) << "publisher"
                       << "name=Alice Smith";
}

void tst_TokenInspector::vectorsRoundTrip()
{
    QFETCH(QString, token);
    QFETCH(int, format);
    QFETCH(QString, role);
    QFETCH(QString, data);

    const TokenInspection good = inspectToken(token, Secret, VectorTime);
    QVERIFY2(good.error.isEmpty(), qPrintable(good.error));
    QCOMPARE(int(good.format), format);
    QCOMPARE(good.signature, Signature::Valid);
    QCOMPARE(good.verdict, Verdict::Valid);
    QCOMPARE(good.apiKey, ApiKey);
    QCOMPARE(good.sessionId, SessionId);
    QCOMPARE(good.role, role);
    QCOMPARE(good.connectionData, data);
    QCOMPARE(good.createTime, std::optional<qint64>(CreateTime));
    QCOMPARE(good.expireTime, std::optional<qint64>(ExpireTime));

    const TokenInspection wrong = inspectToken(token, WrongSecret, VectorTime);
    QCOMPARE(wrong.signature, Signature::Invalid);
    QCOMPARE(wrong.verdict, Verdict::BadSignature);

    const TokenInspection unchecked = inspectToken(token, QByteArray(), VectorTime);
    QCOMPARE(unchecked.signature, Signature::NotChecked);
    QCOMPARE(unchecked.verdict, Verdict::Valid);

    const TokenInspection late = inspectToken(token, Secret, Later);
    QCOMPARE(late.signature, Signature::Valid);
    QCOMPARE(late.verdict, Verdict::Expired);
    // A bad signature outranks expiry.
    QCOMPARE(inspectToken(token, WrongSecret, Later).verdict, Verdict::BadSignature);
}

void tst_TokenInspector::vectorsExpireAtTheSystemClock()
{
    const SystemClock now;
    for (const QString &token : {TokenA, TokenB, TokenC}) {
        const TokenInspection inspection = inspectToken(token, Secret, now);
        QCOMPARE(inspection.signature, Signature::Valid);
        QCOMPARE(inspection.verdict, Verdict::Expired);
    }
}

void tst_TokenInspector::vectorAFields()
{
    const TokenInspection a = inspectToken(TokenA, Secret, VectorTime);
    const QList<QPair<QString, QString>> expected = {
        {"partner_id", "12345678"},
        {"sig", QString::fromLatin1(SigA)},
        {"session_id", SessionId},
        {"create_time", "1700000000"},
        {"nonce", "123456"},
        {"role", "publisher"},
        {"expire_time", "1700086400"},
        {"connection_data", "name=Alice Smith"},
        {"initial_layout_class_list", "focus inactive"},
        {"scope", "session.connect"},
    };
    QCOMPARE(a.fields, expected);
    QCOMPARE(a.layoutClasses, (QStringList {"focus", "inactive"}));
}

void tst_TokenInspector::vectorCFields()
{
    const TokenInspection c = inspectToken(TokenC, Secret, VectorTime);
    QStringList keys;
    for (const auto &field : c.fields)
        keys << field.first;
    QCOMPARE(keys,
        (QStringList {"header.alg", "header.typ", "iss", "ist", "iat", "exp", "session_id",
            "create_time", "nonce", "role", "expire_time", "connection_data",
            "initial_layout_class_list", "scope"}));
    QCOMPARE(c.fields.at(8).second, QString("123456"));
    QCOMPARE(c.layoutClasses, (QStringList {"focus", "inactive"}));
}

void tst_TokenInspector::plusAndPercent20BothMeanSpace()
{
    // Python's encoding (quote_plus): '+' for space, its own field order, '+' itself as %2B.
    const QByteArray pythonData = "session_id=" + SessionId.toLatin1()
        + "&create_time=1700000000&expire_time=1700086400&role=publisher&nonce=42"
          "&initial_layout_class_list=focus+inactive&connection_data=name%3DAlice+Smith%2B1";
    const QString pythonToken = encodeT1(ApiKey, Secret, pythonData);
    const TokenInspection py = inspectToken(pythonToken, Secret, VectorTime);
    QCOMPARE(py.verdict, Verdict::Valid);
    QCOMPARE(py.connectionData, QString("name=Alice Smith+1"));
    QCOMPARE(py.layoutClasses, (QStringList {"focus", "inactive"}));

    // The same values with %20 (Node, Qt) decode identically.
    QByteArray nodeData = pythonData;
    nodeData.replace("focus+inactive", "focus%20inactive").replace("Alice+Smith", "Alice%20Smith");
    QVERIFY(nodeData != pythonData);
    const TokenInspection node =
        inspectToken(encodeT1(ApiKey, Secret, nodeData), Secret, VectorTime);
    QCOMPARE(node.verdict, Verdict::Valid);
    QCOMPARE(node.connectionData, py.connectionData);
    QCOMPARE(node.layoutClasses, py.layoutClasses);

    // The signature covers the encoded bytes: swapping the encoding breaks it.
    QByteArray plain = QByteArray::fromBase64(pythonToken.mid(4).toLatin1());
    plain.replace("focus+inactive", "focus%20inactive");
    const TokenInspection swapped = inspectToken(
        QStringLiteral("T1==") + QString::fromLatin1(plain.toBase64()), Secret, VectorTime);
    QCOMPARE(swapped.verdict, Verdict::BadSignature);
}

void tst_TokenInspector::javaUrlSafeAlphabet()
{
    // Three or more '~' in a row always yield a full "fn5+" group, so the alphabets differ.
    ClientTokenData data = fullData();
    data.connectionData = QStringLiteral("~~~~~~~~~ ??? >>>");
    const QString standard = encodeT1(ApiKey, Secret, t1DataString(data));
    QVERIFY(standard.contains('+'));
    const QString java = toJavaAlphabet(standard);
    QVERIFY(java.contains('-'));
    QVERIFY(java != standard);

    const TokenInspection inspection = inspectToken(java, Secret, VectorTime);
    QVERIFY2(inspection.error.isEmpty(), qPrintable(inspection.error));
    QCOMPARE(inspection.verdict, Verdict::Valid);
    QCOMPARE(inspection.connectionData, data.connectionData);
    QCOMPARE(inspection.fields, inspectToken(standard, Secret, VectorTime).fields);

    // Unpadded input is accepted too.
    QString unpadded = TokenA;
    while (unpadded.endsWith('='))
        unpadded.chop(1);
    QVERIFY(unpadded.size() < TokenA.size());
    QCOMPARE(inspectToken(unpadded, Secret, VectorTime).verdict, Verdict::Valid);
}

void tst_TokenInspector::tamperedT1IsBadSignature()
{
    QByteArray plain = QByteArray::fromBase64(TokenB.mid(4).toLatin1());
    plain.replace("role=moderator", "role=publisher");
    const QString tampered = QStringLiteral("T1==") + QString::fromLatin1(plain.toBase64());
    const TokenInspection inspection = inspectToken(tampered, Secret, VectorTime);
    QCOMPARE(inspection.role, QString("publisher"));
    QCOMPARE(inspection.verdict, Verdict::BadSignature);
    // Uppercase hex in sig is the same signature.
    QByteArray upper = QByteArray::fromBase64(TokenB.mid(4).toLatin1());
    upper.replace(SigB, SigB.toUpper());
    QCOMPARE(inspectToken(
                 QStringLiteral("T1==") + QString::fromLatin1(upper.toBase64()), Secret, VectorTime)
                 .verdict,
        Verdict::Valid);
}

void tst_TokenInspector::jwtAlgNoneIsBadSignature()
{
    const QList<QByteArray> parts = TokenC.toLatin1().split('.');
    const QByteArray none =
        Base64Url::encode(R"({"alg":"none","typ":"JWT"})") + '.' + parts[1] + '.' + parts[2];
    const TokenInspection inspection = inspectToken(QString::fromLatin1(none), Secret, VectorTime);
    QVERIFY(inspection.error.isEmpty());
    QCOMPARE(inspection.verdict, Verdict::BadSignature);
    // And unsigned "none" tokens with an empty signature too.
    const QByteArray unsigned_ = Base64Url::encode(R"({"alg":"none"})") + '.' + parts[1] + '.';
    QCOMPARE(inspectToken(QString::fromLatin1(unsigned_), Secret, VectorTime).verdict,
        Verdict::BadSignature);
}

void tst_TokenInspector::expiryBoundary()
{
    // Valid through the expiry second itself, like the generator's now <= expire_time rule.
    FixedClock clock(ExpireTime * 1000);
    QCOMPARE(inspectToken(TokenB, Secret, clock).verdict, Verdict::Valid);
    clock.advanceMSecs(1000);
    QCOMPARE(inspectToken(TokenB, Secret, clock).verdict, Verdict::Expired);
}

void tst_TokenInspector::generatedTokensRoundTrip_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("jwt") << int(TokenFormat::Jwt);
    QTest::newRow("t1") << int(TokenFormat::T1);
}

void tst_TokenInspector::generatedTokensRoundTrip()
{
    QFETCH(int, format);
    FixedClock clock(1704067200000);
    SeededRandomSource random(11);
    ClientTokenOptions options;
    options.role = TokenRole::PublisherOnly;
    options.format = TokenFormat(format);
    options.expireTimeSecs = 1704067200 + 7 * 86400;
    options.connectionData = QString::fromUtf8("{\"n\":\"Zoë\"} a+b=c&d %20 ~!*'()");
    options.initialLayoutClasses = {"focus", "full"};
    const ClientTokenResult result =
        generateClientToken(ApiKey, Secret, SessionId, options, clock, random);
    QVERIFY(result.ok());

    const TokenInspection inspection = inspectToken(result.token, Secret, clock);
    QVERIFY2(inspection.error.isEmpty(), qPrintable(inspection.error));
    QCOMPARE(int(inspection.format), format);
    QCOMPARE(inspection.verdict, Verdict::Valid);
    QCOMPARE(inspection.apiKey, ApiKey);
    QCOMPARE(inspection.sessionId, SessionId);
    QCOMPARE(inspection.role, QString("publisheronly"));
    QCOMPARE(inspection.connectionData, options.connectionData);
    QCOMPARE(inspection.layoutClasses, options.initialLayoutClasses);
    QCOMPARE(inspection.createTime, std::optional<qint64>(result.createTime));
    QCOMPARE(inspection.expireTime, std::optional<qint64>(result.expireTime));
    QCOMPARE(inspectToken(result.token, WrongSecret, clock).verdict, Verdict::BadSignature);
}

void tst_TokenInspector::malformed_data()
{
    auto t1 = [](const QByteArray &plain) {
        return QStringLiteral("T1==") + QString::fromLatin1(plain.toBase64());
    };
    auto jwt = [](const QByteArray &payload) {
        return QString::fromLatin1(Jwt::signHs256(Jwt::Hs256Header, payload, Secret));
    };
    const QByteArray sid = SessionId.toLatin1();
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("whitespace") << "  \n"
                                << "empty";
    QTest::newRow("neither") << "hello world"
                             << "neither";
    QTest::newRow("prefix only") << "T1=="
                                 << "base64";
    QTest::newRow("t1 not base64") << "T1==!!!!"
                                   << "base64";
    QTest::newRow("t1 non-ascii") << QString::fromUtf8("T1==cGFy\xc3\xa9") << "base64";
    QTest::newRow("t1 no colon") << t1("partner_id=1&sig=abc") << "':'";
    QTest::newRow("t1 no sig") << t1("partner_id=1:session_id=" + sid) << "sig";
    QTest::newRow("t1 no partner") << t1("sig=ab:session_id=" + sid) << "partner_id";
    QTest::newRow("t1 no session") << t1("partner_id=1&sig=ab:role=publisher") << "session_id";
    QTest::newRow("t1 bad expiry")
        << t1("partner_id=1&sig=ab:session_id=" + sid + "&expire_time=tomorrow") << "expire_time";
    QTest::newRow("jwt two dots, bad base64") << "a*b.c.d"
                                              << "header";
    QTest::newRow("jwt four parts") << TokenC + ".x"
                                    << "neither";
    QTest::newRow("jwt no iss") << jwt(R"({"session_id":"x"})") << "iss";
    QTest::newRow("jwt no session") << jwt(R"({"iss":"1"})") << "session_id";
    QTest::newRow("jwt fractional exp")
        << jwt(R"({"iss":"1","session_id":"x","exp":1.5})") << "expiry";
    QTest::newRow("jwt string exp")
        << jwt(R"({"iss":"1","session_id":"x","exp":"soon"})") << "expiry";
}

void tst_TokenInspector::malformed()
{
    QFETCH(QString, token);
    QFETCH(QString, errorContains);
    const TokenInspection inspection = inspectToken(token, Secret, VectorTime);
    QCOMPARE(inspection.verdict, Verdict::Malformed);
    QVERIFY2(inspection.error.contains(errorContains), qPrintable(inspection.error));
}

QTEST_GUILESS_MAIN(tst_TokenInspector)
#include "tst_TokenInspector.moc"
