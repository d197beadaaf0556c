// SPDX-License-Identifier: GPL-3.0-or-later
// CachedTextDelegate paints exactly what QStyledItemDelegate paints, pixel for pixel.
#include "common/CachedTextDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace otadmin;

class TstCachedTextDelegate : public QObject
{
    Q_OBJECT

private:
    /// A table of plain, long (elided), right-aligned, coloured, bold, non-Latin and empty
    /// cells, one row selected, grabbed with `delegate` (null: Qt's own).
    static QImage render(
        QAbstractItemDelegate *delegate, Qt::TextElideMode elide, Qt::LayoutDirection direction)
    {
        QStandardItemModel model(0, 4);
        const QStringList texts {QStringLiteral("Weekly town hall"),
            QStringLiteral("b40ef09b-3811-4726-b508-e41a0f96c68f-and-a-long-tail"),
            QStringLiteral("1.4 MB"), QString(), QStringLiteral("École d'été — ünïcødé"),
            QStringLiteral("2026-11-26 01:44:04"),
            QStringLiteral("https://archives.example.com/"
                           "0f0e0d0c/archive.mp4"),
            QStringLiteral("日本語のアーカイブ名"), QStringLiteral("x")};
        for (int row = 0; row < 12; ++row) {
            QList<QStandardItem *> items;
            for (int column = 0; column < 4; ++column) {
                auto *item = new QStandardItem(texts[(row * 4 + column) % texts.size()]);
                if (column == 2)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                if (row % 5 == 1)
                    item->setForeground(QColor(0xb0, 0x20, 0x20));
                if (row % 7 == 3) {
                    QFont bold;
                    bold.setBold(true);
                    item->setFont(bold);
                }
                items << item;
            }
            model.appendRow(items);
        }
        QTableView view;
        view.setLayoutDirection(direction);
        view.setModel(&model);
        if (delegate)
            view.setItemDelegate(delegate);
        view.setWordWrap(false);
        view.setTextElideMode(elide);
        view.setAlternatingRowColors(true);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.verticalHeader()->hide();
        for (int column = 0; column < 4; ++column)
            view.setColumnWidth(column, 60 + 45 * column);
        view.resize(640, 360);
        view.selectionModel()->select(
            model.index(2, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return {};
        return view.grab().toImage();
    }

private Q_SLOTS:
    void paintsLikeTheStyledDelegate_data()
    {
        QTest::addColumn<int>("elide");
        QTest::addColumn<int>("direction");
        QTest::newRow("elide middle") << int(Qt::ElideMiddle) << int(Qt::LeftToRight);
        QTest::newRow("elide right") << int(Qt::ElideRight) << int(Qt::LeftToRight);
        QTest::newRow("right to left") << int(Qt::ElideMiddle) << int(Qt::RightToLeft);
    }
    void paintsLikeTheStyledDelegate()
    {
        QFETCH(int, elide);
        QFETCH(int, direction);
        const auto mode = Qt::TextElideMode(elide);
        const auto dir = Qt::LayoutDirection(direction);
        const QImage expected = render(nullptr, mode, dir);
        CachedTextDelegate cached;
        const QImage first = render(&cached, mode, dir);
        const QImage again = render(&cached, mode, dir); // from the cache this time
        QVERIFY(!expected.isNull());
        QCOMPARE(first.size(), expected.size());
        int differing = 0;
        for (int y = 0; y < expected.height(); ++y)
            for (int x = 0; x < expected.width(); ++x)
                differing += first.pixel(x, y) != expected.pixel(x, y) ? 1 : 0;
        if (differing && qEnvironmentVariableIsSet("OTADMIN_SCREENSHOT_DIR")) {
            const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
            const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
            expected.save(dir + QStringLiteral("/delegate-%1-expected.png").arg(tag));
            first.save(dir + QStringLiteral("/delegate-%1-cached.png").arg(tag));
        }
        QCOMPARE(differing, 0);
        QCOMPARE(again, first);
    }
};

QTEST_MAIN(TstCachedTextDelegate)
#include "tst_cachedtextdelegate.moc"
