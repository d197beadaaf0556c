// SPDX-License-Identifier: GPL-3.0-or-later
// Picks a composed-output layout: type, custom stylesheet and the screenshare rule.
#pragma once

#include "types/Layout.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace otadmin {

/// Used by the archive and broadcast forms and the "Change layout" dialogs. layout() is what
/// the user chose; validation() says what is wrong with it (the same rules as Layout::validate,
/// fields prefixed with "layout."), and layoutChanged fires on every edit so a form can enable
/// its OK button.
class LayoutChooser : public QWidget
{
    Q_OBJECT

public:
    explicit LayoutChooser(QWidget *parent = nullptr);

    Layout layout() const;
    void setLayout(const Layout &layout);
    Validation validation() const;

Q_SIGNALS:
    void layoutChanged();

private:
    void updateState();

    QComboBox *m_type;
    QComboBox *m_screenshare;
    QPlainTextEdit *m_stylesheet;
    QLabel *m_error;
};

} // namespace otadmin
