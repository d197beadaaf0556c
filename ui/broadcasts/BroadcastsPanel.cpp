// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastsPanel: toolbar, filters, table, detail pane, empty state, selection and export.
#include "broadcasts/BroadcastsPanel.h"

#include "AppContext.h"
#include "api/BroadcastsApi.h"
#include "api/Workspace.h"
#include "broadcasts/BroadcastDetailPane.h"
#include "broadcasts/BroadcastFeed.h"
#include "common/CachedTextDelegate.h"
#include "common/LiveTableProxy.h"
#include "common/MessageBanner.h"
#include "common/Notifier.h"
#include "common/RowKeyFilter.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "models/BroadcastListModel.h"
#include "models/Format.h"
#include "models/TableExport.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

BroadcastsPanel::BroadcastsPanel(AppContext &context, QWidget *parent)
    : Panel(context, parent),
      m_feed(new BroadcastFeed(workspace()->broadcasts(), this)),
      m_proxy(new LiveTableProxy(this)),
      m_table(new QTableView(this)),
      m_detail(new BroadcastDetailPane(context.clipboard(), this)),
      m_views(new QStackedWidget(this)),
      m_filter(new QLineEdit(this)),
      m_sessionFilter(new QLineEdit(this)),
      m_progress(new QLabel(this)),
      m_cancelLoad(new QPushButton(tr("Cancel"), this)),
      m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("broadcastsPanel"));
    m_proxy->setSourceModel(m_feed->model());
    m_table->setObjectName(QStringLiteral("broadcastsTable"));
    m_table->setAccessibleName(tr("Broadcasts"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BroadcastListModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setWordWrap(false);
    // Ctrl+C copies the ID; Delete stops (the view would take Ctrl+C for the cell's text).
    m_table->installEventFilter(new RowKeyFilter([this] { m_copyIdAction->trigger(); },
        [this] {
            if (m_stopAction->isEnabled())
                m_stopAction->trigger();
        },
        m_table));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // A 10,000-row table repaints after every page and every tick: text laid out once.
    m_table->setItemDelegate(new CachedTextDelegate(m_table));
    m_table->setItemDelegateForColumn(
        BroadcastListModel::StatusColumn, new StatusBadgeDelegate(m_table));
    m_table->setColumnWidth(BroadcastListModel::IdColumn, 170);
    m_table->setColumnWidth(BroadcastListModel::SessionColumn, 120);
    m_table->setColumnWidth(BroadcastListModel::StatusColumn, 90);
    m_table->setColumnWidth(BroadcastListModel::TargetsColumn, 220);
    m_table->setColumnWidth(BroadcastListModel::CreatedColumn, 150);
    m_table->setColumnWidth(BroadcastListModel::ElapsedColumn, 70);
    m_table->setColumnWidth(BroadcastListModel::MaxDurationColumn, 90);

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter broadcasts"));
    m_filter->setClearButtonEnabled(true);
    m_sessionFilter->setObjectName(QStringLiteral("sessionFilterEdit"));
    m_sessionFilter->setPlaceholderText(tr("Only session… (Enter)"));
    m_sessionFilter->setAccessibleName(tr("List only the broadcasts of this session"));
    m_sessionFilter->setToolTip(tr("Asks the service for the broadcasts of one session ID"));
    m_sessionFilter->setClearButtonEnabled(true);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_cancelLoad->setObjectName(QStringLiteral("cancelLoadButton"));
    m_progress->hide();
    m_cancelLoad->hide();

    createActions();
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("broadcastsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    m_views->addWidget(createEmptyState());
    m_views->addWidget(splitter);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_cancelLoad);
    progressRow->addStretch(1);
    contentLayout()->addWidget(createToolBar());
    contentLayout()->addLayout(progressRow);
    contentLayout()->addWidget(m_views, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LiveTableProxy::setFilterText);
    connect(m_sessionFilter, &QLineEdit::returnPressed, this, [this] {
        m_feed->setSessionFilter(m_sessionFilter->text());
        refresh();
    });
    connect(m_sessionFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_feed->sessionFilter().isEmpty()) {
            m_feed->setSessionFilter({});
            refresh();
        }
    });
    connect(m_cancelLoad, &QPushButton::clicked, m_feed, &BroadcastFeed::cancelLoad);
    connect(m_table, &QWidget::customContextMenuRequested, this, &BroadcastsPanel::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &BroadcastsPanel::updateSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &BroadcastsPanel::updateSelection);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &BroadcastsPanel::updateSelection);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &BroadcastsPanel::updateEmptyState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &BroadcastsPanel::updateSelection);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const QModelIndex current = m_table->currentIndex();
            // The elapsed tick touches one column only: nothing in the pane changes.
            if (current.isValid() && topLeft.column() != bottomRight.column()
                && current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                updateSelection();
        });

    connect(m_feed, &BroadcastFeed::pageRequested, this,
        [this](ApiReply *reply) { track(reply, nullptr, {}, [this] { refresh(); }); });
    connect(m_feed, &BroadcastFeed::loadingChanged, this, [this](bool loading) {
        m_progress->setVisible(loading);
        m_cancelLoad->setVisible(loading);
        m_progress->setText(tr("Loading broadcasts\u2026"));
        m_refreshAction->setEnabled(!loading);
        updateEmptyState();
    });
    connect(m_feed, &BroadcastFeed::progressChanged, this, [this](int loaded, int total) {
        m_progress->setText(tr("Loading broadcasts\u2026 %1 of %2").arg(loaded).arg(total));
    });
    connect(m_feed, &BroadcastFeed::runningCountChanged, this,
        [this](int running) { setSummary(running > 0 ? tr("%1 live").arg(running) : QString()); });
    connect(m_feed, &BroadcastFeed::stoppedUnexpectedly, this, [this](const Broadcast &b) {
        this->context().notifier()->notify(tr("Broadcast stopped"),
            tr("Broadcast %1 stopped without a stop from this app (maximum duration reached or "
               "stopped elsewhere).")
                .arg(describe(b)),
            Notifier::Severity::Warning);
    });
    connect(m_feed, &BroadcastFeed::targetWentOffline, this,
        [this](const Broadcast &b, const RtmpTarget &t) {
            const QString target = t.id.isEmpty() ? t.serverUrl : tr("'%1'").arg(t.id);
            this->context().notifier()->notify(tr("RTMP target offline"),
                tr("Target %1 (%2) of broadcast %3 is %4: that platform is not receiving the "
                   "stream. Check its server URL and stream key.")
                    .arg(target, t.serverUrl, describe(b), t.status),
                Notifier::Severity::Critical);
        });
    BroadcastsApi *api = workspace()->broadcasts();
    connect(api, &BroadcastsApi::broadcastLayoutChanged, this,
        [this](const QString &id, const Layout &layout) {
            m_layouts.insert(id, layout);
            updateSelection();
        });
    connect(workspace(), &Workspace::profileDeactivated, this, [this] {
        closeDialogs();
        m_feed->reset();
        m_layouts.clear();
    });
    connect(m_tick, &QTimer::timeout, this, [this] { m_feed->model()->touchRunning(); });
    m_tick->start(1000);
    updateEmptyState();
    updateSelection();
}

