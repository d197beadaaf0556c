// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: first start, sandbox profile, navigation, shortcuts, status bar, About, geometry.
#include "AboutDialog.h"
#include "GuiFixture.h"
#include "ProfileController.h"
#include "ReplyWaiter.h"
#include "SandboxLauncher.h"
#include "SandboxState.h"
#include "api/AccountApi.h"
#include "api/ArchivesApi.h"
#include "api/SessionsApi.h"
#include "api/Workspace.h"
#include "common/MessageBanner.h"
#include "common/Notifier.h"
#include "common/Panel.h"
#include "common/ProfileColor.h"
#include "credentials/MemoryCredentialStore.h"
#include "net/ApiError.h"
#include "settings/ProfileStore.h"

#include <QAction>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QProxyStyle>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleOption>
#include <QTemporaryDir>
#include <QTest>

using namespace otadmin;

namespace {

// An app context with no profile, in a settings file of its own (a first start).
struct FreshContext
{
    QTemporaryDir dir;
    QSettings settings {dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat};
    MemoryCredentialStore store;
    AppContext context {&settings, &store};
};

} // namespace

class TestGuiMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
    }
    void cleanup() { m_fixture.reset(); }

    void projectProfileShowsMediaPanels()
    {
        QVERIFY(m_fixture->activateProject());
        auto *nav = m_fixture->find<QListWidget>(QStringLiteral("navigation"));
        QVERIFY(nav);
        QStringList visible;
        for (int row = 0; row < nav->count(); ++row) {
            if (!nav->item(row)->isHidden())
                visible << nav->item(row)->data(Qt::UserRole).toString();
        }
        QCOMPARE(visible,
            QStringList({QStringLiteral("sessionsPanel"), QStringLiteral("archivesPanel"),
                QStringLiteral("broadcastsPanel"), QStringLiteral("sipPanel"),
                QStringLiteral("storagePanel"), QStringLiteral("requestLogPanel")}));
        QVERIFY(!m_fixture->showPanel(QStringLiteral("projectsPanel")));
    }

    void accountProfileShowsProjects()
    {
        QVERIFY(m_fixture->activateAccount());
        QVERIFY(m_fixture->showPanel(QStringLiteral("projectsPanel")));
        QVERIFY(!m_fixture->showPanel(QStringLiteral("archivesPanel")));
        QCOMPARE(m_fixture->window().currentPanel()->objectName(), QStringLiteral("projectsPanel"));
    }

    void statusBarNamesProfileAndUrl()
    {
        QVERIFY(m_fixture->activateProject());
        auto *tag = m_fixture->find<QLabel>(QStringLiteral("statusTag"));
        auto *url = m_fixture->find<QLabel>(QStringLiteral("statusUrl"));
        QVERIFY(tag && url);
        QCOMPARE(tag->text(), QStringLiteral("Sandbox"));
        QVERIFY(tag->isVisible());
        // Both carry the profile's colour, painted (no style sheet).
        const QColor tagColor(QString::fromLatin1(SandboxLauncher::TagColor));
        auto *switcher = m_fixture->find<ProfileSwitcher>(QStringLiteral("profileSwitcher"));
        QVERIFY(switcher && qobject_cast<ProfileTag *>(tag));
        QCOMPARE(qobject_cast<ProfileTag *>(tag)->color(), tagColor);
        QCOMPARE(switcher->color(), tagColor);
        for (QWidget *widget : std::initializer_list<QWidget *> {tag, switcher}) {
            QVERIFY(widget->styleSheet().isEmpty());
            const QImage image = widget->grab().toImage();
            QCOMPARE(image.pixelColor(3 * image.devicePixelRatio(), image.height() / 2), tagColor);
            // The window's own font: a bold one would be one more font engine to load on the
            // GUI thread before the first paint.
            QCOMPARE(widget->font(), m_fixture->window().font());
        }
        QCOMPARE(url->text(), m_fixture->server().baseUrl().toString());
        QVERIFY(m_fixture->window().windowTitle().startsWith(QStringLiteral("Sandbox")));
    }

    void iconsReadLateOrAsPngLookTheSame()
    {
        // The fixture installs the deferring style as otadminGuiMain() does. Also run with
        // QT_SCALE_FACTOR=2 (tst_gui_mainwindow_scale2), where every icon has a second scale.
        auto *style = qobject_cast<QProxyStyle *>(QApplication::style());
        QVERIFY(style && style->baseStyle());
        const qreal appScale = qApp->devicePixelRatio();
        const auto compare = [](const QIcon &deferred, const QIcon &direct) {
            QVERIFY(!deferred.isNull());
            QCOMPARE(deferred.availableSizes(), direct.availableSizes());
            QCOMPARE(deferred.actualSize(QSize(16, 16)), direct.actualSize(QSize(16, 16)));
            for (const qreal scale : {1.0, 1.5, 2.0}) {
                QCOMPARE(deferred.pixmap(QSize(16, 16), scale).toImage(),
                    direct.pixmap(QSize(16, 16), scale).toImage());
            }
            QCOMPARE(deferred.pixmap(QSize(16, 16), QIcon::Disabled).toImage(),
                direct.pixmap(QSize(16, 16), QIcon::Disabled).toImage());
            QImage painted(QSize(32, 32), QImage::Format_ARGB32_Premultiplied);
            QImage paintedDirect = painted;
            painted.setDevicePixelRatio(2);
            paintedDirect.setDevicePixelRatio(2);
            painted.fill(Qt::transparent);
            paintedDirect.fill(Qt::transparent);
            {
                QPainter p(&painted);
                deferred.paint(&p, QRect(0, 0, 16, 16));
                QPainter q(&paintedDirect);
                direct.paint(&q, QRect(0, 0, 16, 16));
            }
            QCOMPARE(painted, paintedDirect);
        };
        // The bars' extension icons, unread until used: as the base style draws them, in
        // both directions and without an option (the application's direction).
        for (const QStyle::StandardPixmap pixmap : {QStyle::SP_ToolBarHorizontalExtensionButton,
                 QStyle::SP_ToolBarVerticalExtensionButton}) {
            compare(style->standardIcon(pixmap), style->baseStyle()->standardIcon(pixmap));
            for (const Qt::LayoutDirection direction : {Qt::LeftToRight, Qt::RightToLeft}) {
                QStyleOption option;
                option.direction = direction;
                compare(style->standardIcon(pixmap, &option),
                    style->baseStyle()->standardIcon(pixmap, &option));
            }
        }
        // Any other: the base style's, as it was.
        compare(style->standardIcon(QStyle::SP_BrowserReload),
            style->baseStyle()->standardIcon(QStyle::SP_BrowserReload));

        // The area icons, read as PNGs: the 22 px picture, and "@2x" at a scale of 2.
        const QIcon area = Panel::areaIcon(QStringLiteral("sessionsPanel"));
        const auto argb = [](const QImage &image) {
            QImage converted = image.convertToFormat(QImage::Format_ARGB32);
            converted.setDevicePixelRatio(1);
            return converted;
        };
        QCOMPARE(argb(area.pixmap(QSize(22, 22), 1.0).toImage()),
            argb(QImage(QStringLiteral(":/icons/areas/sessions.png"))));
        QCOMPARE(area.actualSize(QSize(22, 22)), QSize(22, 22));
        if (appScale >= 2) {
            QCOMPARE(argb(area.pixmap(QSize(22, 22), 2.0).toImage()),
                argb(QImage(QStringLiteral(":/icons/areas/sessions@2x.png"))));
        }
    }

    void ctrlNumberSwitchesPanels()
    {
        QVERIFY(m_fixture->activateProject());
        QTest::keyClick(&m_fixture->window(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_fixture->window().currentPanel()->objectName(), QStringLiteral("archivesPanel"));
        QTest::keyClick(&m_fixture->window(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_fixture->window().currentPanel()->objectName(), QStringLiteral("sessionsPanel"));
    }

    void panelsAreBuiltOnFirstUseAndAfterShow()
    {
        // Only the panel shown first is built before the window appears; the others follow
        // once it is shown, catch up with the active profile and bring their summaries.
        QVERIFY(m_fixture->activateProject());
        sandbox::Archive recording;
        recording.id = sandbox::SandboxState::newUuid();
        recording.projectKey = m_fixture->server().apiKey();
        recording.sessionId = m_fixture->server().createSession(true);
        recording.status = QStringLiteral("started");
        recording.name = QStringLiteral("Recording");
        recording.createdAt = m_fixture->server().nowMs();
        recording.sequence = m_fixture->server().state().nextSequence();
        m_fixture->server().state().archives.insert(recording.id, recording);

        MainWindow window(m_fixture->context());
        QCOMPARE(window.builtPanelCount(), 1);
        QCOMPARE(window.currentPanel()->objectName(), QStringLiteral("sessionsPanel"));
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(nav);
        QCOMPARE(nav->count(), 7);
        QCOMPARE(nav->item(1)->text(), QStringLiteral("Archives"));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionGo_storagePanel"))->text(),
            QStringLiteral("Storage"));

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.builtPanelCount(), 7, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            nav->item(1)->text(), QStringLiteral("Archives \u00b7 1 recording"), 5000);
        // Built without a profile change: enabled as the profile allows.
        QVERIFY(window.panel(QStringLiteral("archivesPanel"))->isEnabled());
        QVERIFY(!window.panel(QStringLiteral("projectsPanel"))->isEnabled());
    }

    void showPanelBuildsThePanel()
    {
        QVERIFY(m_fixture->activateProject());
        MainWindow window(m_fixture->context());
        QCOMPARE(window.builtPanelCount(), 1);
        QVERIFY(window.showPanel(QStringLiteral("storagePanel")));
        QCOMPARE(window.builtPanelCount(), 2);
        QCOMPARE(window.currentPanel()->objectName(), QStringLiteral("storagePanel"));
        QCOMPARE(window.panels().size(), 7);
        QCOMPARE(window.builtPanelCount(), 7);
    }

    void aboutNamesVersions()
    {
        const QString line = AboutDialog::versionLine();
        QVERIFY(line.contains(QStringLiteral(OTADMIN_VERSION)));
        QVERIFY(line.contains(QString::fromLatin1(qVersion())));
        QVERIFY(line.contains(QStringLiteral("QtKeychain 0.")));
    }

    void geometryAndLastPanelAreRemembered()
    {
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("storagePanel")));
        m_fixture->window().close();
        QCOMPARE(m_fixture->settings().value(QStringLiteral("window/lastPanel")).toString(),
            QStringLiteral("storagePanel"));
        QVERIFY(!m_fixture->settings()
                     .value(QStringLiteral("window/geometry"))
                     .toByteArray()
                     .isEmpty());
    }

    void trayIsLookedForAfterTheFirstPaint()
    {
        // Looking for the system tray talks to the session bus on Linux: not before the window
        // is painted, right after it, and at once for a notification that comes earlier.
        FreshContext fresh;
        AppContext &context = fresh.context;
        MainWindow window(context);
        window.show();
        QVERIFY(!context.notifier()->isStarted());
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(context.notifier()->isStarted());

        Notifier early;
        QVERIFY(!early.isStarted());
        early.notify(QStringLiteral("Archive failed"), QStringLiteral("Town hall"));
        QVERIFY(early.isStarted());
        QCOMPARE(early.history(), QStringList {QStringLiteral("Archive failed: Town hall")});
    }

    void unchangedWindowStateIsNotWrittenAgain()
    {
        // QSettings rewrites and fsyncs its whole file at exit after any setValue(), even of
        // an unchanged value: closing with the geometry, state and panel already saved writes
        // nothing.
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("storagePanel")));
        MainWindow &window = m_fixture->window();
        QSettings &settings = m_fixture->settings();
        window.close();
        settings.sync();
        const QDateTime written(QDate(2001, 1, 1), QTime(0, 0), Qt::UTC);
        {
            QFile file(settings.fileName());
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(written, QFileDevice::FileModificationTime));
        }
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.close();
        settings.sync();
        QCOMPARE(QFileInfo(settings.fileName()).lastModified(), written);
        QCOMPARE(settings.value(QStringLiteral("window/lastPanel")).toString(),
            QStringLiteral("storagePanel"));
    }

    void firstStartOffersTheSandbox()
    {
        // No profile at all: the welcome page, then the embedded sandbox on one click.
        FreshContext fresh;
        AppContext &context = fresh.context;
        // The module the app loads at the sandbox's first call (app/gui/GuiMain.cpp).
        context.sandbox()->setServerFactory(
            SandboxLauncher::moduleFactory(QStringLiteral(OTADMIN_SANDBOX_MODULE)));
        MainWindow window(context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *welcome = window.findChild<QWidget *>(QStringLiteral("welcomePage"));
        QVERIFY(welcome && welcome->isVisible());
        QVERIFY(window.findChild<QPushButton *>(QStringLiteral("addProjectButton"))->isVisible());
        window.findChild<QPushButton *>(QStringLiteral("trySandboxButton"))->click();
        QTRY_COMPARE(context.profiles()->activeName(), QStringLiteral("Sandbox"));
        QVERIFY(context.sandbox()->isRunning());
        QVERIFY(!welcome->isVisible());
        QCOMPARE(window.currentPanel()->objectName(), QStringLiteral("sessionsPanel"));
        // Transient: nothing about the sandbox is saved as a profile.
        QVERIFY(context.profileStore()->profiles().isEmpty());
        // It answers over HTTP from its own thread, with the credentials the profile holds.
        auto created = test::await(context.workspace()->sessions()->create({}));
        QVERIFY2(created->isSuccess(), qPrintable(created->error().userMessage()));
        auto listed = test::await(context.workspace()->archives()->list());
        QVERIFY(listed->isSuccess());
        QCOMPARE(listed->resultAs<ArchiveList>().count, 0);
        context.profiles()->activate(QStringLiteral("Sandbox account"));
        QTRY_COMPARE(context.profiles()->activeName(), QStringLiteral("Sandbox account"));
        auto projects = test::await(context.workspace()->account()->listProjects());
        QVERIFY2(projects->isSuccess(), qPrintable(projects->error().userMessage()));
    }

    void sandboxWithoutItsModuleFailsCallsAtOnce()
    {
        // A broken install: the module is missing. The sandbox still listens (its profiles
        // exist); the first call fails at once instead of waiting for its 30 s deadline, and
        // the window says why.
        FreshContext fresh;
        AppContext &context = fresh.context;
        context.sandbox()->setServerFactory(SandboxLauncher::moduleFactory(
            fresh.dir.filePath(QStringLiteral("no-such-module.so"))));
        MainWindow window(context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy failed(context.sandbox(), &SandboxLauncher::failed);
        QString error;
        QVERIFY2(context.sandbox()->start(&error), qPrintable(error));
        context.profiles()->activate(QString::fromLatin1(SandboxLauncher::ProjectProfileName));
        QTRY_COMPARE(context.profiles()->activeName(), QStringLiteral("Sandbox"));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("^The sandbox cannot start: ")));
        QElapsedTimer timer;
        timer.start();
        auto created = test::await(context.workspace()->sessions()->create({}), 40'000);
        QVERIFY(!created->isSuccess());
        QCOMPARE(created->error().kind(), ApiError::Kind::Network);
        QVERIFY2(timer.elapsed() < 5'000, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(failed.count(), 1);
        const QString reason = failed.at(0).at(0).toString();
        QVERIFY2(reason.contains(QLatin1String("no-such-module.so")), qPrintable(reason));
        auto *banner = window.findChild<MessageBanner *>(QStringLiteral("windowBanner"));
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->text(), reason);
    }

    void sandboxNeedsAServer()
    {
        FreshContext fresh;
        AppContext &context = fresh.context;
        QString error;
        QVERIFY(!context.sandbox()->start(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!context.sandbox()->isRunning());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set OTADMIN_SCREENSHOT_DIR to save screenshots");
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("requestLogPanel")));
        m_fixture->window().resize(1180, 720);
        QTRY_VERIFY(!m_fixture->window()
                         .currentPanel()
                         ->findChild<QLabel *>(QStringLiteral("panelTitle"))
                         ->text()
                         .isEmpty());
        QVERIFY(m_fixture->window().grab().save(dir + QStringLiteral("/requestlog.png")));

        // The first start, with no profile at all.
        QTemporaryDir empty;
        QSettings settings(empty.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        MemoryCredentialStore store;
        AppContext context(&settings, &store);
        MainWindow window(context);
        window.resize(1000, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.grab().save(dir + QStringLiteral("/welcome.png")));
    }

private:
    std::unique_ptr<test::GuiFixture> m_fixture;
};

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
