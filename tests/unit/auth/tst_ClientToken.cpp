// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for client tokens: §3.4 vectors byte for byte, validation limits, generation.
#include "TokenVectors.h"
#include "auth/ClientToken.h"
#include "auth/Jwt.h"
#include "auth/SessionId.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace otadmin;
using namespace otadmin::TokenVectors;

namespace {
// A fixed "now" of 2024-01-01T00:00:00Z, in seconds.
constexpr qint64 Now = 1704067200;
constexpr qint64 Day = 86400;
} // namespace

class tst_ClientToken : public QObject
{
    Q_OBJECT

private slots:
    void roleNames_data();
    void roleNames();
    void vectorA();
    void vectorB();
    void vectorC();
    void percentEncoding_data();
    void percentEncoding();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void acceptsExactLimits_data();
    void acceptsExactLimits();
    void generatedT1_data();
    void generatedT1();
    void generatedJwt();
    void freshNoncePerCall();
};

void tst_ClientToken::roleNames_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("name");
    QTest::newRow("publisher") << int(TokenRole::Publisher) << "publisher";
    QTest::newRow("subscriber") << int(TokenRole::Subscriber) << "subscriber";
    QTest::newRow("moderator") << int(TokenRole::Moderator) << "moderator";
    QTest::newRow("publisheronly") << int(TokenRole::PublisherOnly) << "publisheronly";
}

void tst_ClientToken::roleNames()
{
    QFETCH(int, role);
    QFETCH(QString, name);
    QCOMPARE(roleName(TokenRole(role)), name);
    QCOMPARE(roleFromName(name), std::optional<TokenRole>(TokenRole(role)));
    QVERIFY(!roleFromName(name.toUpper()).has_value());
    QVERIFY(!roleFromName(name + ' ').has_value());
    QVERIFY(!roleFromName(QString()).has_value());
    QVERIFY(roleName(TokenRole(17)).isEmpty());
}

void tst_ClientToken::vectorA()
{
    QCOMPARE(t1DataString(fullData()), DataA);
    QCOMPARE(
        QMessageAuthenticationCode::hash(DataA, Secret, QCryptographicHash::Sha1).toHex(), SigA);
    QCOMPARE(encodeT1(ApiKey, Secret, DataA), TokenA);
    QCOMPARE(QByteArray::fromBase64(TokenA.mid(4).toLatin1()),
        "partner_id=12345678&sig=" + SigA + ':' + DataA);
}

void tst_ClientToken::vectorB()
{
    QCOMPARE(t1DataString(minimalData()), DataB);
    QCOMPARE(
        QMessageAuthenticationCode::hash(DataB, Secret, QCryptographicHash::Sha1).toHex(), SigB);
    QCOMPARE(encodeT1(ApiKey, Secret, DataB), TokenB);
}

void tst_ClientToken::vectorC()
{
    QCOMPARE(jwtClientClaims(ApiKey, fullData(), CreateTime, QByteArray()), ClaimsC);
    QCOMPARE(encodeJwt(ApiKey, Secret, fullData(), CreateTime, QByteArray()), TokenC);
    // With a jti it lands right after exp and nothing else moves.
    const QByteArray withJti =
        jwtClientClaims(ApiKey, fullData(), CreateTime, "c0ffee00-0000-4000-8000-000000000001");
    QCOMPARE(withJti,
        QByteArray(ClaimsC).replace(R"("exp":1700086400,)",
            R"("exp":1700086400,"jti":"c0ffee00-0000-4000-8000-)"
            R"(000000000001",)"));
}

