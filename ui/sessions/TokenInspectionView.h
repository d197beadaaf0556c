// SPDX-License-Identifier: GPL-3.0-or-later
// Shows a decoded client token: a valid/expired/invalid verdict, the expiry and every field.
#pragma once

#include "auth/TokenInspector.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace otadmin {

class StatusBadge;

class TokenInspectionView : public QWidget
{
    Q_OBJECT

public:
    explicit TokenInspectionView(QWidget *parent = nullptr);

    /// `checkedWith` names whose secret verified the signature (e.g. the profile), for the
    /// verdict line.
    void setInspection(const TokenInspection &inspection, const QString &checkedWith);
    void clear();
    /// "valid", "expired" or "invalid" (the badge keyword); empty when cleared.
    QString verdict() const;

private:
    StatusBadge *m_verdict;
    QLabel *m_summary;
    QTableWidget *m_fields;
};

} // namespace otadmin
