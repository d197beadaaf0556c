// SPDX-License-Identifier: GPL-3.0-or-later
// ArchivesPanel: layout, model wiring, paging, live following and the sidebar summary.
#include "archives/ArchivesPanel.h"

#include "AppContext.h"
#include "api/ArchivesApi.h"
#include "api/CallBatch.h"
#include "api/Workspace.h"
#include "archives/ArchiveDetailPane.h"
#include "archives/ArchiveFollower.h"
#include "archives/ArchivePager.h"
#include "archives/StartArchiveDialog.h"
#include "auth/Clock.h"
#include "common/CachedTextDelegate.h"
#include "common/FormMemory.h"
#include "common/IdField.h"
#include "common/LiveTableProxy.h"
#include "common/MessageBanner.h"
#include "common/StatusBadge.h"
#include "models/ArchiveListModel.h"
#include "net/ApiReply.h"

#include <QAction>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace otadmin {

ArchivesPanel::ArchivesPanel(AppContext &context, QWidget *parent)
    : Panel(context, parent),
      m_model(new ArchiveListModel(&context.clock(), this)),
      m_proxy(new LiveTableProxy(this)),
      m_pager(new ArchivePager(context.workspace()->archives(), m_model, this)),
      m_follower(new ArchiveFollower(context.workspace()->archives(), context.notifier(), this)),
      m_tick(new QTimer(this)),
      m_table(new QTableView(this)),
      m_detail(new ArchiveDetailPane(context.clipboard(), this)),
      m_views(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("archivesPanel"));
    m_proxy->setSourceModel(m_model);
    m_tick->setInterval(1000);
    m_actionsUpdate = new QTimer(this);
    m_actionsUpdate->setSingleShot(true);
    m_actionsUpdate->setInterval(0);
    connect(m_actionsUpdate, &QTimer::timeout, this, &ArchivesPanel::updateActions);

    m_table->setObjectName(QStringLiteral("archivesTable"));
    m_table->setAccessibleName(tr("Archives"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ArchiveListModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Shift/Ctrl+click and Ctrl+A select several archives to stop or delete at once.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // A 10,000-row table repaints after every page and every tick: text laid out once.
    m_table->setItemDelegate(new CachedTextDelegate(m_table));
    m_table->setItemDelegateForColumn(
        ArchiveListModel::StatusColumn, new StatusBadgeDelegate(m_table));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // What an operator scans first comes first; the model (and export) keeps the API's order.
    const std::pair<int, int> columns[] = {{ArchiveListModel::NameColumn, 170},
        {ArchiveListModel::StatusColumn, 92}, {ArchiveListModel::CreatedColumn, 140},
        {ArchiveListModel::DurationColumn, 72}, {ArchiveListModel::SizeColumn, 80},
        {ArchiveListModel::IdColumn, 150}, {ArchiveListModel::SessionColumn, 150},
        {ArchiveListModel::OutputModeColumn, 90}, {ArchiveListModel::ResolutionColumn, 90}};
    QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < int(std::size(columns)); ++visual) {
        header->moveSection(header->visualIndex(columns[visual].first), visual);
        m_table->setColumnWidth(columns[visual].first, columns[visual].second);
    }

    createActions();
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("archivesSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({800, 280});
    splitter->setChildrenCollapsible(false);
    m_views->addWidget(splitter);
    m_views->addWidget(createEmptyState());
    contentLayout()->addWidget(createFilterRow());
    contentLayout()->addWidget(m_views, 1);

    connect(m_table, &QWidget::customContextMenuRequested, this, &ArchivesPanel::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        m_selectedId = current.isValid() ? current.data(ModelRole::Id).toString() : QString();
        updateDetail();
        updateActions();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ArchivesPanel::updateActions);
    connect(m_detail, &ArchiveDetailPane::openUrlRequested, this, &ArchivesPanel::openUrl);
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_model->touchRunning();
        m_detail->refreshElapsed(this->context().clock().nowMSecs());
    });
    connect(
        m_model, &ArchiveListModel::runningCountChanged, this, &ArchivesPanel::runningCountChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, [this] {
            updateEmptyState();
            updateDetail();
            updateActions();
        });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateEmptyState();
        updateDetail();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &) {
            // The elapsed-time tick repaints the table only; the detail pane ticks by itself.
            if (topLeft.column() == ArchiveListModel::DurationColumn
                && bottomRight.column() == ArchiveListModel::DurationColumn)
                return;
            const int row = m_model->rowOf(m_selectedId);
            if (row >= topLeft.row() && row <= bottomRight.row()) {
                updateDetail();
                updateActions();
            } else if (m_table->selectionModel()->hasSelection()) {
                m_actionsUpdate->start();
            }
        });
    connectApi();
    updateEmptyState();
    updateActions();
}

