// SPDX-License-Identifier: GPL-3.0-or-later
// Sessions panel against the sandbox: history on disk, streams, signals, moderation, tokens.
#include "AppContext.h"
#include "GuiFixture.h"
#include "api/SessionsApi.h"
#include "api/Workspace.h"
#include "auth/Clock.h"
#include "auth/TokenInspector.h"
#include "common/MessageBanner.h"
#include "common/SecureClipboard.h"
#include "models/SessionHistoryModel.h"
#include "sessions/SessionsPanel.h"
#include "sessions/TokenInspectionView.h"
#include "types/Session.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace otadmin;

class TestGuiSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("sessionsPanel")));
        m_panel = m_fixture->find<SessionsPanel>(QStringLiteral("sessionsPanel"));
        QVERIFY(m_panel);
    }

    void cleanup()
    {
        if (m_panel)
            QFile::remove(m_panel->history()->filePath());
        m_panel = nullptr;
        m_fixture.reset();
    }

    void createSessionKeepsItOnDisk()
    {
        QVERIFY(m_panel->findChild<QWidget *>(QStringLiteral("emptyState"))->isVisible());
        // The table comes with the first session; the empty state needs none.
        QVERIFY(!m_panel->findChild<QTableView *>(QStringLiteral("sessionTable")));
        auto *create = m_fixture->find<QPushButton>(QStringLiteral("createSessionButton"));
        QVERIFY(create);
        create->click();
        QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("createSessionDialog"));
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("sessionLabelEdit"))
            ->setText(QStringLiteral("Town hall"));
        auto *archiveMode = dialog->findChild<QComboBox *>(QStringLiteral("archiveModeCombo"));
        archiveMode->setCurrentIndex(archiveMode->findData(int(ArchiveMode::Always)));
        dialog->findChild<QLineEdit *>(QStringLiteral("archiveNameEdit"))
            ->setText(QStringLiteral("Weekly"));
        auto *resolution = dialog->findChild<QComboBox *>(QStringLiteral("archiveResolutionCombo"));
        resolution->setCurrentIndex(resolution->findData(QStringLiteral("1280x720")));
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("createButton"));
        QVERIFY(ok->isEnabled());
        ok->click();

        SessionHistoryModel *history = m_panel->history();
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 5000);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        const SessionHistoryEntry entry = history->at(0);
        QCOMPARE(entry.label, QStringLiteral("Town hall"));
        QCOMPARE(entry.archiveMode, ArchiveMode::Always);
        QCOMPARE(entry.archiveResolution, QStringLiteral("1280x720"));
        const auto post = lastRequest("POST", QStringLiteral("/session/create"));
        QVERIFY(post.body.contains("archiveMode=always"));
        QVERIFY(post.body.contains("archiveName=Weekly"));

        // Shown, selected and on disk (without any secret).
        auto *table = m_fixture->find<QTableView>(QStringLiteral("sessionTable"));
        QVERIFY(table->isVisible());
        QCOMPARE(table->currentIndex().data(ModelRole::Id).toString(), entry.sessionId);
        QVERIFY(m_fixture->find<QWidget>(QStringLiteral("sessionDetail"))->isVisible());
        QByteArray onDisk = readFile(history->filePath());
        QVERIFY(onDisk.contains(entry.sessionId.toUtf8()));
        QVERIFY(onDisk.contains("Town hall"));
        QVERIFY(!onDisk.contains(m_fixture->server().apiSecret().toUtf8()));

        // Rename through the table's editor.
        const QModelIndex label = table->currentIndex().siblingAtColumn(0);
        table->edit(label);
        auto *editor = table->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->setText(QStringLiteral("Board meeting"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(history->at(0).label, QStringLiteral("Board meeting"));
        QVERIFY(readFile(history->filePath()).contains("Board meeting"));
        QCOMPARE(m_fixture->find<QLabel>(QStringLiteral("sessionTitle"))->text(),
            QStringLiteral("Board meeting"));

        // The options are remembered for this profile.
        create->click();
        dialog = visible<QDialog>(QStringLiteral("createSessionDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("archiveModeCombo"))->currentData(),
            QVariant(int(ArchiveMode::Always)));
        dialog->reject();

        // Ctrl+C copies the full ID; Delete asks before forgetting (Cancel keeps it).
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), entry.sessionId);
        QTest::keyClick(table, Qt::Key_Delete);
        QPointer<QMessageBox> confirm = visible<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        confirm->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QTRY_VERIFY(!confirm);
        QCOMPARE(history->rowCount(), 1);

        // Removing forgets it locally, after confirmation.
        m_fixture->find<QPushButton>(QStringLiteral("removeHistoryButton"))->click();
        confirm = visible<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(QStringLiteral("Sandbox")));
        QVERIFY(confirm->informativeText().contains(QStringLiteral("cannot be deleted")));
        const int requests = m_fixture->server().requestCount();
        confirm->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QCOMPARE(history->rowCount(), 0);
        QVERIFY(!readFile(history->filePath()).contains(entry.sessionId.toUtf8()));
        QCOMPARE(m_fixture->server().requestCount(), requests);
        QVERIFY(m_panel->findChild<QWidget *>(QStringLiteral("emptyState"))->isVisible());
    }

    void historyOnDiskIsShownAtOnce()
    {
        // A profile with sessions on disk: its panel shows the table (not the empty state)
        // from the start.
        SessionHistoryModel *history = m_panel->history();
        m_fixture->context().workspace()->sessions()->create(SessionOptions {});
        QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 5000);
        SessionsPanel fresh(m_fixture->context());
        fresh.followActiveProfile();
        fresh.resize(900, 600);
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        auto *table = fresh.findChild<QTableView *>(QStringLiteral("sessionTable"));
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(
            table->model()->index(0, 0).data(ModelRole::Id).toString(), history->at(0).sessionId);
        QVERIFY(!fresh.findChild<QWidget *>(QStringLiteral("emptyState"))->isVisible());
    }

    void createFormNamesTheField()
    {
        m_fixture->find<QPushButton>(QStringLiteral("createSessionButton"))->click();
        QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("createSessionDialog"));
        QVERIFY(dialog);
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("createButton"));
        auto *problem = dialog->findChild<QLabel *>(QStringLiteral("validationLabel"));
        auto *media = dialog->findChild<QComboBox *>(QStringLiteral("mediaModeCombo"));
        media->setCurrentIndex(media->findData(int(MediaMode::Relayed)));
        dialog->findChild<QCheckBox *>(QStringLiteral("e2eeCheck"))->setChecked(true);
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->text().startsWith(QStringLiteral("End-to-end encryption:")));
        dialog->findChild<QCheckBox *>(QStringLiteral("e2eeCheck"))->setChecked(false);
        QVERIFY(ok->isEnabled());
        dialog->findChild<QLineEdit *>(QStringLiteral("locationEdit"))
            ->setText(QStringLiteral("10.1"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(problem->text().startsWith(QStringLiteral("Location hint:")));
        dialog->reject();
    }

    void streamsSignalsAndErrors()
    {
        const QString session = createSession(QStringLiteral("Live"));
        QVERIFY(!session.isEmpty());
        const QString connection = m_fixture->server().addConnection(session);
        const QString stream = m_fixture->server().addStream(
            session, connection, QStringLiteral("camera"), QStringLiteral("Alice"));
        QVERIFY(!stream.isEmpty());

        auto *streams = m_fixture->find<QTableView>(QStringLiteral("streamTable"));
        m_fixture->find<QPushButton>(QStringLiteral("refreshButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(streams->model()->rowCount(), 1, 5000);
        QCOMPARE(streams->model()->index(0, 0).data(ModelRole::Id).toString(), stream);
        QCOMPARE(streams->model()->index(0, 1).data().toString(), QStringLiteral("Alice"));
        auto *connections = m_fixture->find<QTableView>(QStringLiteral("connectionTable"));
        QTRY_COMPARE(connections->model()->rowCount(), 1);

        // Signal to everyone: the body as typed.
        m_fixture->find<QPushButton>(QStringLiteral("sendSignalButton"))->click();
        QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("signalDialog"));
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("signalTypeEdit"))
            ->setText(QStringLiteral("chat"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("signalDataEdit"))
            ->setPlainText(QStringLiteral("hello"));
        dialog->findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        const auto signal = lastRequest("POST", session + QStringLiteral("/signal"));
        QCOMPARE(signal.status, 204);
        QCOMPARE(QJsonDocument::fromJson(signal.body).object(),
            QJsonObject({{QStringLiteral("type"), QStringLiteral("chat")},
                {QStringLiteral("data"), QStringLiteral("hello")}}));
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Positive);

        // Data over 8192 bytes: Send disabled, the field named.
        m_fixture->find<QPushButton>(QStringLiteral("sendSignalButton"))->click();
        dialog = visible<QDialog>(QStringLiteral("signalDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("signalTypeEdit"))->text(),
            QStringLiteral("chat")); // remembered
        auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendButton"));
        auto *data = dialog->findChild<QPlainTextEdit *>(QStringLiteral("signalDataEdit"));
        data->setPlainText(QString(8193, QLatin1Char('x')));
        QVERIFY(!send->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("validationLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Data:")));
        data->setPlainText(QStringLiteral("to one"));

        // To a connection that does not exist: the 404 shows in the dialog's banner.
        dialog->findChild<QRadioButton *>(QStringLiteral("signalToOneRadio"))->setChecked(true);
        dialog->findChild<QComboBox *>(QStringLiteral("signalConnectionCombo"))
            ->setCurrentText(QStringLiteral("no-such-connection"));
        QVERIFY(send->isEnabled());
        send->click();
        auto *dialogBanner = dialog->findChild<MessageBanner *>(QStringLiteral("dialogBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(dialogBanner->isVisible(), 5000);
        QCOMPARE(dialogBanner->kind(), MessageBanner::Kind::Error);
        QVERIFY(!dialogBanner->hasRetry()); // a signal is never sent twice by the app
        QCOMPARE(
            lastRequest("POST", QStringLiteral("/connection/no-such-connection/signal")).status,
            404);
        QVERIFY(dialog->isVisible());
        dialog->reject();

        // A server error on the streams list shows in the panel's banner with Retry.
        m_fixture->server().forceNextResponse("GET", QStringLiteral("*/stream"), 500, {});
        m_fixture->find<QPushButton>(QStringLiteral("refreshButton"))->click();
        MessageBanner *banner = m_panel->banner();
        QTRY_VERIFY_WITH_TIMEOUT(
            banner->isVisible() && banner->kind() == MessageBanner::Kind::Error, 5000);
        QVERIFY(banner->hasRetry());
        banner->findChild<QPushButton *>()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 5000);
        QCOMPARE(streams->model()->rowCount(), 1);
    }

    void disconnectAndMuteConfirmFirst()
    {
        const QString session = createSession(QStringLiteral("Moderated"));
        const QString connection = m_fixture->server().addConnection(session);
        const QString first = m_fixture->server().addStream(
            session, connection, QStringLiteral("camera"), QStringLiteral("Alice"));
        const QString second = m_fixture->server().addStream(
            session, connection, QStringLiteral("screen"), QStringLiteral("Slides"));
        m_panel->refresh();
        auto *streams = m_fixture->find<QTableView>(QStringLiteral("streamTable"));
        auto *connections = m_fixture->find<QTableView>(QStringLiteral("connectionTable"));
        QTRY_COMPARE_WITH_TIMEOUT(streams->model()->rowCount(), 2, 5000);
        QTRY_COMPARE(connections->model()->rowCount(), 1);

        // Mute one stream: confirmation names the stream and the profile.
        streams->selectRow(rowOf(streams, first));
        m_fixture->find<QPushButton>(QStringLiteral("muteStreamButton"))->click();
        QPointer<QMessageBox> confirm = visible<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(QStringLiteral("Alice")));
        QVERIFY(confirm->text().contains(QStringLiteral("Sandbox")));
        confirm->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            lastRequest("POST", first + QStringLiteral("/mute")).status, 200, 5000);

        // Mute all, sparing the screen share.
        m_fixture->find<QPushButton>(QStringLiteral("muteAllButton"))->click();
        QPointer<QDialog> muteAll = visible<QDialog>(QStringLiteral("muteAllDialog"));
        QVERIFY(muteAll);
        auto *keep = muteAll->findChild<QListWidget *>(QStringLiteral("muteExcludeList"));
        QCOMPARE(keep->count(), 2);
        for (int row = 0; row < keep->count(); ++row) {
            if (keep->item(row)->data(Qt::UserRole).toString() == second)
                keep->item(row)->setCheckState(Qt::Checked);
        }
        muteAll->findChild<QPushButton *>(QStringLiteral("muteAllConfirmButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!muteAll || !muteAll->isVisible(), 5000);
        auto mute = lastRequest("POST", session + QStringLiteral("/mute"));
        QCOMPARE(QJsonDocument::fromJson(mute.body).object(),
            QJsonObject({{QStringLiteral("active"), true},
                {QStringLiteral("excludedStreamIds"), QJsonArray {second}}}));

        // Stop muting new streams: not destructive, sent at once.
        m_fixture->server().clearJournal();
        m_fixture->find<QPushButton>(QStringLiteral("stopMuteOnJoinButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            lastRequest("POST", session + QStringLiteral("/mute")).status, 200, 5000);
        mute = lastRequest("POST", session + QStringLiteral("/mute"));
        QCOMPARE(QJsonDocument::fromJson(mute.body).object(),
            QJsonObject({{QStringLiteral("active"), false}}));

        // Layout classes of the selected stream.
        streams->selectRow(rowOf(streams, first));
        m_fixture->find<QPushButton>(QStringLiteral("layoutClassesButton"))->click();
        auto *classes = visible<QDialog>(QStringLiteral("streamClassesDialog"));
        QVERIFY(classes);
        classes->findChild<QLineEdit *>(QStringLiteral("layoutClassesEdit"))
            ->setText(QStringLiteral("focus big"));
        classes->findChild<QPushButton *>(QStringLiteral("applyButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            streams->model()->index(rowOf(streams, first), 3).data().toString(),
            QStringLiteral("focus big"), 5000);

        // Disconnect: Cancel sends nothing, Disconnect sends the DELETE.
        m_fixture->find<QTabWidget>(QStringLiteral("detailTabs"))->setCurrentIndex(1);
        connections->selectRow(0);
        auto *disconnect = m_fixture->find<QPushButton>(QStringLiteral("disconnectButton"));
        QVERIFY(disconnect->isEnabled());
        m_fixture->server().clearJournal();
        QTest::keyClick(connections, Qt::Key_Delete); // the row's Delete is Disconnect
        confirm = visible<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(QStringLiteral("Moderated")));
        confirm->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QCOMPARE(m_panel->busyCount(), 0); // no call was started
        QCOMPARE(lastRequest("DELETE", connection).status, 0);
        QCOMPARE(connections->model()->rowCount(), 1);

        disconnect->click();
        confirm = visible<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        confirm->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(lastRequest("DELETE", connection).status, 204, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(connections->model()->rowCount(), 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(streams->model()->rowCount(), 0, 5000);
    }

    void tokensVerifyWithTheSandboxSecret()
    {
        const QString session = createSession(QStringLiteral("Tokens"));
        m_fixture->find<QPushButton>(QStringLiteral("generateTokenButton"))->click();
        QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("tokenDialog"));
        QVERIFY(dialog);
        auto *generate = dialog->findChild<QPushButton *>(QStringLiteral("generateButton"));
        auto *token = dialog->findChild<QPlainTextEdit *>(QStringLiteral("tokenEdit"));
        auto *role = dialog->findChild<QComboBox *>(QStringLiteral("roleCombo"));
        role->setCurrentIndex(role->findData(int(TokenRole::Moderator)));
        auto *expiry = dialog->findChild<QComboBox *>(QStringLiteral("expiryCombo"));
        expiry->setCurrentIndex(3); // 30 days, the maximum
        dialog->findChild<QLineEdit *>(QStringLiteral("initialLayoutClassesEdit"))
            ->setText(QStringLiteral("focus"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("connectionDataEdit"))
            ->setPlainText(QStringLiteral("name=Alice"));
        QVERIFY(generate->isEnabled());
        generate->click();
        const QByteArray secret = m_fixture->server().apiSecret().toUtf8();
        TokenInspection jwt = inspectToken(token->toPlainText(), secret, SystemClock::shared());
        QCOMPARE(jwt.format, TokenFormat::Jwt);
        QCOMPARE(jwt.verdict, TokenInspection::Verdict::Valid);
        QCOMPARE(jwt.signature, TokenInspection::Signature::Valid);
        QCOMPARE(jwt.sessionId, session);
        QCOMPARE(jwt.role, QStringLiteral("moderator"));
        QCOMPARE(jwt.connectionData, QStringLiteral("name=Alice"));
        QCOMPARE(jwt.layoutClasses, QStringList {QStringLiteral("focus")});
        QVERIFY(*jwt.expireTime > SystemClock::shared().nowSecs() + 29 * 86400);
        auto *view = dialog->findChild<TokenInspectionView *>(QStringLiteral("tokenInspection"));
        QCOMPARE(view->verdict(), QStringLiteral("valid"));
        QVERIFY(
            dialog->findChild<QTableWidget *>(QStringLiteral("tokenFieldsTable"))->rowCount() > 5);

        // Legacy T1.
        dialog->findChild<QRadioButton *>(QStringLiteral("formatT1Radio"))->setChecked(true);
        generate->click();
        QVERIFY(token->toPlainText().startsWith(QStringLiteral("T1==")));
        const TokenInspection t1 =
            inspectToken(token->toPlainText(), secret, SystemClock::shared());
        QCOMPARE(t1.format, TokenFormat::T1);
        QCOMPARE(t1.verdict, TokenInspection::Verdict::Valid);
        QCOMPARE(t1.signature, TokenInspection::Signature::Valid);
        QCOMPARE(t1.sessionId, session);

        // Copy goes through the secure clipboard (cleared later).
        dialog->findChild<QPushButton *>(QStringLiteral("copyTokenButton"))->click();
        QVERIFY(m_fixture->context().clipboard()->isPending());

        // Too much connection data: the field is named, Generate disabled.
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("connectionDataEdit"))
            ->setPlainText(QString(1001, QLatin1Char('d')));
        QVERIFY(!generate->isEnabled());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("validationLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Connection data:")));
        dialog->reject();
        m_fixture->context().clipboard()->clearNow();
    }

    void actionsAskForOtherPanels()
    {
        const QString session = createSession(QString());
        QSignalSpy spy(m_panel, &SessionsPanel::sessionActionRequested);
        QSignalSpy panels(m_panel, &Panel::panelRequested);
        m_fixture->find<QPushButton>(QStringLiteral("startArchiveButton"))->click();
        m_fixture->find<QPushButton>(QStringLiteral("dialSipButton"))->click();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("archivesPanel"));
        QCOMPARE(spy.at(0).at(1).toString(), session);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("sipPanel"));
        QCOMPARE(panels.count(), 2);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OTADMIN_SCREENSHOT_DIR is not set");
        m_fixture->window().resize(1280, 860);
        QTest::qWait(50);
        QVERIFY(m_fixture->window().grab().save(
            QDir(dir).filePath(QStringLiteral("sessions-empty.png"))));
        createSession(QStringLiteral("Product launch"));
        const QString session = createSession(QStringLiteral("Town hall"));
        const QString alice = m_fixture->server().addConnection(session);
        const QString bob = m_fixture->server().addConnection(session);
        m_fixture->server().addStream(
            session, alice, QStringLiteral("camera"), QStringLiteral("Alice"));
        m_fixture->server().addStream(
            session, alice, QStringLiteral("screen"), QStringLiteral("Slides"));
        m_fixture->server().addStream(
            session, bob, QStringLiteral("camera"), QStringLiteral("Bob"));
        m_panel->refresh();
        auto *streams = m_fixture->find<QTableView>(QStringLiteral("streamTable"));
        QTRY_COMPARE_WITH_TIMEOUT(streams->model()->rowCount(), 3, 5000);
        streams->selectRow(0);
        QVERIFY(m_fixture->window().grab().save(dir + QStringLiteral("/sessions.png")));

        m_fixture->find<QPushButton>(QStringLiteral("generateTokenButton"))->click();
        QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("tokenDialog"));
        QVERIFY(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("generateButton"))->click();
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/sessions-token.png")));
        dialog->reject();

        m_fixture->find<QPushButton>(QStringLiteral("createSessionButton"))->click();
        dialog = visible<QDialog>(QStringLiteral("createSessionDialog"));
        QVERIFY(dialog);
        auto *media = dialog->findChild<QComboBox *>(QStringLiteral("mediaModeCombo"));
        media->setCurrentIndex(media->findData(int(MediaMode::Relayed)));
        dialog->findChild<QCheckBox *>(QStringLiteral("e2eeCheck"))->setChecked(true);
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/sessions-create.png")));
        dialog->reject();

        m_fixture->find<QPushButton>(QStringLiteral("sendSignalButton"))->click();
        dialog = visible<QDialog>(QStringLiteral("signalDialog"));
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("signalTypeEdit"))
            ->setText(QStringLiteral("chat"));
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/sessions-signal.png")));
        dialog->reject();
    }

