// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of archive parsing (§5.1, §5.6), start options (§5.2) and layouts (§5.7).
#include "TypesTestUtil.h"
#include "types/Archive.h"
#include "types/Layout.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::compact;
using otadmin::test::json;

Q_DECLARE_METATYPE(otadmin::ArchiveOptions)
Q_DECLARE_METATYPE(otadmin::Layout)

class TstArchive : public QObject
{
    Q_OBJECT
private slots:
    void parseReference();
    void parseVariants();
    void parseErrors_data();
    void parseErrors();
    void statuses_data();
    void statuses();
    void list();
    void listErrors_data();
    void listErrors();
    void validate_data();
    void validate();
    void toJson_data();
    void toJson();
    void layoutValidate_data();
    void layoutValidate();
    void layoutJson();
    void layoutFromJson_data();
    void layoutFromJson();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

namespace {
const QByteArray kReferenceArchive = R"({
  "id": "b40ef09b-3811-4726-b508-e41a0f96c68f",
  "status": "available",
  "name": "Weekly review",
  "reason": "",
  "sessionId": "1_MX4x",
  "projectId": 12345678,
  "createdAt": 1700000000000,
  "size": 18023312,
  "duration": 328,
  "outputMode": "composed",
  "streamMode": "auto",
  "hasAudio": true,
  "hasVideo": true,
  "resolution": "1280x720",
  "url": "https://example.com/archive.mp4",
  "streams": [],
  "event": "archive"
})";

ArchiveOptions baseOptions()
{
    ArchiveOptions o;
    o.sessionId = QStringLiteral("1_MX4x");
    return o;
}
} // namespace

void TstArchive::parseReference()
{
    QString error;
    const auto a = Archive::fromJson(json(kReferenceArchive), &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->id, QStringLiteral("b40ef09b-3811-4726-b508-e41a0f96c68f"));
    QCOMPARE(a->status, ArchiveStatus::Available);
    QCOMPARE(a->statusString, QStringLiteral("available"));
    QCOMPARE(a->name, QStringLiteral("Weekly review"));
    QCOMPARE(a->sessionId, QStringLiteral("1_MX4x"));
    QCOMPARE(a->projectId, QStringLiteral("12345678"));
    QCOMPARE(a->createdAt, Q_INT64_C(1700000000000));
    QCOMPARE(a->size, Q_INT64_C(18023312));
    QCOMPARE(a->duration, Q_INT64_C(328));
    QCOMPARE(a->outputMode, OutputMode::Composed);
    QCOMPARE(a->streamMode, StreamMode::Auto);
    QCOMPARE(a->resolution, QStringLiteral("1280x720"));
    QCOMPARE(a->url, QStringLiteral("https://example.com/archive.mp4"));
    QVERIFY(a->streams.isEmpty());
    QVERIFY(!a->maxBitrate);
    QCOMPARE(a->raw.value(QStringLiteral("event")).toString(), QStringLiteral("archive"));
}

void TstArchive::parseVariants()
{
    // Nullable name/url, string projectId, manual streams, optional extras, new status.
    const auto a = Archive::fromJson(json(R"({
        "id": "a1", "status": "uploading-v2", "name": null, "url": null, "sessionId": "s",
        "projectId": "987", "outputMode": "composed+individual", "streamMode": "manual",
        "hasAudio": false, "maxBitrate": 2000000, "quantizationParameter": 20,
        "multiArchiveTag": "t", "password": "p", "hasTranscription": true,
        "transcriptionProperties": {"primaryLanguageCode": "en-US", "hasSummary": true},
        "streams": [{"streamId": "s1", "hasAudio": true, "hasVideo": false}]})"));
    QVERIFY(a);
    QCOMPARE(a->status, ArchiveStatus::Unknown);
    QCOMPARE(a->statusString, QStringLiteral("uploading-v2"));
    QVERIFY(a->name.isEmpty());
    QVERIFY(a->url.isEmpty());
    QCOMPARE(a->projectId, QStringLiteral("987"));
    QVERIFY(!a->outputMode);
    QCOMPARE(a->streamMode, StreamMode::Manual);
    QVERIFY(!a->hasAudio);
    QVERIFY(a->hasVideo);
    QCOMPARE(a->maxBitrate, 2000000);
    QCOMPARE(a->quantizationParameter, 20);
    QCOMPARE(a->multiArchiveTag, QStringLiteral("t"));
    QCOMPARE(a->password, QStringLiteral("p"));
    QVERIFY(a->hasTranscription);
    QCOMPARE(a->transcriptionProperties->primaryLanguageCode, QStringLiteral("en-US"));
    QVERIFY(a->transcriptionProperties->hasSummary);
    QCOMPARE(a->streams.size(), 1);
    QCOMPARE(a->streams[0], (StreamInclusion {QStringLiteral("s1"), true, false}));

    const auto older =
        Archive::fromJson(json(R"({"id":"a","status":"started","sessionId":"s","partnerId":4})"));
    QVERIFY(older);
    QCOMPARE(older->projectId, QStringLiteral("4"));
    QCOMPARE(older->createdAt, 0);
    QVERIFY(!older->outputMode);
}