void tst_ClientToken::percentEncoding_data()
{
    QTest::addColumn<QString>("connectionData");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("space and equals") << "name=Alice Smith" << QByteArray("name%3DAlice%20Smith");
    QTest::newRow("plus and ampersand") << "a+b&c" << QByteArray("a%2Bb%26c");
    QTest::newRow("unreserved kept") << "A-z_0.9~" << QByteArray("A-z_0.9~");
    // QUrl escapes the five characters Node leaves alone; the signature covers either form.
    QTest::newRow("node's extra set") << "!'()*" << QByteArray("%21%27%28%29%2A");
    QTest::newRow("utf-8") << QString::fromUtf8("é") << QByteArray("%C3%A9");
    QTest::newRow("colon") << "k:v" << QByteArray("k%3Av");
}

void tst_ClientToken::percentEncoding()
{
    QFETCH(QString, connectionData);
    QFETCH(QByteArray, encoded);
    ClientTokenData data = minimalData();
    data.connectionData = connectionData;
    QCOMPARE(t1DataString(data), DataB + "&connection_data=" + encoded);
}

void tst_ClientToken::rejectsBadInput_data()
{
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("sessionId");
    QTest::addColumn<int>("role");
    QTest::addColumn<qint64>("expire"); // 0 = not given
    QTest::addColumn<QString>("connectionData");
    QTest::addColumn<QStringList>("layout");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("field");

    const QString sid = SessionId;
    const int pub = int(TokenRole::Publisher);
    const int jwt = int(TokenFormat::Jwt);
    const int t1 = int(TokenFormat::T1);
    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80"); // U+1F600, two UTF-16 units
    auto row = [&](const char *name, const QString &key, const QByteArray &secret,
                   const QString &session, int role, qint64 expire, const QString &data,
                   const QStringList &layout, int format, const QString &field) {
        QTest::newRow(name) << key << secret << session << role << expire << data << layout
                            << format << field;
    };
    // Credentials.
    row("empty api key", "", Secret, sid, pub, 0, "", {}, jwt, "apiKey");
    row("empty secret", ApiKey, "", sid, pub, 0, "", {}, jwt, "apiSecret");
    // Session ID: malformed.
    row("empty session", ApiKey, Secret, "", pub, 0, "", {}, jwt, "sessionId");
    row("session with space", ApiKey, Secret, sid + " ", pub, 0, "", {}, jwt, "sessionId");
    row("session with plus", ApiKey, Secret, QString(sid).replace('-', '+'), pub, 0, "", {}, t1,
        "sessionId");
    row("session with slash", ApiKey, Secret, "1_MX4x/jM0", pub, 0, "", {}, jwt, "sessionId");
    row("session with padding", ApiKey, Secret, sid + "==", pub, 0, "", {}, jwt, "sessionId");
    row("session non-ascii", ApiKey, Secret, sid + QString::fromUtf8("é"), pub, 0, "", {}, jwt,
        "sessionId");
    row("session sentinel only", ApiKey, Secret, "1_", pub, 0, "", {}, jwt, "sessionId");
    row("session bad base64 length", ApiKey, Secret, "1_MX4xM", pub, 0, "", {}, jwt, "sessionId");
    row("session too long", ApiKey, Secret, sid + QString(256 - sid.size(), 'A'), pub, 0, "", {},
        jwt, "sessionId");
    row("session without key field", ApiKey, Secret, "1_MQ", pub, 0, "", {}, jwt, "sessionId");
    // Session ID: another project's.
    row("session of other key", "87654321", Secret, sid, pub, 0, "", {}, jwt, "sessionId");
    row("key is prefix of owner", "1234567", Secret, sid, pub, 0, "", {}, t1, "sessionId");
    row("key extends owner", "123456789", Secret, sid, pub, 0, "", {}, jwt, "sessionId");
    row("key only in field 3", "1700000000000", Secret, sid, pub, 0, "", {}, jwt, "sessionId");
    row("old id of other key", ApiKey, Secret,
        "2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4", pub, 0, "", {},
        jwt, "sessionId");
    // Role outside the enum.
    row("role 4", ApiKey, Secret, sid, 4, 0, "", {}, jwt, "role");
    row("role -1", ApiKey, Secret, sid, -1, 0, "", {}, t1, "role");
    // Expiry.
    row("expiry one second ago", ApiKey, Secret, sid, pub, Now - 1, "", {}, jwt, "expireTime");
    row("expiry a day ago", ApiKey, Secret, sid, pub, Now - Day, "", {}, t1, "expireTime");
    row("expiry negative", ApiKey, Secret, sid, pub, -0x7fffffffLL, "", {}, jwt, "expireTime");
    row("expiry 30 days + 1 s", ApiKey, Secret, sid, pub, Now + 30 * Day + 1, "", {}, jwt,
        "expireTime");
    row("expiry 30 days + 1 s (T1)", ApiKey, Secret, sid, pub, Now + 30 * Day + 1, "", {}, t1,
        "expireTime");
    row("expiry a year", ApiKey, Secret, sid, pub, Now + 365 * Day, "", {}, jwt, "expireTime");
    row("expiry in ms by mistake", ApiKey, Secret, sid, pub, (Now + Day) * 1000, "", {}, jwt,
        "expireTime");
    row("expiry int64 max", ApiKey, Secret, sid, pub, std::numeric_limits<qint64>::max(), "", {},
        jwt, "expireTime");
    // Connection data.
    row("data 1001 ascii", ApiKey, Secret, sid, pub, 0, QString(1001, 'x'), {}, jwt,
        "connectionData");
    row("data 1001 latin", ApiKey, Secret, sid, pub, 0, QString(1001, QChar(0xe9)), {}, t1,
        "connectionData");
    row("data 1001 emoji", ApiKey, Secret, sid, pub, 0, emoji.repeated(1001), {}, jwt,
        "connectionData");
    row("data 1024 (node limit)", ApiKey, Secret, sid, pub, 0, QString(1024, 'x'), {}, jwt,
        "connectionData");
    // Layout classes.
    row("layout empty class", ApiKey, Secret, sid, pub, 0, "", {""}, jwt,
        "initialLayoutClassList[0]");
    row("layout class with space", ApiKey, Secret, sid, pub, 0, "", {"focus inactive"}, jwt,
        "initialLayoutClassList[0]");
    row("layout class with tab", ApiKey, Secret, sid, pub, 0, "", {"focus\t"}, t1,
        "initialLayoutClassList[0]");
    row("layout second class newline", ApiKey, Secret, sid, pub, 0, "", {"focus", "a\nb"}, jwt,
        "initialLayoutClassList[1]");
    row("layout nbsp", ApiKey, Secret, sid, pub, 0, "", {"a", "b", QString("c") + QChar(0xa0)}, jwt,
        "initialLayoutClassList[2]");
    row("layout third empty", ApiKey, Secret, sid, pub, 0, "", {"a", "b", ""}, jwt,
        "initialLayoutClassList[2]");
    row("layout one class 1001", ApiKey, Secret, sid, pub, 0, "", {QString(1001, 'c')}, jwt,
        "initialLayoutClassList");
    row("layout joined 1001", ApiKey, Secret, sid, pub, 0, "",
        {QString(500, 'a'), QString(500, 'b')}, t1, "initialLayoutClassList");
    // Format outside the enum.
    row("format 2", ApiKey, Secret, sid, pub, 0, "", {}, 2, "format");
}

