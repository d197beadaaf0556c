// SPDX-License-Identifier: GPL-3.0-or-later
// Application preferences: for now, how long copied secrets stay on the clipboard.
#pragma once

#include <QDialog>

class QSpinBox;

namespace otadmin {

class AppContext;

/// Non-modal. Changes apply at once: "clipboardClearSpin" (10–300 s) is saved under
/// ClipboardClearKey and handed to AppContext::clipboard() as it changes (AppContext reads the
/// key at start).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr char ClipboardClearKey[] = "clipboard/clearAfterSecs";

    explicit PreferencesDialog(AppContext &context, QWidget *parent = nullptr);

private:
    AppContext &m_context;
    QSpinBox *m_clearSecs;
};

} // namespace otadmin
