// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectsPanel: placeholder until the panel is built.
#include "projects/ProjectsPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace otadmin {

ProjectsPanel::ProjectsPanel(AppContext &context, QWidget *parent) : Panel(context, parent)
{
    setObjectName(QStringLiteral("projectsPanel"));
    auto *empty = new QLabel(tr("Projects of this account."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    contentLayout()->addWidget(empty, 1);
}

} // namespace otadmin
