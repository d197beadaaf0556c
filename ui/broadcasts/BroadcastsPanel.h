// SPDX-License-Identifier: GPL-3.0-or-later
// The Broadcasts panel: live broadcasts with their outputs, start/stop/layout/streams, export.
#pragma once

#include "common/Panel.h"
#include "types/Broadcast.h"

#include <QHash>
#include <QPointer>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace otadmin {

class BroadcastDetailPane;
class BroadcastFeed;
class BroadcastListModel;
class LiveTableProxy;
class StartBroadcastDialog;

/// Object names: broadcastsTable, filterEdit, sessionFilterEdit, broadcastDetail, actions
/// startBroadcastAction, stopBroadcastAction, changeLayoutAction, addStreamAction,
/// removeStreamAction, copyIdAction, copyHlsAction, exportCsvAction, exportJsonAction,
/// refreshAction; loadProgress/cancelLoadButton while paging; emptyState/emptyStartButton.
/// Loads every broadcast of the project when a project profile activates and follows the
/// running ones (BroadcastFeed); the sidebar shows "N live".
class BroadcastsPanel : public Panel
{
    Q_OBJECT

public:
    enum class Format
    {
        Csv,
        Json
    };

    explicit BroadcastsPanel(AppContext &context, QWidget *parent = nullptr);

    static QString areaTitle() { return tr("Broadcasts"); }
    QString title() const override { return areaTitle(); }
    void refresh() override;
    void startPrimaryAction() override;
    void focusFilter() override;

    /// Writes what the table shows (sorted, filtered) to `path`; false on a write error.
    bool exportTo(const QString &path, Format format);
    BroadcastFeed *feed() const { return m_feed; }
    BroadcastListModel *model() const;
    /// The selected broadcast's ID, or empty.
    QString selectedId() const;
    void selectBroadcast(const QString &id);

public Q_SLOTS:
    /// Opens the start dialog with the session filled in (e.g. from the Sessions panel).
    void startBroadcastForSession(const QString &sessionId);

protected:
    void profileActivated(const Profile &profile) override;

private:
    void createActions();
    QWidget *createToolBar();
    QWidget *createEmptyState();
    std::optional<Broadcast> selected() const;
    void updateSelection();
    void updateEmptyState();
    void showContextMenu(const QPoint &pos);
    QString profileName() const;
    QString describe(const Broadcast &b) const;

    void openStartDialog(const QString &sessionId);
    void startBroadcast(StartBroadcastDialog *dialog, const BroadcastOptions &options);
    void confirmStop();
    void stopBroadcast(const QString &id);
    void openLayoutDialog();
    void openStreamDialog(bool add);
    void chooseExportFile(Format format);
    void closeDialogs();

    BroadcastFeed *m_feed;
    LiveTableProxy *m_proxy;
    QTableView *m_table;
    BroadcastDetailPane *m_detail;
    QStackedWidget *m_views;
    QLineEdit *m_filter;
    QLineEdit *m_sessionFilter;
    QLabel *m_progress;
    QPushButton *m_cancelLoad;
    QTimer *m_tick;
    QHash<QString, Layout> m_layouts; // last layout this app set or started with, per ID
    QList<QPointer<QWidget>> m_dialogs;
    QPointer<StartBroadcastDialog> m_startDialog;

    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_layoutAction = nullptr;
    QAction *m_addStreamAction = nullptr;
    QAction *m_removeStreamAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_copyHlsAction = nullptr;
    QAction *m_exportCsvAction = nullptr;
    QAction *m_exportJsonAction = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace otadmin