BroadcastListModel *BroadcastsPanel::model() const
{
    return m_feed->model();
}

QWidget *BroadcastsPanel::createToolBar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("broadcastsToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_startAction);
    bar->addAction(m_stopAction);
    bar->addAction(m_layoutAction);
    auto *more = new QMenu(this);
    more->addAction(m_addStreamAction);
    more->addAction(m_removeStreamAction);
    more->addSeparator();
    more->addAction(m_copyHlsAction);
    more->addAction(m_exportCsvAction);
    more->addAction(m_exportJsonAction);
    auto *moreButton = new QToolButton(bar);
    moreButton->setObjectName(QStringLiteral("moreActionsButton"));
    moreButton->setText(tr("More"));
    moreButton->setAccessibleName(tr("More broadcast actions"));
    moreButton->setMenu(more);
    moreButton->setPopupMode(QToolButton::InstantPopup);
    bar->addWidget(moreButton);
    bar->addAction(m_refreshAction);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_sessionFilter->setMaximumWidth(220);
    m_filter->setMaximumWidth(220);
    bar->addWidget(m_sessionFilter);
    bar->addWidget(m_filter);
    return bar;
}

QWidget *BroadcastsPanel::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    auto *text = new QLabel(tr("No broadcasts yet. A broadcast streams a session live to "
                               "viewers through HLS and to up to five RTMP platforms "
                               "(YouTube, Twitch, …)."),
        page);
    text->setObjectName(QStringLiteral("emptyStateText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    auto *button = new QPushButton(tr("Start a broadcast\u2026"), page);
    button->setObjectName(QStringLiteral("emptyStartButton"));
    connect(button, &QPushButton::clicked, this, [this] { openStartDialog({}); });
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(text);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

void BroadcastsPanel::refresh()
{
    const auto &profile = workspace()->profile();
    if (!profile || profile->kind != ProfileKind::Project)
        return;
    m_feed->reload();
}

void BroadcastsPanel::startPrimaryAction()
{
    openStartDialog({});
}

void BroadcastsPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void BroadcastsPanel::startBroadcastForSession(const QString &sessionId)
{
    Q_EMIT panelRequested(objectName());
    openStartDialog(sessionId);
}

void BroadcastsPanel::profileActivated(const Profile &profile)
{
    Panel::profileActivated(profile);
    closeDialogs();
    m_layouts.clear();
    m_feed->reset();
    if (profile.kind == ProfileKind::Project)
        m_feed->reload();
}

QString BroadcastsPanel::profileName() const
{
    const auto &profile = workspace()->profile();
    return profile ? profile->name : QString();
}

QString BroadcastsPanel::describe(const Broadcast &b) const
{
    const QString id = elideMiddle(b.id);
    return b.multiBroadcastTag.isEmpty() ? id : tr("'%1' (%2)").arg(b.multiBroadcastTag, id);
}

std::optional<Broadcast> BroadcastsPanel::selected() const
{
    const QString id = selectedId();
    return id.isEmpty() ? std::nullopt : m_feed->model()->find(id);
}

QString BroadcastsPanel::selectedId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(ModelRole::Id).toString() : QString();
}

void BroadcastsPanel::selectBroadcast(const QString &id)
{
    const int row = m_feed->model()->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_feed->model()->index(row, 0));
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

void BroadcastsPanel::updateEmptyState()
{
    const bool empty = m_feed->model()->rowCount() == 0 && m_feed->sessionFilter().isEmpty()
        && !m_feed->isLoading();
    m_views->setCurrentIndex(empty ? 0 : 1);
}

void BroadcastsPanel::updateSelection()
{
    updateEmptyState();
    const auto b = selected();
    m_detail->setBroadcast(b);
    if (b) {
        const auto layout = m_layouts.constFind(b->id);
        m_detail->setLayoutText(layout == m_layouts.cend()
                ? tr("not reported by the service (best fit unless changed)")
                : tr("%1 (as last set from this app)").arg(toApiString(layout->type)));
    }
    const bool running = b && b->status == BroadcastStatus::Started;
    const bool manual = running && b->streamMode == StreamMode::Manual;
    m_stopAction->setEnabled(running);
    m_layoutAction->setEnabled(running);
    m_addStreamAction->setEnabled(manual);
    m_removeStreamAction->setEnabled(manual);
    m_addStreamAction->setToolTip(manual ? QString()
                                         : tr("Only for running broadcasts in the "
                                              "manual stream mode"));
    m_copyIdAction->setEnabled(b.has_value());
    m_copyHlsAction->setEnabled(b && !b->hlsUrl.isEmpty());
}

} // namespace otadmin
