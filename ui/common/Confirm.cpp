// SPDX-License-Identifier: GPL-3.0-or-later
// confirmDestructive(): the one confirmation dialog of the app.
#include "common/Confirm.h"

#include <QMessageBox>
#include <QPushButton>

namespace otadmin {

QMessageBox *confirmDestructive(QWidget *parent, const QString &question, const QString &details,
    const QString &action, std::function<void()> onConfirmed)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("confirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(action);
    box->setText(question);
    box->setInformativeText(details);
    QPushButton *confirm = box->addButton(action, QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
        [confirm, onConfirmed = std::move(onConfirmed)](QAbstractButton *button) {
            if (button == confirm && onConfirmed)
                onConfirmed();
        });
    box->setWindowModality(Qt::WindowModal);
    box->open();
    return box;
}

} // namespace otadmin
