// SPDX-License-Identifier: GPL-3.0-or-later
// LayoutThumbnail: QPainter drawings of best fit, PiP, presentations and custom layouts.
#include "common/LayoutThumbnail.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace otadmin {

namespace {

struct Canvas
{
    QPainter &p;
    const QPalette &palette;
    QRectF frame;
};

QPixmap blank(QSize size, qreal ratio)
{
    QPixmap pixmap(size * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

/// Relative rectangle (0..1 of the frame) to pixels, with a small gap around each tile.
QRectF place(const QRectF &frame, qreal x, qreal y, qreal w, qreal h)
{
    const qreal gap = 1.5;
    return QRectF(frame.x() + x * frame.width() + gap, frame.y() + y * frame.height() + gap,
        w * frame.width() - 2 * gap, h * frame.height() - 2 * gap);
}

/// A camera stream: a rounded tile with a head-and-shoulders silhouette.
void person(Canvas &c, const QRectF &r, qreal shade = 1.0)
{
    QColor tile = c.palette.color(QPalette::Highlight);
    tile = tile.lighter(int(100 * shade));
    c.p.setPen(Qt::NoPen);
    c.p.setBrush(tile);
    c.p.drawRoundedRect(r, 2, 2);
    const QColor figure = c.palette.color(QPalette::HighlightedText);
    c.p.setBrush(QColor(figure.red(), figure.green(), figure.blue(), 150));
    const qreal s = std::min(r.width(), r.height());
    const QPointF centre = r.center();
    c.p.drawEllipse(QPointF(centre.x(), centre.y() - s * 0.12), s * 0.17, s * 0.17);
    QPainterPath shoulders;
    const QRectF body(centre.x() - s * 0.32, centre.y() + s * 0.1, s * 0.64, s * 0.5);
    shoulders.moveTo(body.bottomLeft());
    shoulders.arcTo(body, 180, -180);
    shoulders.closeSubpath();
    c.p.save();
    c.p.setClipRect(r);
    c.p.drawPath(shoulders);
    c.p.restore();
}

/// A shared screen: a light tile with a window title bar and lines of "text".
void screen(Canvas &c, const QRectF &r)
{
    c.p.setPen(QPen(c.palette.color(QPalette::Highlight), 1));
    c.p.setBrush(c.palette.color(QPalette::Base));
    c.p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
    c.p.setPen(Qt::NoPen);
    c.p.setBrush(c.palette.color(QPalette::Highlight));
    c.p.drawRect(QRectF(r.left() + 1, r.top() + 1, r.width() - 2, r.height() * 0.16));
    c.p.setBrush(c.palette.color(QPalette::Mid));
    const int lines = 3;
    for (int i = 0; i < lines; ++i) {
        const qreal y = r.top() + r.height() * (0.32 + 0.18 * i);
        const qreal w = r.width() * (i == lines - 1 ? 0.45 : 0.7);
        c.p.drawRect(QRectF(r.left() + r.width() * 0.12, y, w, std::max(1.5, r.height() * 0.07)));
    }
}

/// The large stream of a layout: a camera, or the shared screen while sharing.
void focus(Canvas &c, const QRectF &r, bool screenshare)
{
    if (screenshare)
        screen(c, r);
    else
        person(c, r, 1.0);
}

void drawType(Canvas &c, Layout::Type type, bool screenshare)
{
    const QRectF &f = c.frame;
    switch (type) {
    case Layout::Type::BestFit:
        focus(c, place(f, 0, 0, 0.5, 0.5), screenshare);
        person(c, place(f, 0.5, 0, 0.5, 0.5), 1.15);
        person(c, place(f, 0, 0.5, 0.5, 0.5), 1.3);
        person(c, place(f, 0.5, 0.5, 0.5, 0.5), 1.45);
        break;
    case Layout::Type::Pip:
        focus(c, place(f, 0, 0, 1, 1), screenshare);
        c.p.setPen(QPen(c.palette.color(QPalette::Window), 1.5));
        c.p.setBrush(Qt::NoBrush);
        c.p.drawRoundedRect(place(f, 0.66, 0.62, 0.3, 0.34), 2, 2);
        person(c, place(f, 0.66, 0.62, 0.3, 0.34), 1.4);
        break;
    case Layout::Type::VerticalPresentation:
        focus(c, place(f, 0, 0, 0.75, 1), screenshare);
        for (int i = 0; i < 3; ++i)
            person(c, place(f, 0.75, i / 3.0, 0.25, 1 / 3.0), 1.15 + 0.15 * i);
        break;
    case Layout::Type::HorizontalPresentation:
        focus(c, place(f, 0, 0, 1, 0.72), screenshare);
        for (int i = 0; i < 4; ++i)
            person(c, place(f, i / 4.0, 0.72, 0.25, 0.28), 1.15 + 0.1 * i);
        break;
    case Layout::Type::Custom: {
        person(c, place(f, 0.04, 0.08, 0.55, 0.62), 1.0);
        person(c, place(f, 0.52, 0.42, 0.44, 0.5), 1.3);
        QPen dashed(c.palette.color(QPalette::Text), 1, Qt::DashLine);
        c.p.setPen(dashed);
        c.p.setBrush(Qt::NoBrush);
        c.p.drawRect(place(f, 0.6, 0.06, 0.36, 0.3));
        QFont font = QGuiApplication::font();
        font.setPixelSize(std::max(7, int(f.height() * 0.2)));
        font.setBold(true);
        c.p.setFont(font);
        c.p.setPen(c.palette.color(QPalette::Text));
        c.p.drawText(place(f, 0.6, 0.06, 0.36, 0.3), Qt::AlignCenter, QStringLiteral("{ }"));
        break;
    }
    }
}

void drawFrame(QPainter &p, const QPalette &palette, const QRectF &frame)
{
    p.setPen(QPen(palette.color(QPalette::Mid), 1));
    p.setBrush(palette.color(QPalette::AlternateBase).darker(112));
    p.drawRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
}

QRectF frameFor(QSize size)
{
    // Keep 16:9 inside the requested size, centred.
    qreal w = size.width() - 2;
    qreal h = w * 9.0 / 16.0;
    if (h > size.height() - 2) {
        h = size.height() - 2;
        w = h * 16.0 / 9.0;
    }
    return QRectF((size.width() - w) / 2.0, (size.height() - h) / 2.0, w, h);
}

} // namespace

QPixmap layoutThumbnail(Layout::Type type, bool screenshare, const QPalette &palette, QSize size)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap = blank(size, ratio);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF frame = frameFor(size);
    drawFrame(painter, palette, frame);
    Canvas canvas {painter, palette, frame.adjusted(2, 2, -2, -2)};
    drawType(canvas, type, screenshare);
    return pixmap;
}

QPixmap sameLayoutThumbnail(const QPalette &palette, QSize size)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap = blank(size, ratio);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setOpacity(0.45);
    const QRectF frame = frameFor(size);
    drawFrame(painter, palette, frame);
    Canvas canvas {painter, palette, frame.adjusted(2, 2, -2, -2)};
    drawType(canvas, Layout::Type::BestFit, false);
    painter.setOpacity(1.0);
    painter.setPen(QPen(palette.color(QPalette::Text), 1.5));
    painter.drawLine(frame.bottomLeft() + QPointF(6, -6), frame.topRight() + QPointF(-6, 6));
    return pixmap;
}

QString layoutDescription(Layout::Type type)
{
    switch (type) {
    case Layout::Type::BestFit:
        return QCoreApplication::translate(
            "otadmin::LayoutChooser", "A tiled grid that adapts to the number of streams.");
    case Layout::Type::Pip:
        return QCoreApplication::translate("otadmin::LayoutChooser",
            "Picture-in-picture: one small stream over a full-size stream.");
    case Layout::Type::VerticalPresentation:
        return QCoreApplication::translate(
            "otadmin::LayoutChooser", "One large stream with a column of small ones beside it.");
    case Layout::Type::HorizontalPresentation:
        return QCoreApplication::translate(
            "otadmin::LayoutChooser", "One large stream with a row of small ones below it.");
    case Layout::Type::Custom:
        return QCoreApplication::translate(
            "otadmin::LayoutChooser", "Your own CSS, placing streams by their layout classes.");
    }
    return {};
}

} // namespace otadmin