void TstArchive::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("not object") << QByteArray("[]") << "expected an object, got an array";
    QTest::newRow("null") << QByteArray("null") << "expected an object, got null";
    QTest::newRow("missing id") << QByteArray(R"({"status":"started","sessionId":"s"})")
                                << "id: missing required field";
    QTest::newRow("missing status")
        << QByteArray(R"({"id":"a","sessionId":"s"})") << "status: missing required field";
    QTest::newRow("missing sessionId")
        << QByteArray(R"({"id":"a","status":"started"})") << "sessionId: missing required field";
    QTest::newRow("status number") << QByteArray(R"({"id":"a","status":1,"sessionId":"s"})")
                                   << "status: expected a string, got a number";
    QTest::newRow("createdAt string")
        << QByteArray(R"({"id":"a","status":"started","sessionId":"s","createdAt":"1700"})")
        << "createdAt: expected a number, got a string";
    QTest::newRow("duration fraction")
        << QByteArray(R"({"id":"a","status":"started","sessionId":"s","duration":1.5})")
        << "duration: expected a whole number, got 1.5";
    QTest::newRow("hasAudio string")
        << QByteArray(R"({"id":"a","status":"started","sessionId":"s","hasAudio":"true"})")
        << "hasAudio: expected a boolean, got a string";
    QTest::newRow("streams object")
        << QByteArray(R"({"id":"a","status":"started","sessionId":"s","streams":{}})")
        << "streams: expected an array, got an object";
    QTest::newRow("stream element") << QByteArray(
        R"({"id":"a","status":"started","sessionId":"s","streams":[{"streamId":"x"},{"hasAudio":true}]})")
                                    << "streams[1].streamId: missing required field";
    QTest::newRow("transcription not object")
        << QByteArray(
               R"({"id":"a","status":"started","sessionId":"s","transcriptionProperties":3})")
        << "transcriptionProperties: expected an object, got a number";
    QTest::newRow("transcription field") << QByteArray(
        R"({"id":"a","status":"started","sessionId":"s","transcriptionProperties":{"hasSummary":1}})")
                                         << "transcriptionProperties.hasSummary: expected a "
                                            "boolean, got a number";
    QTest::newRow("maxBitrate huge")
        << QByteArray(R"({"id":"a","status":"started","sessionId":"s","maxBitrate":1e12})")
        << "maxBitrate: number out of range";
    QTest::newRow("projectId bool")
        << QByteArray(R"({"id":"a","status":"started","sessionId":"s","projectId":true})")
        << "projectId: expected a string or a number, got a boolean";
}

void TstArchive::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!Archive::fromJson(json(text), &actual));
    QCOMPARE(actual, error);
}

void TstArchive::statuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ArchiveStatus>("status");
    QTest::addColumn<bool>("final");
    QTest::newRow("started") << "started" << ArchiveStatus::Started << false;
    QTest::newRow("paused") << "paused" << ArchiveStatus::Paused << false;
    QTest::newRow("stopped") << "stopped" << ArchiveStatus::Stopped << false;
    QTest::newRow("available") << "available" << ArchiveStatus::Available << true;
    QTest::newRow("uploaded") << "uploaded" << ArchiveStatus::Uploaded << true;
    QTest::newRow("expired") << "expired" << ArchiveStatus::Expired << true;
    QTest::newRow("failed") << "failed" << ArchiveStatus::Failed << true;
    QTest::newRow("deleted") << "deleted" << ArchiveStatus::Deleted << true;
    QTest::newRow("unknown") << "Started" << ArchiveStatus::Unknown << false;
}

