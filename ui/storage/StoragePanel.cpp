// SPDX-License-Identifier: GPL-3.0-or-later
// StoragePanel: placeholder until the panel is built.
#include "storage/StoragePanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace otadmin {

StoragePanel::StoragePanel(AppContext &context, QWidget *parent) : Panel(context, parent)
{
    setObjectName(QStringLiteral("storagePanel"));
    auto *empty =
        new QLabel(tr("Where finished archives are uploaded: S3, S3-compatible or Azure."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    contentLayout()->addWidget(empty, 1);
}

} // namespace otadmin
