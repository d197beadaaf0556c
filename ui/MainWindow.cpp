// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: navigation, panels, profile switcher, status bar and shortcuts.
#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppContext.h"
#include "ProfileController.h"
#include "SandboxLauncher.h"
#include "api/Workspace.h"
#include "archives/ArchivesPanel.h"
#include "broadcasts/BroadcastsPanel.h"
#include "common/MessageBanner.h"
#include "common/Notifier.h"
#include "common/ProfileColor.h"
#include "common/StyleIcons.h"
#include "net/RequestLog.h"
#include "profiles/ActivationNotices.h"
#include "profiles/PreferencesDialog.h"
#include "profiles/ProfilesDialog.h"
#include "profiles/WelcomePage.h"
#include "projects/ProjectsPanel.h"
#include "requestlog/RequestLogPanel.h"
#include "sessions/SessionsPanel.h"
#include "sip/SipPanel.h"
#include "storage/StoragePanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWindow>

#include <algorithm>

namespace otadmin {

namespace {
constexpr char GeometryKey[] = "window/geometry";
constexpr char StateKey[] = "window/state";
constexpr char LastPanelKey[] = "window/lastPanel";
} // namespace

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent),
      m_context(context),
      m_nav(new QListWidget(this)),
      m_stack(new QStackedWidget(this)),
      m_central(new QStackedWidget(this)),
      m_banner(new MessageBanner(this)),
      m_switcher(new ProfileSwitcher(this)),
      m_statusTag(new ProfileTag(this)),
      m_statusProfile(new QLabel(this)),
      m_statusUrl(new QLabel(this)),
      m_statusRequest(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QApplication::applicationDisplayName());
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Areas"));
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setSpacing(2);
    m_stack->setObjectName(QStringLiteral("panels"));
    m_banner->setObjectName(QStringLiteral("windowBanner"));

    addPanelSlot<SessionsPanel>("sessionsPanel");
    addPanelSlot<ArchivesPanel>("archivesPanel");
    addPanelSlot<BroadcastsPanel>("broadcastsPanel");
    addPanelSlot<SipPanel>("sipPanel");
    addPanelSlot<StoragePanel>("storagePanel");
    addPanelSlot<ProjectsPanel>("projectsPanel");
    addPanelSlot<RequestLogPanel>("requestLogPanel");

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    m_nav->setMinimumWidth(170);
    splitter->setSizes({200, 900});

    auto *work = new QWidget(this);
    m_work = work;
    auto *workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->addWidget(m_banner);
    workLayout->addWidget(splitter, 1);
    m_central->addWidget(work);
    setCentralWidget(m_central);

    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (Panel *p = ensurePanel(row))
            m_stack->setCurrentWidget(p);
    });

    createActions();
    createToolBar();
    createStatusBar();

    ProfileController *profiles = m_context.profiles();
    connect(profiles, &ProfileController::profilesChanged, this, [this] {
        rebuildProfileSwitcher();
        updateProfileUi();
    });
    connect(profiles, &ProfileController::activated, this, &MainWindow::updateProfileUi);
    connect(profiles, &ProfileController::activationFailed, this, &MainWindow::updateProfileUi);
    // A broken install: the sandbox's server module is missing. Its calls fail; this says why.
    connect(m_context.sandbox(), &SandboxLauncher::failed, this,
        [this](const QString &reason) { m_banner->showError(reason); });
    // After the connections above: the banner is set once the window shows the outcome.
    m_notices = new ActivationNotices(m_context, m_banner, this);
    statusBar()->addWidget(m_notices->statusLabel());
    connect(
        m_context.workspace(), &Workspace::profileDeactivated, this, &MainWindow::updateProfileUi);
    connect(m_context.workspace()->requestLog(), &RequestLog::entryAdded, this,
        &MainWindow::showRequestOutcome);

    rebuildProfileSwitcher();
    updateProfileUi();
    restoreState();
}

MainWindow::~MainWindow() = default;

template<typename T>
void MainWindow::addPanelSlot(const char *objectName)
{
    PanelSlot slot;
    slot.objectName = QString::fromLatin1(objectName);
    slot.title = T::areaTitle();
    slot.icon = Panel::areaIcon(slot.objectName);
    slot.isAvailableFor = &T::isAreaFor;
    slot.build = [this] { return new T(m_context, this); };
    auto *item = new QListWidgetItem(slot.icon, slot.title, m_nav);
    item->setData(Qt::UserRole, slot.objectName);
    item->setData(Qt::AccessibleTextRole, slot.title);
    m_slots.append(std::move(slot));
}

