// SPDX-License-Identifier: GPL-3.0-or-later
// CachedTextDelegate: the style's cell, with the elided text laid out once per text and width.
#include "common/CachedTextDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QtMath>

namespace otadmin {

namespace {

bool drawsLikeTheStyle(const QStyleOptionViewItem &option)
{
    const auto unsupported = QStyleOptionViewItem::WrapText
        | QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration;
    // Right to left: the style lays the text out as a right-to-left paragraph (neutral
    // characters at the ends move), which a QStaticText cannot be told.
    return !option.text.isEmpty() && !(option.features & unsupported)
        && option.direction == Qt::LeftToRight && !(option.state & QStyle::State_Editing)
        && option.icon.isNull() && !option.text.contains(QLatin1Char('\n'))
        && !option.text.contains(QChar::LineSeparator);
}

} // namespace

void CachedTextDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!drawsLikeTheStyle(opt)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Rectangles from the option with its text, as the style computes them when it draws one.
    QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QRect focusRect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &opt, widget);
    // The style keeps the focus frame's margin plus one pixel inside the text rectangle.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    textRect.adjust(margin, 0, -margin, 0);

    // Background and selection through the style, without text and focus frame (a cell
    // without text would get a wider focus frame): both are drawn below as the style does.
    QStyleOptionViewItem bare = opt;
    bare.text.clear();
    bare.state &= ~QStyle::State_HasFocus;
    style->drawControl(QStyle::CE_ItemViewItem, &bare, painter, widget);

    const QPalette::ColorGroup enabled =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QPalette::ColorGroup group =
        enabled == QPalette::Normal && !(opt.state & QStyle::State_Active) ? QPalette::Inactive
                                                                           : enabled;
    const bool selected = opt.state & QStyle::State_Selected;
    if (textRect.width() > 0) {
        const QStaticText &laidOut = layout(opt, opt.text, textRect.width());
        const QSizeF size = laidOut.size();
        // As QCommonStyle: the line vertically aligned by its rounded height, the text placed
        // within the line's full width by the horizontal alignment.
        const QRect line = QStyle::alignedRect(Qt::LayoutDirectionAuto,
            opt.displayAlignment & Qt::AlignVertical_Mask,
            QSize(textRect.width(), qRound(size.height())), textRect);
        const Qt::Alignment horizontal =
            QStyle::visualAlignment(opt.direction, opt.displayAlignment) & Qt::AlignHorizontal_Mask;
        qreal x = textRect.x();
        if (horizontal & Qt::AlignRight)
            x += textRect.width() - size.width();
        else if (horizontal & Qt::AlignHCenter)
            x += (textRect.width() - size.width()) / 2;
        painter->save();
        painter->setPen(
            opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        painter->setFont(opt.font);
        painter->drawStaticText(QPointF(x, line.top()), laidOut);
        painter->restore();
    }
    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = focusRect;
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor =
            opt.palette.color(enabled, selected ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

const QStaticText &CachedTextDelegate::layout(
    const QStyleOptionViewItem &option, const QString &text, int width) const
{
    Key key {text, option.font.key(), width, int(option.textElideMode)};
    const auto it = m_cache.constFind(key);
    if (it != m_cache.cend())
        return *it;
    if (m_cache.size() >= MaxCached)
        m_cache.clear();
    QStaticText laidOut(option.fontMetrics.elidedText(text, option.textElideMode, width));
    laidOut.setTextFormat(Qt::PlainText);
    laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
    laidOut.prepare(QTransform(), option.font);
    return *m_cache.insert(std::move(key), std::move(laidOut));
}

} // namespace otadmin
