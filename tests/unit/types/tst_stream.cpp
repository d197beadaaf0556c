// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of streams, connections, layout-class changes, signals and mute-all (§4).
#include "TypesTestUtil.h"
#include "types/Mute.h"
#include "types/Signal.h"
#include "types/Stream.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::compact;
using otadmin::test::json;

Q_DECLARE_METATYPE(otadmin::SignalPayload)
Q_DECLARE_METATYPE(otadmin::MuteAllOptions)
Q_DECLARE_METATYPE(QList<otadmin::StreamClassChange>)

class TstStream : public QObject
{
    Q_OBJECT
private slots:
    void streams();
    void streamErrors_data();
    void streamErrors();
    void connections();
    void connectionErrors_data();
    void connectionErrors();
    void classChanges_data();
    void classChanges();
    void classChangesJson();
    void signalValidate_data();
    void signalValidate();
    void signalJson();
    void mute_data();
    void mute();
    void muteJson();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

void TstStream::streams()
{
    const auto list = StreamList::fromJson(json(R"({"count": 2, "items": [
        {"id": "7b09ec3c-26f9-43d7-8197-f608f13d4fb6", "videoType": "camera", "name": "Alice",
         "layoutClassList": ["focus", "full"]},
        {"id": "567bc941", "videoType": null}]})"));
    QVERIFY(list);
    QCOMPARE(list->count, 2);
    QCOMPARE(list->items[0].id, QStringLiteral("7b09ec3c-26f9-43d7-8197-f608f13d4fb6"));
    QCOMPARE(list->items[0].videoType, QStringLiteral("camera"));
    QCOMPARE(list->items[0].name, QStringLiteral("Alice"));
    QCOMPARE(list->items[0].layoutClassList,
        (QStringList {QStringLiteral("focus"), QStringLiteral("full")}));
    QVERIFY(list->items[1].videoType.isEmpty());
    QVERIFY(list->items[1].layoutClassList.isEmpty());

    const auto empty = StreamList::fromJson(json(R"({"count": 0, "items": []})"));
    QVERIFY(empty && empty->items.isEmpty());
    const auto one = Stream::fromJson(json(R"({"id": "s", "videoType": "screen", "extra": 1})"));
    QVERIFY(one);
    QCOMPARE(one->videoType, QStringLiteral("screen"));
    QCOMPARE(one->raw.value(QStringLiteral("extra")).toInt(), 1);
}

void TstStream::streamErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("no items") << QByteArray(R"({"count": 0})") << "items: missing required field";
    QTest::newRow("array") << QByteArray(R"([])") << "expected an object, got an array";
    QTest::newRow("item without id")
        << QByteArray(R"({"items": [{"name": "x"}]})") << "items[0].id: missing required field";
    QTest::newRow("classes string")
        << QByteArray(R"({"items": [{"id": "a", "layoutClassList": "focus"}]})")
        << "items[0].layoutClassList: expected an array, got a string";
    QTest::newRow("class number") << QByteArray(
        R"({"items": [{"id": "a"}, {"id": "b", "layoutClassList": ["x", 1]}]})")
                                  << "items[1].layoutClassList[1]: expected a string, got a number";
    QTest::newRow("name number") << QByteArray(R"({"items": [{"id": "a", "name": 3}]})")
                                 << "items[0].name: expected a string, got a number";
}

void TstStream::streamErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!StreamList::fromJson(json(text), &actual));
    QCOMPARE(actual, error);
}

