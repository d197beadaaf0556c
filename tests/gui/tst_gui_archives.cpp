// SPDX-License-Identifier: GPL-3.0-or-later
// Archives panel against the sandbox: start, follow, stop, delete, paging, filter, export, errors.
#include "GuiFixture.h"
#include "ReplyWaiter.h"
#include "api/ArchivesApi.h"
#include "api/CallBatch.h"
#include "api/Workspace.h"
#include "archives/ArchiveEditDialogs.h"
#include "archives/ArchiveFollower.h"
#include "archives/ArchivePager.h"
#include "archives/ArchivesPanel.h"
#include "archives/StartArchiveDialog.h"
#include "common/LayoutChooser.h"
#include "common/LiveTableProxy.h"
#include "common/MessageBanner.h"
#include "common/Notifier.h"
#include "models/ArchiveListModel.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace otadmin;

class TestGuiArchives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("archivesPanel")));
        m_panel = qobject_cast<ArchivesPanel *>(
            m_fixture->window().panel(QStringLiteral("archivesPanel")));
        QVERIFY(m_panel);
        m_panel->setPollIntervals(100, 400);
        m_table = m_fixture->find<QTableView>(QStringLiteral("archivesTable"));
        QVERIFY(m_table);
        QTRY_VERIFY(!loading());
    }
    void cleanup()
    {
        m_panel = nullptr;
        m_fixture.reset();
    }

    void emptyStateOffersStart()
    {
        auto *views = m_panel->findChild<QStackedWidget *>();
        auto *empty = m_panel->findChild<QWidget *>(QStringLiteral("emptyState"));
        QVERIFY(views && empty);
        QCOMPARE(views->currentWidget(), empty);
        auto *text = m_panel->findChild<QLabel *>(QStringLiteral("emptyText"));
        QVERIFY(text->text().contains(QStringLiteral("start one from a session")));
        m_panel->findChild<QPushButton *>(QStringLiteral("emptyStartButton"))->click();
        QTRY_VERIFY(dialog() && dialog()->isVisible());
    }

    void startFromDialogStopAndFollow()
    {
        const QString session = sessionWithStream();
        m_panel->startArchiveForSession(session);
        StartArchiveDialog *d = dialog();
        QVERIFY(d && d->isVisible());
        QCOMPARE(field<QLineEdit>(d, "sessionIdEdit")->text(), session);
        field<QLineEdit>(d, "nameEdit")->setText(QStringLiteral("Town hall"));
        auto *start = field<QPushButton>(d, "startButton");
        QVERIFY(start->isEnabled());
        start->click();
        QTRY_VERIFY(!dialog());
        QCOMPARE(m_panel->model()->rowCount(), 1);
        const Archive started = m_panel->model()->at(0);
        QCOMPARE(started.status, ArchiveStatus::Started);
        QCOMPARE(started.name, QStringLiteral("Town hall"));
        QCOMPARE(m_panel->selectedArchive()->id, started.id);
        QCOMPARE(statusCell(0), QStringLiteral("started"));
        QCOMPARE(m_panel->summary(), QStringLiteral("1 recording"));
        auto *nav = m_fixture->find<QListWidget>(QStringLiteral("navigation"));
        QVERIFY(nav->item(1)->text().endsWith(QStringLiteral("1 recording")));

        QAction *stop = action("actionStopArchive");
        QVERIFY(stop->isEnabled());
        QVERIFY(!action("actionDeleteArchive")->isEnabled());
        stop->trigger();
        // Nobody refreshes: the poller follows it to `available`.
        QTRY_COMPARE_WITH_TIMEOUT(statusCell(0), QStringLiteral("available"), 10000);
        QVERIFY(!m_panel->model()->at(0).url.isEmpty());
        QVERIFY(action("actionDeleteArchive")->isEnabled());
        QVERIFY(action("actionOpenArchiveUrl")->isEnabled());
        QCOMPARE(m_panel->summary(), QString());
        const QStringList history = m_fixture->context().notifier()->history();
        QVERIFY(!history.filter(QStringLiteral("Archive available")).isEmpty());
        QVERIFY(!history.filter(QStringLiteral("Town hall")).isEmpty());
        // Seen final again (a refresh lists it): told once, not again.
        m_panel->refresh();
        QTRY_VERIFY(!loading());
        QCOMPARE(m_fixture->context()
                     .notifier()
                     ->history()
                     .filter(QStringLiteral("Archive available"))
                     .size(),
            history.filter(QStringLiteral("Archive available")).size());
        QVERIFY(!m_panel->findChild<ArchiveFollower *>()->isFollowing(started.id));
        auto *url = m_fixture->find<QLineEdit>(QStringLiteral("detailUrl"));
        QCOMPARE(url->text(), m_panel->model()->at(0).url);
    }

    void dialogValidatesAndRemembers()
    {
        m_panel->startPrimaryAction();
        StartArchiveDialog *d = dialog();
        QVERIFY(d);
        auto *start = field<QPushButton>(d, "startButton");
        auto *problem = field<QLabel>(d, "validationLabel");
        QVERIFY(!start->isEnabled());
        QVERIFY(problem->text().startsWith(QStringLiteral("Session ID")));
        field<QLineEdit>(d, "sessionIdEdit")->setText(QStringLiteral("not a session!"));
        QVERIFY(problem->text().contains(QStringLiteral("may only contain")));
        const QString session = sessionWithStream();
        field<QLineEdit>(d, "sessionIdEdit")->setText(session);
        QVERIFY(start->isEnabled());
        field<QCheckBox>(d, "maxBitrateCheck")->setChecked(true);
        field<QCheckBox>(d, "quantizationCheck")->setChecked(true);
        QVERIFY(!start->isEnabled());
        QVERIFY(problem->text().startsWith(QStringLiteral("Quantization parameter")));
        field<QCheckBox>(d, "quantizationCheck")->setChecked(false);
        field<QCheckBox>(d, "hasAudioCheck")->setChecked(false);
        field<QCheckBox>(d, "hasVideoCheck")->setChecked(false);
        QVERIFY(problem->text().startsWith(QStringLiteral("Tracks")));
        field<QCheckBox>(d, "hasVideoCheck")->setChecked(true);
        field<QCheckBox>(d, "transcriptionCheck")->setChecked(true);
        field<QLineEdit>(d, "languageEdit")->setText(QStringLiteral("english"));
        QVERIFY(problem->text().startsWith(QStringLiteral("Transcription language")));
        field<QLineEdit>(d, "languageEdit")->setText(QStringLiteral("en-US"));
        QVERIFY(start->isEnabled());
        // Individual output: the composed-only options are disabled and not sent.
        auto *output = field<QComboBox>(d, "outputModeCombo");
        output->setCurrentIndex(output->findData(QStringLiteral("individual")));
        QVERIFY(!field<QGroupBox>(d, "composedGroup")->isEnabled());
        QVERIFY(!d->options().maxBitrate);
        output->setCurrentIndex(output->findData(QStringLiteral("composed")));
        auto *resolution = field<QComboBox>(d, "resolutionCombo");
        resolution->setCurrentIndex(resolution->findData(QStringLiteral("1280x720")));
        field<LayoutChooser>(d, "layoutChooser")->selectType(Layout::Type::Pip);
        const ArchiveOptions options = d->options();
        QCOMPARE(options.maxBitrate, std::optional<int>(2000000));
        QCOMPARE(options.layout->type, Layout::Type::Pip);
        QVERIFY(options.hasTranscription && !options.hasAudio);
        start->click();
        QTRY_VERIFY(!dialog());
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        const Archive a = m_panel->model()->at(0);
        QCOMPARE(a.resolution, QStringLiteral("1280x720"));
        QCOMPARE(a.maxBitrate, std::optional<int>(2000000));
        QVERIFY(a.hasTranscription);
        QCOMPARE(m_fixture->settings()
                     .value(QStringLiteral("forms/Sandbox/startArchive/resolution"))
                     .toString(),
            QStringLiteral("1280x720"));

        m_panel->startPrimaryAction();
        d = dialog();
        QCOMPARE(field<QComboBox>(d, "resolutionCombo")->currentData().toString(),
            QStringLiteral("1280x720"));
        QCOMPARE(field<LayoutChooser>(d, "layoutChooser")->layout().type, Layout::Type::Pip);
        QVERIFY(field<QCheckBox>(d, "maxBitrateCheck")->isChecked());
        QVERIFY(!field<QCheckBox>(d, "hasAudioCheck")->isChecked());
        QVERIFY(field<QLineEdit>(d, "nameEdit")->text().isEmpty());
    }

    void conflictFindsTheRunningArchive()
    {
        // RELIABILITY G-REL-7: a 409 on start ends with the running archive, not "failed".
        const QString session = sessionWithStream();
        const QString running = startArchive(session, QStringLiteral("Already on"));
        QVERIFY(!running.isEmpty());
        m_panel->startArchiveForSession(session);
        field<QPushButton>(dialog(), "startButton")->click();
        QTRY_VERIFY(!dialog());
        QCOMPARE(m_panel->selectedArchive()->id, running);
        QVERIFY(m_panel->banner()->isVisible());
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Information);
        QCOMPARE(m_panel->model()->rowCount(), 1);
    }

    void startErrorStaysInTheDialog()
    {
        // A 500 leaves the outcome unknown: one list call of the session looks for the
        // archive; none is running, so the error stands and the dialog stays open with it.
        const QString session = sessionWithStream();
        m_fixture->server().forceNextResponse("POST", QStringLiteral("*/archive"), 500, {});
        m_fixture->server().clearJournal();
        m_panel->startArchiveForSession(session);
        field<QPushButton>(dialog(), "startButton")->click();
        auto *banner = dialog()->findChild<MessageBanner *>(QStringLiteral("startArchiveBanner"));
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY(dialog()->isVisible());
        QVERIFY(field<QPushButton>(dialog(), "startButton")->isEnabled());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        const auto journal = m_fixture->server().journal();
        QCOMPARE(journal.size(), 2);
        QCOMPARE(journal.at(0).method, QByteArray("POST"));
        QCOMPARE(journal.at(1).method, QByteArray("GET"));
        QCOMPARE(
            QUrlQuery(journal.at(1).query).queryItemValue(QStringLiteral("sessionId")), session);
    }

    void deleteAsksFirst()
    {
        const QString id = availableArchive(QStringLiteral("Board meeting"));
        QVERIFY(m_panel->selectArchive(id));
        m_table->setFocus();
        QTest::keyClick(m_table, Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        const QString shortId = id.left(4) + QChar(0x2026) + id.right(4);
        QCOMPARE(box->text(),
            QStringLiteral("Delete archive 'Board meeting' (%1) in Sandbox?").arg(shortId));
        box->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QTest::qWait(50);
        QVERIFY(m_panel->model()->contains(id));

        action("actionDeleteArchive")->trigger();
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_VERIFY(!m_panel->model()->contains(id));
        QVERIFY(!m_fixture->server().state().archives.contains(id));
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Positive);
    }

    void bulkStopAsksOnceAndStopsEach()
    {
        const QString session = sessionWithStream();
        QStringList running;
        for (int i = 0; i < 3; ++i)
            running << startArchive(
                session, QStringLiteral("Room %1").arg(i), QStringLiteral("room%1").arg(i));
        const QString done = availableArchive(QStringLiteral("Yesterday"));
        QVERIFY(!running.contains(QString()) && !done.isEmpty());
        m_panel->refresh();
        QTRY_VERIFY(!loading());
        QCOMPARE(m_panel->model()->rowCount(), 4);

        // Ctrl+A: Stop counts the running ones only; one-archive actions step aside.
        m_table->setFocus();
        QTest::keyClick(m_table, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(m_panel->selectedArchives().size(), 4);
        QAction *stop = action("actionStopArchive");
        QVERIFY(stop->isEnabled());
        QCOMPARE(stop->text(), QStringLiteral("St&op 3"));
        QCOMPARE(action("actionDeleteArchive")->text(), QStringLiteral("&Delete\u2026"));
        QVERIFY(!action("actionOpenArchiveUrl")->isEnabled());
        QCOMPARE(action("actionCopyArchiveId")->text(), QStringLiteral("&Copy 4 IDs"));
        QTest::keyClick(m_table, Qt::Key_C, Qt::ControlModifier);
        QStringList copied = QGuiApplication::clipboard()->text().split(QLatin1Char('\n'));
        copied.sort();
        QStringList all = running + QStringList {done};
        all.sort();
        QCOMPARE(copied, all);

        // One question for all of them; cancelled, nothing is sent.
        m_fixture->server().clearJournal();
        stop->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        QCOMPARE(box->text(), QStringLiteral("Stop 3 archives in Sandbox?"));
        box->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QTest::qWait(50);
        QVERIFY(stopRequests().isEmpty());

        stop->trigger();
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_COMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Positive);
        QCOMPARE(m_panel->banner()->text(), QStringLiteral("Stopped 3 archives."));
        QStringList stopped = stopRequests();
        stopped.sort();
        QStringList expected = running;
        expected.sort();
        QCOMPARE(stopped, expected);
        for (const QString &id : running)
            QVERIFY(
                m_fixture->server().state().archives.value(id).status != QStringLiteral("started"));
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->runningCount(), 0, 10000);
        QVERIFY(!stop->isEnabled());
    }

    void bulkStopReportsWhatFailed()
    {
        const QString session = sessionWithStream();
        const QString keeps = startArchive(session, QStringLiteral("Keeps"), QStringLiteral("k"));
        const QString ends = startArchive(session, QStringLiteral("Ends"), QStringLiteral("e"));
        m_panel->refresh();
        QTRY_VERIFY(!loading());
        m_table->selectAll();
        action("actionStopArchive")->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        // It ends on the service while the question is open: its stop answers 409.
        QVERIFY(m_fixture->server().failArchive(ends));
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_COMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Warning);
        const QString text = m_panel->banner()->text();
        QVERIFY2(
            text.startsWith(QStringLiteral("Stopped 1 of 2 archives. Failed: archive 'Ends' (")),
            qPrintable(text));
        QCOMPARE(
            m_fixture->server().state().archives.value(keeps).status, QStringLiteral("stopped"));
        // The failed one is looked up again and shows what it is now.
        QTRY_COMPARE(m_panel->model()->find(ends)->status, ArchiveStatus::Failed);
        QVERIFY(action("actionStopArchive")->isEnabled() == false);
    }

    void profileSwitchStopsABulkRun()
    {
        // 20 recordings whose stops answer slowly; the profile changes while the first are out.
        seedArchives(20, QStringLiteral("started"));
        m_panel->refresh();
        QTRY_VERIFY(!loading());
        m_table->selectAll();
        m_fixture->server().clearJournal();
        // Slow enough that no answer comes before the switch (each would free a slot).
        m_fixture->server().forceNextResponse(
            "POST", QStringLiteral("*/stop"), 0, {}, {}, 1500, 40);
        action("actionStopArchive")->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        // The first wave is at the sandbox (Qt carries six at once; the rest wait in its queue).
        QTRY_VERIFY(!stopRequests().isEmpty());
        QTest::qWait(100);
        const qsizetype sent = stopRequests().size();
        QVERIFY(sent <= CallBatch::DefaultMaxInFlight);
        QVERIFY(!action("actionStopArchive")->isEnabled()); // one bulk run at a time

        QVERIFY(m_fixture->activateAccount());
        QTest::qWait(1700); // past the answers' delay: nothing more went out
        QCOMPARE(stopRequests().size(), sent);
        QVERIFY(m_fixture->activateProject());
        QTRY_VERIFY(!loading());
        m_table->selectAll();
        QVERIFY(action("actionStopArchive")->isEnabled());
    }

    void bulkDeleteAsksOnceAndDeletesEach()
    {
        seedArchives(3);
        m_panel->refresh();
        QTRY_VERIFY(!loading());
        QCOMPARE(m_panel->model()->rowCount(), 3);
        m_table->setFocus();
        m_table->selectAll();
        QCOMPARE(action("actionDeleteArchive")->text(), QStringLiteral("&Delete 3\u2026"));
        QVERIFY(!action("actionStopArchive")->isEnabled());
        QTest::keyClick(m_table, Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        QCOMPARE(box->text(), QStringLiteral("Delete 3 archives in Sandbox?"));
        m_fixture->server().clearJournal();
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_COMPARE(m_panel->banner()->text(), QStringLiteral("Deleted 3 archives."));
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QVERIFY(m_fixture->server().state().archives.isEmpty());
        int deletes = 0;
        for (const auto &entry : m_fixture->server().journal())
            deletes += entry.method == "DELETE" ? 1 : 0;
        QCOMPARE(deletes, 3);
    }

    void ctrlCCopiesTheId()
    {
        const QString id = startArchive(sessionWithStream(), QStringLiteral("Copy me"));
        QTRY_VERIFY(m_panel->selectArchive(id));
        m_table->setFocus();
        QTest::keyClick(m_table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), id);
    }

    void pagesThroughTheWholeList()
    {
        const QString session = sessionWithStream();
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids << startArchive(
                session, QStringLiteral("Part %1").arg(i), QStringLiteral("t%1").arg(i));
        QVERIFY(!ids.contains(QString()));
        // Gone without a signal (e.g. deleted by another tool): the full refresh drops it.
        m_fixture->server().state().archives.remove(ids.takeFirst());
        m_panel->setPageSize(2);
        m_fixture->server().clearJournal();
        m_panel->refresh();
        QVERIFY(loading());
        QTRY_VERIFY(!loading());
        QCOMPARE(m_panel->model()->rowCount(), 4);
        QStringList offsets;
        for (const auto &entry : m_fixture->server().journal()) {
            const QUrlQuery query(entry.query);
            if (entry.method == "GET" && entry.path.endsWith(QLatin1String("/archive")))
                offsets << query.queryItemValue(QStringLiteral("offset")) + QLatin1Char('/')
                        + query.queryItemValue(QStringLiteral("count"));
        }
        QCOMPARE(offsets, QStringList({QStringLiteral("0/2"), QStringLiteral("2/2")}));
        // Running archives stay on top whichever way the table is sorted.
        m_table->sortByColumn(ArchiveListModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(statusCell(0), QStringLiteral("started"));
    }

    void pagesOverMoreThanOneThousand()
    {
        // Reference §5.6: count <= 1000 per request, so 1,201 archives take two pages.
        seedArchives(1201);
        m_fixture->server().clearJournal();
        m_panel->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!loading(), 20000);
        QCOMPARE(m_panel->model()->rowCount(), 1201);
        QStringList pages;
        for (const auto &entry : m_fixture->server().journal()) {
            const QUrlQuery query(entry.query);
            pages << query.queryItemValue(QStringLiteral("offset")) + QLatin1Char('/')
                    + query.queryItemValue(QStringLiteral("count"));
        }
        QCOMPARE(pages, QStringList({QStringLiteral("0/1000"), QStringLiteral("1000/1000")}));
        QCOMPARE(m_panel->proxy()->index(0, ArchiveListModel::NameColumn).data().toString(),
            QStringLiteral("Archive 0"));
    }

    void nextRunAsksForEveryPageAtOnce()
    {
        seedArchives(25);
        auto &state = m_fixture->server().state();
        m_panel->setPageSize(10);
        auto *pager = m_panel->findChild<ArchivePager *>();
        // Pages asked for before any answer gave the total.
        int blind = 0;
        connect(pager, &ArchivePager::pageRequested, this, [&](ApiReply *) {
            if (pager->total() < 0)
                ++blind;
        });
        m_panel->refresh();
        QTRY_VERIFY(!loading());
        QCOMPARE(blind, 1); // this run's earlier listing found none
        const QString key = QStringLiteral("forms/%1/archivesList/total")
                                .arg(m_fixture->context().workspace()->profile()->name);
        QCOMPARE(m_fixture->settings().value(key).toInt(), 25);

        // Another profile forgets it; coming back reads the remembered total from the
        // settings, as the next start of the app would.
        QVERIFY(m_fixture->activateAccount());
        QCOMPARE(pager->knownTotal({}), -1);
        blind = 0;
        QVERIFY(m_fixture->activateProject());
        QTRY_VERIFY(!loading());
        QCOMPARE(blind, 3);
        QCOMPARE(m_panel->model()->rowCount(), 25);

        // A stale total (archives deleted elsewhere) costs empty pages once, not wrong rows.
        const QStringList ids = state.archives.keys();
        for (qsizetype i = 0; i < 20; ++i)
            state.archives.remove(ids.at(i));
        m_fixture->settings().setValue(key, 25);
        QVERIFY(m_fixture->activateAccount());
        blind = 0;
        QVERIFY(m_fixture->activateProject());
        QTRY_VERIFY(!loading());
        QCOMPARE(blind, 3);
        QCOMPARE(m_panel->model()->rowCount(), 5);
        QCOMPARE(m_fixture->settings().value(key).toInt(), 5);
        QCOMPARE(pager->knownTotal({}), 5);
    }

    void pagingCanBeCancelled()
    {
        m_panel->setPollIntervals(60000, 60000); // nothing but the pager fetches here
        const QString session = sessionWithStream();
        for (int i = 0; i < 3; ++i)
            QVERIFY(!startArchive(session, {}, QStringLiteral("c%1").arg(i)).isEmpty());
        m_panel->model()->clear();
        m_panel->setPageSize(1);
        m_fixture->server().forceNextResponse(
            "GET", QStringLiteral("*/archive"), 0, {}, {}, 400, 3);
        m_panel->refresh();
        auto *pager = m_panel->findChild<ArchivePager *>();
        auto *label = m_fixture->find<QLabel>(QStringLiteral("pagingLabel"));
        QTRY_VERIFY(pager->loaded() == 1);
        QCOMPARE(label->text(), QStringLiteral("Loading archives\u2026 1 of 3"));
        auto *cancel = m_fixture->find<QPushButton>(QStringLiteral("cancelPagingButton"));
        QVERIFY(cancel->isVisible());
        // One indicator: the paging row's progress, not the panel's animated busy bar too.
        auto *busy = m_panel->findChild<QProgressBar *>(QStringLiteral("busyBar"));
        QVERIFY(busy);
        QVERIFY(m_panel->busyCount() > 0);
        QVERIFY(!busy->isVisible());
        cancel->click();
        QVERIFY(!loading());
        QVERIFY(!cancel->isVisible());
        QTest::qWait(600); // the aborted page's answer would have arrived by now
        QCOMPARE(m_panel->model()->rowCount(), 1);
        QVERIFY(m_panel->banner()->text().contains(QStringLiteral("1 of 3")));
    }

    void sessionFilterListsOneSession()
    {
        const QString first = sessionWithStream();
        const QString second = sessionWithStream();
        const QString a = startArchive(first, QStringLiteral("First"));
        const QString b = startArchive(second, QStringLiteral("Second"));
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        auto *edit = m_fixture->find<QLineEdit>(QStringLiteral("sessionFilter"));
        edit->setText(second);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY(!loading());
        QCOMPARE(m_panel->model()->rowCount(), 1);
        QCOMPARE(m_panel->model()->at(0).id, b);
        // The last list request asked for that session (the follower's polls of the two
        // running archives may come after it).
        QString listQuery;
        for (const auto &entry : m_fixture->server().journal())
            if (entry.method == "GET" && entry.path.endsWith(QLatin1String("/archive")))
                listQuery = entry.query;
        QVERIFY2(listQuery.contains(second), qPrintable(listQuery));
        // A change of another session's archive does not leak into the filtered list.
        QVERIFY(test::await(m_fixture->context().workspace()->archives()->get(a))->isSuccess());
        QCOMPARE(m_panel->model()->rowCount(), 1);
        edit->clear();
        QTRY_VERIFY(!loading());
        QCOMPARE(m_panel->model()->rowCount(), 2);
    }

    void textFilterMatchesFullIds()
    {
        const QString session = sessionWithStream();
        const QString a = startArchive(session, QStringLiteral("Alpha"), QStringLiteral("a"));
        startArchive(session, QStringLiteral("Beta"), QStringLiteral("b"));
        QTRY_COMPARE(m_panel->proxy()->rowCount(), 2);
        QTest::keyClick(&m_fixture->window(), Qt::Key_F, Qt::ControlModifier);
        auto *filter = m_fixture->find<QLineEdit>(QStringLiteral("archivesFilter"));
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, a);
        QCOMPARE(m_panel->proxy()->rowCount(), 1);
        filter->setText(QStringLiteral("beta"));
        QCOMPARE(m_panel->proxy()->rowCount(), 1);
        QCOMPARE(m_panel->proxy()->index(0, 0).data().toString(), QStringLiteral("Beta"));
    }

    void exportsCsvAndJson()
    {
        const QString session = sessionWithStream();
        const QString a =
            startArchive(session, QStringLiteral("Quarterly, \"all hands\""), QStringLiteral("x"));
        const QString b = startArchive(session, QStringLiteral("=SUM(A1)"), QStringLiteral("y"));
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("archives.csv"));
        QVERIFY(m_panel->exportTo(csvPath, ArchivesPanel::Format::Csv));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.first(),
            QStringLiteral("Name,ID,Session,Status,Created,Duration,Size,Output,Resolution,URL"));
        QCOMPARE(lines.size(), 4); // header, two rows, the final line end
        QVERIFY(lines.at(1).contains(b) || lines.at(2).contains(b));
        QVERIFY(lines.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("\"Quarterly, \"\"all hands\"\"\"")));
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("'=SUM(A1)")));

        const QString jsonPath = dir.filePath(QStringLiteral("archives.json"));
        QVERIFY(m_panel->exportTo(jsonPath, ArchivesPanel::Format::Json));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(rows.size(), 2);
        QStringList ids;
        for (const QJsonValue &row : rows) {
            ids << row[QLatin1String("ID")].toString();
            QCOMPARE(row[QLatin1String("Status")].toString(), QStringLiteral("started"));
            QCOMPARE(row[QLatin1String("Session")].toString(), session);
            QVERIFY(row[QLatin1String("Duration")].isDouble());
            QVERIFY(row[QLatin1String("Created")].toString().endsWith(QLatin1Char('Z')));
        }
        ids.sort();
        QStringList expected {a, b};
        expected.sort();
        QCOMPARE(ids, expected);
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Positive);
        QVERIFY(!m_panel->exportTo(
            dir.filePath(QStringLiteral("missing/dir/a.csv")), ArchivesPanel::Format::Csv));
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Error);
    }

    void listErrorShowsInBannerWithRetry()
    {
        startArchive(sessionWithStream(), QStringLiteral("Listed"));
        m_panel->model()->clear();
        m_fixture->server().forceNextResponse("GET", QStringLiteral("*/archive"), 500, {});
        m_panel->refresh();
        QTRY_VERIFY(m_panel->banner()->isVisible());
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(m_panel->banner()->hasRetry());
        QVERIFY(!loading());
        auto *retry = m_panel->banner()->findChild<QPushButton *>();
        QVERIFY(retry);
        retry->click();
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QTRY_VERIFY(!m_panel->banner()->isVisible());
    }

    void failedArchiveIsImpossibleToMiss()
    {
        const QString id = startArchive(sessionWithStream(), QStringLiteral("Doomed"));
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QVERIFY(m_fixture->server().failArchive(id));
        QTRY_COMPARE_WITH_TIMEOUT(statusCell(0), QStringLiteral("failed"), 10000);
        QVERIFY(m_panel->proxy()->index(0, 0).data(Qt::BackgroundRole).isValid());
        QTRY_VERIFY(!m_fixture->context()
                         .notifier()
                         ->history()
                         .filter(QStringLiteral("Archive failed"))
                         .isEmpty());
        QCOMPARE(m_panel->summary(), QString());
    }

    void manualStreamsAndLayout()
    {
        QString connection;
        const QString session = m_fixture->server().createSession(true);
        connection = m_fixture->server().addConnection(session);
        const QString stream = m_fixture->server().addStream(session, connection);
        ArchiveOptions options;
        options.sessionId = session;
        options.name = QStringLiteral("Panel");
        options.streamMode = StreamMode::Manual;
        auto reply = test::await(m_fixture->context().workspace()->archives()->start(options));
        QVERIFY(reply->isSuccess());
        const QString id = reply->resultAs<Archive>().id;
        QTRY_VERIFY(m_panel->selectArchive(id));
        QVERIFY(action("actionChangeStreams")->isEnabled());
        action("actionChangeStreams")->trigger();
        auto *streams =
            m_fixture->find<ArchiveStreamsDialog>(QStringLiteral("archiveStreamsDialog"));
        QVERIFY(streams);
        auto *ok = field<QPushButton>(streams, "okButton");
        QVERIFY(!ok->isEnabled());
        // The session's published stream is offered; no ID has to be copied from elsewhere.
        auto *choices = field<QComboBox>(streams, "streamIdCombo");
        QTRY_VERIFY(choices->findText(stream) >= 0);
        choices->setCurrentIndex(choices->findText(stream));
        field<QCheckBox>(streams, "streamVideoCheck")->setChecked(false);
        QVERIFY(ok->isEnabled());
        ok->click();
        QTRY_VERIFY(!m_fixture->find<ArchiveStreamsDialog>(QStringLiteral("archiveStreamsDialog")));
        QTRY_COMPARE(m_panel->model()->find(id)->streams.size(), 1);
        QCOMPARE(m_panel->model()->find(id)->streams.first().hasVideo, false);

        QVERIFY(action("actionChangeLayout")->isEnabled());
        action("actionChangeLayout")->trigger();
        auto *layout = m_fixture->find<ArchiveLayoutDialog>(QStringLiteral("archiveLayoutDialog"));
        QVERIFY(layout);
        field<LayoutChooser>(layout, "layoutChooser")
            ->selectType(Layout::Type::VerticalPresentation);
        field<QPushButton>(layout, "okButton")->click();
        QTRY_VERIFY(!m_fixture->find<ArchiveLayoutDialog>(QStringLiteral("archiveLayoutDialog")));
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Positive);
        QCOMPARE(m_fixture->server()
                     .state()
                     .archives.value(id)
                     .layout.value(QLatin1String("type"))
                     .toString(),
            QStringLiteral("verticalPresentation"));
    }

    void profileSwitchClearsAndReloads()
    {
        startArchive(sessionWithStream(), QStringLiteral("Before"));
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        m_panel->startPrimaryAction();
        QVERIFY(dialog());
        QVERIFY(m_fixture->activateAccount());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QTRY_VERIFY(!dialog());
        QVERIFY(m_fixture->activateProject());
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OTADMIN_SCREENSHOT_DIR is not set");
        QVERIFY(QDir().mkpath(dir));
        m_fixture->window().resize(1280, 720);
        QVERIFY(m_panel->grab().save(QDir(dir).filePath(QStringLiteral("archives-empty.png"))));
        const QString session = sessionWithStream();
        availableArchive(QStringLiteral("Weekly review"));
        const QString doomed =
            startArchive(session, QStringLiteral("Product demo"), QStringLiteral("d"));
        QVERIFY(m_fixture->server().failArchive(doomed));
        startArchive(session, QStringLiteral("Town hall"), QStringLiteral("t"));
        startArchive(sessionWithStream(), QStringLiteral("Support call 1432"));
        m_panel->refresh();
        QTRY_VERIFY(!loading());
        QTRY_COMPARE(m_panel->model()->runningCount(), 2);
        QVERIFY(m_panel->selectArchive(m_panel->model()->at(0).id));
        QTest::qWait(1100);
        QVERIFY(
            m_fixture->window().grab().save(QDir(dir).filePath(QStringLiteral("archives.png"))));
        m_panel->startArchiveForSession(session);
        QTest::qWait(50);
        QVERIFY(dialog()->grab().save(QDir(dir).filePath(QStringLiteral("archives-start.png"))));
        dialog()->reject();

        // Several rows: the counted Stop, its one question, and the outcome.
        m_table->selectAll();
        QTest::qWait(50);
        QVERIFY(m_fixture->window().grab().save(
            QDir(dir).filePath(QStringLiteral("archives-selection.png"))));
        action("actionStopArchive")->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))));
        QVERIFY(box->grab().save(QDir(dir).filePath(QStringLiteral("archives-stop-confirm.png"))));
        QString running;
        for (int row = 0; row < m_panel->model()->rowCount() && running.isEmpty(); ++row)
            if (m_panel->model()->at(row).status == ArchiveStatus::Started)
                running = m_panel->model()->at(row).id;
        QVERIFY(m_fixture->server().failArchive(running));
        box->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_VERIFY(m_panel->banner()->kind() != MessageBanner::Kind::Information);
        QVERIFY(m_fixture->window().grab().save(
            QDir(dir).filePath(QStringLiteral("archives-stop-done.png"))));
    }