void TstArchive::statuses()
{
    QFETCH(QString, text);
    QFETCH(ArchiveStatus, status);
    QFETCH(bool, final);
    QCOMPARE(archiveStatusFromString(text), status);
    QCOMPARE(isFinal(status), final);
    if (status != ArchiveStatus::Unknown)
        QCOMPARE(toApiString(status), text);
}

void TstArchive::list()
{
    const auto page = ArchiveList::fromJson(
        json("{\"count\": 137, \"items\": [" + kReferenceArchive + "," + kReferenceArchive + "]}"));
    QVERIFY(page);
    QCOMPARE(page->count, 137);
    QCOMPARE(page->items.size(), 2);
    QCOMPARE(page->items[1].duration, Q_INT64_C(328));

    const auto empty = ArchiveList::fromJson(json(R"({"count": 0, "items": []})"));
    QVERIFY(empty);
    QCOMPARE(empty->count, 0);
    const auto noCount = ArchiveList::fromJson(json("{\"items\": [" + kReferenceArchive + "]}"));
    QVERIFY(noCount);
    QCOMPARE(noCount->count, 1);
}

void TstArchive::listErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("items missing")
        << QByteArray(R"({"count": 0})") << "items: missing required field";
    QTest::newRow("items null") << QByteArray(R"({"count": 0, "items": null})")
                                << "items: missing required field";
    QTest::newRow("items object") << QByteArray(R"({"items": {}})")
                                  << "items: expected an array, got an object";
    QTest::newRow("count string") << QByteArray(R"({"count": "3", "items": []})")
                                  << "count: expected a number, got a string";
    QTest::newRow("bare array") << QByteArray("[]") << "expected an object, got an array";
    QTest::newRow("item 3 createdAt") << QByteArray(R"({"items": [
            {"id":"a","status":"started","sessionId":"s"},
            {"id":"b","status":"started","sessionId":"s"},
            {"id":"c","status":"started","sessionId":"s"},
            {"id":"d","status":"started","sessionId":"s","createdAt":"x"}]})")
                                      << "items[3].createdAt: expected a number, got a string";
    QTest::newRow("item not object")
        << QByteArray(R"({"items": [1]})") << "items[0]: expected an object, got a number";
}

void TstArchive::listErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!ArchiveList::fromJson(json(text), &actual));
    QCOMPARE(actual, error);
}

