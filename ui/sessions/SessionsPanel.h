// SPDX-License-Identifier: GPL-3.0-or-later
// The Sessions panel: sessions created here (kept on disk), their streams and connections.
#pragma once

#include "common/Panel.h"

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace otadmin {

class ConnectionListModel;
class CreateSessionDialog;
class SessionDetail;
class SessionHistoryModel;
class StreamListModel;
struct SessionOptions;

/// The API cannot list sessions, so the panel keeps a history of those created here, one
/// JSON file per profile (historyFilePath()), with a label the user can edit. Selecting one
/// shows SessionDetail (streams, connections, moderation, tokens).
class SessionsPanel : public Panel
{
    Q_OBJECT

public:
    explicit SessionsPanel(AppContext &context, QWidget *parent = nullptr);

    static QString areaTitle() { return tr("Sessions"); }
    QString title() const override { return areaTitle(); }
    void refresh() override;
    void startPrimaryAction() override;
    void focusFilter() override;

    /// Where the history of `profile` lives: AppDataLocation/sessions-<hash>.json, the hash
    /// taken over the API key and the API URL (the name can change; the sessions cannot).
    static QString historyFilePath(const Profile &profile);
    SessionHistoryModel *history() const { return m_history; }

Q_SIGNALS:
    /// "Start archive…", "Start broadcast…" or "Dial SIP…" was chosen for `sessionId`:
    /// `panelObjectName` is "archivesPanel", "broadcastsPanel" or "sipPanel". Emitted right
    /// after panelRequested(panelObjectName), so the other panel can prefill the session.
    void sessionActionRequested(const QString &panelObjectName, const QString &sessionId);

protected:
    void profileActivated(const Profile &profile) override;

private:
    /// The table and detail pane, built with the first session in the history: the empty
    /// state (a first start, and always on the sandbox) shows neither.
    QSplitter *historyView();
    QTableView *createHistoryTable();
    void create(CreateSessionDialog *dialog, const SessionOptions &options, const QString &label);
    void removeSelected();
    void requestAction(const QString &panelObjectName);
    QString selectedId() const;
    void selectSession(const QString &sessionId);
    void showSelected();
    void updateEmptyState();
    /// The detail pane, built with the first session in the history (none: the empty state).
    SessionDetail *detail();

    SessionHistoryModel *m_history;
    StreamListModel *m_streams;
    ConnectionListModel *m_connections;
    QSortFilterProxyModel *m_proxy;
    QPushButton *m_create;
    QPushButton *m_refresh;
    QPushButton *m_remove;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr;
    SessionDetail *m_detail = nullptr;
};

} // namespace otadmin