Panel *MainWindow::ensurePanel(int row)
{
    if (row < 0 || row >= m_slots.size())
        return nullptr;
    if (Panel *built = m_slots.at(row).panel)
        return built;
    Panel *panel = m_slots.at(row).build();
    Q_ASSERT(panel->objectName() == m_slots.at(row).objectName);
    m_slots[row].panel = panel;
    m_stack->addWidget(panel);
    QListWidgetItem *item = m_nav->item(row);
    connect(panel, &Panel::summaryChanged, this, [item, panel](const QString &summary) {
        item->setText(summary.isEmpty() ? panel->title()
                                        : panel->title() + QStringLiteral(" \u00b7 ") + summary);
    });
    connect(panel, &Panel::panelRequested, this, &MainWindow::showPanel);
    if (panel->objectName() == QLatin1String("sessionsPanel"))
        connectSessionActions(panel);
    const auto &profile = m_context.workspace()->profile();
    panel->setEnabled(profile && panel->isAvailableFor(profile->kind));
    panel->followActiveProfile();
    return panel;
}

void MainWindow::connectSessionActions(Panel *sessions)
{
    // "Start archive…" and friends on a session open the other panel's form for it.
    connect(static_cast<SessionsPanel *>(sessions), &SessionsPanel::sessionActionRequested, this,
        [this](const QString &target, const QString &sessionId) {
            Panel *p = panel(target);
            if (auto *archives = qobject_cast<ArchivesPanel *>(p))
                archives->startArchiveForSession(sessionId);
            else if (auto *broadcasts = qobject_cast<BroadcastsPanel *>(p))
                broadcasts->startBroadcastForSession(sessionId);
            else if (auto *sip = qobject_cast<SipPanel *>(p))
                sip->dialForSession(sessionId);
        });
}

