// SPDX-License-Identifier: GPL-3.0-or-later
// SipPanel: placeholder until the panel is built.
#include "sip/SipPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace otadmin {

SipPanel::SipPanel(AppContext &context, QWidget *parent) : Panel(context, parent)
{
    setObjectName(QStringLiteral("sipPanel"));
    auto *empty = new QLabel(tr("Dial a SIP endpoint into a session."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    contentLayout()->addWidget(empty, 1);
}

} // namespace otadmin
