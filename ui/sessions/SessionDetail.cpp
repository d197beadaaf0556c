// SPDX-License-Identifier: GPL-3.0-or-later
// SessionDetail: streams and connections tabs of the selected session, and moderation.
#include "sessions/SessionDetail.h"

#include "AppContext.h"
#include "api/ModerationApi.h"
#include "api/Workspace.h"
#include "common/IdField.h"
#include "common/MessageBanner.h"
#include "common/MonospaceDelegate.h"
#include "common/RowKeyFilter.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "models/ConnectionListModel.h"
#include "models/Format.h"
#include "models/StreamListModel.h"
#include "net/ApiReply.h"
#include "sessions/SessionModeration.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace otadmin {

SessionDetail::SessionDetail(AppContext &context, StreamListModel *streams,
    ConnectionListModel *connections, MessageBanner *panelBanner, Track track, QWidget *parent)
    : QWidget(parent),
      m_context(context),
      m_streams(streams),
      m_connections(connections),
      m_track(std::move(track)),
      m_title(new QLabel(this)),
      m_id(new IdField(context.clipboard(), this)),
      m_body(new QWidget(this)),
      m_placeholder(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_streamProxy(new QSortFilterProxyModel(this)),
      m_connectionProxy(new QSortFilterProxyModel(this)),
      m_moderation(new SessionModeration(context, this, panelBanner, m_track, this))
{
    setObjectName(QStringLiteral("sessionDetail"));
    m_title->setObjectName(QStringLiteral("sessionTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_id->setObjectName(QStringLiteral("sessionIdField"));
    m_id->setKeep(16);
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setText(tr("Select a session above to see its streams and connections, "
                              "moderate it and make client tokens."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    const auto button = [this](const QString &text, const char *name) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        return b;
    };
    QPushButton *token = button(tr("Client &token…"), "generateTokenButton");
    QPushButton *signal = button(tr("Send &signal…"), "sendSignalButton");
    QPushButton *archive = button(tr("Start archive…"), "startArchiveButton");
    QPushButton *broadcast = button(tr("Start broadcast…"), "startBroadcastButton");
    QPushButton *sip = button(tr("Dial SIP…"), "dialSipButton");
    m_sessionButtons = {token, signal, archive, broadcast, sip};
    token->setToolTip(tr("Sign a token with which a client joins this session"));
    connect(token, &QPushButton::clicked, this, [this] {
        if (m_entry)
            m_moderation->openTokenDialog(target());
    });
    connect(signal, &QPushButton::clicked, this, [this] { sendSignal(QString()); });
    const auto request = [this](QPushButton *b, const QString &panel) {
        connect(b, &QPushButton::clicked, this, [this, panel] {
            if (m_entry)
                Q_EMIT sessionActionRequested(panel, m_entry->sessionId);
        });
    };
    request(archive, QStringLiteral("archivesPanel"));
    request(broadcast, QStringLiteral("broadcastsPanel"));
    request(sip, QStringLiteral("sipPanel"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_id);
    header->addStretch(1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(token);
    actions->addWidget(signal);
    actions->addSpacing(16);
    actions->addWidget(archive);
    actions->addWidget(broadcast);
    actions->addWidget(sip);
    actions->addStretch(1);

    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->addTab(createStreamsTab(), QString());
    m_tabs->addTab(createConnectionsTab(), QString());

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(header);
    bodyLayout->addLayout(actions);
    bodyLayout->addWidget(m_tabs, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_body, 1);

    connect(m_moderation, &SessionModeration::connectionDisconnected, this,
        [this](const QString &session) {
            if (session == sessionId())
                refresh(); // the connection's streams ended with it
        });
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_streams),
             static_cast<QAbstractItemModel *>(m_connections)}) {
        connect(model, &QAbstractItemModel::modelReset, this, &SessionDetail::updateActions);
        connect(model, &QAbstractItemModel::rowsInserted, this, &SessionDetail::updateActions);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SessionDetail::updateActions);
    }
    setSession(std::nullopt);
}

QTableView *SessionDetail::createTable(QSortFilterProxyModel *proxy, const QString &objectName,
    const QString &accessibleName, int idColumn)
{
    auto *table = new QTableView(this);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    proxy->setSortRole(ModelRole::Sort);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setItemDelegateForColumn(idColumn, new MonospaceDelegate(table));
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy ID"), table);
    copy->setObjectName(QStringLiteral("copyIdAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this, table] {
        const QStringList ids = selectedIds(table);
        if (!ids.isEmpty())
            m_context.clipboard()->copyText(ids.join(QLatin1Char('\n')));
    });
    table->addAction(copy);
    table->installEventFilter(new RowKeyFilter([copy] { copy->trigger(); },
        [table] {
            // The Delete action of the table, if it has one (Disconnect on connections).
            for (QAction *action : table->actions()) {
                if (action->shortcut() == QKeySequence(QKeySequence::Delete))
                    action->trigger();
            }
        },
        table));
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SessionDetail::updateActions);
    return table;
}

QWidget *SessionDetail::createStreamsTab()
{
    auto *tab = new QWidget(this);
    m_streamProxy->setSourceModel(m_streams);
    m_streamTable = createTable(
        m_streamProxy, QStringLiteral("streamTable"), tr("Streams"), StreamListModel::IdColumn);
    m_streamTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_streamTable->horizontalHeader()->resizeSection(StreamListModel::IdColumn, 190);
    m_streamTable->horizontalHeader()->resizeSection(StreamListModel::NameColumn, 160);
    m_streamsEmpty = new QLabel(tr("No stream is published in this session. Streams appear when "
                                   "a client publishes; press F5 to look again."),
        tab);
    m_streamsEmpty->setObjectName(QStringLiteral("streamsEmptyLabel"));
    m_streamsEmpty->setWordWrap(true);

    m_muteStream = new QPushButton(tr("&Mute audio…"), tab);
    m_muteStream->setObjectName(QStringLiteral("muteStreamButton"));
    m_muteAll = new QPushButton(tr("Mute &all…"), tab);
    m_muteAll->setObjectName(QStringLiteral("muteAllButton"));
    m_stopMuting = new QPushButton(tr("Stop muting new streams"), tab);
    m_stopMuting->setObjectName(QStringLiteral("stopMuteOnJoinButton"));
    m_stopMuting->setToolTip(tr("Ends \u201cmute all\u201d for streams published from now on; "
                                "muted streams stay muted"));
    m_classes = new QPushButton(tr("&Layout classes…"), tab);
    m_classes->setObjectName(QStringLiteral("layoutClassesButton"));
    const auto muteSelected = [this] {
        if (m_entry)
            m_moderation->muteStreams(target(), selectedStreams(), m_muteStream);
    };
    const auto editClasses = [this] {
        if (m_entry)
            m_moderation->editLayoutClasses(target(), selectedStreams());
    };
    connect(m_muteStream, &QPushButton::clicked, this, muteSelected);
    connect(m_muteAll, &QPushButton::clicked, this, [this] {
        if (m_entry)
            m_moderation->muteAll(target(), m_streams->items());
    });
    connect(m_stopMuting, &QPushButton::clicked, this, [this] {
        if (m_entry)
            m_moderation->stopMutingNewStreams(target(), m_stopMuting);
    });
    connect(m_classes, &QPushButton::clicked, this, editClasses);

    auto *mute = new QAction(tr("Mute audio…"), m_streamTable);
    connect(mute, &QAction::triggered, this, muteSelected);
    auto *classes = new QAction(tr("Layout classes…"), m_streamTable);
    connect(classes, &QAction::triggered, this, editClasses);
    m_streamTable->insertActions(m_streamTable->actions().value(0), {mute, classes});

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_muteStream);
    buttons->addWidget(m_muteAll);
    buttons->addWidget(m_stopMuting);
    buttons->addWidget(m_classes);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(m_streamsEmpty);
    layout->addWidget(m_streamTable, 1);
    return tab;
}

