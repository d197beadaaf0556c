// SPDX-License-Identifier: GPL-3.0-or-later
// Drawn pictures of the composed-output layouts, for LayoutChooser.
#pragma once

#include "types/Layout.h"

#include <QIcon>
#include <QPalette>
#include <QSize>

namespace otadmin {

/// A 16:9 picture of `type` with a few streams in it, in the colours of `palette` (so it
/// follows light and dark themes). `screenshare`: the large stream is drawn as a shared
/// screen, as the layout looks while someone shares. `size` is in device-independent pixels.
QPixmap layoutThumbnail(Layout::Type type, bool screenshare, const QPalette &palette, QSize size);
/// The "no separate screenshare layout" picture: the best-fit grid, dimmed.
QPixmap sameLayoutThumbnail(const QPalette &palette, QSize size);

/// One sentence on what the layout does, for tooltips and the chooser's caption.
QString layoutDescription(Layout::Type type);

} // namespace otadmin
