// SPDX-License-Identifier: GPL-3.0-or-later
// Broadcasts panel against the sandbox: start, live targets, stop, layout, validation, export.
#include "GuiFixture.h"
#include "api/BroadcastsApi.h"
#include "api/Workspace.h"
#include "broadcasts/BroadcastFeed.h"
#include "broadcasts/BroadcastsPanel.h"
#include "broadcasts/RtmpTargetsEditor.h"
#include "broadcasts/StartBroadcastDialog.h"
#include "common/MessageBanner.h"
#include "common/Notifier.h"
#include "models/BroadcastListModel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace otadmin;

namespace {
constexpr int Timeout = 10000;
const QString StreamKey = QStringLiteral("yt-secret-key-0001");
} // namespace

class TestGuiBroadcasts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::GuiFixture> m_fixture;
    sandbox::SandboxServer &server() { return m_fixture->server(); }
    BroadcastsPanel *panel()
    {
        return qobject_cast<BroadcastsPanel *>(
            m_fixture->window().panel(QStringLiteral("broadcastsPanel")));
    }
    BroadcastListModel *model() { return panel()->model(); }
    template<typename T>
    T *find(const QString &name)
    {
        return m_fixture->find<T>(name);
    }

    QString routedSession()
    {
        const QString session = server().createSession(true);
        server().addConnection(session);
        return session;
    }

    /// Journal entries with this method whose path ends with `suffix`.
    QList<sandbox::JournalEntry> requests(const QByteArray &method, const QString &suffix)
    {
        QList<sandbox::JournalEntry> found;
        for (const sandbox::JournalEntry &e : server().journal()) {
            if (e.method == method && e.path.endsWith(suffix))
                found << e;
        }
        return found;
    }

    /// Starts through the app's own BroadcastsApi (the panel sees it via broadcastChanged).
    QString startViaApi(const QString &session, int rtmpTargets = 0, int maxDuration = 0)
    {
        BroadcastOptions options;
        options.sessionId = session;
        options.hls = HlsOptions {};
        for (int i = 0; i < rtmpTargets; ++i)
            options.rtmp << RtmpTarget {QStringLiteral("t%1").arg(i),
                QStringLiteral("rtmp://live.example/app"), StreamKey, {}};
        if (maxDuration > 0)
            options.maxDuration = maxDuration;
        auto id = std::make_shared<QString>();
        ApiReply *reply = m_fixture->context().workspace()->broadcasts()->start(options);
        connect(reply, &ApiReply::finished, this,
            [reply, id] { *id = reply->resultAs<Broadcast>().id; });
        if (!QTest::qWaitFor([id] { return !id->isEmpty(); }, Timeout))
            return {};
        return *id;
    }

    StartBroadcastDialog *openStartDialog(const QString &session)
    {
        panel()->startBroadcastForSession(session);
        return find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog"));
    }

    void fillTarget(int row, const QString &id, const QString &url, const QString &key)
    {
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("rtmpId%1").arg(row)), id);
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("rtmpUrl%1").arg(row)), url);
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("rtmpStream%1").arg(row)), key);
    }

    bool allTargetsLive(const QString &id)
    {
        const auto b = model()->find(id);
        if (!b || b->rtmp.isEmpty())
            return false;
        return std::all_of(b->rtmp.cbegin(), b->rtmp.cend(),
            [](const RtmpTarget &t) { return t.state() == RtmpStatus::Live; });
    }

    bool notified(const QString &title)
    {
        const QStringList history = m_fixture->context().notifier()->history();
        return std::any_of(history.cbegin(), history.cend(),
            [&](const QString &line) { return line.startsWith(title + QStringLiteral(":")); });
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("broadcastsPanel")));
        // The activation's first load has answered (so no later request races a test's own).
        QTRY_VERIFY_WITH_TIMEOUT(!requests("GET", QStringLiteral("/broadcast")).isEmpty()
                && !panel()->feed()->isLoading(),
            Timeout);
    }
    void cleanup() { m_fixture.reset(); }

    void emptyStateOffersStart()
    {
        auto *empty = panel()->findChild<QWidget *>(QStringLiteral("emptyState"));
        QVERIFY(empty && empty->isVisible());
        QTest::mouseClick(
            panel()->findChild<QPushButton *>(QStringLiteral("emptyStartButton")), Qt::LeftButton);
        auto *dialog = find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!find<QPushButton>(QStringLiteral("startButton"))->isEnabled());
    }

    void startLiveTargetsThenStopWithConfirmation()
    {
        const QString session = routedSession();
        StartBroadcastDialog *dialog = openStartDialog(session);
        QVERIFY(dialog);
        QCOMPARE(find<QLineEdit>(QStringLiteral("sessionIdEdit"))->text(), session);
        QVERIFY(find<QGroupBox>(QStringLiteral("hlsGroup"))->isChecked());
        auto *add = find<QPushButton>(QStringLiteral("addRtmpButton"));
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(add, Qt::LeftButton);
        fillTarget(
            0, QStringLiteral("yt"), QStringLiteral("rtmps://a.rtmp.youtube.com/live2"), StreamKey);
        fillTarget(1, QStringLiteral("tw"), QStringLiteral("rtmp://live.twitch.tv/app"),
            QStringLiteral("tw-secret-key-0002"));
        auto *start = find<QPushButton>(QStringLiteral("startButton"));
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 1, Timeout);
        const QString id = model()->at(0).id;
        QTRY_VERIFY_WITH_TIMEOUT(
            !find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog")), Timeout);
        const auto posts = requests("POST", QStringLiteral("/broadcast"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject outputs = QJsonDocument::fromJson(posts.first().body)
                                        .object()[QStringLiteral("outputs")]
                                        .toObject();
        QVERIFY(outputs.contains(QStringLiteral("hls")));
        QCOMPARE(outputs[QStringLiteral("rtmp")].toArray().size(), 2);
        QCOMPARE(panel()->selectedId(), id);

        // Targets go from connecting to live by polling alone; the sidebar says "1 live".
        QTRY_VERIFY_WITH_TIMEOUT(allTargetsLive(id), Timeout);
        QCOMPARE(panel()->summary(), QStringLiteral("1 live"));
        auto *targets = find<QTableWidget>(QStringLiteral("rtmpTable"));
        QTRY_COMPARE_WITH_TIMEOUT(targets->item(0, 3)->text(), QStringLiteral("live"), Timeout);
        QCOMPARE(targets->rowCount(), 2);
        QCOMPARE(targets->item(0, 2)->text(), QStringLiteral("\u2022\u2022\u2022\u20220001"));
        QCOMPARE(model()->index(0, BroadcastListModel::TargetsColumn).data().toString(),
            QStringLiteral("HLS \u00b7 2 RTMP: 2 live"));

        // Remembered for the profile: the URLs, never the stream keys.
        m_fixture->settings().sync();
        const QString saved = m_fixture->settings()
                                  .value(QStringLiteral("forms/Sandbox/startBroadcast/rtmpTargets"))
                                  .toString();
        QVERIFY(saved.contains(QStringLiteral("rtmps://a.rtmp.youtube.com/live2")));
        QFile ini(m_fixture->settings().fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray all = ini.readAll();
        QVERIFY(!all.contains("secret-key"));

        // Ctrl+C on the row copies the full ID.
        auto *table = find<QTableView>(QStringLiteral("broadcastsTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), id);

        // Cancel first: nothing is sent.
        find<QAction>(QStringLiteral("stopBroadcastAction"))->trigger();
        auto *confirm = find<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(QStringLiteral("in Sandbox?")));
        QVERIFY(confirm->text().contains(id.left(8)));
        QTest::mouseClick(
            confirm->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY(!find<QMessageBox>(QStringLiteral("confirmDialog")));
        const int listsBefore = int(requests("GET", QStringLiteral("/broadcast")).size());
        panel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            requests("GET", QStringLiteral("/broadcast")).size() > listsBefore, Timeout);
        QVERIFY(requests("POST", QStringLiteral("/stop")).isEmpty());
        QCOMPARE(model()->at(0).status, BroadcastStatus::Started);

        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete); // Delete stops, after the same confirmation
        confirm = find<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QTest::mouseClick(
            confirm->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(model()->find(id)->status, BroadcastStatus::Stopped, Timeout);
        QCOMPARE(requests("POST", QStringLiteral("/broadcast/%1/stop").arg(id)).size(), 1);
        QCOMPARE(panel()->summary(), QString());
        QVERIFY(!notified(QStringLiteral("Broadcast stopped"))); // we stopped it ourselves
        QVERIFY(!find<QAction>(QStringLiteral("stopBroadcastAction"))->isEnabled());
    }

    void changeLayoutSendsPut()
    {
        const QString id = startViaApi(routedSession());
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY(model()->contains(id));
        panel()->selectBroadcast(id);
        find<QAction>(QStringLiteral("changeLayoutAction"))->trigger();
        auto *dialog = find<QDialog>(QStringLiteral("changeLayoutDialog"));
        QVERIFY(dialog);
        auto *type = dialog->findChild<QComboBox *>(QStringLiteral("layoutType"));
        type->setCurrentIndex(type->findData(QStringLiteral("pip")));
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("applyLayoutButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!find<QDialog>(QStringLiteral("changeLayoutDialog")), Timeout);
        const auto puts = requests("PUT", QStringLiteral("/broadcast/%1/layout").arg(id));
        QCOMPARE(puts.size(), 1);
        QCOMPARE(
            QJsonDocument::fromJson(puts.first().body).object()[QStringLiteral("type")].toString(),
            QStringLiteral("pip"));
        QVERIFY(
            find<QLabel>(QStringLiteral("detailLayout"))->text().contains(QStringLiteral("pip")));
    }

    void validationKeepsStartDisabledAndNamesTheField()
    {
        StartBroadcastDialog *dialog = openStartDialog(routedSession());
        QVERIFY(dialog);
        auto *start = find<QPushButton>(QStringLiteral("startButton"));
        auto *label = find<QLabel>(QStringLiteral("validationLabel"));
        QVERIFY(start->isEnabled()); // HLS alone is a valid broadcast
        auto *add = find<QPushButton>(QStringLiteral("addRtmpButton"));
        for (int i = 0; i < kMaxRtmpTargets + 1; ++i) {
            QTest::mouseClick(add, Qt::LeftButton);
            fillTarget(i, QStringLiteral("t%1").arg(i), QStringLiteral("rtmp://live.example/app"),
                QStringLiteral("key"));
        }
        QVERIFY(!start->isEnabled());
        QCOMPARE(label->text(), QStringLiteral("RTMP targets: must have at most 5 targets"));
        QTest::mouseClick(find<QWidget>(QStringLiteral("rtmpRemove5")), Qt::LeftButton);
        QVERIFY(start->isEnabled());
        QCOMPARE(dialog->targetsEditor()->count(), kMaxRtmpTargets);

        auto *duration = find<QSpinBox>(QStringLiteral("maxDurationSpin"));
        duration->selectAll();
        QTest::keyClicks(duration, QStringLiteral("30"));
        QCOMPARE(duration->value(), 30);
        QVERIFY(!start->isEnabled());
        QVERIFY(
            label->text().startsWith(QStringLiteral("Max duration: must be between 60 and 36000")));
        QCOMPARE(dialog->validation()->field, QStringLiteral("maxDuration"));
        duration->setValue(40000);
        QVERIFY(!start->isEnabled());
        duration->setValue(5400);
        QVERIFY(start->isEnabled());

        find<QCheckBox>(QStringLiteral("hlsDvrCheck"))->setChecked(true);
        find<QCheckBox>(QStringLiteral("hlsLowLatencyCheck"))->setChecked(true);
        QVERIFY(!start->isEnabled());
        QVERIFY(label->text().startsWith(QStringLiteral("HLS low latency:")));
        find<QCheckBox>(QStringLiteral("hlsLowLatencyCheck"))->setChecked(false);
        find<QLineEdit>(QStringLiteral("rtmpUrl2"))->setText(QStringLiteral("http://x"));
        QVERIFY(label->text().startsWith(QStringLiteral("RTMP target 3 server URL:")));
        QVERIFY(!start->isEnabled());
        QVERIFY(requests("POST", QStringLiteral("/broadcast")).isEmpty());
    }

    void exportAndReadBack()
    {
        const QString id = startViaApi(routedSession(), 1);
        QTRY_VERIFY(model()->contains(id));
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("b.csv"));
        const QString jsonPath = dir.filePath(QStringLiteral("b.json"));
        QVERIFY(panel()->exportTo(csvPath, BroadcastsPanel::Format::Csv));
        QVERIFY(panel()->exportTo(jsonPath, BroadcastsPanel::Format::Json));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("ID,Session,Status,Outputs,Created,Elapsed"));
        QVERIFY(lines.at(1).startsWith(id.toUtf8() + ","));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QByteArray text = json.readAll();
        QVERIFY(!text.contains(StreamKey.toUtf8()));
        const QJsonArray rows = QJsonDocument::fromJson(text).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0)[QStringLiteral("ID")].toString(), id);
        QCOMPARE(rows.at(0)[QStringLiteral("Status")].toString(), QStringLiteral("started"));
        QVERIFY(!panel()->exportTo(
            dir.filePath(QStringLiteral("missing/dir/x.csv")), BroadcastsPanel::Format::Csv));
    }

    void serverErrorsShowRetryOnlyWhenSafe()
    {
        server().forceNextResponse("GET", QStringLiteral("/v2/project/*/broadcast"), 500, {});
        panel()->refresh();
        MessageBanner *banner = panel()->banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY(banner->hasRetry()); // a list is a read: safe to send again
        const int lists = int(requests("GET", QStringLiteral("/broadcast")).size());
        QTest::mouseClick(
            banner->findChild<QPushButton *>(QStringLiteral("bannerRetry")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            int(requests("GET", QStringLiteral("/broadcast")).size()), lists + 1, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->feed()->isLoading(), Timeout);
        QVERIFY(!banner->isVisible());

        // A start is never repeated: the dialog shows the error without Retry after the one
        // list call that proves nothing started.
        StartBroadcastDialog *dialog = openStartDialog(routedSession());
        QVERIFY(dialog);
        server().clearJournal();
        server().forceNextResponse("POST", QStringLiteral("/v2/project/*/broadcast"), 500, {});
        QTest::mouseClick(find<QPushButton>(QStringLiteral("startButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->banner()->isVisible(), Timeout);
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(!dialog->banner()->hasRetry());
        QCOMPARE(requests("POST", QStringLiteral("/broadcast")).size(), 1);
        QCOMPARE(requests("GET", QStringLiteral("/broadcast")).size(), 1);
        QVERIFY(dialog->isVisible());
        QVERIFY(find<QPushButton>(QStringLiteral("startButton"))->isEnabled());
        QCOMPARE(model()->rowCount(), 0);
    }

    void conflictFindsTheRunningBroadcast()
    {
        const QString session = routedSession();
        const QString running = startViaApi(session);
        QVERIFY(!running.isEmpty());
        openStartDialog(session);
        QTest::mouseClick(find<QPushButton>(QStringLiteral("startButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog")), Timeout);
        QCOMPARE(panel()->banner()->kind(), MessageBanner::Kind::Information);
        QVERIFY(panel()->banner()->text().contains(QStringLiteral("already has a running")));
        QCOMPARE(panel()->selectedId(), running);
        QCOMPARE(model()->rowCount(), 1);
    }

    void pagesThroughTheWholeListAndFiltersBySession()
    {
        const QString first = routedSession();
        QVERIFY(!startViaApi(first).isEmpty());
        QVERIFY(!startViaApi(routedSession()).isEmpty());
        QVERIFY(!startViaApi(routedSession()).isEmpty());
        panel()->feed()->setPageSize(2);
        server().clearJournal();
        panel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->feed()->isLoading(), Timeout);
        QCOMPARE(model()->rowCount(), 3);
        QStringList offsets;
        for (const auto &e : requests("GET", QStringLiteral("/broadcast")))
            offsets << e.query;
        QCOMPARE(offsets.size(), 2);
        QVERIFY(offsets.at(0).contains(QStringLiteral("offset=0")));
        QVERIFY(offsets.at(1).contains(QStringLiteral("offset=2")));

        auto *sessionFilter = find<QLineEdit>(QStringLiteral("sessionFilterEdit"));
        sessionFilter->setText(first);
        QTest::keyClick(sessionFilter, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!panel()->feed()->isLoading(), Timeout);
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->at(0).sessionId, first);
        QVERIFY(requests("GET", QStringLiteral("/broadcast")).last().query.contains(first));
        sessionFilter->clear();
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, Timeout);

        auto *filter = find<QLineEdit>(QStringLiteral("filterEdit"));
        QTest::keyClick(&m_fixture->window(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, first.right(10));
        QCOMPARE(find<QTableView>(QStringLiteral("broadcastsTable"))->model()->rowCount(), 1);
    }

    void notifiesOfflineTargetsAndUnexpectedStops()
    {
        const QString id = startViaApi(routedSession(), 1, 60);
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(allTargetsLive(id), Timeout);
        // The platform drops the stream: the next poll sees the target offline.
        QJsonObject raw = model()->find(id)->raw;
        QJsonObject urls = raw[QStringLiteral("broadcastUrls")].toObject();
        QJsonArray rtmp = urls[QStringLiteral("rtmp")].toArray();
        QJsonObject target = rtmp.at(0).toObject();
        target[QStringLiteral("status")] = QStringLiteral("offline");
        rtmp[0] = target;
        urls[QStringLiteral("rtmp")] = rtmp;
        raw[QStringLiteral("broadcastUrls")] = urls;
        server().forceNextResponse("GET", QStringLiteral("/v2/project/*/broadcast/") + id, 200,
            QJsonDocument(raw).toJson(QJsonDocument::Compact));
        panel()->feed()->follow(id);
        QTRY_VERIFY_WITH_TIMEOUT(notified(QStringLiteral("RTMP target offline")), Timeout);
        QVERIFY(!m_fixture->context().notifier()->history().join(QString()).contains(StreamKey));
        QCOMPARE(model()->index(0, 0).data(BroadcastListModel::OutputStateRole).toString(),
            QStringLiteral("offline"));

        // maxDuration (60 s) passes on the sandbox clock: the broadcast stops on its own.
        server().advanceTime(61'000);
        panel()->feed()->follow(id);
        QTRY_VERIFY_WITH_TIMEOUT(notified(QStringLiteral("Broadcast stopped")), Timeout);
        QCOMPARE(model()->find(id)->status, BroadcastStatus::Stopped);
        QCOMPARE(panel()->summary(), QString());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OTADMIN_SCREENSHOT_DIR is not set");
        const QString stopped = startViaApi(routedSession(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(allTargetsLive(stopped), Timeout);
        m_fixture->context().workspace()->broadcasts()->stop(stopped);
        QTRY_COMPARE_WITH_TIMEOUT(
            model()->find(stopped)->status, BroadcastStatus::Stopped, Timeout);
        const QString live = startViaApi(routedSession(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(allTargetsLive(live), Timeout);
        panel()->selectBroadcast(live);
        m_fixture->window().resize(1400, 800);
        QCoreApplication::processEvents(); // apply the resize before grabbing
        QVERIFY(m_fixture->window().grab().save(dir + QStringLiteral("/broadcasts.png")));
        StartBroadcastDialog *dialog = openStartDialog(routedSession());
        QTest::mouseClick(find<QPushButton>(QStringLiteral("addRtmpButton")), Qt::LeftButton);
        fillTarget(
            0, QStringLiteral("yt"), QStringLiteral("rtmps://a.rtmp.youtube.com/live2"), StreamKey);
        QCoreApplication::processEvents(); // the new row's widgets show with a queued call
        dialog->resize(dialog->sizeHint());
        QCoreApplication::processEvents();
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/broadcasts-start.png")));
    }
};

QTEST_MAIN(TestGuiBroadcasts)
#include "tst_gui_broadcasts.moc"
