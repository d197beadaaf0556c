// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastsPanel: placeholder until the panel is built.
#include "broadcasts/BroadcastsPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace otadmin {

BroadcastsPanel::BroadcastsPanel(AppContext &context, QWidget *parent) : Panel(context, parent)
{
    setObjectName(QStringLiteral("broadcastsPanel"));
    auto *empty =
        new QLabel(tr("No broadcasts yet — start one to stream a session to HLS or RTMP."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    contentLayout()->addWidget(empty, 1);
}

} // namespace otadmin
