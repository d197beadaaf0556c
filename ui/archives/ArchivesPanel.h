// SPDX-License-Identifier: GPL-3.0-or-later
// The Archives panel: every archive of the project, live, with start/stop/delete and export.
#pragma once

#include "common/Panel.h"
#include "types/Archive.h"

#include <QPointer>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace otadmin {

class ArchiveDetailPane;
class ArchiveFollower;
class ArchiveListModel;
class ArchivePager;
class CallBatch;
class FormMemory;
class LiveTableProxy;
class StartArchiveDialog;

/// Lists the whole archive list page by page (cancellable), optionally of one session, and
/// keeps it current from ArchivesApi's signals. Running archives sit on top with a ticking
/// elapsed time; unfinished ones are followed until they end, with a notification when one
/// becomes available, uploaded or failed. The sidebar summary counts running archives.
class ArchivesPanel : public Panel
{
    Q_OBJECT

public:
    enum class Format
    {
        Csv,
        Json
    };

    explicit ArchivesPanel(AppContext &context, QWidget *parent = nullptr);

    static QString areaTitle() { return tr("Archives"); }
    QString title() const override { return areaTitle(); }
    void refresh() override;
    void startPrimaryAction() override;
    void focusFilter() override;

    ArchiveListModel *model() const { return m_model; }
    LiveTableProxy *proxy() const { return m_proxy; }
    /// Archives per list request (1…1000; default 1000, the service's maximum).
    void setPageSize(int size);
    /// Poll intervals for unfinished archives, in milliseconds (default 1 s doubling to 10 s).
    void setPollIntervals(int firstMSecs, int maxMSecs);
    /// Writes the rows as shown (sorted, filtered) to `path`; the result shows in the banner.
    bool exportTo(const QString &path, Format format);
    /// The current row's archive (the one the detail pane shows).
    std::optional<Archive> selectedArchive() const;
    /// Every selected row's archive, in the table's order. Stop and Delete act on all of them
    /// (several at once through a CallBatch, after one confirmation); the other actions need
    /// exactly one.
    QList<Archive> selectedArchives() const;
    /// Selects the archive's row (false when it is not shown).
    bool selectArchive(const QString &archiveId);

public Q_SLOTS:
    /// Opens the start dialog with the session ID filled in (e.g. from the Sessions panel).
    void startArchiveForSession(const QString &sessionId);
    /// Lists only this session's archives (empty = all) and refreshes.
    void setSessionFilter(const QString &sessionId);

protected:
    void profileActivated(const Profile &profile) override;

private:
    void createActions();
    QWidget *createFilterRow();
    QWidget *createEmptyState();
    void connectApi();
    void reset();
    /// The archive total of the profile's last complete listing, kept across runs.
    FormMemory listingMemory(const QString &profileName) const;
    void updateActions();
    void updateDetail();
    void updateEmptyState();
    void runningCountChanged(int running);
    void pagingProgress(int loaded, int total);
    /// The paging row (label, progress, Cancel) replaces the busy bar while it shows.
    void showPaging(bool visible);
    void applySessionField();
    void showContextMenu(const QPoint &position);

    void stopSelected();
    void deleteSelected();
    void stopOne(const QString &archiveId);
    enum class BulkAction
    {
        Stop,
        Delete
    };
    /// Stops or deletes `archives` through one CallBatch: progress and the outcome in the
    /// banner, Stop and Delete disabled until it ends; a profile switch cancels the rest.
    void runBulk(BulkAction action, const QList<Archive> &archives);
    /// The one selected archive, or none when zero or several rows are selected.
    std::optional<Archive> singleSelected() const;
    void changeLayout();
    void changeStreams();
    void copyId();
    void copyUrl();
    void openUrl(const QString &archiveId);
    void chooseExportFile(Format format);

    ArchiveListModel *m_model;
    LiveTableProxy *m_proxy;
    ArchivePager *m_pager;
    ArchiveFollower *m_follower;
    QTimer *m_tick;
    QTableView *m_table;
    ArchiveDetailPane *m_detail;
    QStackedWidget *m_views;
    QLabel *m_emptyText;
    QLineEdit *m_filter;
    QLineEdit *m_session;
    QWidget *m_paging;
    QLabel *m_pagingLabel;
    QProgressBar *m_pagingBar;
    // QProgressBar::setValue() repaints at once (the whole window's pending paint with it):
    // the bar moves on the next event-loop turn instead, not inside a page's insertion.
    QTimer *m_pagingBarUpdate;
    // A change to any selected row may change what Stop and Delete count: the actions follow
    // once per event-loop turn, not once per changed row.
    QTimer *m_actionsUpdate;
    QPushButton *m_cancelPaging;
    // QPointer, not a destroyed() slot: the dialog dies while the panel is already in
    // ~QWidget, where a slot on the panel would run on a half-destroyed object.
    QPointer<StartArchiveDialog> m_startDialog;
    QPointer<CallBatch> m_bulk;
    QString m_selectedId;

    QAction *m_start;
    QAction *m_stop;
    QAction *m_delete;
    QAction *m_layout;
    QAction *m_streams;
    QAction *m_copyId;
    QAction *m_copyUrl;
    QAction *m_openUrl;
    QAction *m_exportCsv;
    QAction *m_exportJson;
    QAction *m_refresh;
};

} // namespace otadmin