void TstArchive::validate_data()
{
    QTest::addColumn<ArchiveOptions>("options");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    ArchiveOptions o = baseOptions();
    QTest::newRow("minimal") << o << ""
                             << "";
    o.sessionId.clear();
    QTest::newRow("no session") << o << "sessionId"
                                << "empty";
    o.sessionId = QStringLiteral("../x");
    QTest::newRow("session traversal") << o << "sessionId"
                                       << "letters";
    o = baseOptions();
    o.hasAudio = o.hasVideo = false;
    QTest::newRow("no tracks") << o << "hasAudio"
                               << "both be false";
    o = baseOptions();
    o.hasAudio = false;
    QTest::newRow("video only") << o << ""
                                << "";
    o = baseOptions();
    o.name = QString(200, QLatin1Char('n'));
    QTest::newRow("name 200") << o << ""
                              << "";
    o.name = QString(201, QLatin1Char('n'));
    QTest::newRow("name 201") << o << "name"
                              << "200";
    o.name = QStringLiteral("a\r\nb");
    QTest::newRow("name CRLF") << o << "name"
                               << "control";
    o = baseOptions();
    o.multiArchiveTag = QString(200, QLatin1Char('t'));
    QTest::newRow("tag 200") << o << ""
                             << "";
    o.multiArchiveTag = QString(201, QLatin1Char('t'));
    QTest::newRow("tag 201") << o << "multiArchiveTag"
                             << "200";
    o = baseOptions();
    o.resolution = QStringLiteral("1080x1920");
    QTest::newRow("resolution") << o << ""
                                << "";
    o.resolution = QStringLiteral("4k");
    QTest::newRow("bad resolution") << o << "resolution"
                                    << "1920x1080";
    o.resolution = QStringLiteral("1280x720");
    o.outputMode = OutputMode::Individual;
    QTest::newRow("resolution individual") << o << "resolution"
                                           << "composed";
    o = baseOptions();
    o.outputMode = OutputMode::Individual;
    o.layout = Layout {};
    QTest::newRow("layout individual") << o << "layout"
                                       << "composed";
    o = baseOptions();
    o.layout = Layout {Layout::Type::Custom, {}, {}};
    QTest::newRow("custom without css") << o << "layout.stylesheet"
                                        << "required";
    o.layout = Layout {Layout::Type::Pip, {}, Layout::Type::Pip};
    QTest::newRow("screenshare with pip") << o << "layout.screenshareType"
                                          << "bestFit";
    o.layout = Layout {Layout::Type::BestFit, {}, Layout::Type::Pip};
    QTest::newRow("screenshare ok") << o << ""
                                    << "";
    for (int bitrate : {100000, 6000000, 2000000}) {
        o = baseOptions();
        o.maxBitrate = bitrate;
        QTest::addRow("maxBitrate %d", bitrate) << o << ""
                                                << "";
    }
    for (int bitrate : {99999, 6000001, 0, -1}) {
        o = baseOptions();
        o.maxBitrate = bitrate;
        QTest::addRow("maxBitrate %d", bitrate)
            << o << "maxBitrate"
            << "must be between 100000 and 6000000 bits per second";
    }
    o = baseOptions();
    o.maxBitrate = 200000;
    o.outputMode = OutputMode::Individual;
    QTest::newRow("maxBitrate individual") << o << "maxBitrate"
                                           << "composed";
    for (int qp : {15, 40}) {
        o = baseOptions();
        o.quantizationParameter = qp;
        QTest::addRow("qp %d", qp) << o << ""
                                   << "";
    }
    for (int qp : {14, 41}) {
        o = baseOptions();
        o.quantizationParameter = qp;
        QTest::addRow("qp %d", qp) << o << "quantizationParameter"
                                   << "between 15 and 40";
    }
    o = baseOptions();
    o.quantizationParameter = 20;
    o.outputMode = OutputMode::Individual;
    QTest::newRow("qp individual") << o << "quantizationParameter"
                                   << "composed";
    o.outputMode = OutputMode::Composed;
    o.maxBitrate = 200000;
    QTest::newRow("qp and bitrate") << o << "quantizationParameter"
                                    << "maxBitrate";
    o = baseOptions();
    o.transcriptionProperties = TranscriptionProperties {QStringLiteral("en-US"), false};
    QTest::newRow("transcription props alone") << o << "transcriptionProperties"
                                               << "hasTranscription";
    o.hasTranscription = true;
    QTest::newRow("transcription") << o << ""
                                   << "";
    o.transcriptionProperties->primaryLanguageCode = QStringLiteral("english please");
    QTest::newRow("bad language") << o << "transcriptionProperties.primaryLanguageCode"
                                  << "en-US";
}

void TstArchive::validate()
{
    QFETCH(ArchiveOptions, options);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(options.validate(), field, messagePart);
}

void TstArchive::toJson_data()
{
    QTest::addColumn<ArchiveOptions>("options");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("minimal")
        << baseOptions()
        << QByteArray(
               R"({"hasAudio":true,"hasVideo":true,"outputMode":"composed","sessionId":"1_MX4x","streamMode":"auto"})");
    ArchiveOptions o = baseOptions();
    o.name = QStringLiteral("review");
    o.hasVideo = false;
    o.resolution = QStringLiteral("1280x720");
    o.layout = Layout {Layout::Type::BestFit, {}, Layout::Type::Pip};
    o.streamMode = StreamMode::Manual;
    o.multiArchiveTag = QStringLiteral("tag");
    o.maxBitrate = 100000;
    o.hasTranscription = true;
    o.transcriptionProperties = TranscriptionProperties {QStringLiteral("en-US"), true};
    QTest::newRow("everything")
        << o
        << QByteArray(
               R"({"hasAudio":true,"hasTranscription":true,"hasVideo":false,"layout":{"screenshareType":"pip","type":"bestFit"},"maxBitrate":100000,"multiArchiveTag":"tag","name":"review","outputMode":"composed","resolution":"1280x720","sessionId":"1_MX4x","streamMode":"manual","transcriptionProperties":{"hasSummary":true,"primaryLanguageCode":"en-US"}})");
    o = baseOptions();
    o.outputMode = OutputMode::Individual;
    o.quantizationParameter = 25;
    QTest::newRow("individual qp")
        << o
        << QByteArray(
               R"({"hasAudio":true,"hasVideo":true,"outputMode":"individual","quantizationParameter":25,"sessionId":"1_MX4x","streamMode":"auto"})");
}