QWidget *SessionDetail::createConnectionsTab()
{
    auto *tab = new QWidget(this);
    m_connectionProxy->setSourceModel(m_connections);
    m_connectionTable = createTable(m_connectionProxy, QStringLiteral("connectionTable"),
        tr("Connections"), ConnectionListModel::IdColumn);
    m_connectionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_connectionTable->setItemDelegateForColumn(
        ConnectionListModel::StateColumn, new StatusBadgeDelegate(m_connectionTable));
    m_connectionTable->horizontalHeader()->resizeSection(ConnectionListModel::IdColumn, 300);
    m_connectionsEmpty = new QLabel(tr("No client is connected. Make a client token and join "
                                       "with it; press F5 to look again."),
        tab);
    m_connectionsEmpty->setObjectName(QStringLiteral("connectionsEmptyLabel"));
    m_connectionsEmpty->setWordWrap(true);

    m_signalOne = new QPushButton(tr("Signal this connection…"), tab);
    m_signalOne->setObjectName(QStringLiteral("signalConnectionButton"));
    m_disconnect = new QPushButton(tr("&Disconnect…"), tab);
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    const auto signalSelected = [this] {
        const QStringList ids = selectedIds(m_connectionTable);
        if (!ids.isEmpty())
            sendSignal(ids.first());
    };
    connect(m_signalOne, &QPushButton::clicked, this, signalSelected);
    connect(m_disconnect, &QPushButton::clicked, this, &SessionDetail::disconnectSelected);

    auto *signal = new QAction(tr("Send signal…"), m_connectionTable);
    connect(signal, &QAction::triggered, this, signalSelected);
    auto *disconnect = new QAction(tr("Disconnect…"), m_connectionTable);
    disconnect->setShortcut(QKeySequence::Delete);
    disconnect->setShortcutContext(Qt::WidgetShortcut);
    connect(disconnect, &QAction::triggered, this, &SessionDetail::disconnectSelected);
    m_connectionTable->insertActions(m_connectionTable->actions().value(0), {signal, disconnect});

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signalOne);
    buttons->addWidget(m_disconnect);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(m_connectionsEmpty);
    layout->addWidget(m_connectionTable, 1);
    return tab;
}

