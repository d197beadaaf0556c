// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of the shared JSON reader, the ID and range validators and stream selection.
#include "TypesTestUtil.h"
#include "types/Common.h"
#include "types/JsonReader.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::compact;
using otadmin::test::json;

class TstCommon : public QObject
{
    Q_OBJECT
private slots:
    void readerTypes_data();
    void readerTypes();
    void readerNotAnObject();
    void readerNullIsAbsent();
    void readerIds_data();
    void readerIds();
    void readerFirstErrorWins();
    void validateId_data();
    void validateId();
    void validateSessionId_data();
    void validateSessionId();
    void validateRange_data();
    void validateRange();
    void validateText_data();
    void validateText();
    void resolutions();
    void enums();
    void streamInclusion_data();
    void streamInclusion();
    void streamSelectionChange();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

// Reads key "k" as the given kind and reports the reader's error ("" when fine).
static QString readAs(const QString &kind, const QJsonValue &value, bool required)
{
    JsonReader r(QJsonObject {{QStringLiteral("k"), value}});
    const auto presence = required ? JsonReader::Required : JsonReader::Optional;
    if (kind == QLatin1String("string")) {
        QString s;
        r.read(QStringLiteral("k"), s, presence);
    } else if (kind == QLatin1String("bool")) {
        bool b = false;
        r.read(QStringLiteral("k"), b, presence);
    } else if (kind == QLatin1String("int64")) {
        qint64 n = 0;
        r.read(QStringLiteral("k"), n, presence);
    } else if (kind == QLatin1String("int")) {
        int n = 0;
        r.read(QStringLiteral("k"), n, presence);
    } else if (kind == QLatin1String("strings")) {
        QStringList l;
        r.read(QStringLiteral("k"), l, presence);
    } else if (kind == QLatin1String("object")) {
        QJsonObject o;
        r.read(QStringLiteral("k"), o, presence);
    } else if (kind == QLatin1String("id")) {
        QString id;
        r.readId(QStringLiteral("k"), id, presence);
    }
    return r.error();
}

void TstCommon::readerTypes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("string ok") << "string" << QByteArray("\"x\"") << "";
    QTest::newRow("string got number")
        << "string" << QByteArray("1") << "k: expected a string, got a number";
    QTest::newRow("string got object")
        << "string" << QByteArray("{}") << "k: expected a string, got an object";
    QTest::newRow("bool got string")
        << "bool" << QByteArray("\"true\"") << "k: expected a boolean, got a string";
    QTest::newRow("int64 ok") << "int64" << QByteArray("1700000000000") << "";
    QTest::newRow("int64 got string")
        << "int64" << QByteArray("\"1700000000000\"") << "k: expected a number, got a string";
    QTest::newRow("int64 fraction")
        << "int64" << QByteArray("1.5") << "k: expected a whole number, got 1.5";
    QTest::newRow("int64 beyond 2^53")
        << "int64" << QByteArray("1e300") << "k: number out of range";
    QTest::newRow("int beyond int")
        << "int" << QByteArray("3000000000") << "k: number out of range";
    QTest::newRow("int negative ok") << "int" << QByteArray("-5") << "";
    QTest::newRow("strings ok") << "strings" << QByteArray("[\"a\",\"b\"]") << "";
    QTest::newRow("strings element")
        << "strings" << QByteArray("[\"a\",2]") << "k[1]: expected a string, got a number";
    QTest::newRow("strings got string")
        << "strings" << QByteArray("\"a\"") << "k: expected an array, got a string";
    QTest::newRow("object got array")
        << "object" << QByteArray("[]") << "k: expected an object, got an array";
    QTest::newRow("id got bool") << "id" << QByteArray("true")
                                 << "k: expected a string or a number, got a boolean";
    QTest::newRow("id fraction") << "id" << QByteArray("12.5")
                                 << "k: expected a whole number, got 12.5";
}

void TstCommon::readerTypes()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, value);
    QFETCH(QString, error);
    QCOMPARE(readAs(kind, json(value), false), error);
}

void TstCommon::readerNotAnObject()
{
    for (const QByteArray &text :
        {QByteArray("[]"), QByteArray("\"x\""), QByteArray("null"), QByteArray("3")}) {
        JsonReader r(json(text));
        QVERIFY(!r.ok());
        QVERIFY2(
            r.error().startsWith(QLatin1String("expected an object, got ")), qPrintable(r.error()));
    }
}

void TstCommon::readerNullIsAbsent()
{
    JsonReader r(json(R"({"a": null})"));
    QString s = QStringLiteral("default");
    QVERIFY(r.read(QStringLiteral("a"), s));
    QCOMPARE(s, QStringLiteral("default"));
    QVERIFY(r.read(QStringLiteral("b"), s));
    QVERIFY(r.ok());
    QVERIFY(!r.read(QStringLiteral("a"), s, JsonReader::Required));
    QCOMPARE(r.error(), QStringLiteral("a: missing required field"));
}

