// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for base64url encoding and strict, padding-tolerant decoding.
#include "auth/Base64Url.h"

#include <QtTest>

using namespace otadmin;

class tst_Base64Url : public QObject
{
    Q_OBJECT

private slots:
    void encode_data();
    void encode();
    void roundTrip();
    void appendMatchesQt();
    void decodeAcceptsPadding();
    void decodeRejects_data();
    void decodeRejects();
};

void tst_Base64Url::encode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("one byte, no padding") << QByteArray("f") << QByteArray("Zg");
    QTest::newRow("two bytes") << QByteArray("fo") << QByteArray("Zm8");
    QTest::newRow("three bytes") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("url-safe 62/63") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    QTest::newRow("jwt header") << QByteArray(R"({"alg":"HS256","typ":"JWT"})")
                                << QByteArray("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
}

void tst_Base64Url::encode()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(Base64Url::encode(input), expected);
    const auto back = Base64Url::decode(expected);
    QVERIFY(back.has_value());
    QCOMPARE(*back, input);
}

void tst_Base64Url::roundTrip()
{
    for (int length = 0; length < 64; ++length) {
        QByteArray data;
        for (int i = 0; i < length; ++i)
            data.append(char((i * 37 + length * 11) & 0xff));
        const QByteArray encoded = Base64Url::encode(data);
        QVERIFY(!encoded.contains('='));
        QVERIFY(!encoded.contains('+'));
        QVERIFY(!encoded.contains('/'));
        const auto decoded = Base64Url::decode(encoded);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, data);
    }
}

void tst_Base64Url::appendMatchesQt()
{
    // Our encoders must write exactly what QByteArray::toBase64() writes, after what the
    // buffer already holds; every byte value appears, at every length modulo 3.
    for (int length = 0; length < 200; ++length) {
        QByteArray data;
        for (int i = 0; i < length; ++i)
            data.append(char((i * 151 + length * 29 + 7) & 0xff));
        QByteArray url("prefix.");
        Base64Url::appendEncoded(url, data);
        QCOMPARE(url,
            "prefix."
                + data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QByteArray standard("T1==");
        Base64Url::appendStandard(standard, data);
        QCOMPARE(standard, "T1==" + data.toBase64());
    }
}

void tst_Base64Url::decodeAcceptsPadding()
{
    QCOMPARE(Base64Url::decode("Zg==").value_or("x"), QByteArray("f"));
    QCOMPARE(Base64Url::decode("Zm8=").value_or("x"), QByteArray("fo"));
    QCOMPARE(Base64Url::decode("Zg").value_or("x"), QByteArray("f"));
}

void tst_Base64Url::decodeRejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("standard plus") << QByteArray("+/+/");
    QTest::newRow("space") << QByteArray("Zm 9v");
    QTest::newRow("star") << QByteArray("Zm9*");
    QTest::newRow("impossible length") << QByteArray("Zm9vY");
    QTest::newRow("padding in the middle") << QByteArray("Zg==Zm8");
    QTest::newRow("non-ascii") << QByteArray("Zm9\xc3\xa9");
}

void tst_Base64Url::decodeRejects()
{
    QFETCH(QByteArray, input);
    QVERIFY(!Base64Url::decode(input).has_value());
}

QTEST_GUILESS_MAIN(tst_Base64Url)
#include "tst_Base64Url.moc"
