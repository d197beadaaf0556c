// SPDX-License-Identifier: GPL-3.0-or-later
// SessionsPanel: history table, "New session…", and the detail of the selected session.
#include "sessions/SessionsPanel.h"

#include "AppContext.h"
#include "api/ModerationApi.h"
#include "api/SessionsApi.h"
#include "api/Workspace.h"
#include "auth/Clock.h"
#include "common/Confirm.h"
#include "common/MessageBanner.h"
#include "common/MonospaceDelegate.h"
#include "common/RowKeyFilter.h"
#include "common/SecureClipboard.h"
#include "common/StyleIcons.h"
#include "models/ConnectionListModel.h"
#include "models/Format.h"
#include "models/SessionHistoryModel.h"
#include "models/StreamListModel.h"
#include "net/ApiReply.h"
#include "sessions/CreateSessionDialog.h"
#include "sessions/SessionDetail.h"

#include <QAction>
#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace otadmin {

SessionsPanel::SessionsPanel(AppContext &context, QWidget *parent)
    : Panel(context, parent),
      m_history(new SessionHistoryModel(this)),
      m_streams(new StreamListModel(this)),
      m_connections(new ConnectionListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_create(new QPushButton(tr("&New session…"), this)),
      m_refresh(new QPushButton(tr("&Refresh"), this)),
      m_remove(new QPushButton(tr("Remove from history…"), this)),
      m_filter(new QLineEdit(this)),
      m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("sessionsPanel"));
    m_history->setObjectName(QStringLiteral("sessionHistoryModel"));
    m_streams->setObjectName(QStringLiteral("streamListModel"));
    m_connections->setObjectName(QStringLiteral("connectionListModel"));

    m_create->setObjectName(QStringLiteral("createSessionButton"));
    m_create->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_create->setToolTip(tr("Create a session (Ctrl+N)"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setIcon(themeIcon(QStringLiteral("view-refresh"), this, QStyle::SP_BrowserReload));
    m_refresh->setToolTip(
        tr("List the streams and connections of the selected session again (F5)"));
    m_remove->setObjectName(QStringLiteral("removeHistoryButton"));
    m_remove->setToolTip(tr("Forget the session on this computer; sessions cannot be deleted on "
                            "the service"));
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by label or ID (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter sessions"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(240);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_create);
    toolbar->addWidget(m_refresh);
    toolbar->addWidget(m_remove);
    toolbar->addStretch(1);
    toolbar->addWidget(m_filter);

    // Empty state: what the panel is for, and the first action.
    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    // Broken by hand, not word-wrapped: a wrapped label is laid out again (its whole text
    // shaped) at every width the layout tries, ~1 ms of the start-up this page is shown at.
    auto *emptyText = new QLabel(tr("No sessions yet for this profile.\n"
                                    "Create a session, then see its streams and connections,\n"
                                    "moderate it and make client tokens. The service cannot list\n"
                                    "sessions, so this app keeps the ones you create here."),
        empty);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *emptyCreate = new QPushButton(tr("Create a session…"), empty);
    emptyCreate->setObjectName(QStringLiteral("emptyCreateButton"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyCreate, 0, Qt::AlignCenter);
    emptyLayout->addStretch(2);

    m_proxy->setSourceModel(m_history);
    m_proxy->setSortRole(ModelRole::Sort);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterRole(ModelRole::Export); // full IDs, not the elided ones
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_stack->addWidget(empty);

    contentLayout()->addLayout(toolbar);
    contentLayout()->addWidget(m_stack, 1);

    connect(m_create, &QPushButton::clicked, this, &SessionsPanel::startPrimaryAction);
    connect(emptyCreate, &QPushButton::clicked, this, &SessionsPanel::startPrimaryAction);
    connect(m_refresh, &QPushButton::clicked, this, &SessionsPanel::refresh);
    connect(m_remove, &QPushButton::clicked, this, &SessionsPanel::removeSelected);
    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    // The models follow the area signals, so every view of the same session stays in sync.
    Workspace *ws = workspace();
    connect(ws->sessions(), &SessionsApi::sessionCreated, this,
        [this](const SessionInfo &info, const SessionOptions &options) {
            m_history->add(
                SessionHistoryEntry::from(info, options, this->context().clock().nowMSecs()));
        });
    connect(ws->moderation(), &ModerationApi::streamsLoaded, m_streams, &StreamListModel::load);
    connect(ws->moderation(), &ModerationApi::streamClassesChanged, m_streams,
        &StreamListModel::applyClassChanges);
    connect(ws->moderation(), &ModerationApi::connectionsLoaded, m_connections,
        &ConnectionListModel::load);
    connect(ws->moderation(), &ModerationApi::connectionDisconnected, m_connections,
        &ConnectionListModel::removeConnection);
    connect(m_history, &SessionHistoryModel::saveFailed, this, [this](const QString &message) {
        banner()->showMessage(MessageBanner::Kind::Warning, message);
    });
    connect(m_history, &QAbstractItemModel::dataChanged, this, &SessionsPanel::showSelected);
    connect(m_history, &QAbstractItemModel::rowsInserted, this, &SessionsPanel::updateEmptyState);
    connect(m_history, &QAbstractItemModel::rowsRemoved, this, &SessionsPanel::updateEmptyState);
    connect(m_history, &QAbstractItemModel::modelReset, this, &SessionsPanel::updateEmptyState);
    updateEmptyState();
}

QSplitter *SessionsPanel::historyView()
{
    if (m_splitter)
        return m_splitter;
    m_table = createHistoryTable();
    auto *note = new QLabel(tr("Created from this computer. Double-click a label to rename it; "
                               "labels stay on this computer."),
        this);
    note->setObjectName(QStringLiteral("historyNote"));
    note->setEnabled(false); // the palette's secondary text colour
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(note);
    m_splitter = new QSplitter(Qt::Vertical, m_stack);
    m_splitter->setObjectName(QStringLiteral("sessionSplitter"));
    m_splitter->addWidget(top);
    m_splitter->setChildrenCollapsible(false);
    m_stack->addWidget(m_splitter);
    return m_splitter;
}

SessionDetail *SessionsPanel::detail()
{
    if (m_detail)
        return m_detail;
    historyView();
    m_detail = new SessionDetail(
        context(), m_streams, m_connections, banner(),
        [this](ApiReply *reply, QWidget *trigger, std::function<void(ApiReply &)> onSuccess,
            std::function<void()> retry, MessageBanner *target) {
            track(reply, trigger, std::move(onSuccess), std::move(retry), target);
        },
        this);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({280, 420}); // applied proportionally once shown
    connect(m_detail, &SessionDetail::sessionActionRequested, this,
        [this](const QString &panel, const QString &sessionId) {
            Q_EMIT panelRequested(panel);
            Q_EMIT sessionActionRequested(panel, sessionId);
        });
    return m_detail;
}

QTableView *SessionsPanel::createHistoryTable()
{
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("sessionTable"));
    table->setAccessibleName(tr("Sessions created here"));
    table->setModel(m_proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(SessionHistoryModel::CreatedColumn, Qt::DescendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->resizeSection(SessionHistoryModel::LabelColumn, 180);
    table->horizontalHeader()->resizeSection(SessionHistoryModel::SessionIdColumn, 230);
    table->horizontalHeader()->resizeSection(SessionHistoryModel::MediaModeColumn, 110);
    table->horizontalHeader()->resizeSection(SessionHistoryModel::ArchiveModeColumn, 110);
    table->setItemDelegateForColumn(
        SessionHistoryModel::SessionIdColumn, new MonospaceDelegate(table));
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &SessionsPanel::showSelected);

    // The row's context menu carries the primary actions; Ctrl+C copies, Delete removes.
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto add = [this, table](const QString &text, const char *name,
                         const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, table);
        action->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetShortcut);
        }
        connect(action, &QAction::triggered, this, slot);
        table->addAction(action);
        return action;
    };
    QAction *copy = add(tr("Copy session ID"), "copySessionIdAction", QKeySequence::Copy, [this] {
        if (!selectedId().isEmpty())
            this->context().clipboard()->copyText(selectedId());
    });
    add(tr("Rename…"), "renameAction", QKeySequence(Qt::Key_F2), [table] {
        const QModelIndex current = table->currentIndex();
        if (current.isValid())
            table->edit(current.siblingAtColumn(SessionHistoryModel::LabelColumn));
    });
    add(tr("Start archive…"), "startArchiveAction", {},
        [this] { requestAction(QStringLiteral("archivesPanel")); });
    add(tr("Start broadcast…"), "startBroadcastAction", {},
        [this] { requestAction(QStringLiteral("broadcastsPanel")); });
    add(tr("Dial SIP…"), "dialSipAction", {},
        [this] { requestAction(QStringLiteral("sipPanel")); });
    QAction *remove = add(tr("Remove from history…"), "removeHistoryAction", QKeySequence::Delete,
        [this] { removeSelected(); });
    table->installEventFilter(
        new RowKeyFilter([copy] { copy->trigger(); }, [remove] { remove->trigger(); }, table));
    return table;
}

