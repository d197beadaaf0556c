// SPDX-License-Identifier: GPL-3.0-or-later
// The Archives panel.
#pragma once

#include "common/Panel.h"

namespace otadmin {

class ArchivesPanel : public Panel
{
    Q_OBJECT

public:
    explicit ArchivesPanel(AppContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Archives"); }
};

} // namespace otadmin
