// SPDX-License-Identifier: GPL-3.0-or-later
// Broadcasts panel against the sandbox: start, live targets, stop, layout, validation, export.
#include "BroadcastsFixture.h"
#include "api/BroadcastsApi.h"
#include "api/Workspace.h"
#include "broadcasts/BroadcastFeed.h"
#include "broadcasts/BroadcastsPanel.h"
#include "broadcasts/RtmpTargetsEditor.h"
#include "broadcasts/StartBroadcastDialog.h"
#include "common/LayoutChooser.h"
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
constexpr int Timeout = test::BroadcastTimeout;
const QString &StreamKey = test::TestStreamKey;
} // namespace

class TestGuiBroadcasts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::BroadcastsFixture> m_fixture;

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::BroadcastsFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("broadcastsPanel")));
        // The activation's first load has answered (so no later request races a test's own).
        QTRY_VERIFY_WITH_TIMEOUT(!m_fixture->requests("GET", QStringLiteral("/broadcast")).isEmpty()
                && !m_fixture->panel()->feed()->isLoading(),
            Timeout);
    }
    void cleanup() { m_fixture.reset(); }

    void emptyStateOffersStart()
    {
        auto *empty = m_fixture->panel()->findChild<QWidget *>(QStringLiteral("emptyState"));
        QVERIFY(empty && empty->isVisible());
        QTest::mouseClick(
            m_fixture->panel()->findChild<QPushButton *>(QStringLiteral("emptyStartButton")),
            Qt::LeftButton);
        auto *dialog =
            m_fixture->find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!m_fixture->find<QPushButton>(QStringLiteral("startButton"))->isEnabled());
    }

    void startLiveTargetsThenStopWithConfirmation()
    {
        const QString session = m_fixture->routedSession();
        StartBroadcastDialog *dialog = m_fixture->openStartDialog(session);
        QVERIFY(dialog);
        QCOMPARE(m_fixture->find<QLineEdit>(QStringLiteral("sessionIdEdit"))->text(), session);
        QVERIFY(m_fixture->find<QGroupBox>(QStringLiteral("hlsGroup"))->isChecked());
        auto *add = m_fixture->find<QPushButton>(QStringLiteral("addRtmpButton"));
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(add, Qt::LeftButton);
        m_fixture->fillTarget(
            0, QStringLiteral("yt"), QStringLiteral("rtmps://a.rtmp.youtube.com/live2"), StreamKey);
        m_fixture->fillTarget(1, QStringLiteral("tw"), QStringLiteral("rtmp://live.twitch.tv/app"),
            QStringLiteral("tw-secret-key-0002"));
        auto *start = m_fixture->find<QPushButton>(QStringLiteral("startButton"));
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(m_fixture->model()->rowCount(), 1, Timeout);
        const QString id = m_fixture->model()->at(0).id;
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_fixture->find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog")),
            Timeout);
        const auto posts = m_fixture->requests("POST", QStringLiteral("/broadcast"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject outputs = QJsonDocument::fromJson(posts.first().body)
                                        .object()[QStringLiteral("outputs")]
                                        .toObject();
        QVERIFY(outputs.contains(QStringLiteral("hls")));
        QCOMPARE(outputs[QStringLiteral("rtmp")].toArray().size(), 2);
        QCOMPARE(m_fixture->panel()->selectedId(), id);

        // Targets go from connecting to live by polling alone; the sidebar says "1 live".
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture->allTargetsLive(id), Timeout);
        QCOMPARE(m_fixture->panel()->summary(), QStringLiteral("1 live"));
        auto *targets = m_fixture->find<QTableWidget>(QStringLiteral("rtmpTable"));
        QTRY_COMPARE_WITH_TIMEOUT(targets->item(0, 3)->text(), QStringLiteral("live"), Timeout);
        QCOMPARE(targets->rowCount(), 2);
        QCOMPARE(targets->item(0, 2)->text(), QStringLiteral("\u2022\u2022\u2022\u20220001"));
        QCOMPARE(m_fixture->model()->index(0, BroadcastListModel::TargetsColumn).data().toString(),
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
        auto *table = m_fixture->find<QTableView>(QStringLiteral("broadcastsTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), id);

        // Cancel first: nothing is sent.
        m_fixture->find<QAction>(QStringLiteral("stopBroadcastAction"))->trigger();
        auto *confirm = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(QStringLiteral("in Sandbox?")));
        QVERIFY(confirm->text().contains(id.left(8)));
        QTest::mouseClick(
            confirm->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
        QTRY_VERIFY(!m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog")));
        const int listsBefore =
            int(m_fixture->requests("GET", QStringLiteral("/broadcast")).size());
        m_fixture->panel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_fixture->requests("GET", QStringLiteral("/broadcast")).size() > listsBefore, Timeout);
        QVERIFY(m_fixture->requests("POST", QStringLiteral("/stop")).isEmpty());
        QCOMPARE(m_fixture->model()->at(0).status, BroadcastStatus::Started);

        table->setFocus();
        QTest::keyClick(table, Qt::Key_Delete); // Delete stops, after the same confirmation
        confirm = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QTest::mouseClick(
            confirm->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_fixture->model()->find(id)->status, BroadcastStatus::Stopped, Timeout);
        QCOMPARE(
            m_fixture->requests("POST", QStringLiteral("/broadcast/%1/stop").arg(id)).size(), 1);
        QCOMPARE(m_fixture->panel()->summary(), QString());
        QVERIFY(
            !m_fixture->notified(QStringLiteral("Broadcast stopped"))); // we stopped it ourselves
        QVERIFY(!m_fixture->find<QAction>(QStringLiteral("stopBroadcastAction"))->isEnabled());
    }

    void changeLayoutSendsPut()
    {
        const QString id = m_fixture->startViaApi(m_fixture->routedSession());
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY(m_fixture->model()->contains(id));
        m_fixture->panel()->selectBroadcast(id);
        m_fixture->find<QAction>(QStringLiteral("changeLayoutAction"))->trigger();
        auto *dialog = m_fixture->find<QDialog>(QStringLiteral("changeLayoutDialog"));
        QVERIFY(dialog);
        dialog->findChild<LayoutChooser *>(QStringLiteral("layoutChooser"))
            ->selectType(Layout::Type::Pip);
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("applyLayoutButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_fixture->find<QDialog>(QStringLiteral("changeLayoutDialog")), Timeout);
        const auto puts =
            m_fixture->requests("PUT", QStringLiteral("/broadcast/%1/layout").arg(id));
        QCOMPARE(puts.size(), 1);
        QCOMPARE(
            QJsonDocument::fromJson(puts.first().body).object()[QStringLiteral("type")].toString(),
            QStringLiteral("pip"));
        QVERIFY(m_fixture->find<QLabel>(QStringLiteral("detailLayout"))
                    ->text()
                    .contains(QStringLiteral("pip")));
    }

    void validationKeepsStartDisabledAndNamesTheField()
    {
        StartBroadcastDialog *dialog = m_fixture->openStartDialog(m_fixture->routedSession());
        QVERIFY(dialog);
        auto *start = m_fixture->find<QPushButton>(QStringLiteral("startButton"));
        auto *label = m_fixture->find<QLabel>(QStringLiteral("validationLabel"));
        QVERIFY(start->isEnabled()); // HLS alone is a valid broadcast
        auto *add = m_fixture->find<QPushButton>(QStringLiteral("addRtmpButton"));
        for (int i = 0; i < kMaxRtmpTargets + 1; ++i) {
            QTest::mouseClick(add, Qt::LeftButton);
            m_fixture->fillTarget(i, QStringLiteral("t%1").arg(i),
                QStringLiteral("rtmp://live.example/app"), QStringLiteral("key"));
        }
        QVERIFY(!start->isEnabled());
        QCOMPARE(label->text(), QStringLiteral("RTMP targets: must have at most 5 targets"));
        QTest::mouseClick(m_fixture->find<QWidget>(QStringLiteral("rtmpRemove5")), Qt::LeftButton);
        QVERIFY(start->isEnabled());
        QCOMPARE(dialog->targetsEditor()->count(), kMaxRtmpTargets);

        auto *duration = m_fixture->find<QSpinBox>(QStringLiteral("maxDurationSpin"));
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

        m_fixture->find<QCheckBox>(QStringLiteral("hlsDvrCheck"))->setChecked(true);
        m_fixture->find<QCheckBox>(QStringLiteral("hlsLowLatencyCheck"))->setChecked(true);
        QVERIFY(!start->isEnabled());
        QVERIFY(label->text().startsWith(QStringLiteral("HLS low latency:")));
        m_fixture->find<QCheckBox>(QStringLiteral("hlsLowLatencyCheck"))->setChecked(false);
        m_fixture->find<QLineEdit>(QStringLiteral("rtmpUrl2"))->setText(QStringLiteral("http://x"));
        QVERIFY(label->text().startsWith(QStringLiteral("RTMP target 3 server URL:")));
        QVERIFY(!start->isEnabled());
        QVERIFY(m_fixture->requests("POST", QStringLiteral("/broadcast")).isEmpty());
    }

    void exportAndReadBack()
    {
        const QString id = m_fixture->startViaApi(m_fixture->routedSession(), 1);
        QTRY_VERIFY(m_fixture->model()->contains(id));
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("b.csv"));
        const QString jsonPath = dir.filePath(QStringLiteral("b.json"));
        QVERIFY(m_fixture->panel()->exportTo(csvPath, BroadcastsPanel::Format::Csv));
        QVERIFY(m_fixture->panel()->exportTo(jsonPath, BroadcastsPanel::Format::Json));
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
        QVERIFY(!m_fixture->panel()->exportTo(
            dir.filePath(QStringLiteral("missing/dir/x.csv")), BroadcastsPanel::Format::Csv));
    }

    void serverErrorsShowRetryOnlyWhenSafe()
    {
        m_fixture->server().forceNextResponse(
            "GET", QStringLiteral("/v2/project/*/broadcast"), 500, {});
        m_fixture->panel()->refresh();
        MessageBanner *banner = m_fixture->panel()->banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY(banner->hasRetry()); // a list is a read: safe to send again
        const int lists = int(m_fixture->requests("GET", QStringLiteral("/broadcast")).size());
        QTest::mouseClick(
            banner->findChild<QPushButton *>(QStringLiteral("bannerRetry")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            int(m_fixture->requests("GET", QStringLiteral("/broadcast")).size()), lists + 1,
            Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!m_fixture->panel()->feed()->isLoading(), Timeout);
        QVERIFY(!banner->isVisible());

        // A start is never repeated: the dialog shows the error without Retry after the one
        // list call that proves nothing started.
        StartBroadcastDialog *dialog = m_fixture->openStartDialog(m_fixture->routedSession());
        QVERIFY(dialog);
        m_fixture->server().clearJournal();
        m_fixture->server().forceNextResponse(
            "POST", QStringLiteral("/v2/project/*/broadcast"), 500, {});
        QTest::mouseClick(
            m_fixture->find<QPushButton>(QStringLiteral("startButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->banner()->isVisible(), Timeout);
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(!dialog->banner()->hasRetry());
        QCOMPARE(m_fixture->requests("POST", QStringLiteral("/broadcast")).size(), 1);
        QCOMPARE(m_fixture->requests("GET", QStringLiteral("/broadcast")).size(), 1);
        QVERIFY(dialog->isVisible());
        QVERIFY(m_fixture->find<QPushButton>(QStringLiteral("startButton"))->isEnabled());
        QCOMPARE(m_fixture->model()->rowCount(), 0);
    }

    void conflictFindsTheRunningBroadcast()
    {
        const QString session = m_fixture->routedSession();
        const QString running = m_fixture->startViaApi(session);
        QVERIFY(!running.isEmpty());
        m_fixture->openStartDialog(session);
        QTest::mouseClick(
            m_fixture->find<QPushButton>(QStringLiteral("startButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_fixture->find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog")),
            Timeout);
        QCOMPARE(m_fixture->panel()->banner()->kind(), MessageBanner::Kind::Information);
        QVERIFY(
            m_fixture->panel()->banner()->text().contains(QStringLiteral("already has a running")));
        QCOMPARE(m_fixture->panel()->selectedId(), running);
        QCOMPARE(m_fixture->model()->rowCount(), 1);
    }

    void pagesThroughTheWholeListAndFiltersBySession()
    {
        const QString first = m_fixture->routedSession();
        QVERIFY(!m_fixture->startViaApi(first).isEmpty());
        QVERIFY(!m_fixture->startViaApi(m_fixture->routedSession()).isEmpty());
        QVERIFY(!m_fixture->startViaApi(m_fixture->routedSession()).isEmpty());
        m_fixture->panel()->feed()->setPageSize(2);
        m_fixture->server().clearJournal();
        m_fixture->panel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!m_fixture->panel()->feed()->isLoading(), Timeout);
        QCOMPARE(m_fixture->model()->rowCount(), 3);
        QStringList offsets;
        for (const auto &e : m_fixture->requests("GET", QStringLiteral("/broadcast")))
            offsets << e.query;
        QCOMPARE(offsets.size(), 2);
        QVERIFY(offsets.at(0).contains(QStringLiteral("offset=0")));
        QVERIFY(offsets.at(1).contains(QStringLiteral("offset=2")));

        auto *sessionFilter = m_fixture->find<QLineEdit>(QStringLiteral("sessionFilterEdit"));
        sessionFilter->setText(first);
        QTest::keyClick(sessionFilter, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!m_fixture->panel()->feed()->isLoading(), Timeout);
        QCOMPARE(m_fixture->model()->rowCount(), 1);
        QCOMPARE(m_fixture->model()->at(0).sessionId, first);
        QVERIFY(
            m_fixture->requests("GET", QStringLiteral("/broadcast")).last().query.contains(first));
        sessionFilter->clear();
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture->model()->rowCount(), 3, Timeout);

        auto *filter = m_fixture->find<QLineEdit>(QStringLiteral("filterEdit"));
        QTest::keyClick(&m_fixture->window(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, first.right(10));
        QCOMPARE(
            m_fixture->find<QTableView>(QStringLiteral("broadcastsTable"))->model()->rowCount(), 1);
    }

    void notifiesOfflineTargetsAndUnexpectedStops()
    {
        const QString id = m_fixture->startViaApi(m_fixture->routedSession(), 1, 60);
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture->allTargetsLive(id), Timeout);
        // The platform drops the stream: the next poll sees the target offline.
        QJsonObject raw = m_fixture->model()->find(id)->raw;
        QJsonObject urls = raw[QStringLiteral("broadcastUrls")].toObject();
        QJsonArray rtmp = urls[QStringLiteral("rtmp")].toArray();
        QJsonObject target = rtmp.at(0).toObject();
        target[QStringLiteral("status")] = QStringLiteral("offline");
        rtmp[0] = target;
        urls[QStringLiteral("rtmp")] = rtmp;
        raw[QStringLiteral("broadcastUrls")] = urls;
        m_fixture->server().forceNextResponse("GET",
            QStringLiteral("/v2/project/*/broadcast/") + id, 200,
            QJsonDocument(raw).toJson(QJsonDocument::Compact));
        m_fixture->panel()->feed()->follow(id);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_fixture->notified(QStringLiteral("RTMP target offline")), Timeout);
        QVERIFY(!m_fixture->context().notifier()->history().join(QString()).contains(StreamKey));
        QCOMPARE(
            m_fixture->model()->index(0, 0).data(BroadcastListModel::OutputStateRole).toString(),
            QStringLiteral("offline"));

        // maxDuration (60 s) passes on the sandbox clock: the broadcast stops on its own.
        m_fixture->server().advanceTime(61'000);
        m_fixture->panel()->feed()->follow(id);
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture->notified(QStringLiteral("Broadcast stopped")), Timeout);
        QCOMPARE(m_fixture->model()->find(id)->status, BroadcastStatus::Stopped);
        QCOMPARE(m_fixture->panel()->summary(), QString());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OTADMIN_SCREENSHOT_DIR is not set");
        m_fixture->window().resize(1400, 800);
        QCoreApplication::processEvents();
        QVERIFY(m_fixture->panel()->grab().save(dir + QStringLiteral("/broadcasts-empty.png")));
        const QString stopped = m_fixture->startViaApi(m_fixture->routedSession(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture->allTargetsLive(stopped), Timeout);
        m_fixture->context().workspace()->broadcasts()->stop(stopped);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_fixture->model()->find(stopped)->status, BroadcastStatus::Stopped, Timeout);
        const QString live = m_fixture->startViaApi(m_fixture->routedSession(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture->allTargetsLive(live), Timeout);
        m_fixture->panel()->selectBroadcast(live);
        m_fixture->window().resize(1400, 800);
        QCoreApplication::processEvents(); // apply the resize before grabbing
        QVERIFY(m_fixture->window().grab().save(dir + QStringLiteral("/broadcasts.png")));
        m_fixture->find<QAction>(QStringLiteral("stopBroadcastAction"))->trigger();
        auto *confirm = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QCoreApplication::processEvents();
        QVERIFY(confirm->grab().save(dir + QStringLiteral("/broadcasts-stop.png")));
        confirm->reject();
        StartBroadcastDialog *dialog = m_fixture->openStartDialog(m_fixture->routedSession());
        QTest::mouseClick(
            m_fixture->find<QPushButton>(QStringLiteral("addRtmpButton")), Qt::LeftButton);
        m_fixture->fillTarget(
            0, QStringLiteral("yt"), QStringLiteral("rtmps://a.rtmp.youtube.com/live2"), StreamKey);
        QCoreApplication::processEvents(); // the new row's widgets show with a queued call
        dialog->resize(dialog->sizeHint());
        QCoreApplication::processEvents();
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/broadcasts-start.png")));
    }
};

QTEST_MAIN(TestGuiBroadcasts)
#include "tst_gui_broadcasts.moc"
