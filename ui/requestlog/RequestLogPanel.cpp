// SPDX-License-Identifier: GPL-3.0-or-later
// RequestLogPanel: placeholder until the panel is built.
#include "requestlog/RequestLogPanel.h"

#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace otadmin {

RequestLogPanel::RequestLogPanel(AppContext &context, QWidget *parent) : Panel(context, parent)
{
    setObjectName(QStringLiteral("requestLogPanel"));
    auto *empty = new QLabel(tr("Every API request of this run, redacted."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    contentLayout()->addWidget(empty, 1);
}

QIcon RequestLogPanel::icon() const
{
    return QIcon::fromTheme(
        QStringLiteral("text-x-generic"), style()->standardIcon(QStyle::SP_FileDialogDetailedView));
}

} // namespace otadmin
