// SPDX-License-Identifier: GPL-3.0-or-later
// SessionsPanel: placeholder until the panel is built.
#include "sessions/SessionsPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace otadmin {

SessionsPanel::SessionsPanel(AppContext &context, QWidget *parent) : Panel(context, parent)
{
    setObjectName(QStringLiteral("sessionsPanel"));
    auto *empty = new QLabel(
        tr("Create sessions, see their streams, moderate them and make client tokens."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    contentLayout()->addWidget(empty, 1);
}

} // namespace otadmin
