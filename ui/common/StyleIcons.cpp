// SPDX-License-Identifier: GPL-3.0-or-later
// StyleIcons: cached standard icons, the bars' extension icons read when shown, the app's icon.
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
#include <optional>

namespace otadmin {

namespace {

// The standard icon `load` returns, made the first time anything but isNull() needs it. Every
// size query and pixmap goes through the loaded icon at a device pixel ratio of 1, so that
// `size` keeps the meaning QIcon gives it when it calls an engine (device pixels); painting
// goes through QIcon::paint(), which takes the ratio from the painter. No scaledPixmap()
// override: QIconEngine's own turns the call into pixmap() as QIcon expects in each Qt version.
// Not streamed: QDataStream gets the key only (nothing streams the two icons this is for).
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
        return icon().pixmap(size, qreal(1), mode, state).size();
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, qreal(1), mode, state);
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
    // Unread, it counts as there: QCommonStyle, which every Qt style builds on, has pictures
    // of its own for both icons, and the buttons ask while they are laid out.
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
        // Only the bars' extension buttons: every QMenuBar and QToolBar asks for its icon when
        // it is built, for a button that shows only when the bar overflows. Everything else
        // comes from the style as it would.
        if (pixmap != SP_ToolBarHorizontalExtensionButton
            && pixmap != SP_ToolBarVerticalExtensionButton)
            return QProxyStyle::standardIcon(pixmap, option, widget);
        // All QCommonStyle reads for them is the direction (the arrows turn for right-to-left),
        // from the option when there is one, else from the application when it makes them.
        // Neither the option nor the widget may live until then.
        std::optional<Qt::LayoutDirection> direction;
        if (option)
            direction = option->direction;
        return QIcon(new DeferredIconEngine(
            [base = QPointer<QStyle>(baseStyle()), pixmap, direction]() -> QIcon {
                QStyle *style = base ? base.data() : QApplication::style();
                // A new style since: its own pictures (and never another deferred icon).
                if (auto *deferring = dynamic_cast<DeferredIconStyle *>(style))
                    style = deferring->baseStyle();
                if (!direction)
                    return style->standardIcon(pixmap, nullptr, nullptr);
                QStyleOption read;
                read.direction = *direction;
                return style->standardIcon(pixmap, &read, nullptr);
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
