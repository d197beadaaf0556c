// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: sidebar of areas, one panel at a time, profile switcher, status bar.
#pragma once

#include <QList>
#include <QMainWindow>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace otadmin {

class ActivationNotices;
class AppContext;
class MessageBanner;
class Panel;
class WelcomePage;
struct Profile;
struct RequestLogEntry;

/// Panels are created once and stay alive (their models keep listening to the area
/// signals); the sidebar shows only those that work with the active profile's kind.
/// Window geometry, state and the last panel are remembered in the settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The panel with this object name ("archivesPanel", ...), or null.
    Panel *panel(const QString &objectName) const;
    Panel *currentPanel() const;
    /// Shows the panel (if it is available for the active profile).
    bool showPanel(const QString &objectName);
    QList<Panel *> panels() const { return m_panels; }
    MessageBanner *windowBanner() const { return m_banner; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void createStatusBar();
    void addPanel(Panel *panel);
    void updateNavigation();
    void updateProfileUi();
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
    WelcomePage *m_welcome;
    MessageBanner *m_banner;
    QComboBox *m_switcher;
    QLabel *m_statusTag;
    QLabel *m_statusProfile;
    QLabel *m_statusUrl;
    QLabel *m_statusRequest;
    ActivationNotices *m_notices = nullptr;
    QList<Panel *> m_panels;
    QString m_pendingPanel; // the last session's panel, shown once a profile allows it
    bool m_updatingSwitcher = false;
};

} // namespace otadmin