void TstStream::connections()
{
    const auto list = ConnectionList::fromJson(json(R"({
      "count": 2, "projectId": "12345678", "sessionId": "1_MX4x",
      "items": [
        {"connectionId": "8f7c1d52-4b6a-4d0e-9f61-0a7f3c2b9e11", "createdAt": 1700000001234, "connectionState": "Connected"},
        {"connectionId": "0b3e9a77-51c2-4e8d-a6f4-2d9c8b7e6f55", "createdAt": 1700000005678, "connectionState": "Disconnected"}
      ]})"));
    QVERIFY(list);
    QCOMPARE(list->count, 2);
    QCOMPARE(list->projectId, QStringLiteral("12345678"));
    QCOMPARE(list->sessionId, QStringLiteral("1_MX4x"));
    QCOMPARE(list->items[1].connectionId, QStringLiteral("0b3e9a77-51c2-4e8d-a6f4-2d9c8b7e6f55"));
    QCOMPARE(list->items[1].createdAt, Q_INT64_C(1700000005678));
    QCOMPARE(list->items[0].connectionState, QStringLiteral("Connected"));
    const auto numeric = ConnectionList::fromJson(json(R"({"projectId": 12345678, "items": []})"));
    QVERIFY(numeric);
    QCOMPARE(numeric->projectId, QStringLiteral("12345678"));
    QCOMPARE(numeric->count, 0);
}

void TstStream::connectionErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("no items") << QByteArray(R"({"count": 1})") << "items: missing required field";
    QTest::newRow("string") << QByteArray(R"("x")") << "expected an object, got a string";
    QTest::newRow("createdAt string")
        << QByteArray(R"({"items": [{"connectionId": "a", "createdAt": "1700000001234"}]})")
        << "items[0].createdAt: expected a number, got a string";
    QTest::newRow("missing connectionId") << QByteArray(R"({"items": [{"createdAt": 1}]})")
                                          << "items[0].connectionId: missing required field";
    QTest::newRow("state bool") << QByteArray(
        R"({"items": [{"connectionId": "a", "connectionState": true}]})")
                                << "items[0].connectionState: expected a string, got a boolean";
}

void TstStream::connectionErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!ConnectionList::fromJson(json(text), &actual));
    QCOMPARE(actual, error);
}

void TstStream::classChanges_data()
{
    using Changes = QList<StreamClassChange>;
    QTest::addColumn<Changes>("changes");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("ok") << Changes {{QStringLiteral("a"), {QStringLiteral("focus")}}} << ""
                        << "";
    QTest::newRow("clear") << Changes {{QStringLiteral("a"), {}}} << ""
                           << "";
    QTest::newRow("empty list") << Changes {} << "items"
                                << "at least one";
    QTest::newRow("empty id") << Changes {{QStringLiteral("a"), {}}, {QString(), {}}}
                              << "items[1].id"
                              << "empty";
    QTest::newRow("id slash") << Changes {{QStringLiteral("a/b"), {}}} << "items[0].id"
                              << "/";
    QTest::newRow("empty class") << Changes {{QStringLiteral("a"),
        {QStringLiteral("x"), QString()}}}
                                 << "items[0].layoutClassList[1]"
                                 << "empty";
    QTest::newRow("class with space")
        << Changes {{QStringLiteral("a"), {QStringLiteral("big focus")}}}
        << "items[0].layoutClassList[0]"
        << "whitespace";
    QTest::newRow("class with newline")
        << Changes {{QStringLiteral("a"), {QStringLiteral("x\n")}}} << "items[0].layoutClassList[0]"
        << "whitespace";
}

void TstStream::classChanges()
{
    QFETCH(QList<StreamClassChange>, changes);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(validateStreamClassChanges(changes), field, messagePart);
}

void TstStream::classChangesJson()
{
    const QList<StreamClassChange> changes {
        {QStringLiteral("7b09ec3c"), {QStringLiteral("focus")}},
        {QStringLiteral("567bc941"), {}},
    };
    QCOMPARE(compact(streamClassChangesToJson(changes)),
        QByteArray(
            R"({"items":[{"id":"7b09ec3c","layoutClassList":["focus"]},{"id":"567bc941","layoutClassList":[]}]})"));
}