void MainWindow::showEvent(QShowEvent *event)
{
    updateCentral();
    QMainWindow::showEvent(event);
    if (m_afterFirstPaintArmed)
        return;
    m_afterFirstPaintArmed = true;
    // The other panels and the tray icon come once the window has been painted (its first
    // expose), so they never delay what the user sees first; a window that is not exposed
    // (another workspace) gets them a little later all the same.
    if (QWindow *window = windowHandle())
        window->installEventFilter(this);
    QTimer::singleShot(500, this, &MainWindow::startAfterFirstPaint);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Expose && watched == windowHandle()
        && windowHandle()->isExposed()) {
        watched->removeEventFilter(this);
        startAfterFirstPaint();
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::startAfterFirstPaint()
{
    // Queued: runs after the expose that called it has painted the window. The application's
    // icon (ensureApplicationIcon() says why it waits for this) comes before the tray icon
    // that shows it; looking for the system tray talks to the session bus on Linux. Each step
    // runs once.
    QTimer::singleShot(0, this, &ensureApplicationIcon);
    QTimer::singleShot(0, m_context.notifier(), &Notifier::start);
    buildNextPanelLater();
}

void MainWindow::buildNextPanelLater()
{
    // One panel per event-loop turn, so the window paints and stays responsive meanwhile.
    if (m_buildingLater || builtPanelCount() == m_slots.size())
        return;
    m_buildingLater = true;
    QTimer::singleShot(0, this, [this] {
        m_buildingLater = false;
        for (int row = 0; row < m_slots.size(); ++row) {
            if (!m_slots.at(row).panel) {
                ensurePanel(row);
                break;
            }
        }
        buildNextPanelLater();
    });
}

int MainWindow::builtPanelCount() const
{
    return int(std::count_if(m_slots.cbegin(), m_slots.cend(),
        [](const PanelSlot &slot) { return slot.panel != nullptr; }));
}

Panel *MainWindow::panel(const QString &objectName)
{
    for (int row = 0; row < m_slots.size(); ++row) {
        if (m_slots.at(row).objectName == objectName)
            return ensurePanel(row);
    }
    return nullptr;
}

QList<Panel *> MainWindow::panels()
{
    QList<Panel *> all;
    for (int row = 0; row < m_slots.size(); ++row)
        all.append(ensurePanel(row));
    return all;
}

Panel *MainWindow::currentPanel() const
{
    return qobject_cast<Panel *>(m_stack->currentWidget());
}

bool MainWindow::showPanel(const QString &objectName)
{
    for (int row = 0; row < m_slots.size(); ++row) {
        if (m_slots.at(row).objectName != objectName)
            continue;
        if (m_nav->item(row)->isHidden())
            return false;
        m_nav->setCurrentRow(row);
        return true;
    }
    return false;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *manage = file->addAction(tr("&Profiles\u2026"), this, &MainWindow::openProfiles);
    manage->setObjectName(QStringLiteral("actionProfiles"));
    manage->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    QAction *preferences =
        file->addAction(tr("P&references\u2026"), this, &MainWindow::openPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_slots.size(); ++i) {
        const PanelSlot &slot = m_slots.at(i);
        QAction *action = go->addAction(slot.icon, slot.title);
        action->setObjectName(QStringLiteral("actionGo_") + slot.objectName);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(
            action, &QAction::triggered, this, [this, name = slot.objectName] { showPanel(name); });
    }

    QMenu *actions = menuBar()->addMenu(tr("&Actions"));
    QAction *create = actions->addAction(tr("&New\u2026"));
    create->setObjectName(QStringLiteral("actionNew"));
    create->setShortcut(QKeySequence::New);
    connect(create, &QAction::triggered, this, [this] {
        if (Panel *p = currentPanel())
            p->startPrimaryAction();
    });
    QAction *refresh = actions->addAction(tr("&Refresh"));
    refresh->setObjectName(QStringLiteral("actionRefresh"));
    refresh->setShortcuts({QKeySequence::Refresh, QKeySequence(QStringLiteral("Ctrl+R"))});
    connect(refresh, &QAction::triggered, this, [this] {
        if (Panel *p = currentPanel())
            p->refresh();
    });
    QAction *filter = actions->addAction(tr("&Filter"));
    filter->setObjectName(QStringLiteral("actionFilter"));
    filter->setShortcut(QKeySequence::Find);
    connect(filter, &QAction::triggered, this, [this] {
        if (Panel *p = currentPanel())
            p->focusFilter();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About OpenTok Admin"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Profile"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    m_switcher->setObjectName(QStringLiteral("profileSwitcher"));
    m_switcher->setAccessibleName(tr("Active profile"));
    m_switcher->setMinimumContentsLength(18);
    m_switcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(new QLabel(tr(" Profile: "), this));
    bar->addWidget(m_switcher);
    QAction *manage = bar->addAction(tr("Manage\u2026"), this, &MainWindow::openProfiles);
    manage->setObjectName(QStringLiteral("actionManageProfiles"));
    manage->setToolTip(tr("Add, edit or remove profiles"));
    connect(m_switcher, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updatingSwitcher || index < 0)
            return;
        const QString name = m_switcher->itemData(index).toString();
        if (name != m_context.profiles()->activeName())
            m_context.profiles()->activate(name);
    });
}

void MainWindow::createStatusBar()
{
    m_statusTag->setObjectName(QStringLiteral("statusTag"));
    m_statusProfile->setObjectName(QStringLiteral("statusProfile"));
    m_statusUrl->setObjectName(QStringLiteral("statusUrl"));
    m_statusRequest->setObjectName(QStringLiteral("statusLastRequest"));
    statusBar()->addWidget(m_statusTag);
    statusBar()->addWidget(m_statusProfile);
    statusBar()->addWidget(m_statusUrl, 1);
    statusBar()->addPermanentWidget(m_statusRequest);
    m_statusRequest->setText(tr("No request yet"));
}

QIcon MainWindow::tagIcon(const QString &color) const
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.setBrush(QColor::isValidColorName(color) ? QColor(color) : QColor(Qt::transparent));
    painter.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    return QIcon(pixmap);
}

void MainWindow::rebuildProfileSwitcher()
{
    m_updatingSwitcher = true;
    m_switcher->clear();
    const ProfileController *profiles = m_context.profiles();
    for (const Profile &profile : profiles->profiles()) {
        QString label = profile.name;
        if (profile.kind == ProfileKind::Account)
            label += tr(" (account)");
        m_switcher->addItem(tagIcon(profile.color), label, profile.name);
    }
    m_switcher->setCurrentIndex(m_switcher->findData(profiles->activeName()));
    m_switcher->setEnabled(m_switcher->count() > 0);
    m_updatingSwitcher = false;
}