QString SessionsPanel::historyFilePath(const Profile &profile)
{
    const QByteArray key =
        (profile.apiKey + QLatin1Char('|') + profile.effectiveApiUrl().toString()).toUtf8();
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/sessions-") + hash + QStringLiteral(".json");
}

void SessionsPanel::profileActivated(const Profile &profile)
{
    Panel::profileActivated(profile);
    if (m_detail)
        m_detail->setSession(std::nullopt);
    // Account profiles have no sessions: detach from disk.
    if (!m_history->load(
            profile.kind == ProfileKind::Project ? historyFilePath(profile) : QString()))
        banner()->showMessage(MessageBanner::Kind::Warning, m_history->loadError());
    updateEmptyState();
}

void SessionsPanel::refresh()
{
    if (m_detail)
        m_detail->refresh();
}

void SessionsPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void SessionsPanel::startPrimaryAction()
{
    const auto &profile = workspace()->profile();
    if (!profile)
        return;
    auto *dialog = new CreateSessionDialog(context().settings(), profile->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateSessionDialog::createRequested, this,
        [this, dialog](const SessionOptions &options, const QString &label) {
            create(dialog, options, label);
        });
    connect(workspace(), &Workspace::profileActivated, dialog, &QDialog::reject);
    dialog->open();
}

