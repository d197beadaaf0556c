// SPDX-License-Identifier: GPL-3.0-or-later
// The selected session: its streams and connections, and what an operator does to them.
#pragma once

#include "models/SessionHistoryModel.h"
#include "sessions/SessionModeration.h"

#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace otadmin {

class ApiReply;
class AppContext;
class ConnectionListModel;
class IdField;
class MessageBanner;
class StreamListModel;

/// Owned by SessionsPanel, which owns the models and connects them to ModerationApi. Calls
/// go through `track` (the panel's Panel::track) so busy state, stale answers and error
/// banners behave as everywhere else. Destructive actions (mute, disconnect) confirm first
/// and name the session and the profile.
class SessionDetail : public QWidget
{
    Q_OBJECT

public:
    /// Panel::track with its arguments in the same order (banner null = the panel's banner).
    using Track = SessionModeration::Track;

    SessionDetail(AppContext &context, StreamListModel *streams, ConnectionListModel *connections,
        MessageBanner *panelBanner, Track track, QWidget *parent = nullptr);

    /// Shows `entry` (nullopt: nothing selected) and loads its streams and connections.
    void setSession(const std::optional<SessionHistoryEntry> &entry);
    QString sessionId() const;
    /// Lists streams and connections of the shown session again.
    void refresh();

Q_SIGNALS:
    /// "Start archive…", "Start broadcast…", "Dial SIP…": the panel to show and the session
    /// it is about.
    void sessionActionRequested(const QString &panelObjectName, const QString &sessionId);

private:
    QWidget *createStreamsTab();
    QWidget *createConnectionsTab();
    QTableView *createTable(QSortFilterProxyModel *proxy, const QString &objectName,
        const QString &accessibleName, int idColumn);
    QStringList selectedIds(QTableView *table) const;
    QString sessionTitle() const;
    SessionModeration::Target target() const;
    QList<Stream> selectedStreams() const;
    void updateActions();
    void sendSignal(const QString &connectionId);
    void disconnectSelected();

    AppContext &m_context;
    StreamListModel *m_streams;
    ConnectionListModel *m_connections;
    Track m_track;
    std::optional<SessionHistoryEntry> m_entry;

    QLabel *m_title;
    IdField *m_id;
    QWidget *m_body;
    QLabel *m_placeholder;
    QTabWidget *m_tabs;
    QSortFilterProxyModel *m_streamProxy;
    QSortFilterProxyModel *m_connectionProxy;
    QTableView *m_streamTable;
    QTableView *m_connectionTable;
    QLabel *m_streamsEmpty;
    QLabel *m_connectionsEmpty;
    QList<QPushButton *> m_sessionButtons;
    QPushButton *m_muteStream;
    QPushButton *m_muteAll;
    QPushButton *m_stopMuting;
    QPushButton *m_classes;
    QPushButton *m_disconnect;
    QPushButton *m_signalOne;
    SessionModeration *m_moderation;
};

} // namespace otadmin
