// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of SIP dial options and answer (§7.1) and DTMF digits (§7.2).
#include "TypesTestUtil.h"
#include "types/Sip.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::compact;
using otadmin::test::json;

Q_DECLARE_METATYPE(otadmin::SipDialOptions)

class TstSip : public QObject
{
    Q_OBJECT
private slots:
    void validate_data();
    void validate();
    void toJson();
    void parse_data();
    void parse();
    void dtmf_data();
    void dtmf();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

static SipDialOptions base()
{
    SipDialOptions o;
    o.sessionId = QStringLiteral("1_MX4x");
    o.token = QStringLiteral("T1==abc");
    o.uri = QStringLiteral("sip:+15551234567@sip.example.com;transport=tls");
    return o;
}

void TstSip::validate_data()
{
    QTest::addColumn<SipDialOptions>("options");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    SipDialOptions o = base();
    QTest::newRow("base") << o << ""
                          << "";
    o.sessionId.clear();
    QTest::newRow("no session") << o << "sessionId"
                                << "empty";
    o = base();
    o.token.clear();
    QTest::newRow("no token") << o << "token"
                              << "required";
    o.token = QStringLiteral("T1 ==");
    QTest::newRow("token space") << o << "token"
                                 << "whitespace";
    for (const char *uri : {"sip:host.example", "sips:user@host.example:5061", "SIP:u@h",
             "sip:u@h?X-Foo=bar", "sip:[2001:db8::1]"}) {
        o = base();
        o.uri = QString::fromLatin1(uri);
        QTest::addRow("uri ok %s", uri) << o << ""
                                        << "";
    }
    const struct
    {
        const char *uri;
        const char *part;
    } badUris[] = {{"", "required"}, {"tel:+15551234567", "sip: or sips:"},
        {"+15551234567@sip.example.com", "sip: or sips:"}, {"sip:", "user@host"},
        {"sip:user@", "user@host"}, {"sip:@host", "user@host"}, {"sip:;transport=tls", "user@host"},
        {"sip:u@h\r\nX-Evil: 1", "whitespace"}, {"sip:u @h", "whitespace"}};
    for (const auto &bad : badUris) {
        o = base();
        o.uri = QString::fromLatin1(bad.uri);
        QTest::addRow("uri '%s'", bad.uri) << o << "sip.uri" << bad.part;
    }
    o = base();
    o.uri = QStringLiteral("sip:u@") + QString(1020, QLatin1Char('h'));
    QTest::newRow("uri 1026 chars") << o << "sip.uri"
                                    << "1024";
    o = base();
    o.from = QStringLiteral("15557654321@example.com");
    QTest::newRow("from ok") << o << ""
                             << "";
    for (const char *from : {"15557654321", "@example.com", "user@", "us er@example.com"}) {
        o = base();
        o.from = QString::fromLatin1(from);
        QTest::addRow("from '%s'", from) << o << "sip.from"
                                         << "user@domain";
    }
    o = base();
    o.headers = {{QStringLiteral("X-Customer-Ref"), QStringLiteral("abc")},
        {QStringLiteral("User-to-User"), QStringLiteral("a b;c")}};
    QTest::newRow("headers ok") << o << ""
                                << "";
    o.headers.append({QStringLiteral("x-customer-ref"), QStringLiteral("dup")});
    QTest::newRow("duplicate header") << o << "sip.headers[2]"
                                      << "twice";
    const struct
    {
        const char *name;
        const char *value;
        const char *part;
    } badHeaders[] = {{"", "v", "token"}, {"X Bad", "v", "token"}, {"X:Bad", "v", "token"},
        {"X-Ok", "a\r\nInjected: 1", "CR, LF"}, {"X-Ok", "a\nb", "CR, LF"}};
    for (const auto &bad : badHeaders) {
        o = base();
        o.headers = {{QStringLiteral("X-First"), QStringLiteral("1")},
            {QString::fromLatin1(bad.name), QString::fromLatin1(bad.value)}};
        QTest::addRow("header '%s'", bad.name) << o << "sip.headers[1]" << bad.part;
    }
    o = base();
    o.password = QStringLiteral("pass");
    QTest::newRow("password without user") << o << "sip.auth.username"
                                           << "password";
    o.username = QStringLiteral("user");
    QTest::newRow("auth") << o << ""
                          << "";
    o = base();
    o.streams = {QStringLiteral("s1"), QStringLiteral("s/2")};
    QTest::newRow("bad stream id") << o << "sip.streams[1]"
                                   << "/";
}

void TstSip::validate()
{
    QFETCH(SipDialOptions, options);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    OT_CHECK_VALIDATION(options.validate(), field, messagePart);
}

void TstSip::toJson()
{
    QCOMPARE(compact(base().toJson()),
        QByteArray(
            R"({"sessionId":"1_MX4x","sip":{"observeForceMute":false,"secure":false,"uri":"sip:+15551234567@sip.example.com;transport=tls","video":false},"token":"T1==abc"})"));
    SipDialOptions o = base();
    o.from = QStringLiteral("15557654321@example.com");
    o.headers = {{QStringLiteral("X-Customer-Ref"), QStringLiteral("abc")}};
    o.username = QStringLiteral("user");
    o.password = QStringLiteral("pass");
    o.secure = true;
    o.observeForceMute = true;
    o.streams = {QStringLiteral("streamId1"), QStringLiteral("streamId2")};
    QCOMPARE(compact(o.toJson()),
        QByteArray(
            R"({"sessionId":"1_MX4x","sip":{"auth":{"password":"pass","username":"user"},"from":"15557654321@example.com","headers":{"X-Customer-Ref":"abc"},"observeForceMute":true,"secure":true,"streams":["streamId1","streamId2"],"uri":"sip:+15551234567@sip.example.com;transport=tls","video":false},"token":"T1==abc"})"));
}

void TstSip::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("reference") << QByteArray(
        R"({"id": "call-1", "connectionId": "conn-1", "streamId": "stream-1"})")
                               << "";
    QTest::newRow("no stream") << QByteArray(
        R"({"id": "call-1", "connectionId": "conn-1", "streamId": null})")
                               << "";
    QTest::newRow("no connection")
        << QByteArray(R"({"id": "call-1"})") << "connectionId: missing required field";
    QTest::newRow("no id") << QByteArray(R"({"connectionId": "conn-1"})")
                           << "id: missing required field";
    QTest::newRow("id number") << QByteArray(R"({"id": 1, "connectionId": "c"})")
                               << "id: expected a string, got a number";
    QTest::newRow("array") << QByteArray(R"([{"id": "call-1"}])")
                           << "expected an object, got an array";
}

