// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of session-creation options (form body, rules of §2.1) and the create answer.
#include "TypesTestUtil.h"
#include "types/Session.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::json;

Q_DECLARE_METATYPE(otadmin::SessionOptions)

class TstSession : public QObject
{
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void formBody_data();
    void formBody();
    void parse_data();
    void parse();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

static SessionOptions always()
{
    SessionOptions o;
    o.archiveMode = ArchiveMode::Always;
    return o;
}

void TstSession::validate_data()
{
    QTest::addColumn<SessionOptions>("options");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("defaults") << SessionOptions {} << ""
                              << "";
    SessionOptions o = always();
    QTest::newRow("always routed") << o << ""
                                   << "";
    o.archiveName = QString(80, QLatin1Char('n'));
    QTest::newRow("name 80 chars") << o << ""
                                   << "";
    o.archiveName = QString(81, QLatin1Char('n'));
    QTest::newRow("name 81 chars") << o << "archiveName"
                                   << "between 1 and 80";
    o.archiveName = QStringLiteral("a\nb");
    QTest::newRow("name newline") << o << "archiveName"
                                  << "control";
    o = always();
    o.archiveResolution = QStringLiteral("1920x1080");
    QTest::newRow("always resolution") << o << ""
                                       << "";
    o.archiveResolution = QStringLiteral("800x600");
    QTest::newRow("bad resolution") << o << "archiveResolution"
                                    << "640x480";
    o = always();
    o.mediaMode = MediaMode::Relayed;
    QTest::newRow("always relayed") << o << "archiveMode"
                                    << "routed";
    o = SessionOptions {};
    o.archiveName = QStringLiteral("x");
    QTest::newRow("name with manual") << o << "archiveName"
                                      << "always";
    o = SessionOptions {};
    o.archiveResolution = QStringLiteral("640x480");
    QTest::newRow("resolution with manual") << o << "archiveResolution"
                                            << "always";
    o = SessionOptions {};
    o.e2ee = true;
    QTest::newRow("e2ee routed") << o << ""
                                 << "";
    o.mediaMode = MediaMode::Relayed;
    QTest::newRow("e2ee relayed") << o << "e2ee"
                                  << "routed";
    o = always();
    o.e2ee = true;
    QTest::newRow("e2ee always") << o << "e2ee"
                                 << "always";
    o = SessionOptions {};
    o.mediaMode = MediaMode::Relayed;
    QTest::newRow("relayed manual") << o << ""
                                    << "";
    for (const char *bad : {"::1", "localhost", "1.2.3", "127.1", "256.1.1.1", "1.2.3.4 ",
             "01.2.3.4", "1.2.3.4/24", "1.2.3.4:80"}) {
        o = SessionOptions {};
        o.location = QString::fromLatin1(bad);
        QTest::addRow("location %s", bad) << o << "location"
                                          << "IPv4";
    }
    for (const char *good : {"203.0.113.7", "0.0.0.0", "255.255.255.255"}) {
        o = SessionOptions {};
        o.location = QString::fromLatin1(good);
        QTest::addRow("location %s", good) << o << ""
                                           << "";
    }
}

void TstSession::validate()
{
    QFETCH(SessionOptions, options);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(options.validate(), field, messagePart);
}

void TstSession::formBody_data()
{
    QTest::addColumn<SessionOptions>("options");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("defaults") << SessionOptions {}
                              << QByteArray(
                                     "p2p.preference=disabled&archiveMode=manual&e2ee=false");
    SessionOptions o;
    o.mediaMode = MediaMode::Relayed;
    QTest::newRow("relayed") << o
                             << QByteArray("p2p.preference=enabled&archiveMode=manual&e2ee=false");
    o = always();
    o.archiveName = QStringLiteral("Auto archive+1&x=ü");
    o.archiveResolution = QStringLiteral("1280x720");
    o.location = QStringLiteral("203.0.113.7");
    QTest::newRow("everything")
        << o
        << QByteArray(
               "p2p.preference=disabled&archiveMode=always&archiveName=Auto%20archive%2B1%26x%"
               "3D%C3%BC&archiveResolution=1280x720&location=203.0.113.7&e2ee=false");
    o = SessionOptions {};
    o.e2ee = true;
    QTest::newRow("e2ee") << o
                          << QByteArray("p2p.preference=disabled&archiveMode=manual&e2ee=true");
}

void TstSession::formBody()
{
    QFETCH(SessionOptions, options);
    QFETCH(QByteArray, body);
    QCOMPARE(options.toFormBody(), body);
}

void TstSession::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("projectId");

    QTest::newRow("reference array") << QByteArray(R"([{
        "session_id": "1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg",
        "project_id": "12345678", "partner_id": "12345678",
        "create_dt": "Tue Nov 14 22:13:20 UTC 2023", "media_server_url": "",
        "properties": null, "ice_servers": null}])")
                                     << ""
                                     << "12345678";
    QTest::newRow("bare object") << QByteArray(
        R"({"session_id": "1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg", "project_id": 12345678})")
                                 << ""
                                 << "12345678";
    QTest::newRow("partner_id fallback") << QByteArray(
        R"([{"session_id": "1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg", "partner_id": 42}])")
                                         << ""
                                         << "42";
    QTest::newRow("application_id fallback") << QByteArray(
        R"([{"session_id": "1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg", "application_id": "app-1"}])")
                                             << ""
                                             << "app-1";
    QTest::newRow("empty array") << QByteArray("[]")
                                 << "expected an array with one session, got an empty array"
                                 << "";
    QTest::newRow("missing session_id")
        << QByteArray(R"([{"project_id": "1"}])") << "[0].session_id: missing required field"
        << "";
    QTest::newRow("null session_id")
        << QByteArray(R"([{"session_id": null}])") << "[0].session_id: missing required field"
        << "";
    QTest::newRow("numeric session_id")
        << QByteArray(R"([{"session_id": 5}])") << "[0].session_id: expected a string, got a number"
        << "";
    QTest::newRow("empty session_id")
        << QByteArray(R"({"session_id": ""})") << "session_id: must not be empty"
        << "";
    QTest::newRow("array of string")
        << QByteArray(R"(["x"])") << "[0]: expected an object, got a string"
        << "";
    QTest::newRow("string") << QByteArray(R"("x")")
                            << "expected an array or an object, got a string"
                            << "";
    QTest::newRow("bad create_dt") << QByteArray(R"({"session_id": "s", "create_dt": 17})")
                                   << "create_dt: expected a string, got a number"
                                   << "";
    QTest::newRow("bad project_id") << QByteArray(R"({"session_id": "s", "project_id": {}})")
                                    << "project_id: expected a string or a number, got an object"
                                    << "";
}

void TstSession::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QFETCH(QString, projectId);
    QString actual;
    const auto info = SessionInfo::fromJson(json(text), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(info.has_value(), error.isEmpty());
    if (info) {
        QCOMPARE(info->sessionId, QStringLiteral("1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg"));
        QCOMPARE(info->projectId, projectId);
        QVERIFY(info->raw.contains(QStringLiteral("session_id")));
    }
    if (QTest::currentDataTag() == QLatin1String("reference array"))
        QCOMPARE(info->createDt, QStringLiteral("Tue Nov 14 22:13:20 UTC 2023"));
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
