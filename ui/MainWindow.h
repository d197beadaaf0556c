// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: sidebar of areas, one panel at a time, profile switcher, status bar.
#pragma once

#include <QIcon>
#include <QList>
#include <QMainWindow>
#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace otadmin {

class ActivationNotices;
class AppContext;
class MessageBanner;
class Panel;
class ProfileSwitcher;
class ProfileTag;
class WelcomePage;
struct Profile;
struct RequestLogEntry;
enum class ProfileKind;

/// Panels are created once and stay alive (their models keep listening to the area
/// signals); the sidebar shows only those that work with the active profile's kind.
/// Window geometry, state and the last panel are remembered in the settings.
/// Only the panel shown first is built before the window appears, which keeps start-up
/// short; the others are built when asked for (panel(), showPanel()) or, one per event-loop
/// turn, once the window has been painted, so their sidebar summaries follow shortly after.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The panel with this object name ("archivesPanel", ...), built if it was not yet, or
    /// null.
    Panel *panel(const QString &objectName);
    Panel *currentPanel() const;
    /// Shows the panel (if it is available for the active profile), building it if needed.
    bool showPanel(const QString &objectName);
    /// Every panel, in sidebar order (builds those not built yet).
    QList<Panel *> panels();
    /// How many panels are built so far.
    int builtPanelCount() const;
    MessageBanner *windowBanner() const { return m_banner; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// A sidebar entry; `panel` is null until the panel is built.
    struct PanelSlot
    {
        QString objectName;
        QString title;
        QIcon icon;
        bool (*isAvailableFor)(ProfileKind);
        std::function<Panel *()> build;
        Panel *panel = nullptr;
    };
    template<typename T>
    void addPanelSlot(const char *objectName);
    Panel *ensurePanel(int row);
    void startAfterFirstPaint();
    void buildNextPanelLater();
    void connectSessionActions(Panel *sessions);
    void createActions();
    void createToolBar();
    void createStatusBar();
    void updateNavigation();
    void updateProfileUi();
    void updateCentral();
    void rebuildProfileSwitcher();
    void showRequestOutcome(const RequestLogEntry &entry);
    void openPreferences();
    void showAbout();
    void openProfiles();
    void openAddProfile();
    void restoreState();
    QIcon tagIcon(const QString &color) const;

    AppContext &m_context;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QStackedWidget *m_central;
    QWidget *m_work = nullptr; // banner, sidebar and panels
    WelcomePage *m_welcome = nullptr; // built on a first start (no profile at all)
    MessageBanner *m_banner;
    ProfileSwitcher *m_switcher;
    ProfileTag *m_statusTag;
    QLabel *m_statusProfile;
    QLabel *m_statusUrl;
    QLabel *m_statusRequest;
    ActivationNotices *m_notices = nullptr;
    QList<PanelSlot> m_slots;
    bool m_afterFirstPaintArmed = false;
    bool m_buildingLater = false;
    QString m_pendingPanel; // the last session's panel, shown once a profile allows it
    bool m_updatingSwitcher = false;
};

} // namespace otadmin
