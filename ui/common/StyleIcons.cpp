// SPDX-License-Identifier: GPL-3.0-or-later
// StyleIcons: a per-style cache of standard icons, and the application icon.
#include "common/StyleIcons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QPointer>
#include <QWidget>

namespace otadmin {

QIcon standardIcon(const QWidget *widget, QStyle::StandardPixmap pixmap)
{
    // One style at a time in practice; a new style (or a new layout direction, which flips
    // some arrows) starts a new cache.
    static QPointer<QStyle> cachedStyle;
    static Qt::LayoutDirection cachedDirection = Qt::LeftToRight;
    static QHash<int, QIcon> cache;
    // Emptied while the application still exists: icons hold pixmaps, which must not outlive it.
    static const bool cleanup = [] {
        qAddPostRoutine([] { cache.clear(); });
        return true;
    }();
    Q_UNUSED(cleanup);
    QStyle *style = widget ? widget->style() : QApplication::style();
    const Qt::LayoutDirection direction =
        widget ? widget->layoutDirection() : QGuiApplication::layoutDirection();
    if (cachedStyle != style || cachedDirection != direction) {
        cache.clear();
        cachedStyle = style;
        cachedDirection = direction;
    }
    auto it = cache.constFind(int(pixmap));
    if (it == cache.cend())
        it = cache.insert(int(pixmap), style->standardIcon(pixmap, nullptr, widget));
    return *it;
}

QIcon themeIcon(const QString &name, const QWidget *widget, QStyle::StandardPixmap fallback)
{
    QIcon icon = QIcon::fromTheme(name);
    if (icon.isNull() || icon.availableSizes().isEmpty())
        return standardIcon(widget, fallback);
    return icon;
}

void ensureApplicationIcon()
{
    if (!QGuiApplication::windowIcon().isNull())
        return;
    QGuiApplication::setWindowIcon(QIcon::fromTheme(
        QGuiApplication::desktopFileName(), QIcon(QStringLiteral(":/icons/opentok-admin.svg"))));
}

} // namespace otadmin