private:
    bool loading() const { return m_panel->findChild<ArchivePager *>()->isRunning(); }
    StartArchiveDialog *dialog() const
    {
        return m_fixture->find<StartArchiveDialog>(QStringLiteral("startArchiveDialog"));
    }
    template<typename T>
    static T *field(QObject *parent, const char *name)
    {
        T *child = parent->findChild<T *>(QString::fromLatin1(name));
        if (!child)
            qFatal("no child %s", name);
        return child;
    }
    QAction *action(const char *name) const { return field<QAction>(m_panel, name); }
    /// The archive IDs of the stop requests in the sandbox's journal, in arrival order.
    QStringList stopRequests() const
    {
        QStringList ids;
        for (const auto &entry : m_fixture->server().journal())
            if (entry.method == "POST" && entry.path.endsWith(QLatin1String("/stop")))
                ids << entry.path.section(QLatin1Char('/'), -2, -2);
        return ids;
    }
    QString statusCell(int row) const
    {
        return m_panel->proxy()
            ->index(row, ArchiveListModel::StatusColumn)
            .data(ModelRole::Status)
            .toString();
    }
    /// `count` archives of one new session in `status`, newest first, written into the
    /// sandbox's state directly: that many real starts would take longer than the test.
    void seedArchives(int count, const QString &status = QStringLiteral("uploaded"))
    {
        auto &state = m_fixture->server().state();
        const QString session = m_fixture->server().createSession(true);
        const qint64 now = m_fixture->server().nowMs();
        for (int i = 0; i < count; ++i) {
            sandbox::Archive a;
            a.id = sandbox::SandboxState::newUuid();
            a.projectKey = m_fixture->server().apiKey();
            a.sessionId = session;
            a.status = status;
            a.name = QStringLiteral("Archive %1").arg(i);
            a.createdAt = now - i * 1000;
            a.sequence = state.nextSequence();
            if (status != QLatin1String("started")) {
                a.duration = 60;
                a.size = 960000;
            }
            state.archives.insert(a.id, a);
        }
    }
    QString sessionWithStream()
    {
        const QString session = m_fixture->server().createSession(true);
        const QString connection = m_fixture->server().addConnection(session);
        m_fixture->server().addStream(session, connection);
        return session;
    }
    QString startArchive(const QString &session, const QString &name, const QString &tag = {})
    {
        ArchiveOptions options;
        options.sessionId = session;
        options.name = name;
        options.multiArchiveTag = tag;
        auto reply = test::await(m_fixture->context().workspace()->archives()->start(options));
        return reply->isSuccess() ? reply->resultAs<Archive>().id : QString();
    }
    /// Started, stopped and processed to `available` (the model follows it there).
    QString availableArchive(const QString &name)
    {
        const QString id = startArchive(sessionWithStream(), name);
        if (id.isEmpty()
            || !test::await(m_fixture->context().workspace()->archives()->stop(id))->isSuccess())
            return {};
        const bool available = QTest::qWaitFor(
            [&] {
                const auto a = m_panel->model()->find(id);
                return a && a->status == ArchiveStatus::Available;
            },
            10000);
        return available ? id : QString();
    }

    std::unique_ptr<test::GuiFixture> m_fixture;
    ArchivesPanel *m_panel = nullptr;
    QTableView *m_table = nullptr;
};

QTEST_MAIN(TestGuiArchives)
#include "tst_gui_archives.moc"
