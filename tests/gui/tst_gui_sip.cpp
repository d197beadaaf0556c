// SPDX-License-Identifier: GPL-3.0-or-later
// SIP panel: dial from the form, see the call, DTMF, hang up, validation, errors, no secret kept.
#include "GuiFixture.h"
#include "ProfileController.h"
#include "SandboxLauncher.h"
#include "api/Workspace.h"
#include "common/IdField.h"
#include "common/MessageBanner.h"
#include "models/SipCallModel.h"
#include "net/RequestLog.h"
#include "sip/SipPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace otadmin;

namespace {
const QString Password = QStringLiteral("Pw-7f3c9e1a-never-stored");
const QString Uri = QStringLiteral("sip:+15551234567@sip.example.com;transport=tls");
} // namespace

class TestGuiSip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("sipPanel")));
        m_panel = qobject_cast<SipPanel *>(m_fixture->window().panel(QStringLiteral("sipPanel")));
        QVERIFY(m_panel);
        m_dial = child<QPushButton>("sipDial");
        QVERIFY(m_dial);
    }
    void cleanup() { m_fixture.reset(); }

    void emptyFormNamesTheFirstField()
    {
        QVERIFY(!m_dial->isEnabled());
        QVERIFY(child<QLabel>("sipDialError")->text().startsWith(QStringLiteral("Session ID")));
        QVERIFY(child<QLabel>("emptyState")->isVisible());
        QVERIFY(child<QLineEdit>("sipPassword")->echoMode() == QLineEdit::Password);
    }

    void badUriKeepsDialDisabledAndNamesTheField()
    {
        const QString session = m_fixture->server().createSession(true);
        QTest::keyClicks(child<QLineEdit>("sipSessionId"), session);
        QTest::keyClicks(child<QLineEdit>("sipUri"), QStringLiteral("http://example.com"));
        auto *error = child<QLabel>("sipDialError");
        QVERIFY(error->text().startsWith(QStringLiteral("SIP URI")));
        QVERIFY(error->isVisible());
        QVERIFY(!m_dial->isEnabled());
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QCOMPARE(m_fixture->server().requestCount(), 0);

        child<QLineEdit>("sipUri")->setText(Uri);
        QVERIFY(m_dial->isEnabled());
        QVERIFY(!error->isVisible());

        // A password without a user name names the user field.
        QTest::keyClicks(child<QLineEdit>("sipPassword"), Password);
        QVERIFY(error->text().startsWith(QStringLiteral("Auth user")));
        QVERIFY(!m_dial->isEnabled());

        // A bad header names its row.
        child<QLineEdit>("sipUsername")->setText(QStringLiteral("alice"));
        QVERIFY(m_dial->isEnabled());
        addHeader(QStringLiteral("Bad Name"), QStringLiteral("x"));
        QVERIFY(error->text().startsWith(QStringLiteral("Header 1")));
        QVERIFY(!m_dial->isEnabled());
    }

    void dialsAndShowsTheCall()
    {
        QString connection;
        const QString session = routedSessionWithConnection(&connection);
        fillForm(session);
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);

        const SipCallRecord call = m_panel->model()->at(0);
        QCOMPARE(call.sessionId, session);
        QCOMPARE(call.uri, Uri);
        const auto &calls = m_fixture->server().state().sipCalls;
        QVERIFY(calls.contains(call.call.id));
        QCOMPARE(call.call.connectionId, calls.value(call.call.id).connectionId);
        QCOMPARE(call.call.streamId, calls.value(call.call.id).streamId);
        QVERIFY(call.call.connectionId != connection);

        // The new call is selected and its IDs sit in copyable fields.
        QTRY_COMPARE(child<IdField>("sipCallId")->value(), call.call.id);
        QCOMPARE(child<IdField>("sipConnectionId")->value(), call.call.connectionId);
        QCOMPARE(child<IdField>("sipStreamId")->value(), call.call.streamId);
        QVERIFY(child<QTableView>("sipCalls")->isVisible());
        QCOMPARE(m_panel->summary(), QStringLiteral("1 connected"));
        QCOMPARE(m_fixture->window().windowTitle().isEmpty(), false);

        // What went over the wire: headers, auth and the media flags.
        const QJsonObject body = lastBody("POST", QStringLiteral("/dial"));
        const QJsonObject sip = body.value(QStringLiteral("sip")).toObject();
        QCOMPARE(sip.value(QStringLiteral("uri")).toString(), Uri);
        QCOMPARE(sip.value(QStringLiteral("from")).toString(),
            QStringLiteral("15557654321@example.com"));
        QCOMPARE(sip.value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("X-Customer-Ref"))
                     .toString(),
            QStringLiteral("abc-42"));
        const QJsonObject auth = sip.value(QStringLiteral("auth")).toObject();
        QCOMPARE(auth.value(QStringLiteral("username")).toString(), QStringLiteral("alice"));
        QCOMPARE(auth.value(QStringLiteral("password")).toString(), Password);
        QCOMPARE(sip.value(QStringLiteral("secure")).toBool(), true);
        QCOMPARE(sip.value(QStringLiteral("video")).toBool(), false);
        QCOMPARE(sip.value(QStringLiteral("observeForceMute")).toBool(), true);
        QVERIFY(!body.value(QStringLiteral("token")).toString().isEmpty());

        // The password is in neither the settings file nor the request log; the options are.
        m_fixture->settings().sync();
        QFile file(m_fixture->settings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settings = file.readAll();
        QVERIFY(!settings.contains(Password.toUtf8()));
        QVERIFY(settings.contains("sipDial"));
        QVERIFY(settings.contains("sip.example.com"));
        const auto entries = m_fixture->context().workspace()->requestLog()->entries();
        QVERIFY(!entries.isEmpty());
        for (const RequestLogEntry &entry : entries) {
            QVERIFY(!entry.requestBody.contains(Password.toUtf8()));
            QVERIFY(!entry.toCurl().contains(Password));
        }
    }

    void tokenOptions()
    {
        // Custom connection data: the panel signs the token with it.
        const QString session = routedSessionWithConnection(nullptr);
        fillForm(session);
        child<QLineEdit>("sipConnectionData")->setText(QStringLiteral("operator-line-1"));
        QVERIFY(child<QLineEdit>("sipToken")->isHidden());
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);
        const QString token =
            lastBody("POST", QStringLiteral("/dial")).value(QStringLiteral("token")).toString();
        const QJsonObject claims = QJsonDocument::fromJson(
            QByteArray::fromBase64(
                token.section(QLatin1Char('.'), 1, 1).toLatin1(), QByteArray::Base64UrlEncoding))
                                       .object();
        QCOMPARE(claims.value(QStringLiteral("connection_data")).toString(),
            QStringLiteral("operator-line-1"));
        QCOMPARE(claims.value(QStringLiteral("session_id")).toString(), session);
        QCOMPARE(claims.value(QStringLiteral("role")).toString(), QStringLiteral("publisher"));

        // A pasted token is sent unchanged and is a secret too.
        auto *mode = child<QComboBox>("sipTokenMode");
        mode->setCurrentIndex(1);
        QVERIFY(!child<QLineEdit>("sipToken")->isHidden());
        QVERIFY(child<QLabel>("sipDialError")->text().startsWith(QStringLiteral("Client token")));
        QVERIFY(!m_dial->isEnabled());
        QCOMPARE(child<QLineEdit>("sipToken")->echoMode(), QLineEdit::Password);
        const QString pasted = QStringLiteral("T1==pasted-token-b7c1");
        QTest::keyClicks(child<QLineEdit>("sipToken"), pasted);
        QVERIFY(m_dial->isEnabled());
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 2, 5000);
        QCOMPARE(
            lastBody("POST", QStringLiteral("/dial")).value(QStringLiteral("token")).toString(),
            pasted);
        m_fixture->settings().sync();
        QFile file(m_fixture->settings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(pasted.toUtf8()));
    }

    void sendsDtmfToTheCallAndTheSession()
    {
        const QString session = routedSessionWithConnection(nullptr);
        fillForm(session);
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);
        const QString connection = m_panel->model()->at(0).call.connectionId;

        auto *digits = child<QLineEdit>("dtmfDigits");
        auto *send = child<QPushButton>("dtmfSend");
        QTest::keyClicks(digits, QStringLiteral("12a"));
        QVERIFY(child<QLabel>("dtmfError")->text().startsWith(QStringLiteral("Digits")));
        QVERIFY(!send->isEnabled());
        digits->setText(QStringLiteral("12#p3"));
        QTRY_VERIFY(child<QRadioButton>("dtmfToCall")->isChecked());
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        const QString toCall =
            QStringLiteral("/session/%1/connection/%2/play-dtmf").arg(session, connection);
        QTRY_VERIFY_WITH_TIMEOUT(!lastBody("POST", toCall).isEmpty(), 5000);
        QCOMPARE(lastBody("POST", toCall).value(QStringLiteral("digits")).toString(),
            QStringLiteral("12#p3"));

        child<QRadioButton>("dtmfToSession")->setChecked(true);
        digits->setText(QStringLiteral("*9"));
        QTRY_VERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        const QString toSession = QStringLiteral("/session/%1/play-dtmf").arg(session);
        QTRY_VERIFY_WITH_TIMEOUT(!lastBody("POST", toSession).isEmpty(), 5000);
        QCOMPARE(lastBody("POST", toSession).value(QStringLiteral("digits")).toString(),
            QStringLiteral("*9"));
        QTRY_COMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Positive);
        QVERIFY(m_panel->banner()->text().contains(QStringLiteral("*9")));
    }

    void hangUpAsksThenDisconnects()
    {
        const QString session = routedSessionWithConnection(nullptr);
        fillForm(session);
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);
        const QString connection = m_panel->model()->at(0).call.connectionId;
        QTRY_VERIFY(child<QPushButton>("sipHangUp")->isVisible());

        QTest::mouseClick(child<QPushButton>("sipHangUp"), Qt::LeftButton);
        auto *box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("Sandbox")));
        QVERIFY(box->text().contains(Uri));
        const int before = m_fixture->server().requestCount();
        box->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QCOMPARE(m_fixture->server().requestCount(), before);

        QTest::mouseClick(child<QPushButton>("sipHangUp"), Qt::LeftButton);
        QTRY_VERIFY(m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog")));
        m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))
            ->findChild<QPushButton *>(QStringLiteral("confirmButton"))
            ->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->model()->at(0).ended, 5000);
        QCOMPARE(m_panel->summary(), QString());
        const QJsonArray connections = m_fixture->server()
                                           .sessionState(session)
                                           .value(QStringLiteral("connections"))
                                           .toArray();
        QVERIFY(!QJsonDocument(connections).toJson().contains(connection.toUtf8()));
    }

    void serverErrorShowsBanner()
    {
        const QString session = routedSessionWithConnection(nullptr);
        fillForm(session);
        m_fixture->server().forceNextResponse("POST", QStringLiteral("*/dial"), 500, {});
        QTest::mouseClick(m_dial, Qt::LeftButton);
        auto *banner = m_panel->banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY(!banner->hasRetry()); // a dial is never sent again by itself
        QVERIFY(banner->text().contains(QStringLiteral("connections")));
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QTRY_VERIFY(m_dial->isEnabled());
    }

    void optionsAreRememberedPerProfileButNotThePassword()
    {
        const QString session = routedSessionWithConnection(nullptr);
        fillForm(session);
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);

        QVERIFY(m_fixture->activateAccount());
        QVERIFY(m_fixture->activateProject());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QCOMPARE(child<QLineEdit>("sipUri")->text(), Uri);
        QCOMPARE(child<QLineEdit>("sipUsername")->text(), QStringLiteral("alice"));
        QVERIFY(child<QCheckBox>("sipSecure")->isChecked());
        QVERIFY(child<QCheckBox>("sipObserveForceMute")->isChecked());
        QCOMPARE(child<QTableWidget>("sipHeaders")->rowCount(), 1);
        QVERIFY(child<QLineEdit>("sipPassword")->text().isEmpty());
        QVERIFY(child<QLineEdit>("sipSessionId")->text().isEmpty());
    }

    void dialForSessionPrefills()
    {
        m_panel->dialForSession(QStringLiteral("1_MX4xMjM0NTY3OH5-fg"));
        QCOMPARE(child<QLineEdit>("sipSessionId")->text(), QStringLiteral("1_MX4xMjM0NTY3OH5-fg"));
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OTADMIN_SCREENSHOT_DIR is not set");
        QVERIFY(QDir().mkpath(dir));
        m_fixture->window().resize(1280, 820);
        QVERIFY(
            m_fixture->window().grab().save(QDir(dir).filePath(QStringLiteral("sip-empty.png"))));
        const QString session = routedSessionWithConnection(nullptr);
        fillForm(session);
        QTest::mouseClick(m_dial, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->rowCount(), 1, 5000);
        child<QLineEdit>("dtmfDigits")->setText(QStringLiteral("1234#"));
        QVERIFY(m_fixture->window().grab().save(QDir(dir).filePath(QStringLiteral("sip.png"))));
    }

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_panel->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return found;
    }

    QString routedSessionWithConnection(QString *connectionId)
    {
        const QString session = m_fixture->server().createSession(true);
        const QString connection = m_fixture->server().addConnection(session);
        if (connectionId)
            *connectionId = connection;
        return session;
    }

    void addHeader(const QString &name, const QString &value)
    {
        auto *table = child<QTableWidget>("sipHeaders");
        child<QToolButton>("sipHeaderAdd")->click();
        const int row = table->rowCount() - 1;
        table->closePersistentEditor(table->item(row, 0));
        table->item(row, 0)->setText(name);
        table->item(row, 1)->setText(value);
    }

    void fillForm(const QString &session)
    {
        child<QLineEdit>("sipSessionId")->setText(session);
        child<QLineEdit>("sipUri")->setText(Uri);
        child<QLineEdit>("sipFrom")->setText(QStringLiteral("15557654321@example.com"));
        addHeader(QStringLiteral("X-Customer-Ref"), QStringLiteral("abc-42"));
        child<QLineEdit>("sipUsername")->setText(QStringLiteral("alice"));
        QTest::keyClicks(child<QLineEdit>("sipPassword"), Password);
        child<QCheckBox>("sipSecure")->setChecked(true);
        child<QCheckBox>("sipObserveForceMute")->setChecked(true);
        QVERIFY(m_dial->isEnabled());
    }

    /// The body of the latest journal entry with this method whose path ends with `suffix`.
    QJsonObject lastBody(const QByteArray &method, const QString &suffix) const
    {
        const auto journal = m_fixture->server().journal();
        for (auto it = journal.crbegin(); it != journal.crend(); ++it) {
            if (it->method == method && it->path.endsWith(suffix) && it->status < 300)
                return QJsonDocument::fromJson(it->body).object();
        }
        return {};
    }

    std::unique_ptr<test::GuiFixture> m_fixture;
    SipPanel *m_panel = nullptr;
    QPushButton *m_dial = nullptr;
};

QTEST_MAIN(TestGuiSip)
#include "tst_gui_sip.moc"