void ArchivesPanel::connectApi()
{
    ArchivesApi *api = workspace()->archives();
    connect(api, &ArchivesApi::archiveChanged, m_model, &ArchiveListModel::applyChanged);
    connect(api, &ArchivesApi::archiveDeleted, m_model, &ArchiveListModel::applyDeleted);
    connect(api, &ArchivesApi::archivesLoaded, m_model, &ArchiveListModel::applyLoaded);
    connect(api, &ArchivesApi::archiveChanged, m_follower, &ArchiveFollower::observe);
    // PATCH .../streams answers 204 without the archive: fetch it for the included streams.
    connect(api, &ArchivesApi::archiveStreamsChanged, this,
        [api](const QString &archiveId) { api->get(archiveId); });
    connect(workspace(), &Workspace::profileDeactivated, this, &ArchivesPanel::reset);

    connect(m_pager, &ArchivePager::pageRequested, this, [this](ApiReply *reply) {
        showPaging(true);
        track(reply, nullptr, {}, [this] { m_pager->resume(); });
    });
    connect(m_pager, &ArchivePager::progressChanged, this, &ArchivesPanel::pagingProgress);
    // The next run's first listing asks for every page at once instead of waiting one round
    // trip for the count (session filters are remembered for this run only).
    connect(m_pager, &ArchivePager::listed, this, [this](const QString &sessionId, int total) {
        const auto &profile = workspace()->profile();
        if (!sessionId.isEmpty() || !profile)
            return;
        FormMemory memory = listingMemory(profile->name);
        if (memory.value(QStringLiteral("total"), -1).toInt() != total)
            memory.setValue(QStringLiteral("total"), total);
    });
    for (auto signal : {&ArchivePager::finished, &ArchivePager::failed})
        connect(m_pager, signal, this, [this] {
            showPaging(false);
            updateEmptyState();
        });
    connect(m_pager, &ArchivePager::cancelled, this, [this] {
        showPaging(false);
        updateEmptyState();
        if (m_pager->total() > m_pager->loaded())
            banner()->showMessage(MessageBanner::Kind::Information,
                tr("Stopped loading after %1 of %2 archives. Refresh (F5) loads them all.")
                    .arg(QLocale().toString(m_pager->loaded()),
                        QLocale().toString(m_pager->total())));
    });
}

QWidget *ArchivesPanel::createFilterRow()
{
    auto *row = new QWidget(this);
    m_session = new QLineEdit(row);
    m_session->setObjectName(QStringLiteral("sessionFilter"));
    m_session->setAccessibleName(tr("Session ID filter"));
    m_session->setPlaceholderText(tr("All sessions — paste a session ID and press Enter"));
    m_session->setClearButtonEnabled(true);
    m_session->setFont(monospaceFont());
    m_filter = new QLineEdit(row);
    m_filter->setObjectName(QStringLiteral("archivesFilter"));
    m_filter->setAccessibleName(tr("Filter archives"));
    m_filter->setPlaceholderText(tr("Filter by name, ID, status… (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_paging = new QWidget(row);
    m_pagingLabel = new QLabel(m_paging);
    m_pagingLabel->setObjectName(QStringLiteral("pagingLabel"));
    m_pagingBar = new QProgressBar(m_paging);
    m_pagingBarUpdate = new QTimer(this);
    m_pagingBarUpdate->setSingleShot(true);
    m_pagingBarUpdate->setInterval(0);
    connect(m_pagingBarUpdate, &QTimer::timeout, this,
        [this] { m_pagingBar->setValue(qMin(m_pager->loaded(), m_pager->total())); });
    m_pagingBar->setObjectName(QStringLiteral("pagingProgress"));
    m_pagingBar->setAccessibleName(tr("Loading archives"));
    m_pagingBar->setTextVisible(false);
    m_pagingBar->setMaximumWidth(140);
    m_cancelPaging = new QPushButton(tr("Cancel"), m_paging);
    m_cancelPaging->setObjectName(QStringLiteral("cancelPagingButton"));
    m_cancelPaging->setToolTip(tr("Stop loading; the archives loaded so far stay listed"));
    auto *paging = new QHBoxLayout(m_paging);
    paging->setContentsMargins(0, 0, 0, 0);
    paging->addWidget(m_pagingLabel);
    paging->addWidget(m_pagingBar);
    paging->addWidget(m_cancelPaging);
    m_paging->hide();

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Session:"), row));
    layout->addWidget(m_session, 2);
    layout->addWidget(new QLabel(tr("Filter:"), row));
    layout->addWidget(m_filter, 1);
    layout->addWidget(m_paging);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LiveTableProxy::setFilterText);
    connect(m_session, &QLineEdit::returnPressed, this, &ArchivesPanel::applySessionField);
    connect(m_session, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_model->sessionFilter().isEmpty())
            applySessionField();
    });
    connect(m_cancelPaging, &QPushButton::clicked, m_pager, &ArchivePager::cancel);
    return row;
}