private:
    template<typename T>
    T *visible(const QString &name) const
    {
        T *found = nullptr;
        (void)QTest::qWaitFor([&] {
            for (T *candidate : m_fixture->window().findChildren<T *>(name)) {
                if (candidate->isVisible())
                    found = candidate;
            }
            return found != nullptr;
        });
        return found;
    }

    // Creates a session through the dialog and returns its ID ("" on failure).
    QString createSession(const QString &label)
    {
        const int before = m_panel->history()->rowCount();
        m_fixture->find<QPushButton>(QStringLiteral("createSessionButton"))->click();
        QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("createSessionDialog"));
        if (!dialog)
            return {};
        dialog->findChild<QLineEdit *>(QStringLiteral("sessionLabelEdit"))->setText(label);
        auto *archiveMode = dialog->findChild<QComboBox *>(QStringLiteral("archiveModeCombo"));
        archiveMode->setCurrentIndex(archiveMode->findData(int(ArchiveMode::Manual)));
        dialog->findChild<QPushButton *>(QStringLiteral("createButton"))->click();
        if (!QTest::qWaitFor([&] { return m_panel->history()->rowCount() > before; }, 5000))
            return {};
        if (!QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, 5000))
            return {};
        auto *table = m_fixture->find<QTableView>(QStringLiteral("sessionTable"));
        return table->currentIndex().data(ModelRole::Id).toString();
    }

    // The last journal entry with this method whose path ends with or contains `path`;
    // status 0 when there is none.
    sandbox::JournalEntry lastRequest(const QByteArray &method, const QString &path) const
    {
        const QList<sandbox::JournalEntry> journal = m_fixture->server().journal();
        for (auto it = journal.crbegin(); it != journal.crend(); ++it) {
            if (it->method == method && it->path.contains(path))
                return *it;
        }
        return sandbox::JournalEntry {{}, {}, {}, {}, {}, 0};
    }

    static int rowOf(QTableView *table, const QString &id)
    {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(ModelRole::Id).toString() == id)
                return row;
        }
        return -1;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<test::GuiFixture> m_fixture;
    SessionsPanel *m_panel = nullptr;
};

QTEST_MAIN(TestGuiSessions)
#include "tst_gui_sessions.moc"
