// SPDX-License-Identifier: GPL-3.0-or-later
// Every HTTP status maps to its own kind and sentence; redaction removes every secret form.
#include "net/ApiError.h"
#include "net/Redactor.h"
#include "net/RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace otadmin;
using Kind = ApiError::Kind;

class TestApiError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mustMention");
        QTest::newRow("400") << 400 << int(Kind::BadRequest) << "invalid";
        QTest::newRow("401") << 401 << int(Kind::Unauthorized) << "credentials";
        QTest::newRow("403") << 403 << int(Kind::Forbidden) << "secret";
        QTest::newRow("404") << 404 << int(Kind::NotFound) << "does not exist";
        QTest::newRow("405") << 405 << int(Kind::WrongStreamMode) << "manual stream mode";
        QTest::newRow("409") << 409 << int(Kind::Conflict) << "state";
        QTest::newRow("413") << 413 << int(Kind::PayloadTooLarge) << "128 bytes";
        QTest::newRow("429") << 429 << int(Kind::RateLimited) << "rate limiting";
        QTest::newRow("500") << 500 << int(Kind::Server) << "(500)";
        QTest::newRow("502") << 502 << int(Kind::Server) << "(502)";
        QTest::newRow("503") << 503 << int(Kind::Server) << "(503)";
        QTest::newRow("504") << 504 << int(Kind::Server) << "(504)";
        QTest::newRow("307") << 307 << int(Kind::Redirect) << "never followed";
        QTest::newRow("418") << 418 << int(Kind::HttpStatus) << "(418)";
    }
    void mapping()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, mustMention);
        const ApiError error = ApiError::fromHttp(status, QString());
        QCOMPARE(int(error.kind()), kind);
        QCOMPARE(error.httpStatus(), status);
        QVERIFY2(error.userMessage().contains(mustMention), qPrintable(error.userMessage()));
    }

    void messagesAreDistinct()
    {
        QSet<QString> messages;
        for (int status : {400, 401, 403, 404, 405, 409, 413, 429, 500, 502, 503, 504})
            messages.insert(ApiError::fromHttp(status, QString()).userMessage());
        QCOMPARE(messages.size(), 12);
    }

    void serverMessageIsQuoted()
    {
        const ApiError error = ApiError::fromHttp(404, QStringLiteral("Archive not found"));
        QVERIFY(error.userMessage().contains(QStringLiteral("Archive not found")));
        QCOMPARE(error.serverMessage(), QStringLiteral("Archive not found"));
    }

    void forbiddenNamesClockSkew_data()
    {
        QTest::addColumn<qint64>("skew");
        QTest::addColumn<QString>("expected");
        QTest::newRow("10 min behind") << qint64(600) << "10 minutes behind";
        QTest::newRow("10 min ahead") << qint64(-600) << "10 minutes ahead";
        QTest::newRow("1 h behind") << qint64(3600) << "60 minutes behind";
        QTest::newRow("90 s ahead") << qint64(-90) << "90 seconds ahead";
    }
    void forbiddenNamesClockSkew()
    {
        QFETCH(qint64, skew);
        QFETCH(QString, expected);
        const ApiError error = ApiError::fromHttp(403, QString(), skew);
        QCOMPARE(error.kind(), Kind::Forbidden);
        QVERIFY2(error.userMessage().contains(expected), qPrintable(error.userMessage()));
        QCOMPARE(error.clockSkewSecs(), std::optional<qint64>(skew));
    }

    void smallSkewIsNotBlamed()
    {
        const ApiError error = ApiError::fromHttp(403, QString(), 20);
        QVERIFY(!error.userMessage().contains(QStringLiteral("behind")));
        QVERIFY(error.userMessage().contains(QStringLiteral("secret")));
    }

    void validationNamesField()
    {
        const ApiError error = ApiError::validation(
            {QStringLiteral("maxBitrate"), QStringLiteral("must be at most 6000000")});
        QCOMPARE(error.kind(), Kind::Validation);
        QCOMPARE(error.field(), QStringLiteral("maxBitrate"));
        QCOMPARE(error.httpStatus(), 0);
        QVERIFY(error.userMessage().startsWith(QStringLiteral("maxBitrate: ")));
    }

    void redactJsonKeys()
    {
        const QByteArray body =
            R"({"type":"s3","config":{"accessKey":"AKIAXXX","secretKey":"S3CRET",)"
            R"("bucket":"b"},"token":"T1==abc","sip":{"auth":{"username":"u","password":"pw"}},)"
            R"("list":[{"apiSecret":"x1"},{"secret":"x2"}],"accountKey":"AZ"})";
        const QByteArray redacted = Redactor::redactBody(body);
        for (const char *secret : {"AKIAXXX", "S3CRET", "T1==abc", "pw", "x1", "x2", "AZ"})
            QVERIFY2(!redacted.contains(secret), secret);
        // what is not secret stays, so the log remains useful
        QVERIFY(redacted.contains("\"bucket\":\"b\""));
        QVERIFY(redacted.contains("\"username\":\"u\""));
    }

    void redactRtmpStreamKeys()
    {
        const QJsonObject body {{"outputs",
            QJsonObject {{"rtmp",
                QJsonArray {QJsonObject {{"id", "yt"}, {"serverUrl", "rtmps://a.example/live"},
                    {"streamName", "STREAMKEY1"}}}}}}};
        const QByteArray redacted = Redactor::redactBody(QJsonDocument(body).toJson());
        QVERIFY(!redacted.contains("STREAMKEY1"));
        QVERIFY(redacted.contains("rtmps://a.example/live"));
    }

    void secretValuesOfBodies()
    {
        const QJsonObject json {{"type", "azure"},
            {"config", QJsonObject {{"accountName", "acct"}, {"accountKey", "AZKEY"}}},
            {"list", QJsonArray {QJsonObject {{"password", "PW"}}}}};
        QCOMPARE(Redactor::secretValues(QJsonDocument(json).toJson()),
            (QList<QByteArray> {"AZKEY", "PW"}));
        QCOMPARE(Redactor::secretValues("a=1&token=T0K%20EN"), (QList<QByteArray> {"T0K EN"}));
        QCOMPARE(Redactor::secretValues("{}"), QList<QByteArray>());
    }

    void redactForm()
    {
        const QByteArray form = "archiveMode=manual&p2p.preference=disabled&token=abc123";
        const QByteArray redacted = Redactor::redactBody(form);
        QVERIFY(!redacted.contains("abc123"));
        QVERIFY(redacted.contains("archiveMode=manual"));
    }

    void redactOpaqueBody()
    {
        const QByteArray binary("\x01\x02secret\x03", 9);
        const QByteArray redacted = Redactor::redactBody(binary);
        QVERIFY(!redacted.contains("secret"));
        QVERIFY(redacted.contains("9 bytes"));
    }

    void scrubText()
    {
        const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiIxMjMifQ.c2lnbmF0dXJl");
        const QString text = QStringLiteral("bad secret 0123456789abcdef in ") + jwt
            + QStringLiteral(" and T1==cGFydG5lcl9pZD0xMjM=");
        const QString scrubbed = Redactor::scrubText(text, {QByteArray("0123456789abcdef")});
        QVERIFY(!scrubbed.contains(QStringLiteral("0123456789abcdef")));
        QVERIFY(!scrubbed.contains(jwt));
        QVERIFY(!scrubbed.contains(QStringLiteral("cGFydG5lcl9pZD0xMjM")));
        QVERIFY(scrubbed.startsWith(QStringLiteral("bad secret [redacted]")));
    }

    void curlHasPlaceholderOnly()
    {
        RequestLogEntry entry;
        entry.method = "POST";
        entry.url = QUrl(QStringLiteral("https://api.opentok.com/v2/project/123/archive"));
        entry.contentType = "application/json";
        entry.requestBody = "{\"name\":\"it's\"}";
        const QString curl = entry.toCurl();
        QVERIFY(curl.contains(QStringLiteral("X-OPENTOK-AUTH: $OPENTOK_JWT")));
        QVERIFY(curl.contains(QStringLiteral("--data-raw '{\"name\":\"it'\\''s\"}'")));
        QVERIFY(curl.endsWith(QStringLiteral("'https://api.opentok.com/v2/project/123/archive'")));
        entry.accountScope = true;
        QVERIFY(entry.toCurl().contains(QStringLiteral("$OPENTOK_ACCOUNT_JWT")));
    }

    void logIsBounded()
    {
        RequestLog log(nullptr, 3);
        for (int i = 1; i <= 5; ++i) {
            RequestLogEntry entry;
            entry.requestId = quint64(i);
            log.add(entry);
        }
        QCOMPARE(log.entries().size(), 3);
        QCOMPARE(log.entries().first().requestId, quint64(3));
        QCOMPARE(log.entries().last().requestId, quint64(5));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
