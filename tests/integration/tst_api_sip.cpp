// SPDX-License-Identifier: GPL-3.0-or-later
// SipApi against the sandbox: dial options, the generated token, the SIP leg, DTMF, secrecy.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ModerationApi.h"
#include "api/SipApi.h"
#include "auth/SessionId.h"
#include "auth/TokenInspector.h"
#include "net/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

namespace {
const QString Password = QStringLiteral("s3cr3t-sip-pa55word");
const QString TlsUri = QStringLiteral("sip:+15551234567@sip.example.com;transport=tls");
} // namespace

class TestSipApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<SipApi> m_api;
    std::unique_ptr<ModerationApi> m_moderation;
    QString m_session;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_fixture->server().journal().last().body).object();
    }
    SipDialOptions minimal(const QString &sessionId) const
    {
        SipDialOptions options;
        options.sessionId = sessionId;
        options.uri = QStringLiteral("sip:alice@sip.example.com");
        return options;
    }
    SipCall dialled(const SipDialOptions &options)
    {
        auto reply = await(m_api->dial(options));
        if (!reply->isSuccess())
            qWarning() << reply->error().userMessage();
        return reply->resultAs<SipCall>();
    }
    static bool containsId(const QJsonArray &array, const QString &key, const QString &id)
    {
        for (const QJsonValue &value : array) {
            if (value.toObject().value(key).toString() == id)
                return true;
        }
        return false;
    }
    // Everything the request log shows or exports.
    QString logText() const
    {
        QString text;
        for (const RequestLogEntry &entry : m_fixture->log().entries()) {
            text += QString::fromUtf8(entry.requestBody) + QLatin1Char('\n') + entry.toCurl()
                + QLatin1Char('\n') + entry.url.toString() + QLatin1Char('\n') + entry.error
                + QLatin1Char('\n');
        }
        return text;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_api = std::make_unique<SipApi>(&m_fixture->client());
        m_moderation = std::make_unique<ModerationApi>(&m_fixture->client());
        m_session = m_fixture->routedSessionWithConnection();
    }
    void cleanup()
    {
        m_moderation.reset();
        m_api.reset();
        m_fixture.reset();
    }

    void dialWithEveryOption()
    {
        QString publisher;
        const QString session = m_fixture->routedSessionWithConnection(&publisher);
        const QString stream = server().addStream(session, publisher);
        SipDialOptions options;
        options.sessionId = session;
        options.uri = TlsUri;
        options.from = QStringLiteral("15557654321@example.com");
        options.headers = {{QStringLiteral("X-Customer-Ref"), QStringLiteral("abc")},
            {QStringLiteral("Priority"), QStringLiteral("urgent")}};
        options.username = QStringLiteral("user");
        options.password = Password;
        options.secure = true;
        options.video = true;
        options.observeForceMute = true;
        options.streams = {stream};
        QSignalSpy started(m_api.get(), &SipApi::sipCallStarted);
        auto reply = await(m_api->dial(options));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(reply->httpStatus(), 200);
        const auto call = reply->resultAs<SipCall>();
        QVERIFY(!call.id.isEmpty());
        QVERIFY(!call.connectionId.isEmpty());
        QVERIFY(!call.streamId.isEmpty());
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().at(0).toString(), session);
        QCOMPARE(started.first().at(1).value<SipCall>().id, call.id);

        const auto entry = server().journal().last();
        QCOMPARE(entry.method, QByteArray("POST"));
        QCOMPARE(entry.path, QStringLiteral("/v2/project/%1/dial").arg(server().apiKey()));
        const QJsonObject body = lastBody();
        QCOMPARE(body.value("sessionId").toString(), session);
        QVERIFY(!body.value("token").toString().isEmpty());
        const QJsonObject sip = body.value("sip").toObject();
        QCOMPARE(sip.value("uri").toString(), TlsUri);
        QCOMPARE(sip.value("from").toString(), QStringLiteral("15557654321@example.com"));
        QCOMPARE(sip.value("headers").toObject(),
            (QJsonObject {{"X-Customer-Ref", "abc"}, {"Priority", "urgent"}}));
        QCOMPARE(sip.value("auth").toObject(),
            (QJsonObject {{"username", "user"}, {"password", Password}}));
        QCOMPARE(sip.value("secure"), QJsonValue(true));
        QCOMPARE(sip.value("video"), QJsonValue(true));
        QCOMPARE(sip.value("observeForceMute"), QJsonValue(true));
        QCOMPARE(sip.value("streams").toArray(), QJsonArray {stream});
    }

    void minimalDialSendsExplicitFalseBooleans()
    {
        const SipCall call = dialled(minimal(m_session));
        QVERIFY(!call.id.isEmpty());
        const QJsonObject sip = lastBody().value("sip").toObject();
        QCOMPARE(sip.value("secure"), QJsonValue(false));
        QCOMPARE(sip.value("video"), QJsonValue(false));
        QCOMPARE(sip.value("observeForceMute"), QJsonValue(false));
        QVERIFY(!sip.contains("from"));
        QVERIFY(!sip.contains("headers"));
        QVERIFY(!sip.contains("auth"));
        QVERIFY(!sip.contains("streams"));
    }

    void generatedTokenIsAVerifiableJwt()
    {
        const SipCall call = dialled(minimal(m_session));
        QVERIFY(!call.id.isEmpty());
        const QString token = lastBody().value("token").toString();
        QVERIFY(!token.startsWith(QStringLiteral("T1==")));
        QCOMPARE(token.count(QLatin1Char('.')), 2);
        const TokenInspection inspection =
            inspectToken(token, server().apiSecret().toUtf8(), m_fixture->client().clock());
        QCOMPARE(inspection.format, TokenFormat::Jwt);
        QCOMPARE(inspection.signature, TokenInspection::Signature::Valid);
        QCOMPARE(inspection.verdict, TokenInspection::Verdict::Valid);
        QCOMPARE(inspection.apiKey, server().apiKey());
        QCOMPARE(inspection.sessionId, m_session);
        QCOMPARE(inspection.role, QStringLiteral("publisher"));
        QCOMPARE(inspection.connectionData, QStringLiteral("sip=sip:alice@sip.example.com"));
        QVERIFY(inspection.createTime && inspection.expireTime);
        QCOMPARE(*inspection.expireTime - *inspection.createTime,
            ClientTokenLimits::DefaultLifetimeSecs);
        // a wrong secret does not verify
        const TokenInspection forged =
            inspectToken(token, QByteArrayLiteral("not-the-secret"), m_fixture->client().clock());
        QCOMPARE(forged.signature, TokenInspection::Signature::Invalid);

        // every dial mints a fresh token
        dialled(minimal(m_session));
        QVERIFY(lastBody().value("token").toString() != token);
    }

    void generatedTokenTruncatesLongUri()
    {
        SipDialOptions options = minimal(m_session);
        options.uri = QStringLiteral("sip:") + QString(1000, QLatin1Char('a'))
            + QStringLiteral("@sip.example.com");
        QVERIFY(options.uri.size() <= kMaxSipUriLength);
        const SipCall call = dialled(options);
        QVERIFY(!call.id.isEmpty());
        const TokenInspection inspection = inspectToken(lastBody().value("token").toString(),
            server().apiSecret().toUtf8(), m_fixture->client().clock());
        QCOMPARE(inspection.verdict, TokenInspection::Verdict::Valid);
        QCOMPARE(inspection.connectionData.size(), ClientTokenLimits::MaxConnectionDataChars);
        QCOMPARE(inspection.connectionData, (QStringLiteral("sip=") + options.uri).left(1000));
        QCOMPARE(lastBody().value("sip").toObject().value("uri").toString(), options.uri);
    }

    void givenTokenIsSentUnchanged()
    {
        SipDialOptions options = minimal(m_session);
        options.token = QStringLiteral("caller-supplied-token-value");
        const SipCall call = dialled(options);
        QVERIFY(!call.id.isEmpty());
        QCOMPARE(lastBody().value("token").toString(), options.token);
    }

    void sipLegJoinsTheSessionAndForceDisconnectEndsIt()
    {
        const SipCall call = dialled(minimal(m_session));
        QVERIFY(!call.connectionId.isEmpty());
        const QJsonObject state = server().sessionState(m_session);
        QVERIFY(
            containsId(state.value("connections").toArray(), "connectionId", call.connectionId));
        QVERIFY(containsId(state.value("streams").toArray(), "id", call.streamId));
        auto streams = await(m_moderation->listStreams(m_session));
        OTADMIN_VERIFY_SUCCESS(streams);
        bool listed = false;
        for (const Stream &stream : streams->resultAs<StreamList>().items)
            listed = listed || stream.id == call.streamId;
        QVERIFY(listed);

        auto disconnect = await(m_moderation->forceDisconnect(m_session, call.connectionId));
        OTADMIN_VERIFY_SUCCESS(disconnect);
        QCOMPARE(server().journal().last().method, QByteArray("DELETE"));
        QCOMPARE(server().journal().last().status, 204);
        const QJsonObject after = server().sessionState(m_session);
        QVERIFY(
            !containsId(after.value("connections").toArray(), "connectionId", call.connectionId));
        QVERIFY(!containsId(after.value("streams").toArray(), "id", call.streamId));
        // DTMF to the ended leg: no longer connected
        auto dtmf = await(m_api->playDtmfToConnection(m_session, call.connectionId, "1"));
        QCOMPARE(dtmf->error().kind(), Kind::NotFound);
    }

    void relayedSessionConflicts()
    {
        const QString relayed = server().createSession(false);
        auto reply = await(m_api->dial(minimal(relayed)));
        QCOMPARE(reply->error().kind(), Kind::Conflict);
        QCOMPARE(reply->httpStatus(), 409);
    }

    void unknownSessionIsNotFound()
    {
        const QString unknown =
            makeSessionId(server().apiKey(), server().nowMs(), QByteArrayLiteral("nosuchsession"));
        QVERIFY(server().sessionState(unknown).isEmpty());
        auto reply = await(m_api->dial(minimal(unknown)));
        QCOMPARE(reply->error().kind(), Kind::NotFound);
        auto dtmf = await(m_api->playDtmf(unknown, "1"));
        QCOMPARE(dtmf->error().kind(), Kind::NotFound);
    }

    void dialIsNeverRetried()
    {
        m_fixture->client().config().retry.baseDelayMSecs = 10;
        server().forceNextResponse("POST", QStringLiteral("*/dial"), 503, {}, "0", 0, 3);
        auto reply = await(m_api->dial(minimal(m_session)));
        QCOMPARE(reply->error().kind(), Kind::Server);
        QVERIFY(reply->isOutcomeUnknown());
        QTest::qWait(100);
        QCOMPARE(server().requestCount(), 1);
    }

    void dtmfToAllAndToOne()
    {
        const SipCall call = dialled(minimal(m_session));
        QSignalSpy played(m_api.get(), &SipApi::dtmfPlayed);
        auto all = await(m_api->playDtmf(m_session, QStringLiteral("1234#p*")));
        OTADMIN_VERIFY_SUCCESS(all);
        QVERIFY(all->httpStatus() == 200 || all->httpStatus() == 204);
        auto entry = server().journal().last();
        QCOMPARE(entry.path,
            QStringLiteral("/v2/project/%1/session/%2/play-dtmf")
                .arg(server().apiKey(), m_session));
        QCOMPARE(lastBody(), (QJsonObject {{"digits", "1234#p*"}}));

        auto one = await(m_api->playDtmfToConnection(m_session, call.connectionId, "9"));
        OTADMIN_VERIFY_SUCCESS(one);
        entry = server().journal().last();
        QCOMPARE(entry.path,
            QStringLiteral("/v2/project/%1/session/%2/connection/%3/play-dtmf")
                .arg(server().apiKey(), m_session, call.connectionId));
        QCOMPARE(lastBody(), (QJsonObject {{"digits", "9"}}));

        QCOMPARE(played.count(), 2);
        QCOMPARE(played.at(0).at(1).toString(), QString());
        QCOMPARE(played.at(0).at(2).toString(), QStringLiteral("1234#p*"));
        QCOMPARE(played.at(1).at(1).toString(), call.connectionId);

        int dtmfEvents = 0;
        for (const QJsonValue &event : server().sessionState(m_session).value("events").toArray())
            dtmfEvents += event.toObject().value("kind").toString() == QLatin1String("dtmf");
        QCOMPARE(dtmfEvents, 2);
    }

    void dtmfToUnknownConnectionIsNotFound()
    {
        auto reply = await(m_api->playDtmfToConnection(
            m_session, QStringLiteral("0a1b2c3d-0000-4000-8000-000000000000"), "1"));
        QCOMPARE(reply->error().kind(), Kind::NotFound);
        QCOMPARE(reply->httpStatus(), 404);
    }

    void badDtmfSendsNothing_data()
    {
        QTest::addColumn<QString>("session");
        QTest::addColumn<QString>("connection");
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty") << ""
                               << ""
                               << ""
                               << "digits";
        QTest::newRow("letter") << ""
                                << ""
                                << "12a"
                                << "digits";
        QTest::newRow("space") << ""
                               << ""
                               << "1 2"
                               << "digits";
        QTest::newRow("capital P") << ""
                                   << ""
                                   << "1P2"
                                   << "digits";
        QTest::newRow("too long") << ""
                                  << "" << QString(kMaxDtmfDigits + 1, QLatin1Char('1'))
                                  << "digits";
        QTest::newRow("to one, letter") << ""
                                        << "conn"
                                        << "x"
                                        << "digits";
        QTest::newRow("bad connection") << ""
                                        << "a/b"
                                        << "1"
                                        << "connectionId";
        QTest::newRow("bad session") << "a&b"
                                     << ""
                                     << "1"
                                     << "sessionId";
    }
    void badDtmfSendsNothing()
    {
        QFETCH(QString, session);
        QFETCH(QString, connection);
        QFETCH(QString, digits);
        QFETCH(QString, field);
        if (session.isEmpty())
            session = m_session;
        auto reply =
            await(connection.isEmpty() ? m_api->playDtmf(session, digits)
                                       : m_api->playDtmfToConnection(session, connection, digits));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), field);
        QCOMPARE(server().requestCount(), 0);
    }

    void badDialOptionsSendNothing_data()
    {
        QTest::addColumn<SipDialOptions>("options");
        QTest::addColumn<QString>("field");
        const auto withUri = [](const QString &uri) {
            SipDialOptions o;
            o.uri = uri;
            return o;
        };
        QTest::newRow("no uri") << withUri({}) << "sip.uri";
        QTest::newRow("tel uri") << withUri("tel:+15551234567") << "sip.uri";
        QTest::newRow("http uri") << withUri("http://sip.example.com") << "sip.uri";
        QTest::newRow("no host") << withUri("sip:") << "sip.uri";
        QTest::newRow("empty user") << withUri("sip:@sip.example.com") << "sip.uri";
        QTest::newRow("space") << withUri("sip:alice@sip.example.com x") << "sip.uri";
        QTest::newRow("crlf in uri") << withUri("sip:alice@example.com\r\nVia: evil") << "sip.uri";
        QTest::newRow("too long") << withUri("sip:" + QString(kMaxSipUriLength, QLatin1Char('a'))
            + "@x.com") << "sip.uri";
        const QString ok = QStringLiteral("sip:alice@sip.example.com");
        SipDialOptions crlf = withUri(ok);
        crlf.headers = {{"X-Ref", "abc\r\nX-Injected: 1"}};
        QTest::newRow("header CRLF") << crlf << "sip.headers[0]";
        SipDialOptions lf = withUri(ok);
        lf.headers = {{"X-Ok", "fine"}, {"X-Ref", "abc\nX-Injected: 1"}};
        QTest::newRow("header LF") << lf << "sip.headers[1]";
        SipDialOptions name = withUri(ok);
        name.headers = {{"X-Bad Name", "v"}};
        QTest::newRow("header name") << name << "sip.headers[0]";
        SipDialOptions nameCrlf = withUri(ok);
        nameCrlf.headers = {{"X-A\r\nX-B", "v"}};
        QTest::newRow("header name CRLF") << nameCrlf << "sip.headers[0]";
        SipDialOptions twice = withUri(ok);
        twice.headers = {{"X-Ref", "a"}, {"x-ref", "b"}};
        QTest::newRow("header twice") << twice << "sip.headers[1]";
        SipDialOptions password = withUri(ok);
        password.password = Password;
        QTest::newRow("password without username") << password << "sip.auth.username";
        SipDialOptions from = withUri(ok);
        from.from = QStringLiteral("nobody");
        QTest::newRow("from without domain") << from << "sip.from";
        SipDialOptions stream = withUri(ok);
        stream.streams = {QStringLiteral("ok"), QStringLiteral("a/b")};
        QTest::newRow("bad stream") << stream << "sip.streams[1]";
        SipDialOptions session = withUri(ok);
        session.sessionId = QStringLiteral("not a session");
        QTest::newRow("bad session") << session << "sessionId";
        SipDialOptions token = withUri(ok);
        token.token = QStringLiteral("tok en");
        QTest::newRow("bad token") << token << "token";
    }
    void badDialOptionsSendNothing()
    {
        QFETCH(SipDialOptions, options);
        QFETCH(QString, field);
        if (options.sessionId.isEmpty())
            options.sessionId = m_session;
        QSignalSpy started(m_api.get(), &SipApi::sipCallStarted);
        auto reply = await(m_api->dial(options));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), field);
        QVERIFY(!reply->error().userMessage().contains(Password));
        QCOMPARE(server().requestCount(), 0);
        QCOMPARE(started.count(), 0);
        QVERIFY(m_fixture->log().entries().isEmpty());
    }

    void tokenNeedsProjectCredentials()
    {
        m_fixture->client().setProjectCredentials({});
        auto reply = await(m_api->dial(minimal(m_session)));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QCOMPARE(reply->error().field(), QStringLiteral("projectCredentials"));
        QCOMPARE(server().requestCount(), 0);
    }

    void secretsStayOutOfSignalsAndLog()
    {
        SipDialOptions options = minimal(m_session);
        options.uri = TlsUri;
        options.username = QStringLiteral("user");
        options.password = Password;
        options.headers = {{QStringLiteral("X-Ref"), QStringLiteral("abc")}};
        QSignalSpy started(m_api.get(), &SipApi::sipCallStarted);
        const SipCall call = dialled(options);
        QVERIFY(!call.id.isEmpty());
        const QString token = lastBody().value("token").toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(lastBody().value("sip").toObject().value("auth").toObject().value("password"),
            QJsonValue(Password)); // the service did get it

        QCOMPARE(started.count(), 1);
        for (const QVariant &argument : started.first()) {
            const QString text = argument.canConvert<SipCall>()
                ? QString::fromUtf8(QJsonDocument(argument.value<SipCall>().raw).toJson())
                    + argument.value<SipCall>().id + argument.value<SipCall>().connectionId
                    + argument.value<SipCall>().streamId
                : argument.toString();
            QVERIFY(!text.contains(Password));
            QVERIFY(!text.contains(token));
        }

        // a failed dial is logged too
        server().forceNextResponse("POST", QStringLiteral("*/dial"), 500, {});
        auto failed = await(m_api->dial(options));
        QCOMPARE(failed->error().kind(), Kind::Server);
        QVERIFY(!failed->error().userMessage().contains(Password));

        const auto entries = m_fixture->log().entries();
        QCOMPARE(entries.size(), 2);
        const QString log = logText();
        QVERIFY(!log.contains(Password));
        QVERIFY(!log.contains(token));
        QVERIFY(!log.contains(server().apiSecret()));
        QVERIFY(log.contains(QStringLiteral("sip.example.com"))); // the rest is still there
        QVERIFY(log.contains(QLatin1String(Redactor::Placeholder)));
        const QJsonObject logged = QJsonDocument::fromJson(entries.first().requestBody).object();
        QCOMPARE(logged.value("sip").toObject().value("auth").toObject().value("username"),
            QJsonValue(QStringLiteral("user")));
    }
};

QTEST_GUILESS_MAIN(TestSipApi)
#include "tst_api_sip.moc"
