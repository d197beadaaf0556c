// SPDX-License-Identifier: GPL-3.0-or-later
// Non-modal confirmation before destructive actions: names the object and the profile.
#pragma once

#include <QString>
#include <functional>

class QMessageBox;
class QWidget;

namespace otadmin {

/// Opens a window-modal message box with open() (no nested event loop) whose object name is
/// "confirmDialog". The destructive button ("confirmButton", labelled `action`) is never the
/// default: Enter and Escape cancel. `onConfirmed` runs only when that button is pressed.
/// `question` names the object and the profile, e.g. "Delete archive 'Town hall' (b40e…c68f)
/// in production?"; `details` says what cannot be undone.
QMessageBox *confirmDestructive(QWidget *parent, const QString &question, const QString &details,
    const QString &action, std::function<void()> onConfirmed);

} // namespace otadmin
