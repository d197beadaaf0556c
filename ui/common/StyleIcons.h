// SPDX-License-Identifier: GPL-3.0-or-later
// Standard icons loaded once per style, bar extension icons read when shown, the app's icon.
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

/// Makes the application's style hand out the icons of the bars' extension buttons unread:
/// they read their PNGs (every size, decoded) when first painted or measured. Every QMenuBar and
/// QToolBar asks for that icon when it is built, for a button that shows only when the bar
/// overflows, and the first of them made the GUI thread load every image format plugin before
/// the first paint (~1.5 ms of the start-up) while the launcher's warm-up thread was loading
/// them alongside. Wraps a new instance of the current style (QApplication::style()'s name, so
/// a -style choice holds) in a QProxyStyle; every other icon and drawing comes from that style
/// as before, though QApplication::style()->name() is then empty (QProxyStyle has none) and
/// setting the style resets palettes set per widget class. So: call before the first widget
/// and palette. Does nothing when the style is wrapped already or cannot be made again by name
/// (a style sheet's QStyleSheetStyle, a style built in code).
void deferStandardIcons();

/// Sets the application's icon unless it has one: the desktop theme's icon named like the
/// desktop entry (QGuiApplication::desktopFileName()), else the bundled SVG. Not set at start:
/// the SVG needs QtSvg and a parse (~1 ms) that the first screen does not, so the main window
/// calls this after its first paint, and the tray icon, which shows it, before it starts.
void ensureApplicationIcon();

} // namespace otadmin
