// SPDX-License-Identifier: GPL-3.0-or-later
// The Request log panel: every API request of this run, redacted, with "copy as curl".
#pragma once

#include "common/Panel.h"

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace otadmin {

class RequestLogModel;
struct RequestLogEntry;

class RequestLogPanel : public Panel
{
    Q_OBJECT

public:
    explicit RequestLogPanel(AppContext &context, QWidget *parent = nullptr);

    static QString areaTitle() { return tr("Request log"); }
    QString title() const override { return areaTitle(); }
    static bool isAreaFor(ProfileKind) { return true; }
    bool isAvailableFor(ProfileKind kind) const override { return isAreaFor(kind); }
    void focusFilter() override;

    /// The curl command of the selected entry ("" when none is selected).
    QString selectedCurl() const;

private:
    const RequestLogEntry *selectedEntry() const;
    void showDetails();
    void updateSummary();

    RequestLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_copyCurl;
};

} // namespace otadmin