void SessionsPanel::create(
    CreateSessionDialog *dialog, const SessionOptions &options, const QString &label)
{
    QPointer<CreateSessionDialog> safe = dialog;
    // The history entry is added by the sessionCreated signal before this runs.
    track(
        workspace()->sessions()->create(options), dialog->createButton(),
        [this, safe, label](ApiReply &reply) {
            const QString id = reply.resultAs<SessionInfo>().sessionId;
            if (!label.isEmpty())
                m_history->setLabel(id, label);
            selectSession(id);
            if (safe) {
                safe->remember();
                safe->accept();
            }
        },
        [this, safe, options, label] {
            if (safe)
                create(safe, options, label);
        },
        dialog->banner(),
        [safe](ApiReply &reply) {
            if (safe && reply.isOutcomeUnknown())
                safe->banner()->showMessage(MessageBanner::Kind::Warning,
                    tr("The service did not confirm the new session (%1). It may exist anyway, "
                       "but its ID is unknown, so it cannot be added to the history. Creating "
                       "again makes a new session; an unused one costs nothing.")
                        .arg(reply.error().userMessage()));
        });
}

QString SessionsPanel::selectedId() const
{
    if (!m_table)
        return {};
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row()))
        return {};
    return current.data(ModelRole::Id).toString();
}

void SessionsPanel::selectSession(const QString &sessionId)
{
    const int row = m_history->rowOf(sessionId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_history->index(row, 0));
    if (!index.isValid())
        m_filter->clear(); // hidden by the filter: show it
    historyView();
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_history->index(row, 0)));
    m_table->scrollTo(m_table->currentIndex());
}

void SessionsPanel::showSelected()
{
    const QString id = selectedId();
    if (m_detail || !id.isEmpty())
        detail()->setSession(id.isEmpty() ? std::nullopt : m_history->find(id));
    m_remove->setEnabled(!id.isEmpty());
    m_refresh->setEnabled(!id.isEmpty());
}

void SessionsPanel::updateEmptyState()
{
    if (m_history->rowCount() > 0)
        detail();
    m_stack->setCurrentIndex(m_history->rowCount() == 0 ? 0 : 1);
    m_filter->setEnabled(m_history->rowCount() > 0);
    showSelected();
}

void SessionsPanel::requestAction(const QString &panelObjectName)
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    Q_EMIT panelRequested(panelObjectName);
    Q_EMIT sessionActionRequested(panelObjectName, id);
}

void SessionsPanel::removeSelected()
{
    const QString id = selectedId();
    const auto entry = m_history->find(id);
    if (!entry)
        return;
    const auto &profile = workspace()->profile();
    const QString what = entry->label.isEmpty()
        ? tr("session %1").arg(elideMiddle(id, 6))
        : tr("\u2018%1\u2019 (%2)").arg(entry->label, elideMiddle(id, 6));
    confirmDestructive(this,
        tr("Remove %1 from the history of %2?").arg(what, profile ? profile->name : QString()),
        tr("Only this computer forgets it. Sessions cannot be deleted on the service: clients "
           "with a valid token can still join it."),
        tr("Remove from history"), [this, id] { m_history->forget(id); });
}

} // namespace otadmin