void TstSip::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    const auto call = SipCall::fromJson(json(text), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(call.has_value(), error.isEmpty());
    if (call) {
        QCOMPARE(call->id, QStringLiteral("call-1"));
        QCOMPARE(call->connectionId, QStringLiteral("conn-1"));
    }
}

void TstSip::dtmf_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("all kinds") << "0123456789*#p"
                               << "";
    QTest::newRow("256") << QString(256, QLatin1Char('1')) << "";
    QTest::newRow("257") << QString(257, QLatin1Char('1')) << "at most 256";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("letter") << "12a"
                            << "0-9";
    QTest::newRow("upper P") << "1P2"
                             << "0-9";
    QTest::newRow("space") << "1 2"
                           << "0-9";
    QTest::newRow("plus") << "+1"
                          << "0-9";
    QTest::newRow("fullwidth digit") << QString::fromUtf8("１") << "0-9";
}

void TstSip::dtmf()
{
    QFETCH(QString, digits);
    QFETCH(QString, messagePart);
    const QString field = messagePart.isEmpty() ? QString() : QStringLiteral("digits");
    OT_CHECK_VALIDATION(validateDtmfDigits(digits), field, messagePart);
    QCOMPARE(dtmfToJson(QStringLiteral("1234#")),
        (QJsonObject {{QStringLiteral("digits"), QStringLiteral("1234#")}}));
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstSip)
#include "tst_sip.moc"