void tst_ClientToken::rejectsBadInput()
{
    QFETCH(QString, apiKey);
    QFETCH(QByteArray, secret);
    QFETCH(QString, sessionId);
    QFETCH(int, role);
    QFETCH(qint64, expire);
    QFETCH(QString, connectionData);
    QFETCH(QStringList, layout);
    QFETCH(int, format);
    QFETCH(QString, field);

    ClientTokenOptions options;
    options.role = TokenRole(role);
    if (expire != 0)
        options.expireTimeSecs = expire;
    options.connectionData = connectionData;
    options.initialLayoutClasses = layout;
    options.format = TokenFormat(format);

    const Validation validation = validateClientToken(apiKey, secret, sessionId, options, Now);
    QVERIFY(validation.has_value());
    QCOMPARE(validation->field, field);
    QVERIFY(!validation->message.isEmpty());

    FixedClock clock(Now * 1000 + 999);
    SeededRandomSource random;
    const ClientTokenResult result =
        generateClientToken(apiKey, secret, sessionId, options, clock, random);
    QVERIFY(!result.ok());
    QVERIFY(result.token.isEmpty());
    QCOMPARE(result.error, validation);
}

void tst_ClientToken::acceptsExactLimits_data()
{
    QTest::addColumn<qint64>("expire"); // 0 = default
    QTest::addColumn<QString>("connectionData");
    QTest::addColumn<QStringList>("layout");
    QTest::addColumn<qint64>("expectedExpire");

    const QString emoji = QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("default expiry") << qint64(0) << QString() << QStringList() << Now + Day;
    QTest::newRow("expiry now") << Now << QString() << QStringList() << Now;
    QTest::newRow("expiry exactly 30 days")
        << Now + 30 * Day << QString() << QStringList() << Now + 30 * Day;
    QTest::newRow("data 1000 ascii")
        << qint64(0) << QString(1000, 'x') << QStringList() << Now + Day;
    QTest::newRow("data 1000 emoji")
        << qint64(0) << emoji.repeated(1000) << QStringList() << Now + Day;
    QTest::newRow("layout one class 1000")
        << qint64(0) << QString() << QStringList {QString(1000, 'c')} << Now + Day;
    QTest::newRow("layout joined 1000")
        << qint64(0) << QString() << QStringList {QString(500, 'a'), QString(499, 'b')}
        << Now + Day;
    QTest::newRow("all limits at once")
        << Now + 30 * Day << QString(1000, 'x')
        << QStringList {QString(333, 'a'), QString(333, 'b'), QString(332, 'c')} << Now + 30 * Day;
}

