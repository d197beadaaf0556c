// SPDX-License-Identifier: GPL-3.0-or-later
// The active profile's colour on the switcher and the status bar, painted without style sheets.
#pragma once

#include <QColor>
#include <QComboBox>
#include <QLabel>

namespace otadmin {

/// Black or white, whichever reads on `background`.
QColor contrastingTextColor(const QColor &background);

/// The profile's name on a rounded tag of its colour (contrasting text). Painted by
/// hand: a style sheet would make Qt create a QStyleSheetStyle for the label and polish it
/// again on every change (~1 ms of the start-up for the two profile widgets).
class ProfileTag : public QLabel
{
    Q_OBJECT

public:
    explicit ProfileTag(QWidget *parent = nullptr);
    /// An invalid colour paints a plain label.
    void setColor(const QColor &color);
    QColor color() const { return m_color; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_color;
};

/// The profile switcher: a combo box that, while the active profile has a colour, is painted
/// as a rounded button of that colour with the name in a contrasting colour, on every platform
/// style (native styles ignore a palette's button colour): the environment stays in sight.
class ProfileSwitcher : public QComboBox
{
    Q_OBJECT

public:
    explicit ProfileSwitcher(QWidget *parent = nullptr);
    /// An invalid colour gives back the style's own combo box.
    void setColor(const QColor &color);
    QColor color() const { return m_color; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_color;
};

} // namespace otadmin