void TstCommon::readerIds_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("number") << QByteArray("12345678") << "12345678";
    QTest::newRow("string") << QByteArray("\"12345678\"") << "12345678";
    QTest::newRow("big number") << QByteArray("4503599627370496") << "4503599627370496";
    QTest::newRow("uuid") << QByteArray("\"b40ef09b-3811\"") << "b40ef09b-3811";
}

void TstCommon::readerIds()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    JsonReader r(QJsonObject {{QStringLiteral("id"), json(value)}});
    QString id;
    QVERIFY(r.readId(QStringLiteral("id"), id, JsonReader::Required));
    QCOMPARE(id, expected);
}

void TstCommon::readerFirstErrorWins()
{
    JsonReader r(json(R"({"a": 1, "b": "x"})"));
    QString a;
    qint64 b = 0;
    r.read(QStringLiteral("a"), a);
    r.read(QStringLiteral("b"), b);
    r.read(QStringLiteral("c"), a, JsonReader::Required);
    QCOMPARE(r.error(), QStringLiteral("a: expected a string, got a number"));
}

void TstCommon::validateId_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("uuid") << "b40ef09b-3811-4726-b508-e41a0f96c68f"
                          << "";
    QTest::newRow("hex32") << "5c2e8d4f0a9b4e7d8c1f3a6b2d9e0f47"
                           << "";
    QTest::newRow("255 chars") << QString(255, QLatin1Char('a')) << "";
    QTest::newRow("unicode letters") << QStringLiteral("stréam") << "";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("256 chars") << QString(256, QLatin1Char('a')) << "255";
    QTest::newRow("space") << "a b"
                           << "whitespace";
    QTest::newRow("tab") << "a\tb"
                         << "whitespace";
    QTest::newRow("CR LF") << "a\r\nb"
                           << "whitespace";
    QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                         << "control";
    QTest::newRow("DEL") << QString(QStringLiteral("a") + QChar(0x7f)) << "control";
    QTest::newRow("slash") << "a/b"
                           << "'/'";
    QTest::newRow("dot dot slash") << "../etc"
                                   << "'/'";
    QTest::newRow("question") << "a?b=c"
                              << "'?'";
    QTest::newRow("hash") << "a#b"
                          << "'#'";
    QTest::newRow("percent") << "a%2Fb"
                             << "'%'";
    QTest::newRow("lone surrogate") << QString(QStringLiteral("a") + QChar(0xd800)) << "Unicode";
    QTest::newRow("nbsp") << QString(QStringLiteral("a") + QChar(0xa0) + QStringLiteral("b"))
                          << "whitespace";
}

void TstCommon::validateId()
{
    QFETCH(QString, value);
    QFETCH(QString, messagePart);
    const QString field = messagePart.isEmpty() ? QString() : QStringLiteral("archiveId");
    OT_CHECK_VALIDATION(
        otadmin::validateId(QStringLiteral("archiveId"), value), field, messagePart);
}

void TstCommon::validateSessionId_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("sample") << "1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg" << true;
    QTest::newRow("255") << QString(255, QLatin1Char('x')) << true;
    QTest::newRow("256") << QString(256, QLatin1Char('x')) << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("plus") << "1_MX4+fg" << false;
    QTest::newRow("slash") << "1_MX4/fg" << false;
    QTest::newRow("equals") << "1_MX4fg==" << false;
    QTest::newRow("space") << "1_MX4 fg" << false;
    QTest::newRow("dot") << "1.MX4" << false;
    QTest::newRow("non-ascii letter") << "1_MXé" << false;
    QTest::newRow("newline") << "1_MX4\n" << false;
}

void TstCommon::validateSessionId()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const Validation v = otadmin::validateSessionId(QStringLiteral("sessionId"), value);
    QCOMPARE(!v.has_value(), valid);
    if (v)
        QCOMPARE(v->field, QStringLiteral("sessionId"));
}

void TstCommon::validateRange_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("min") << qint64(100000) << true;
    QTest::newRow("max") << qint64(6000000) << true;
    QTest::newRow("below") << qint64(99999) << false;
    QTest::newRow("above") << qint64(6000001) << false;
    QTest::newRow("negative") << qint64(-1) << false;
}

