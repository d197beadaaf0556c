// SPDX-License-Identifier: GPL-3.0-or-later
// ArchivesPanel: placeholder until the panel is built.
#include "archives/ArchivesPanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace otadmin {

ArchivesPanel::ArchivesPanel(AppContext &context, QWidget *parent) : Panel(context, parent)
{
    setObjectName(QStringLiteral("archivesPanel"));
    auto *empty = new QLabel(tr("No archives yet — start one from a session."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    contentLayout()->addWidget(empty, 1);
}

} // namespace otadmin
