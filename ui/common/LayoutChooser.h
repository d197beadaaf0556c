// SPDX-License-Identifier: GPL-3.0-or-later
// Picks a composed-output layout: type, custom stylesheet and the screenshare rule.
#pragma once

#include "types/Layout.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace otadmin {

/// Used by the archive and broadcast forms and the "Change layout" dialogs. Layout types and
/// the screenshare rule are drawn thumbnails to pick from ("layoutType" and
/// "layoutScreenshareType", QListWidgets whose items carry the API name in Qt::UserRole, empty
/// for "no screenshare rule"); the custom stylesheet editor ("layoutStylesheet") is enabled
/// only for custom. layout() is what the user chose; validation() says what is wrong with it
/// (the same rules as Layout::validate, fields prefixed with "layout."), and layoutChanged
/// fires on every edit so a form can enable its OK button.
class LayoutChooser : public QWidget
{
    Q_OBJECT

public:
    explicit LayoutChooser(QWidget *parent = nullptr);

    Layout layout() const;
    void setLayout(const Layout &layout);
    Validation validation() const;

    /// Picks a type as a click on its thumbnail would (keeps stylesheet and screenshare rule).
    void selectType(Layout::Type type);
    /// Picks the screenshare rule; nullopt = none.
    void selectScreenshareType(std::optional<Layout::Type> type);

Q_SIGNALS:
    void layoutChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateState();
    void paintIcons();
    Layout::Type currentType() const;
    std::optional<Layout::Type> currentScreenshare() const;

    QListWidget *m_type;
    QLabel *m_typeCaption;
    QListWidget *m_screenshare;
    QLabel *m_screenshareCaption;
    QPlainTextEdit *m_stylesheet;
    QLabel *m_error;
};

} // namespace otadmin
