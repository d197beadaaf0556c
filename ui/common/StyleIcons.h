// SPDX-License-Identifier: GPL-3.0-or-later
// The style's standard icons, loaded once (building a panel no longer decodes the same PNGs),
// and the application's icon.
#pragma once

#include <QIcon>
#include <QStyle>

class QWidget;

namespace otadmin {

/// `widget`'s style's standard icon, cached per style. QCommonStyle loads every size of the
/// icon's PNGs (decoded at once) each time it is asked, which made the standard icons the
/// largest part of building the panels.
QIcon standardIcon(const QWidget *widget, QStyle::StandardPixmap pixmap);

/// The desktop theme's icon `name`, else the cached standard icon `fallback` (only loaded
/// when needed) — what QIcon::fromTheme(name, style()->standardIcon(fallback)) gives.
QIcon themeIcon(const QString &name, const QWidget *widget, QStyle::StandardPixmap fallback);

/// Makes the application's style hand out its standard icons unread: each one reads its PNGs
/// (every size, decoded) when it is first painted or measured instead of when a widget asks
/// for it. QMenuBar and QToolBar ask for their extension button's icon when they are built, for
/// a button that only shows when the bar overflows; that made the GUI thread load every image
/// format plugin and decode PNGs before the first paint (~1.5 ms of the start-up), while the
/// launcher's warm-up thread loads the plugins alongside. Wraps a new instance of the current
/// style (QApplication::style(), so a -style choice holds) in a QProxyStyle that changes
/// nothing else. Call before the first widget; does nothing when the style is wrapped already.
void deferStandardIcons();

/// Sets the application's icon unless it has one: the desktop theme's icon named like the
/// desktop entry (QGuiApplication::desktopFileName()), else the bundled SVG. Not set at start:
/// the SVG needs QtSvg and a parse (~1 ms) that the first screen does not, so the main window
/// calls this after its first paint, and the tray icon, which shows it, before it starts.
void ensureApplicationIcon();

} // namespace otadmin
