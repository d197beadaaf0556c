// SPDX-License-Identifier: GPL-3.0-or-later
// RequestLogPanel: table, filter, details and "copy as curl".
#include "requestlog/RequestLogPanel.h"

#include "AppContext.h"
#include "api/Workspace.h"
#include "common/IdField.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "models/KeyedTableModel.h"
#include "models/RequestLogModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>

namespace otadmin {

RequestLogPanel::RequestLogPanel(AppContext &context, QWidget *parent)
    : Panel(context, parent),
      m_model(new RequestLogModel(context.workspace()->requestLog(), 2000, this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)),
      m_table(new QTableView(this)),
      m_details(new QPlainTextEdit(this)),
      m_copyCurl(new QPushButton(tr("Copy as &curl"), this))
{
    setObjectName(QStringLiteral("requestLogPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelRole::Sort);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("requestLogFilter"));
    m_filter->setPlaceholderText(tr("Filter by path, method, status or error"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter requests"));
    m_copyCurl->setObjectName(QStringLiteral("copyCurlButton"));
    m_copyCurl->setToolTip(tr("Copy the selected request as a curl command. The JWT is left as "
                              "$OPENTOK_JWT: set it yourself."));
    auto *clear = new QPushButton(tr("C&lear"), this);
    clear->setObjectName(QStringLiteral("clearLogButton"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_copyCurl);
    bar->addWidget(clear);

    m_table->setObjectName(QStringLiteral("requestLogTable"));
    m_table->setAccessibleName(tr("Requests"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RequestLogModel::TimeColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(RequestLogModel::StatusColumn, new StatusBadgeDelegate(this));
    m_table->horizontalHeader()->setSectionResizeMode(
        RequestLogModel::PathColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(
        RequestLogModel::ErrorColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(RequestLogModel::TimeColumn, 110);
    m_table->setColumnWidth(RequestLogModel::MethodColumn, 70);
    m_table->setColumnWidth(RequestLogModel::StatusColumn, 80);
    m_table->setColumnWidth(RequestLogModel::DurationColumn, 80);

    m_details->setObjectName(QStringLiteral("requestDetails"));
    m_details->setAccessibleName(tr("Request details"));
    m_details->setReadOnly(true);
    m_details->setFont(monospaceFont());
    m_details->setPlaceholderText(
        tr("Select a request to see its redacted body and curl command."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    contentLayout()->addLayout(bar);
    contentLayout()->addWidget(splitter, 1);

    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &RequestLogPanel::showDetails);
    connect(m_copyCurl, &QPushButton::clicked, this, [this] {
        const QString curl = selectedCurl();
        if (!curl.isEmpty())
            this->context().clipboard()->copyText(curl);
    });
    connect(clear, &QPushButton::clicked, this,
        [this] { this->context().workspace()->requestLog()->clear(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *scroll = m_table->verticalScrollBar();
        if (scroll->value() >= scroll->maximum() - 2)
            m_table->scrollToBottom();
        updateSummary();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        showDetails();
        updateSummary();
    });
    showDetails();
}

void RequestLogPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

const RequestLogEntry *RequestLogPanel::selectedEntry() const
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid())
        return nullptr;
    return &m_model->entry(current.row());
}

QString RequestLogPanel::selectedCurl() const
{
    const RequestLogEntry *entry = selectedEntry();
    return entry ? entry->toCurl() : QString();
}

void RequestLogPanel::showDetails()
{
    const RequestLogEntry *entry = selectedEntry();
    m_copyCurl->setEnabled(entry != nullptr);
    if (!entry) {
        m_details->clear();
        return;
    }
    QStringList lines;
    lines << QStringLiteral("%1 %2").arg(QString::fromLatin1(entry->method), entry->url.toString());
    lines << tr("Status: %1 \u00b7 %2 ms \u00b7 attempt %3 \u00b7 %4 credentials")
                 .arg(entry->httpStatus ? QString::number(entry->httpStatus) : tr("no answer"))
                 .arg(entry->durationMSecs)
                 .arg(entry->attempt)
                 .arg(entry->accountScope ? tr("account") : tr("project"));
    if (!entry->error.isEmpty())
        lines << tr("Error: %1").arg(entry->error);
    if (!entry->requestBody.isEmpty())
        lines << QString() << tr("Request body (redacted):")
              << QString::fromUtf8(entry->requestBody);
    lines << QString() << tr("curl:") << entry->toCurl();
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

void RequestLogPanel::updateSummary()
{
    int failed = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_model->entry(row).error.isEmpty())
            ++failed;
    }
    setSummary(failed ? tr("%n failed", nullptr, failed) : QString());
}

} // namespace otadmin
