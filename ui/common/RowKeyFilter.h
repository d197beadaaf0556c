// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+C and Delete on a table: copy the row's ID, delete the row (after confirmation).
#pragma once

#include <QEvent>
#include <QKeyEvent>
#include <QObject>
#include <functional>

namespace otadmin {

/// Installed on a view. QAbstractItemView claims the Copy key for the current cell's display
/// text (an elided ID or a label), and window shortcuts need the window to be active; this
/// filter takes both keys first and runs `copy` or `remove` (either may be empty).
class RowKeyFilter : public QObject
{
public:
    RowKeyFilter(std::function<void()> copy, std::function<void()> remove, QObject *parent)
        : QObject(parent), m_copy(std::move(copy)), m_remove(std::move(remove))
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            const std::function<void()> *action = nullptr;
            if (m_copy && key->matches(QKeySequence::Copy))
                action = &m_copy;
            else if (m_remove && key->matches(QKeySequence::Delete))
                action = &m_remove;
            if (action) {
                event->accept();
                if (event->type() == QEvent::KeyPress)
                    (*action)();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_copy;
    std::function<void()> m_remove;
};

} // namespace otadmin
