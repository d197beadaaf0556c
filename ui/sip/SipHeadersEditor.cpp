// SPDX-License-Identifier: GPL-3.0-or-later
// SipHeadersEditor: a two-column table with add and remove buttons.
#include "sip/SipHeadersEditor.h"

#include "common/IdField.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

namespace {
QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

bool isBlank(const QTableWidget *table, int row)
{
    return cellText(table, row, 0).trimmed().isEmpty() && cellText(table, row, 1).isEmpty();
}
} // namespace

SipHeadersEditor::SipHeadersEditor(QWidget *parent)
    : QWidget(parent),
      m_table(new QTableWidget(0, 2, this)),
      m_add(new QToolButton(this)),
      m_remove(new QToolButton(this))
{
    m_table->setObjectName(QStringLiteral("sipHeaders"));
    m_table->setAccessibleName(tr("Custom SIP headers"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(0, 140);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setFont(monospaceFont());
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height()
        + 3 * m_table->verticalHeader()->defaultSectionSize() + 4);
    m_table->setMaximumHeight(m_table->minimumHeight());
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_add->setObjectName(QStringLiteral("sipHeaderAdd"));
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add a header"));
    m_add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setObjectName(QStringLiteral("sipHeaderRemove"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected header"));
    m_remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_add, &QToolButton::clicked, this, &SipHeadersEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &SipHeadersEditor::removeSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_table, &QTableWidget::itemChanged, this, &SipHeadersEditor::headersChanged);
}

QList<QPair<QString, QString>> SipHeadersEditor::headers() const
{
    QList<QPair<QString, QString>> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!isBlank(m_table, row))
            result.append({cellText(m_table, row, 0).trimmed(), cellText(m_table, row, 1)});
    }
    return result;
}

int SipHeadersEditor::tableRowOf(int headerIndex) const
{
    int seen = -1;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (!isBlank(m_table, row) && ++seen == headerIndex)
            return row;
    }
    return -1;
}

void SipHeadersEditor::setHeaders(const QList<QPair<QString, QString>> &headers)
{
    {
        const QSignalBlocker blocker(m_table);
        m_table->setRowCount(0);
        for (const auto &[name, value] : headers) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_table->setItem(row, 0, new QTableWidgetItem(name));
            m_table->setItem(row, 1, new QTableWidgetItem(value));
        }
        m_marked = -1;
    }
    Q_EMIT headersChanged();
}

void SipHeadersEditor::markRow(int row)
{
    if (row == m_marked)
        return;
    const QSignalBlocker blocker(m_table);
    const auto paint = [this](int r, const QBrush &brush) {
        for (int column = 0; column < 2; ++column) {
            if (!m_table->item(r, column))
                m_table->setItem(r, column, new QTableWidgetItem);
            m_table->item(r, column)->setBackground(brush);
        }
    };
    if (m_marked >= 0 && m_marked < m_table->rowCount())
        paint(m_marked, QBrush());
    m_marked = row;
    if (row >= 0 && row < m_table->rowCount())
        paint(row, QColor(197, 34, 31, 50));
}

void SipHeadersEditor::addRow()
{
    const int row = m_table->rowCount();
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem);
        m_table->setItem(row, 1, new QTableWidgetItem);
    }
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
}

void SipHeadersEditor::removeSelected()
{
    const auto selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    const int row = selected.first().row();
    m_table->removeRow(row);
    if (m_marked == row)
        m_marked = -1;
    else if (m_marked > row)
        --m_marked;
    Q_EMIT headersChanged();
}

} // namespace otadmin