void tst_ClientToken::acceptsExactLimits()
{
    QFETCH(qint64, expire);
    QFETCH(QString, connectionData);
    QFETCH(QStringList, layout);
    QFETCH(qint64, expectedExpire);

    for (TokenFormat format : {TokenFormat::Jwt, TokenFormat::T1}) {
        ClientTokenOptions options;
        if (expire != 0)
            options.expireTimeSecs = expire;
        options.connectionData = connectionData;
        options.initialLayoutClasses = layout;
        options.format = format;
        const Validation validation = validateClientToken(ApiKey, Secret, SessionId, options, Now);
        QVERIFY2(!validation, qPrintable(validation ? validation->toString() : QString()));
        FixedClock clock(Now * 1000 + 999);
        SeededRandomSource random;
        const ClientTokenResult result =
            generateClientToken(ApiKey, Secret, SessionId, options, clock, random);
        QVERIFY(result.ok());
        QCOMPARE(result.createTime, Now);
        QCOMPARE(result.expireTime, expectedExpire);
        QCOMPARE(result.token.startsWith("T1=="), format == TokenFormat::T1);
    }
}

void tst_ClientToken::generatedT1_data()
{
    QTest::addColumn<int>("role");
    QTest::newRow("publisher") << int(TokenRole::Publisher);
    QTest::newRow("subscriber") << int(TokenRole::Subscriber);
    QTest::newRow("moderator") << int(TokenRole::Moderator);
    QTest::newRow("publisheronly") << int(TokenRole::PublisherOnly);
}