void MainWindow::updateProfileUi()
{
    const auto &profile = m_context.workspace()->profile();
    updateCentral();

    m_updatingSwitcher = true;
    m_switcher->setCurrentIndex(m_switcher->findData(profile ? profile->name : QString()));
    m_updatingSwitcher = false;

    const QString color = profile ? profile->color : QString();
    const QString name = profile ? profile->name : tr("No profile");
    // The switcher itself carries the tag colour, so the environment is visible at all times.
    const QColor tagColor = QColor::isValidColorName(color) ? QColor(color) : QColor();
    m_switcher->setColor(tagColor);
    m_statusTag->setText(profile ? name : QString());
    m_statusTag->setColor(tagColor);
    m_statusTag->setVisible(profile && !color.isEmpty());
    m_statusProfile->setText(profile && color.isEmpty() ? name : QString());
    m_statusProfile->setVisible(!profile || color.isEmpty());
    if (!profile)
        m_statusProfile->setText(tr("No profile active"));
    m_statusUrl->setText(profile ? profile->effectiveApiUrl().toString() : QString());
    QString title = QApplication::applicationDisplayName();
    if (profile)
        title = profile->name + QStringLiteral(" \u2014 ") + title;
    setWindowTitle(title);

    const ProfileKind kind = profile ? profile->kind : ProfileKind::Project;
    for (int row = 0; row < m_slots.size(); ++row) {
        const bool available = profile && m_slots.at(row).isAvailableFor(kind);
        m_nav->item(row)->setHidden(!available);
        if (Panel *built = m_slots.at(row).panel)
            built->setEnabled(available);
    }
    if (profile && !m_pendingPanel.isEmpty() && showPanel(m_pendingPanel))
        m_pendingPanel.clear();
    if (m_nav->currentRow() < 0 || m_nav->currentItem()->isHidden()) {
        for (int row = 0; row < m_nav->count(); ++row) {
            if (!m_nav->item(row)->isHidden()) {
                m_nav->setCurrentRow(row);
                break;
            }
        }
    }
}

void MainWindow::updateCentral()
{
    // The welcome page is only for a first start (no profile at all). A window not shown yet
    // decides in showEvent(): main() adds the sandbox's profiles after building the window.
    if (!m_context.profiles()->profiles().isEmpty() || !isVisible()) {
        m_central->setCurrentWidget(m_work);
        return;
    }
    if (!m_welcome) {
        m_welcome = new WelcomePage(m_context, this);
        connect(m_welcome, &WelcomePage::addProfileRequested, this, &MainWindow::openAddProfile);
        m_central->addWidget(m_welcome);
    }
    m_central->setCurrentWidget(m_welcome);
}

void MainWindow::showRequestOutcome(const RequestLogEntry &entry)
{
    const QString what = QString::fromLatin1(entry.method) + QLatin1Char(' ') + entry.url.path();
    QString outcome;
    if (entry.error.isEmpty())
        outcome =
            tr("%1 \u2192 %2 in %3 ms").arg(what).arg(entry.httpStatus).arg(entry.durationMSecs);
    else if (entry.httpStatus)
        outcome = tr("%1 \u2192 %2 (failed)").arg(what).arg(entry.httpStatus);
    else
        outcome = tr("%1 \u2192 no answer").arg(what);
    m_statusRequest->setText(outcome);
    m_statusRequest->setToolTip(entry.error);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openProfiles()
{
    if (auto *open = findChild<ProfilesDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new ProfilesDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openAddProfile()
{
    openProfiles();
    if (auto *dialog = findChild<ProfilesDialog *>())
        dialog->openAdd();
}

void MainWindow::openPreferences()
{
    auto *dialog = new PreferencesDialog(m_context, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::restoreState()
{
    QSettings *settings = m_context.settings();
    if (!restoreGeometry(settings->value(QLatin1String(GeometryKey)).toByteArray()))
        resize(1180, 760);
    QMainWindow::restoreState(settings->value(QLatin1String(StateKey)).toByteArray());
    m_pendingPanel = settings->value(QLatin1String(LastPanelKey)).toString();
    if (showPanel(m_pendingPanel))
        m_pendingPanel.clear();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Only what changed: any setValue(), even of the same value, makes QSettings rewrite and
    // fsync the whole file (under a lock file) when the application exits.
    QSettings *settings = m_context.settings();
    const auto remember = [settings](const char *key, const QVariant &value) {
        const QString name = QLatin1String(key);
        if (settings->value(name) != value)
            settings->setValue(name, value);
    };
    remember(GeometryKey, saveGeometry());
    remember(StateKey, saveState());
    if (Panel *p = currentPanel())
        remember(LastPanelKey, p->objectName());
    QMainWindow::closeEvent(event);
}

} // namespace otadmin