void SessionDetail::setSession(const std::optional<SessionHistoryEntry> &entry)
{
    const QString before = sessionId();
    m_entry = entry;
    m_placeholder->setVisible(!entry);
    m_body->setVisible(bool(entry));
    if (entry) {
        m_title->setText(entry->label.isEmpty() ? tr("Session") : entry->label);
        m_id->setValue(entry->sessionId);
    }
    if (sessionId() != before) {
        m_streams->setSession(sessionId());
        m_connections->setSession(sessionId());
        refresh();
    }
    updateActions();
}

QString SessionDetail::sessionId() const
{
    return m_entry ? m_entry->sessionId : QString();
}

void SessionDetail::refresh()
{
    if (!m_entry)
        return;
    // The models take the answers from ModerationApi's signals; only errors land here. One
    // call after the other, so the success of the second never hides the error of the first.
    const QString session = m_entry->sessionId;
    ModerationApi *moderation = m_context.workspace()->moderation();
    m_track(
        moderation->listStreams(session), nullptr,
        [this, session](ApiReply &) {
            if (session == sessionId())
                m_track(
                    m_context.workspace()->moderation()->listConnections(session), nullptr, nullptr,
                    [this] { refresh(); }, nullptr);
        },
        [this] { refresh(); }, nullptr);
}

QStringList SessionDetail::selectedIds(QTableView *table) const
{
    QStringList ids;
    for (const QModelIndex &index : table->selectionModel()->selectedRows())
        ids << index.data(ModelRole::Id).toString();
    return ids;
}

QString SessionDetail::sessionTitle() const
{
    if (!m_entry)
        return {};
    const QString id = elideMiddle(m_entry->sessionId, 6);
    return m_entry->label.isEmpty() ? tr("session %1").arg(id)
                                    : tr("\u2018%1\u2019 (%2)").arg(m_entry->label, id);
}

void SessionDetail::updateActions()
{
    const bool streams = !selectedIds(m_streamTable).isEmpty();
    m_muteStream->setEnabled(streams);
    m_classes->setEnabled(streams);
    const bool connection = !selectedIds(m_connectionTable).isEmpty();
    m_disconnect->setEnabled(connection);
    m_signalOne->setEnabled(connection);
    m_streamsEmpty->setVisible(bool(m_entry) && m_streams->rowCount() == 0);
    m_connectionsEmpty->setVisible(bool(m_entry) && m_connections->rowCount() == 0);
    m_tabs->setTabText(0, tr("Streams (%1)").arg(m_streams->rowCount()));
    m_tabs->setTabText(1, tr("Connections (%1)").arg(m_connections->rowCount()));
}

SessionModeration::Target SessionDetail::target() const
{
    return SessionModeration::Target {sessionId(), sessionTitle()};
}

QList<Stream> SessionDetail::selectedStreams() const
{
    QList<Stream> streams;
    for (const QString &id : selectedIds(m_streamTable)) {
        if (auto stream = m_streams->find(id))
            streams << *stream;
    }
    return streams;
}

void SessionDetail::sendSignal(const QString &connectionId)
{
    if (!m_entry)
        return;
    QStringList connectionIds;
    for (const Connection &c : m_connections->items())
        connectionIds << c.connectionId;
    m_moderation->sendSignal(target(), connectionIds, connectionId);
}

void SessionDetail::disconnectSelected()
{
    const QStringList ids = selectedIds(m_connectionTable);
    if (m_entry && !ids.isEmpty())
        m_moderation->disconnect(target(), ids.first(), m_disconnect);
}

} // namespace otadmin
