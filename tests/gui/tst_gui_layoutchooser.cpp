// SPDX-License-Identifier: GPL-3.0-or-later
// LayoutChooser on its own: thumbnails pick each type, rules name the field, setLayout round-trips.
#include "common/LayoutChooser.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace otadmin;

namespace {
QListWidgetItem *itemFor(QListWidget *list, const QString &apiName)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == apiName)
            return list->item(row);
    }
    return nullptr;
}

void clickItem(QListWidget *list, QListWidgetItem *item)
{
    const QRect rect = list->visualItemRect(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}
} // namespace

class TestGuiLayoutChooser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_chooser = std::make_unique<LayoutChooser>();
        m_chooser->resize(640, 420);
        m_chooser->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chooser.get()));
        m_types = m_chooser->findChild<QListWidget *>(QStringLiteral("layoutType"));
        m_share = m_chooser->findChild<QListWidget *>(QStringLiteral("layoutScreenshareType"));
        m_sheet = m_chooser->findChild<QPlainTextEdit *>(QStringLiteral("layoutStylesheet"));
        m_error = m_chooser->findChild<QLabel *>(QStringLiteral("layoutError"));
        QVERIFY(m_types && m_share && m_sheet && m_error);
    }
    void cleanup() { m_chooser.reset(); }

    void defaultsToBestFit()
    {
        QCOMPARE(m_chooser->objectName(), QStringLiteral("layoutChooser"));
        QCOMPARE(m_chooser->layout(), Layout {});
        QVERIFY(!m_chooser->validation());
        QCOMPARE(m_types->count(), 5);
        QCOMPARE(m_share->count(), 5);
        QVERIFY(!m_sheet->isEnabled());
        QVERIFY(m_share->isEnabled());
        QVERIFY(!m_error->isVisible());
        // Every choice is a picture.
        for (int row = 0; row < m_types->count(); ++row)
            QVERIFY(!m_types->item(row)->icon().isNull());
        for (int row = 0; row < m_share->count(); ++row)
            QVERIFY(!m_share->item(row)->icon().isNull());
    }

    void clickingEachThumbnailPicksItsType_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("bestFit") << int(Layout::Type::BestFit);
        QTest::newRow("pip") << int(Layout::Type::Pip);
        QTest::newRow("verticalPresentation") << int(Layout::Type::VerticalPresentation);
        QTest::newRow("horizontalPresentation") << int(Layout::Type::HorizontalPresentation);
        QTest::newRow("custom") << int(Layout::Type::Custom);
    }
    void clickingEachThumbnailPicksItsType()
    {
        QFETCH(int, type);
        const auto wanted = Layout::Type(type);
        if (wanted == Layout::Type::BestFit)
            m_chooser->selectType(Layout::Type::Pip); // so that the click changes something
        QSignalSpy changed(m_chooser.get(), &LayoutChooser::layoutChanged);
        QListWidgetItem *item = itemFor(m_types, toApiString(wanted));
        QVERIFY(item);
        m_types->scrollToItem(item);
        clickItem(m_types, item);
        QCOMPARE(m_chooser->layout().type, wanted);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(m_sheet->isEnabled(), wanted == Layout::Type::Custom);
        QCOMPARE(m_share->isEnabled(), wanted == Layout::Type::BestFit);
        if (wanted == Layout::Type::Custom) {
            QCOMPARE(m_chooser->validation()->field, QStringLiteral("layout.stylesheet"));
            QTest::keyClicks(m_sheet, QStringLiteral("stream { width: 50%; }"));
            QVERIFY(!m_chooser->validation());
            QCOMPARE(m_chooser->layout().stylesheet, QStringLiteral("stream { width: 50%; }"));
        } else {
            QVERIFY(!m_chooser->validation());
            QVERIFY(m_chooser->layout().stylesheet.isEmpty());
        }
    }

    void selectTypeMatchesEveryType()
    {
        for (auto type : {Layout::Type::Pip, Layout::Type::VerticalPresentation,
                 Layout::Type::HorizontalPresentation, Layout::Type::Custom,
                 Layout::Type::BestFit}) {
            m_chooser->selectType(type);
            QCOMPARE(m_chooser->layout().type, type);
        }
    }

    void stylesheetStaysOutOfOtherTypes()
    {
        m_chooser->selectType(Layout::Type::Custom);
        QTest::keyClicks(m_sheet, QStringLiteral("stream { }"));
        m_chooser->selectType(Layout::Type::Pip);
        QVERIFY(m_chooser->layout().stylesheet.isEmpty());
        QVERIFY(!m_chooser->validation());
        m_chooser->selectType(Layout::Type::Custom);
        QCOMPARE(m_chooser->layout().stylesheet, QStringLiteral("stream { }"));
    }

    void screenshareRuleOnlyWithBestFit()
    {
        QListWidgetItem *pip = itemFor(m_share, QStringLiteral("pip"));
        QVERIFY(pip);
        clickItem(m_share, pip);
        QCOMPARE(m_chooser->layout().screenshareType, std::optional(Layout::Type::Pip));
        QVERIFY(!m_chooser->validation());

        // Another type with the rule still set: the field is named and the rule stays reachable.
        m_chooser->selectType(Layout::Type::VerticalPresentation);
        const Validation bad = m_chooser->validation();
        QVERIFY(bad);
        QCOMPARE(bad->field, QStringLiteral("layout.screenshareType"));
        QTRY_VERIFY(m_error->isVisible());
        QVERIFY(m_error->text().contains(QStringLiteral("Screenshare")));
        QVERIFY(m_share->isEnabled());

        clickItem(m_share, itemFor(m_share, QString()));
        QVERIFY(!m_chooser->validation());
        QVERIFY(!m_share->isEnabled());
        QVERIFY(!m_error->isVisible());
    }

    void setLayoutRoundTrips()
    {
        Layout custom;
        custom.type = Layout::Type::Custom;
        custom.stylesheet = QStringLiteral("stream.focus { width: 100%; }");
        m_chooser->setLayout(custom);
        QCOMPARE(m_chooser->layout(), custom);
        QVERIFY(m_sheet->isEnabled());

        Layout shared;
        shared.screenshareType = Layout::Type::HorizontalPresentation;
        m_chooser->setLayout(shared);
        QCOMPARE(m_chooser->layout(), shared);
        QCOMPARE(m_types->selectedItems().size(), 1);
        QCOMPARE(m_share->selectedItems().first()->data(Qt::UserRole).toString(),
            QStringLiteral("horizontalPresentation"));
    }

    void ctrlClickCannotLeaveNothingChosen()
    {
        QListWidgetItem *current = m_types->selectedItems().value(0);
        QVERIFY(current);
        QTest::mouseClick(m_types->viewport(), Qt::LeftButton, Qt::ControlModifier,
            m_types->visualItemRect(current).center());
        QCOMPARE(m_types->selectedItems().size(), 1);
        QCOMPARE(m_chooser->layout().type, Layout::Type::BestFit);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OTADMIN_SCREENSHOT_DIR is not set");
        QVERIFY(QDir().mkpath(dir));
        Layout layout;
        layout.screenshareType = Layout::Type::Pip;
        m_chooser->setLayout(layout);
        QVERIFY(m_chooser->grab().save(QDir(dir).filePath(QStringLiteral("layout-chooser.png"))));
        m_chooser->selectType(Layout::Type::Custom);
        QVERIFY(m_chooser->grab().save(
            QDir(dir).filePath(QStringLiteral("layout-chooser-invalid.png"))));
    }

private:
    std::unique_ptr<LayoutChooser> m_chooser;
    QListWidget *m_types = nullptr;
    QListWidget *m_share = nullptr;
    QPlainTextEdit *m_sheet = nullptr;
    QLabel *m_error = nullptr;
};

QTEST_MAIN(TestGuiLayoutChooser)
#include "tst_gui_layoutchooser.moc"
