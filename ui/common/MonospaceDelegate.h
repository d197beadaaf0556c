// SPDX-License-Identifier: GPL-3.0-or-later
// Draws a table column (IDs) in the platform's fixed-width font.
#pragma once

#include "common/IdField.h"

#include <QStyledItemDelegate>

namespace otadmin {

class MonospaceDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->font = monospaceFont();
    }
};

} // namespace otadmin
