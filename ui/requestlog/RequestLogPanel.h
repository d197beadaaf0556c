// SPDX-License-Identifier: GPL-3.0-or-later
// The Request log panel.
#pragma once

#include "common/Panel.h"

namespace otadmin {

class RequestLogPanel : public Panel
{
    Q_OBJECT

public:
    explicit RequestLogPanel(AppContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Request log"); }
    QIcon icon() const override;
    bool isAvailableFor(ProfileKind) const override { return true; }
};

} // namespace otadmin