QWidget *ArchivesPanel::createEmptyState()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("emptyState"));
    m_emptyText = new QLabel(page);
    m_emptyText->setObjectName(QStringLiteral("emptyText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *start = new QPushButton(m_start->icon(), tr("Start an archive\u2026"), page);
    start->setObjectName(QStringLiteral("emptyStartButton"));
    connect(start, &QPushButton::clicked, this, &ArchivesPanel::startPrimaryAction);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_emptyText);
    layout->addWidget(start, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

void ArchivesPanel::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0 && !m_pager->isRunning();
    m_views->setCurrentIndex(empty ? 1 : 0);
    m_emptyText->setText(m_model->sessionFilter().isEmpty()
            ? tr("No archives yet \u2014 start one from a session.\nAn archive records a "
                 "routed session's streams to one MP4, or to a ZIP of one file per stream.")
            : tr("This session has no archives yet."));
}

void ArchivesPanel::refresh()
{
    const auto &profile = workspace()->profile();
    if (!profile || !isAvailableFor(profile->kind))
        return;
    pagingProgress(0, -1);
    m_pager->start(m_model->sessionFilter());
    updateEmptyState();
}

void ArchivesPanel::showPaging(bool visible)
{
    m_paging->setVisible(visible);
    setShowsOwnProgress(visible);
}

void ArchivesPanel::pagingProgress(int loaded, int total)
{
    if (total < 0) {
        m_pagingLabel->setText(tr("Loading archives\u2026"));
        m_pagingBar->setRange(0, 0);
        return;
    }
    m_pagingLabel->setText(tr("Loading archives\u2026 %1 of %2")
                               .arg(QLocale().toString(loaded), QLocale().toString(total)));
    m_pagingBar->setRange(0, qMax(1, total));
    m_pagingBarUpdate->start(); // moves to the pager's count then
}

void ArchivesPanel::setPageSize(int size)
{
    m_pager->setPageSize(size);
}

void ArchivesPanel::setPollIntervals(int firstMSecs, int maxMSecs)
{
    m_follower->setIntervals(firstMSecs, maxMSecs);
}

void ArchivesPanel::applySessionField()
{
    const QString sessionId = m_session->text().trimmed();
    if (!sessionId.isEmpty()) {
        if (const Validation bad = validateSessionId(QStringLiteral("sessionId"), sessionId)) {
            banner()->showError(tr("Session ID %1.").arg(bad->message));
            return;
        }
    }
    setSessionFilter(sessionId);
}

void ArchivesPanel::setSessionFilter(const QString &sessionId)
{
    if (m_session->text().trimmed() != sessionId)
        m_session->setText(sessionId);
    if (sessionId == m_model->sessionFilter() && m_model->rowCount() > 0)
        return;
    m_pager->cancel();
    m_model->setSessionFilter(sessionId);
    refresh();
}

void ArchivesPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ArchivesPanel::reset()
{
    // Dialogs and confirmations belong to the profile they were opened for.
    for (QDialog *dialog : findChildren<QDialog *>())
        dialog->reject();
    m_pager->cancel();
    // The rest of a bulk stop or delete would go to the next profile's project.
    if (m_bulk) {
        m_bulk->disconnect(this);
        m_bulk->cancel();
        m_bulk->deleteLater();
        m_bulk = nullptr;
    }
    m_pager->forgetKnownTotals();
    m_follower->clear();
    m_model->setSessionFilter({});
    m_model->clear();
    m_session->clear();
    showPaging(false);
    setSummary({});
}

void ArchivesPanel::profileActivated(const Profile &profile)
{
    Panel::profileActivated(profile);
    reset();
    m_pager->setKnownTotal(
        {}, listingMemory(profile.name).value(QStringLiteral("total"), -1).toInt());
    refresh();
}

FormMemory ArchivesPanel::listingMemory(const QString &profileName) const
{
    return FormMemory(context().settings(), profileName, QStringLiteral("archivesList"));
}

void ArchivesPanel::runningCountChanged(int running)
{
    setSummary(running > 0 ? tr("%n recording", nullptr, running) : QString());
    if (running > 0 && !m_tick->isActive())
        m_tick->start();
    else if (running == 0)
        m_tick->stop();
}

std::optional<Archive> ArchivesPanel::selectedArchive() const
{
    return m_selectedId.isEmpty() ? std::nullopt : m_model->find(m_selectedId);
}

QList<Archive> ArchivesPanel::selectedArchives() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    QList<Archive> archives;
    archives.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        if (auto a = m_model->find(row.data(ModelRole::Id).toString()))
            archives.append(std::move(*a));
    return archives;
}

std::optional<Archive> ArchivesPanel::singleSelected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return std::nullopt;
    return m_model->find(rows.first().data(ModelRole::Id).toString());
}

bool ArchivesPanel::selectArchive(const QString &archiveId)
{
    const int row = m_model->rowOf(archiveId);
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row < 0 ? 0 : row, 0));
    if (row < 0 || !index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void ArchivesPanel::updateDetail()
{
    m_detail->setArchive(selectedArchive());
}

} // namespace otadmin
