// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of the archive upload target (§5.9): validation, JSON both ways.
#include "TypesTestUtil.h"
#include "types/Storage.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::compact;
using otadmin::test::json;

Q_DECLARE_METATYPE(otadmin::StorageTarget)

class TstStorage : public QObject
{
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void toJson();
    void fromJson_data();
    void fromJson();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

static StorageTarget s3()
{
    StorageTarget t;
    t.accessKey = QStringLiteral("AKIAEXAMPLE");
    t.secretKey = QStringLiteral("secret");
    t.bucket = QStringLiteral("my-archive-bucket");
    return t;
}

static StorageTarget azure()
{
    StorageTarget t;
    t.type = StorageTarget::Type::Azure;
    t.accountName = QStringLiteral("myaccount");
    t.accountKey = QStringLiteral("key");
    t.container = QStringLiteral("archives");
    return t;
}

void TstStorage::validate_data()
{
    QTest::addColumn<StorageTarget>("target");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("s3") << s3() << ""
                        << "";
    QTest::newRow("azure") << azure() << ""
                           << "";
    StorageTarget t = s3();
    t.accessKey.clear();
    QTest::newRow("no accessKey") << t << "config.accessKey"
                                  << "required";
    t = s3();
    t.secretKey.clear();
    QTest::newRow("no secretKey") << t << "config.secretKey"
                                  << "required";
    t = s3();
    t.secretKey = QStringLiteral("a\nb");
    QTest::newRow("secretKey newline") << t << "config.secretKey"
                                       << "control";
    for (const char *good : {"abc", "a.b-c", "123", "my.bucket.1"}) {
        t = s3();
        t.bucket = QString::fromLatin1(good);
        QTest::addRow("bucket %s", good) << t << ""
                                         << "";
    }
    t = s3();
    t.bucket = QString(63, QLatin1Char('b'));
    QTest::newRow("bucket 63") << t << ""
                               << "";
    const char *badBuckets[] = {
        "", "ab", "My-Bucket", "-abc", "abc-", "a..b", "a_b", "192.168.1.1", ".abc"};
    for (const char *bad : badBuckets) {
        t = s3();
        t.bucket = QString::fromLatin1(bad);
        QTest::addRow("bucket '%s'", bad) << t << "config.bucket" << (*bad ? "3-63" : "required");
    }
    t = s3();
    t.bucket = QString(64, QLatin1Char('b'));
    QTest::newRow("bucket 64") << t << "config.bucket"
                               << "3-63";
    for (const char *good : {"https://s3.example-provider.com", "http://127.0.0.1:9000"}) {
        t = s3();
        t.endpoint = QString::fromLatin1(good);
        QTest::addRow("endpoint %s", good) << t << ""
                                           << "";
    }
    for (const char *bad : {"s3.example.com", "ftp://s3.example.com", "https://", "https:///path",
             "https://a b.com"}) {
        t = s3();
        t.endpoint = QString::fromLatin1(bad);
        QTest::addRow("endpoint '%s'", bad) << t << "config.endpoint"
                                            << "http";
    }
    t = s3();
    t.sse = QStringLiteral("s3");
    QTest::newRow("sse s3") << t << ""
                            << "";
    t.sse = QStringLiteral("none");
    QTest::newRow("sse none") << t << ""
                              << "";
    t.sse = QStringLiteral("kms");
    QTest::newRow("sse kms") << t << "config.sse"
                             << "s3 or none";
    t = azure();
    t.accountKey.clear();
    QTest::newRow("no accountKey") << t << "config.accountKey"
                                   << "required";
    for (const char *bad : {"ab", "MyAccount", "my-account", "abcdefghijklmnopqrstuvwxy"}) {
        t = azure();
        t.accountName = QString::fromLatin1(bad);
        QTest::addRow("accountName '%s'", bad) << t << "config.accountName"
                                               << "3-24";
    }
    t = azure();
    t.accountName = QString(24, QLatin1Char('a'));
    QTest::newRow("accountName 24") << t << ""
                                    << "";
    for (const char *good : {"abc", "a-b-c", "1archives", "x1-2"}) {
        t = azure();
        t.container = QString::fromLatin1(good);
        QTest::addRow("container %s", good) << t << ""
                                            << "";
    }
    t = azure();
    t.container = QString(63, QLatin1Char('c'));
    QTest::newRow("container 63") << t << ""
                                  << "";
    t.container = QString(64, QLatin1Char('c'));
    QTest::newRow("container 64") << t << "config.container"
                                  << "3-63";
    for (const char *bad : {"ab", "a--b", "-abc", "abc-", "Archives", "a_b", "a.b"}) {
        t = azure();
        t.container = QString::fromLatin1(bad);
        QTest::addRow("container '%s'", bad) << t << "config.container"
                                             << "3-63";
    }
    t = azure();
    t.domain = QStringLiteral("blob.core.windows.net");
    QTest::newRow("domain") << t << ""
                            << "";
    t.domain = QStringLiteral("https://blob.core.windows.net");
    QTest::newRow("domain with scheme") << t << "config.domain"
                                        << "domain name";
}

void TstStorage::validate()
{
    QFETCH(StorageTarget, target);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(target.validate(), field, messagePart);
}

void TstStorage::toJson()
{
    StorageTarget t = s3();
    t.endpoint = QStringLiteral("https://s3.example-provider.com");
    t.sse = QStringLiteral("s3");
    t.fallback = StorageTarget::Fallback::OpenTok;
    t.accountName = QStringLiteral("ignored-for-s3");
    QCOMPARE(compact(t.toJson()),
        QByteArray(
            R"({"config":{"accessKey":"AKIAEXAMPLE","bucket":"my-archive-bucket","endpoint":"https://s3.example-provider.com","secretKey":"secret","sse":"s3"},"fallback":"opentok","type":"s3"})"));
    StorageTarget a = azure();
    a.domain = QStringLiteral("blob.core.windows.net");
    QCOMPARE(compact(a.toJson()),
        QByteArray(
            R"({"config":{"accountKey":"key","accountName":"myaccount","container":"archives","domain":"blob.core.windows.net"},"fallback":"none","type":"azure"})"));
}

void TstStorage::fromJson_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("s3 reference") << QByteArray(
        R"({"type": "s3", "config": {"accessKey": "AKIA", "secretKey": "s", "bucket": "my-archive-bucket", "endpoint": "https://s3.example-provider.com", "sse": "s3"}, "fallback": "opentok"})")
                                  << "";
    QTest::newRow("azure reference") << QByteArray(
        R"({"type": "azure", "config": {"accountName": "myaccount", "accountKey": "k", "container": "archives", "domain": "blob.core.windows.net"}, "fallback": "none"})")
                                     << "";
    QTest::newRow("no fallback") << QByteArray(R"({"type": "s3", "config": {}})") << "";
    QTest::newRow("no type") << QByteArray(R"({"config": {}})") << "type: missing required field";
    QTest::newRow("no config") << QByteArray(R"({"type": "s3"})")
                               << "config: missing required field";
    QTest::newRow("gcs") << QByteArray(R"({"type": "gcs", "config": {}})")
                         << "type: unknown storage type \"gcs\"";
    QTest::newRow("fallback bad") << QByteArray(
        R"({"type": "s3", "config": {}, "fallback": "keep"})")
                                  << "fallback: unknown fallback \"keep\"";
    QTest::newRow("bucket number") << QByteArray(R"({"type": "s3", "config": {"bucket": 5}})")
                                   << "config.bucket: expected a string, got a number";
    QTest::newRow("not object") << QByteArray("[]") << "expected an object, got an array";
}

void TstStorage::fromJson()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    const auto t = StorageTarget::fromJson(json(text), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(t.has_value(), error.isEmpty());
    if (t && QTest::currentDataTag() != QLatin1String("no fallback")) {
        QCOMPARE(compact(t->toJson()), compact(json(text).toObject())); // lossless round trip
        QVERIFY(!t->validate());
    }
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstStorage)
#include "tst_storage.moc"
