// SPDX-License-Identifier: GPL-3.0-or-later
// StyleIcons: a per-style cache of standard icons, and the application icon.
#include "common/StyleIcons.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPointer>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

#include <functional>

namespace otadmin {

namespace {

// An icon that `load` makes the first time anything but isNull() needs it.
class DeferredIconEngine final : public QIconEngine
{
public:
    explicit DeferredIconEngine(std::function<QIcon()> load) : m_load(std::move(load)) { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    // `size` is in device pixels here (QIcon::pixmap() multiplied it by `scale`); the icon's
    // own engine gets it the same way through QIcon::pixmap(size / scale, scale).
    QPixmap scaledPixmap(
        const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size / scale, scale, mode, state);
    }
    void addPixmap(const QPixmap &pixmap, QIcon::Mode mode, QIcon::State state) override
    {
        icon().addPixmap(pixmap, mode, state);
    }
    void addFile(
        const QString &fileName, const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        icon().addFile(fileName, size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    QString iconName() override { return icon().name(); }
    // Unread, a standard icon counts as there: buttons ask while they are laid out.
    bool isNull() override { return m_load ? false : m_icon.isNull(); }
    QString key() const override { return QStringLiteral("otadmin-deferred"); }
    QIconEngine *clone() const override
    {
        auto *copy = new DeferredIconEngine(m_load);
        copy->m_icon = m_icon;
        return copy;
    }

private:
    QIcon &icon()
    {
        if (m_load) {
            m_icon = m_load();
            m_load = nullptr;
        }
        return m_icon;
    }

    std::function<QIcon()> m_load;
    QIcon m_icon;
};

class DeferredIconStyle final : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    QIcon standardIcon(
        StandardPixmap pixmap, const QStyleOption *option, const QWidget *widget) const override
    {
        // What the style reads from `option` and `widget` for these icons: the direction
        // (mirrored arrows). Neither may live until the icon is read.
        const Qt::LayoutDirection direction = option ? option->direction
            : widget                                 ? widget->layoutDirection()
                                                     : QGuiApplication::layoutDirection();
        return QIcon(new DeferredIconEngine(
            [base = QPointer<QStyle>(baseStyle()), pixmap, direction]() -> QIcon {
                if (!base)
                    return {};
                QStyleOption read;
                read.direction = direction;
                return base->standardIcon(pixmap, &read, nullptr);
            }));
    }
};

} // namespace

void deferStandardIcons()
{
    if (dynamic_cast<DeferredIconStyle *>(QApplication::style()))
        return;
    // A style the factory cannot make again by its name stays as it is, icons read at once.
    if (QStyle *base = QStyleFactory::create(QApplication::style()->name()))
        QApplication::setStyle(new DeferredIconStyle(base));
}

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
