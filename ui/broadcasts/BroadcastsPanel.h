// SPDX-License-Identifier: GPL-3.0-or-later
// The Broadcasts panel.
#pragma once

#include "common/Panel.h"

namespace otadmin {

class BroadcastsPanel : public Panel
{
    Q_OBJECT

public:
    explicit BroadcastsPanel(AppContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Broadcasts"); }
};

} // namespace otadmin