void TstCommon::validateRange()
{
    QFETCH(qint64, value);
    QFETCH(bool, valid);
    const Validation v = otadmin::validateRange(
        QStringLiteral("maxBitrate"), value, 100000, 6000000, QStringLiteral("bits per second"));
    QCOMPARE(!v.has_value(), valid);
    if (v)
        QCOMPARE(*v,
            (FieldError {QStringLiteral("maxBitrate"),
                QStringLiteral("must be between 100000 and 6000000 bits per "
                               "second")}));
}

void TstCommon::validateText_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("3 chars") << "abc"
                             << "";
    QTest::newRow("5 emoji = 5 chars") << QString::fromUtf8("😀😀😀😀😀") << "";
    QTest::newRow("6 emoji") << QString::fromUtf8("😀😀😀😀😀😀") << "between 1 and 5";
    QTest::newRow("empty") << ""
                           << "between 1 and 5";
    QTest::newRow("newline") << "a\nb"
                             << "control";
    QTest::newRow("lone surrogate") << QString(QChar(0xdc00)) << "Unicode";
}

void TstCommon::validateText()
{
    QFETCH(QString, value);
    QFETCH(QString, messagePart);
    const QString field = messagePart.isEmpty() ? QString() : QStringLiteral("name");
    OT_CHECK_VALIDATION(
        otadmin::validateText(QStringLiteral("name"), value, 1, 5), field, messagePart);
}

void TstCommon::resolutions()
{
    QCOMPARE(otadmin::resolutions().size(), 6);
    for (const char *r : {"640x480", "480x640", "1280x720", "720x1280", "1920x1080", "1080x1920"})
        QVERIFY(isValidResolution(QString::fromLatin1(r)));
    for (const char *r : {"", "640X480", "800x600", "1280x720 ", "1920x1080p"})
        QVERIFY(!isValidResolution(QString::fromLatin1(r)));
}

void TstCommon::enums()
{
    QCOMPARE(toApiString(StreamMode::Manual), QStringLiteral("manual"));
    QCOMPARE(toApiString(StreamMode::Auto), QStringLiteral("auto"));
    QCOMPARE(toApiString(OutputMode::Individual), QStringLiteral("individual"));
    QCOMPARE(toApiString(OutputMode::Composed), QStringLiteral("composed"));
    QCOMPARE(streamModeFromString(QStringLiteral("manual")), StreamMode::Manual);
    QCOMPARE(outputModeFromString(QStringLiteral("individual")), OutputMode::Individual);
    QVERIFY(!streamModeFromString(QStringLiteral("Manual")));
    QVERIFY(!outputModeFromString(QStringLiteral("both")));
}

void TstCommon::streamInclusion_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("hasAudio");
    QTest::newRow("full") << QByteArray(R"({"streamId":"s1","hasAudio":false,"hasVideo":true})")
                          << "" << false;
    QTest::newRow("defaults") << QByteArray(R"({"streamId":"s1"})") << "" << true;
    QTest::newRow("missing id") << QByteArray(R"({"hasAudio":true})")
                                << "streamId: missing required field" << true;
    QTest::newRow("audio as string") << QByteArray(R"({"streamId":"s","hasAudio":"yes"})")
                                     << "hasAudio: expected a boolean, got a string" << true;
    QTest::newRow("not object") << QByteArray("\"s1\"") << "expected an object, got a string"
                                << true;
}

void TstCommon::streamInclusion()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QFETCH(bool, hasAudio);
    QString actual;
    const auto s = StreamInclusion::fromJson(json(text), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(s.has_value(), error.isEmpty());
    if (s) {
        QCOMPARE(s->streamId, QStringLiteral("s1"));
        QCOMPARE(s->hasAudio, hasAudio);
        QVERIFY(s->hasVideo);
    }
}

void TstCommon::streamSelectionChange()
{
    StreamSelectionChange add;
    add.streamId = QStringLiteral("s-1");
    QCOMPARE(compact(add.toJson()),
        QByteArray(R"({"addStream":"s-1","hasAudio":true,"hasVideo":true})"));
    add.hasVideo = false;
    QCOMPARE(compact(add.toJson()),
        QByteArray(R"({"addStream":"s-1","hasAudio":true,"hasVideo":false})"));
    QVERIFY(!add.validate());

    StreamSelectionChange remove {StreamSelectionChange::Op::Remove, QStringLiteral("s-2")};
    QCOMPARE(compact(remove.toJson()), QByteArray(R"({"removeStream":"s-2"})"));
    QVERIFY(!remove.validate());

    add.streamId.clear();
    OT_CHECK_VALIDATION(add.validate(), QStringLiteral("addStream"), QStringLiteral("empty"));
    remove.streamId = QStringLiteral("a/b");
    OT_CHECK_VALIDATION(remove.validate(), QStringLiteral("removeStream"), QStringLiteral("/"));
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstCommon)
#include "tst_common.moc"
