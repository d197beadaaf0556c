// SPDX-License-Identifier: GPL-3.0-or-later
// Custom SIP INVITE headers as an editable name/value table.
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QTableWidget;
class QToolButton;

namespace otadmin {

/// Rows with an empty name and value are ignored; the order of the rest is kept.
/// headersChanged fires on every edit.
class SipHeadersEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SipHeadersEditor(QWidget *parent = nullptr);

    QList<QPair<QString, QString>> headers() const;
    void setHeaders(const QList<QPair<QString, QString>> &headers);
    /// Row in the table of the i-th header that headers() returns (for "sip.headers[i]").
    int tableRowOf(int headerIndex) const;
    /// Outlines the row a validation error is about; -1 = none.
    void markRow(int row);
    /// Appends an empty row and starts editing its name.
    void addRow();

Q_SIGNALS:
    void headersChanged();

private:
    void removeSelected();

    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
    int m_marked = -1;
};

} // namespace otadmin