void TstStream::signalValidate_data()
{
    QTest::addColumn<SignalPayload>("payload");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    const QString emoji = QString::fromUtf8("😀"); // 4 bytes of UTF-8, 2 UTF-16 units
    QTest::newRow("chat") << SignalPayload {QStringLiteral("chat"), QStringLiteral("hello")} << ""
                          << "";
    QTest::newRow("data only") << SignalPayload {{}, QStringLiteral("hello")} << ""
                               << "";
    QTest::newRow("empty data") << SignalPayload {QStringLiteral("t"), {}} << ""
                                << "";
    QTest::newRow("data 8192") << SignalPayload {{}, QString(8192, QLatin1Char('d'))} << ""
                               << "";
    QTest::newRow("data 8193") << SignalPayload {{}, QString(8193, QLatin1Char('d'))} << "data"
                               << "8192 bytes";
    QTest::newRow("data emoji 8192") << SignalPayload {{}, emoji.repeated(2048)} << ""
                                     << "";
    QTest::newRow("data emoji 8196") << SignalPayload {{}, emoji.repeated(2049)} << "data"
                                     << "8192 bytes";
    QTest::newRow("data 8191+emoji")
        << SignalPayload {{}, QString(8191, QLatin1Char('d')) + emoji} << "data"
        << "8192 bytes";
    QTest::newRow("data newline") << SignalPayload {{}, QStringLiteral("a\nb\tc")} << ""
                                  << "";
    QTest::newRow("data lone surrogate") << SignalPayload {{}, QString(QChar(0xd83d))} << "data"
                                         << "Unicode";
    QTest::newRow("type 128") << SignalPayload {QString(128, QLatin1Char('t')), {}} << ""
                              << "";
    QTest::newRow("type 129") << SignalPayload {QString(129, QLatin1Char('t')), {}} << "type"
                              << "128 bytes";
    QTest::newRow("type 32 emoji") << SignalPayload {emoji.repeated(32), {}} << ""
                                   << "";
    QTest::newRow("type 33 emoji") << SignalPayload {emoji.repeated(33), {}} << "type"
                                   << "128 bytes";
    QTest::newRow("type 64 é") << SignalPayload {QString(64, QChar(0xe9)), {}} << ""
                               << "";
    QTest::newRow("type 65 é") << SignalPayload {QString(65, QChar(0xe9)), {}} << "type"
                               << "128 bytes";
    QTest::newRow("type CRLF") << SignalPayload {QStringLiteral("a\r\nb"), {}} << "type"
                               << "control";
    QTest::newRow("type NUL") << SignalPayload {QString(QChar(0)), {}} << "type"
                              << "control";
}

void TstStream::signalValidate()
{
    QFETCH(SignalPayload, payload);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(payload.validate(), field, messagePart);
}

void TstStream::signalJson()
{
    QCOMPARE(compact(SignalPayload {QStringLiteral("chat"), QStringLiteral("hello")}.toJson()),
        QByteArray(R"({"data":"hello","type":"chat"})"));
    QCOMPARE(compact(SignalPayload {{}, {}}.toJson()), QByteArray(R"({"data":""})"));
}

void TstStream::mute_data()
{
    QTest::addColumn<MuteAllOptions>("options");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("all") << MuteAllOptions {} << ""
                         << "";
    QTest::newRow("disable") << MuteAllOptions {false, {}} << ""
                             << "";
    QTest::newRow("exclusions") << MuteAllOptions {true, {QStringLiteral("a"), QStringLiteral("b")}}
                                << ""
                                << "";
    QTest::newRow("exclusions when disabling")
        << MuteAllOptions {false, {QStringLiteral("a")}} << "excludedStreamIds"
        << "active";
    QTest::newRow("empty id") << MuteAllOptions {true, {QStringLiteral("a"), QString()}}
                              << "excludedStreamIds[1]"
                              << "empty";
    QTest::newRow("id with hash") << MuteAllOptions {true, {QStringLiteral("a#b")}}
                                  << "excludedStreamIds[0]"
                                  << "#";
}

void TstStream::mute()
{
    QFETCH(MuteAllOptions, options);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(options.validate(), field, messagePart);
}

void TstStream::muteJson()
{
    QCOMPARE(compact(MuteAllOptions {}.toJson()), QByteArray(R"({"active":true})"));
    QCOMPARE(compact(MuteAllOptions {false, {}}.toJson()), QByteArray(R"({"active":false})"));
    QCOMPARE(
        compact(MuteAllOptions {true, {QStringLiteral("id1"), QStringLiteral("id2")}}.toJson()),
        QByteArray(R"({"active":true,"excludedStreamIds":["id1","id2"]})"));
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstStream)
#include "tst_stream.moc"