void tst_ClientToken::generatedT1()
{
    QFETCH(int, role);
    FixedClock clock(Now * 1000 + 400);
    SeededRandomSource random(3);
    ClientTokenOptions options;
    options.role = TokenRole(role);
    options.format = TokenFormat::T1;
    options.connectionData = QStringLiteral("user=Zoë & co");
    options.initialLayoutClasses = {"focus", "big"};
    const ClientTokenResult result =
        generateClientToken(ApiKey, Secret, SessionId, options, clock, random);
    QVERIFY(result.ok());
    QVERIFY(result.token.startsWith("T1=="));
    const QByteArray plain = QByteArray::fromBase64(result.token.mid(4).toLatin1());
    const qsizetype colon = plain.indexOf(':');
    const QByteArray data = plain.mid(colon + 1);
    const QByteArray sig =
        QMessageAuthenticationCode::hash(data, Secret, QCryptographicHash::Sha1).toHex();
    QCOMPARE(plain.left(colon), "partner_id=12345678&sig=" + sig);
    const QList<QByteArray> pairs = data.split('&');
    QCOMPARE(pairs.size(), 8);
    QCOMPARE(pairs[0], "session_id=" + SessionId.toLatin1());
    QCOMPARE(pairs[1], QByteArray("create_time=1704067200"));
    QVERIFY(pairs[2].startsWith("nonce="));
    bool ok = false;
    const quint64 nonce = pairs[2].mid(6).toULongLong(&ok);
    QVERIFY(ok);
    QVERIFY(nonce < (quint64(1) << 53));
    QCOMPARE(pairs[3], "role=" + roleName(TokenRole(role)).toLatin1());
    QCOMPARE(pairs[4], QByteArray("expire_time=1704153600"));
    QCOMPARE(pairs[5], QByteArray("connection_data=user%3DZo%C3%AB%20%26%20co"));
    QCOMPARE(pairs[6], QByteArray("initial_layout_class_list=focus%20big"));
    QCOMPARE(pairs[7], QByteArray("scope=session.connect"));
}

void tst_ClientToken::generatedJwt()
{
    FixedClock clock(Now * 1000 + 999);
    SeededRandomSource random(5);
    ClientTokenOptions options;
    options.role = TokenRole::Subscriber;
    options.expireTimeSecs = Now + 3600;
    const ClientTokenResult result =
        generateClientToken(ApiKey, Secret, SessionId, options, clock, random);
    QVERIFY(result.ok());
    const auto decoded = Jwt::decode(result.token.toLatin1());
    QVERIFY(decoded.has_value());
    QVERIFY(Jwt::verifyHs256(*decoded, Secret));
    const QJsonObject &c = decoded->payload;
    QCOMPARE(c.value("iss").toString(), ApiKey);
    QCOMPARE(c.value("ist").toString(), QString("project"));
    QCOMPARE(c.value("iat").toInteger(), Now);
    QCOMPARE(c.value("exp").toInteger(), Now + 3600);
    QCOMPARE(c.value("jti").toString().size(), 36);
    QCOMPARE(c.value("session_id").toString(), SessionId);
    QCOMPARE(c.value("create_time").toInteger(), Now);
    QVERIFY(c.value("nonce").isDouble());
    QVERIFY(c.value("nonce").toDouble() < 9007199254740992.0);
    QCOMPARE(c.value("role").toString(), QString("subscriber"));
    QCOMPARE(c.value("expire_time").toInteger(), Now + 3600);
    QCOMPARE(c.value("scope").toString(), QString("session.connect"));
    // Optional claims only when used.
    QVERIFY(!c.contains("connection_data"));
    QVERIFY(!c.contains("initial_layout_class_list"));
    QCOMPARE(c.size(), 11);
}

void tst_ClientToken::freshNoncePerCall()
{
    FixedClock clock(Now * 1000);
    SystemRandomSource random;
    QSet<QString> tokens;
    for (int i = 0; i < 200; ++i) {
        ClientTokenOptions options;
        options.format = i % 2 ? TokenFormat::T1 : TokenFormat::Jwt;
        tokens.insert(generateClientToken(ApiKey, Secret, SessionId, options, clock, random).token);
    }
    QCOMPARE(tokens.size(), 200);
}

QTEST_GUILESS_MAIN(tst_ClientToken)
#include "tst_ClientToken.moc"
