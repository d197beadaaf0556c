// SPDX-License-Identifier: GPL-3.0-or-later
// StatusBadge and its item delegate.
#include "common/StatusBadge.h"

#include "common/ProfileColor.h"

#include "models/KeyedTableModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace otadmin {

namespace {

const QStringList &runningStates()
{
    static const QStringList states {QStringLiteral("started"), QStringLiteral("live"),
        QStringLiteral("recording"), QStringLiteral("active"), QStringLiteral("connected")};
    return states;
}

const QStringList &goodStates()
{
    static const QStringList states {QStringLiteral("available"), QStringLiteral("uploaded"),
        QStringLiteral("ok"), QStringLiteral("valid")};
    return states;
}

const QStringList &waitingStates()
{
    static const QStringList states {QStringLiteral("paused"), QStringLiteral("stopped"),
        QStringLiteral("uploading"), QStringLiteral("connecting"), QStringLiteral("pending"),
        QStringLiteral("suspended")};
    return states;
}

const QStringList &failureStates()
{
    static const QStringList states {QStringLiteral("failed"), QStringLiteral("expired"),
        QStringLiteral("offline"), QStringLiteral("invalid"), QStringLiteral("deleted")};
    return states;
}

void paintBadge(QPainter *painter, const QRect &area, const QString &status, const QString &text,
    const QFont &font)
{
    const QColor color = statusColor(status);
    QFont badgeFont = font;
    badgeFont.setBold(true);
    const QFontMetrics metrics(badgeFont);
    const int height = qMin(area.height() - 4, metrics.height() + 4);
    const int width = metrics.horizontalAdvance(text) + 14;
    const QRect pill(area.left() + 2, area.center().y() - height / 2 + 1, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(pill, height / 2.0, height / 2.0);
    painter->fillPath(path, color);
    painter->setFont(badgeFont);
    painter->setPen(contrastingTextColor(color));
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace

QColor statusColor(const QString &status)
{
    const QString s = status.toLower();
    if (runningStates().contains(s))
        return QColor(0x1d, 0x6f, 0xd8);
    if (goodStates().contains(s))
        return QColor(0x1e, 0x8e, 0x3e);
    if (waitingStates().contains(s))
        return QColor(0xf2, 0xa9, 0x00);
    if (failureStates().contains(s))
        return QColor(0xc5, 0x22, 0x1f);
    return QColor(0x70, 0x75, 0x7a);
}

bool isFailureStatus(const QString &status)
{
    return failureStates().contains(status.toLower());
}

void StatusBadgeDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString status = index.data(ModelRole::Status).toString();
    if (status.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    paintBadge(painter, option.rect, status, text, option.font);
}

QSize StatusBadgeDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 20;
    return size;
}

StatusBadge::StatusBadge(QWidget *parent) : QLabel(parent)
{
    setMinimumHeight(fontMetrics().height() + 6);
}

void StatusBadge::setStatus(const QString &status, const QString &text)
{
    m_status = status;
    setText(text.isEmpty() ? status : text);
    QFont bold = font();
    bold.setBold(true);
    setMinimumWidth(QFontMetrics(bold).horizontalAdvance(this->text()) + 20);
    setAccessibleName(tr("Status: %1").arg(this->text()));
    update();
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    if (text().isEmpty())
        return;
    QPainter painter(this);
    paintBadge(&painter, rect(), m_status, text(), font());
}

} // namespace otadmin
