// SPDX-License-Identifier: GPL-3.0-or-later
// Every control on every panel can be named by a screen reader: text, label buddy or accessible
// name.
#include "GuiFixture.h"
#include "common/Panel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextEdit>

using namespace otadmin;

namespace {

/// Widgets some QLabel names through setBuddy() (what QFormLayout rows with "&Label:" do).
QSet<const QWidget *> buddies(const QWidget *root)
{
    QSet<const QWidget *> named;
    for (const QLabel *label : root->findChildren<QLabel *>()) {
        if (label->buddy())
            named.insert(label->buddy());
    }
    return named;
}

bool isInput(const QWidget *w)
{
    return qobject_cast<const QLineEdit *>(w) || qobject_cast<const QComboBox *>(w)
        || qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QPlainTextEdit *>(w)
        || qobject_cast<const QTextEdit *>(w) || qobject_cast<const QAbstractItemView *>(w);
}

/// "Class objectName" of each visible control that has no name a screen reader could read.
QStringList unnamedControls(const QWidget *root)
{
    const QSet<const QWidget *> named = buddies(root);
    QStringList missing;
    for (const QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->accessibleName().isEmpty() || named.contains(w))
            continue;
        // Parts of composite widgets (a combo's line edit, a spin box's editor) are named
        // through their owner.
        if (qobject_cast<const QAbstractSpinBox *>(w->parentWidget())
            || qobject_cast<const QComboBox *>(w->parentWidget())
            || qobject_cast<const QAbstractItemView *>(w->parentWidget()))
            continue;
        if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
            if (!button->text().isEmpty() || !button->toolTip().isEmpty())
                continue;
        } else if (const auto *edit = qobject_cast<const QLineEdit *>(w)) {
            if (!edit->placeholderText().isEmpty())
                continue;
        } else if (!isInput(w)) {
            continue;
        }
        missing << QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()),
            w->objectName().isEmpty() ? QStringLiteral("(no object name)") : w->objectName());
    }
    return missing;
}

} // namespace

class TestGuiAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
    }
    void cleanup() { m_fixture.reset(); }

    void everyControlHasAName_data()
    {
        QTest::addColumn<QString>("panel");
        QTest::addColumn<bool>("account");
        for (const char *panel : {"sessionsPanel", "archivesPanel", "broadcastsPanel", "sipPanel",
                 "storagePanel", "requestLogPanel"})
            QTest::newRow(panel) << QString::fromLatin1(panel) << false;
        QTest::newRow("projectsPanel") << QStringLiteral("projectsPanel") << true;
    }

    void everyControlHasAName()
    {
        QFETCH(QString, panel);
        QFETCH(bool, account);
        QVERIFY(account ? m_fixture->activateAccount() : m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(panel));
        QWidget *shown = m_fixture->window().panel(panel);
        QTRY_VERIFY(shown->isVisible());
        const QStringList missing = unnamedControls(&m_fixture->window());
        if (!missing.isEmpty())
            qWarning().noquote() << "unnamed controls:" << missing.join(QStringLiteral(", "));
        QVERIFY(missing.isEmpty());
    }

private:
    std::unique_ptr<test::GuiFixture> m_fixture;
};

QTEST_MAIN(TestGuiAccessibility)
#include "tst_gui_accessibility.moc"
