// SPDX-License-Identifier: GPL-3.0-or-later
// The Storage panel.
#pragma once

#include "common/Panel.h"

namespace otadmin {

class StoragePanel : public Panel
{
    Q_OBJECT

public:
    explicit StoragePanel(AppContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("Storage"); }
};

} // namespace otadmin
