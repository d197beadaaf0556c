// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileTag and ProfileSwitcher: a rounded shape of the profile's colour under the text.
#include "common/ProfileColor.h"

#include <QPainter>
#include <QStyleOptionComboBox>
#include <QStylePainter>

namespace otadmin {

QColor contrastingTextColor(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

namespace {
constexpr qreal Radius = 3;

void paintRounded(QPainter &painter, const QRect &rect, const QColor &color, bool enabled)
{
    const QColor fill = enabled
        ? color
        : QColor::fromHslF(color.hslHueF(), color.hslSaturationF() * 0.4, color.lightnessF());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(fill.darker(115));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
    painter.restore();
}

// The text on a shape of `color`: contrasting, dimmed on a disabled widget.
QColor textOn(const QColor &color, bool enabled)
{
    QColor text = contrastingTextColor(color);
    if (!enabled)
        text.setAlphaF(0.55);
    return text;
}

// Keeps `color` in `member` and repaints. The text keeps the window's font: a bold one would be
// a third font before the first paint (with the panel titles'), and each font costs the GUI
// thread a fontconfig match of ~0.8 ms (docs/performance.md); the colour alone marks the tag.
void applyColor(QWidget *widget, QColor &member, const QColor &color)
{
    if (color == member)
        return;
    member = color;
    widget->update();
}
} // namespace

ProfileTag::ProfileTag(QWidget *parent) : QLabel(parent)
{
    setContentsMargins(6, 1, 6, 1);
}

void ProfileTag::setColor(const QColor &color)
{
    applyColor(this, m_color, color);
}

void ProfileTag::paintEvent(QPaintEvent *event)
{
    if (!m_color.isValid()) {
        QLabel::paintEvent(event);
        return;
    }
    QPainter painter(this);
    paintRounded(painter, rect(), m_color, isEnabled());
    painter.setPen(textOn(m_color, isEnabled()));
    painter.drawText(contentsRect(), int(alignment()) | Qt::TextSingleLine, text());
}

ProfileSwitcher::ProfileSwitcher(QWidget *parent) : QComboBox(parent) { }

void ProfileSwitcher::setColor(const QColor &color)
{
    applyColor(this, m_color, color);
}

void ProfileSwitcher::paintEvent(QPaintEvent *event)
{
    if (!m_color.isValid()) {
        QComboBox::paintEvent(event);
        return;
    }
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    paintRounded(painter, rect(), m_color, isEnabled());

    const QColor text = textOn(m_color, isEnabled());
    for (const QPalette::ColorRole role :
        {QPalette::ButtonText, QPalette::Text, QPalette::WindowText, QPalette::HighlightedText})
        option.palette.setColor(role, text);
    // The style's own arrow and label (icon, elided name), in the contrasting colour.
    QStyleOption arrow;
    arrow.initFrom(this);
    arrow.palette = option.palette;
    const QRect arrowArea =
        style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxArrow, this);
    arrow.rect = QRect(0, 0, 10, 10);
    arrow.rect.moveCenter(arrowArea.center());
    painter.drawPrimitive(QStyle::PE_IndicatorArrowDown, arrow);
    painter.setPen(text);
    option.state &= ~QStyle::State_HasFocus;
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
    // As the styles draw it: for keyboard focus, not after a click.
    if (hasFocus() && (option.state & QStyle::State_KeyboardFocusChange)) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.palette = option.palette;
        focus.rect = rect().adjusted(3, 3, -3, -3);
        focus.backgroundColor = m_color;
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
    }
}

} // namespace otadmin
