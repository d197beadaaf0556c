// SPDX-License-Identifier: GPL-3.0-or-later
// The SIP panel.
#pragma once

#include "common/Panel.h"

namespace otadmin {

class SipPanel : public Panel
{
    Q_OBJECT

public:
    explicit SipPanel(AppContext &context, QWidget *parent = nullptr);

    QString title() const override { return tr("SIP"); }
};

} // namespace otadmin
