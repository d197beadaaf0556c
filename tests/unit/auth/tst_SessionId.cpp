// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests for session ID decoding (reference §2.2) and the strict ownership check.
#include "auth/Base64Url.h"
#include "auth/SessionId.h"

#include <QtTest>

using namespace otadmin;

namespace {
const QString ModernId = QStringLiteral("1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg");
const QString OldId =
    QStringLiteral("2_MX40NzIwMzJ-flR1ZSBPY3QgMjkgMTI6MTM6MjMgUERUIDIwMTN-MC45NDQ2MzE2NH4");
QString idOf(const QByteArray &plain)
{
    return QStringLiteral("1_") + QString::fromLatin1(Base64Url::encode(plain));
}
} // namespace

class tst_SessionId : public QObject
{
    Q_OBJECT

private slots:
    void decodesModernId();
    void decodesOldDateStyleId();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void belongsToIsStrict_data();
    void belongsToIsStrict();
    void makeSessionIdRoundTrips();
    void lengthLimit();
};

void tst_SessionId::decodesModernId()
{
    QString error;
    const auto info = decodeSessionId(ModernId, &error);
    QVERIFY2(info.has_value(), qPrintable(error));
    QCOMPARE(info->fields.join('~'), QString("1~12345678~~1700000000000~abc~~"));
    QCOMPARE(info->apiKey, QString("12345678"));
    QCOMPARE(sessionIdApiKey(ModernId), std::optional<QString>("12345678"));
    QCOMPARE(info->location, QString());
    QCOMPARE(info->createTime, QString("1700000000000"));
    QCOMPARE(info->createdAtMSecs, std::optional<qint64>(1700000000000));
}

void tst_SessionId::decodesOldDateStyleId()
{
    QString error;
    const auto info = decodeSessionId(OldId, &error);
    QVERIFY2(info.has_value(), qPrintable(error));
    QCOMPARE(info->fields.join('~'), QString("1~472032~~Tue Oct 29 12:13:23 PDT 2013~0.94463164~"));
    QCOMPARE(info->apiKey, QString("472032"));
    QCOMPARE(sessionIdApiKey(OldId), std::optional<QString>("472032"));
    QCOMPARE(info->createTime, QString("Tue Oct 29 12:13:23 PDT 2013"));
    QVERIFY(!info->createdAtMSecs.has_value());
    // Unlike Go, a non-numeric creation time does not stop the ownership check.
    QVERIFY(sessionBelongsTo(OldId, "472032"));
}

void tst_SessionId::rejectsMalformed_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("empty") << QString() << "empty";
    QTest::newRow("space") << QString(ModernId).insert(5, ' ') << "position 6";
    QTest::newRow("plus (standard alphabet)") << QString(ModernId).replace('-', '+') << "'+'";
    QTest::newRow("slash") << "1_MX4x/jM0"
                           << "'/'";
    QTest::newRow("padding") << ModernId + "=="
                             << "'='";
    QTest::newRow("non-ascii letter") << QString::fromUtf8("1_MX4x\xc3\xa9") << "position 7";
    QTest::newRow("sentinel only") << "1_"
                                   << "too short";
    QTest::newRow("one char") << "T"
                              << "too short";
    QTest::newRow("impossible base64 length") << "1_MX4xM"
                                              << "base64";
    QTest::newRow("one field") << idOf("1") << "no API key";
    QTest::newRow("empty key field") << idOf("1~~~1700000000000~abc") << "no API key";
    QTest::newRow("not utf-8") << idOf("1~\xff\xfe~") << "text";
    QTest::newRow("too long") << ModernId + QString(256 - ModernId.size(), 'A') << "at most 255";
}

void tst_SessionId::rejectsMalformed()
{
    QFETCH(QString, id);
    QFETCH(QString, errorContains);
    QString error;
    QVERIFY(!decodeSessionId(id, &error).has_value());
    QVERIFY2(error.contains(errorContains), qPrintable(error));
    QVERIFY(!sessionBelongsTo(id, "12345678"));
    // The key-only decoder refuses the same IDs with the same sentence.
    QString keyError;
    QVERIFY(!sessionIdApiKey(id, &keyError).has_value());
    QCOMPARE(keyError, error);
}

void tst_SessionId::belongsToIsStrict_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<bool>("belongs");
    QTest::newRow("owner") << ModernId << "12345678" << true;
    QTest::newRow("other key") << ModernId << "87654321" << false;
    QTest::newRow("prefix of key") << ModernId << "1234567" << false;
    QTest::newRow("key is longer") << ModernId << "123456789" << false;
    QTest::newRow("empty key") << ModernId << "" << false;
    // Python/Java would accept the key in any field; the strict check does not.
    QTest::newRow("key in field 3") << idOf("1~999~~12345678~abc~~") << "12345678" << false;
    QTest::newRow("key in field 0") << idOf("12345678~999~~1~abc~~") << "12345678" << false;
    QTest::newRow("key is the last field") << idOf("1~12345678") << "12345678" << true;
    QTest::newRow("key in field 1 of that id") << idOf("1~999~~12345678~abc~~") << "999" << true;
}

void tst_SessionId::belongsToIsStrict()
{
    QFETCH(QString, id);
    QFETCH(QString, apiKey);
    QFETCH(bool, belongs);
    QCOMPARE(sessionBelongsTo(id, apiKey), belongs);
    QCOMPARE(sessionIdApiKey(id), decodeSessionId(id)->apiKey);
}

void tst_SessionId::makeSessionIdRoundTrips()
{
    QCOMPARE(makeSessionId("12345678", 1700000000000, "abc"), ModernId);
    const QString withLocation = makeSessionId("47", 1712345678901, "xyz", "10.1.2.3");
    QVERIFY(withLocation.startsWith("1_"));
    const auto info = decodeSessionId(withLocation);
    QVERIFY(info.has_value());
    QCOMPARE(info->apiKey, QString("47"));
    QCOMPARE(info->location, QString("10.1.2.3"));
    QCOMPARE(info->createdAtMSecs, std::optional<qint64>(1712345678901));
    QCOMPARE(info->fields.value(4), QString("xyz"));
}

void tst_SessionId::lengthLimit()
{
    // 254 is the longest length a valid unpadded base64url body can give under the 255 cap.
    QString id;
    for (int n = 150; n < 200 && id.size() != 254; ++n)
        id = makeSessionId("12345678", 1700000000000, QByteArray(n, 'r'));
    QCOMPARE(id.size(), 254);
    QVERIFY(sessionBelongsTo(id, "12345678"));
    QString error;
    QVERIFY(!decodeSessionId(id + "AA", &error).has_value());
    QVERIFY2(error.contains("256"), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_SessionId)
#include "tst_SessionId.moc"
