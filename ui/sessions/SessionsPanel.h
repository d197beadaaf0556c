// SPDX-License-Identifier: GPL-3.0-or-later
// The Sessions panel.
#pragma once

#include "common/Panel.h"

namespace otadmin {

class SessionsPanel : public Panel
{
    Q_OBJECT

public:
    explicit SessionsPanel(AppContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Sessions"); }
};

} // namespace otadmin