void TstArchive::toJson()
{
    QFETCH(ArchiveOptions, options);
    QFETCH(QByteArray, expected);
    QCOMPARE(compact(options.toJson()), expected);
}

void TstArchive::layoutValidate_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("bestFit") << Layout {} << ""
                             << "";
    for (auto t : {Layout::Type::Pip, Layout::Type::VerticalPresentation,
             Layout::Type::HorizontalPresentation})
        QTest::addRow("%s", qPrintable(toApiString(t))) << Layout {t, {}, {}} << ""
                                                        << "";
    QTest::newRow("custom") << Layout {Layout::Type::Custom, QStringLiteral("stream {}"), {}} << ""
                            << "";
    QTest::newRow("custom 10000") << Layout {Layout::Type::Custom, QString(10000, QLatin1Char('a')),
        {}} << ""
                                  << "";
    QTest::newRow("custom 10001") << Layout {Layout::Type::Custom, QString(10001, QLatin1Char('a')),
        {}} << "stylesheet"
                                  << "10000";
    QTest::newRow("custom blank") << Layout {Layout::Type::Custom, QStringLiteral("  "), {}}
                                  << "stylesheet"
                                  << "required";
    QTest::newRow("stylesheet with pip")
        << Layout {Layout::Type::Pip, QStringLiteral("x"), {}} << "stylesheet"
        << "custom";
    QTest::newRow("custom with screenshare")
        << Layout {Layout::Type::Custom, QStringLiteral("x"), Layout::Type::Pip}
        << "screenshareType"
        << "bestFit";
    QTest::newRow("screenshare custom")
        << Layout {Layout::Type::BestFit, {}, Layout::Type::Custom} << "screenshareType"
        << "horizontalPresentation";
    QTest::newRow("screenshare with vertical")
        << Layout {Layout::Type::VerticalPresentation, {}, Layout::Type::BestFit}
        << "screenshareType"
        << "bestFit";
}

void TstArchive::layoutValidate()
{
    QFETCH(Layout, layout);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(layout.validate(), field, messagePart);
}

void TstArchive::layoutJson()
{
    QCOMPARE(compact(Layout {}.toJson()), QByteArray(R"({"type":"bestFit"})"));
    QCOMPARE(compact(Layout {Layout::Type::Custom, QStringLiteral("stream.focus {}"), {}}.toJson()),
        QByteArray(R"({"stylesheet":"stream.focus {}","type":"custom"})"));
    QCOMPARE(
        compact(Layout {Layout::Type::BestFit, {}, Layout::Type::HorizontalPresentation}.toJson()),
        QByteArray(R"({"screenshareType":"horizontalPresentation","type":"bestFit"})"));
    QCOMPARE(compact(Layout {Layout::Type::VerticalPresentation, {}, {}}.toJson()),
        QByteArray(R"({"type":"verticalPresentation"})"));
}

void TstArchive::layoutFromJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("bestFit pip") << QByteArray(R"({"type":"bestFit","screenshareType":"pip"})")
                                 << "";
    QTest::newRow("custom") << QByteArray(R"({"type":"custom","stylesheet":"a{}"})") << "";
    QTest::newRow("null screenshare")
        << QByteArray(R"({"type":"pip","screenshareType":null})") << "";
    QTest::newRow("no type") << QByteArray(R"({"stylesheet":"a{}"})")
                             << "type: missing required field";
    QTest::newRow("focus") << QByteArray(R"({"type":"focus"})")
                           << "type: unknown layout type \"focus\"";
    QTest::newRow("bad screenshare") << QByteArray(R"({"type":"bestFit","screenshareType":"grid"})")
                                     << "screenshareType: unknown layout type \"grid\"";
    QTest::newRow("stylesheet number") << QByteArray(R"({"type":"custom","stylesheet":1})")
                                       << "stylesheet: expected a string, got a number";
}

void TstArchive::layoutFromJson()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    const auto layout = Layout::fromJson(json(text), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(layout.has_value(), error.isEmpty());
    if (!layout)
        return;
    QJsonObject sent = json(text).toObject(); // what toJson() must give back: null means absent
    for (const QString &key : sent.keys()) {
        if (sent.value(key).isNull())
            sent.remove(key);
    }
    QCOMPARE(compact(layout->toJson()), compact(sent));
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstArchive)
#include "tst_archive.moc"
