// SPDX-License-Identifier: GPL-3.0-or-later
// The Projects panel.
#pragma once

#include "common/Panel.h"

namespace otadmin {

class ProjectsPanel : public Panel
{
    Q_OBJECT

public:
    explicit ProjectsPanel(AppContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Projects"); }
    bool isAvailableFor(ProfileKind kind) const override { return kind == ProfileKind::Account; }
};

} // namespace otadmin
