// SPDX-License-Identifier: GPL-3.0-or-later
// Request log panel: every request appears, redacted; copy as curl keeps the JWT a placeholder.
#include "GuiFixture.h"
#include "api/SessionsApi.h"
#include "api/Workspace.h"
#include "common/Panel.h"
#include "requestlog/RequestLogPanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace otadmin;

class TestGuiRequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("requestLogPanel")));
    }
    void cleanup() { m_fixture.reset(); }

    void requestsAppearRedactedWithCurl()
    {
        auto *table = m_fixture->find<QTableView>(QStringLiteral("requestLogTable"));
        QVERIFY(table);
        // Other panels load their lists on activation; look at session creation only.
        m_fixture->find<QLineEdit>(QStringLiteral("requestLogFilter"))
            ->setText(QStringLiteral("session/create"));
        QCOMPARE(table->model()->rowCount(), 0);
        m_fixture->context().workspace()->sessions()->create({});
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->selectRow(0);
        auto *details = m_fixture->find<QPlainTextEdit>(QStringLiteral("requestDetails"));
        QVERIFY(details->toPlainText().contains(QStringLiteral("/session/create")));

        auto *copy = m_fixture->find<QPushButton>(QStringLiteral("copyCurlButton"));
        QVERIFY(copy->isEnabled());
        copy->click();
        const QString curl = QGuiApplication::clipboard()->text();
        QVERIFY(curl.startsWith(QStringLiteral("curl")));
        QVERIFY(curl.contains(QStringLiteral("$OPENTOK_JWT")));
        QVERIFY(!curl.contains(m_fixture->server().apiSecret()));
        QVERIFY(!curl.contains(QStringLiteral("eyJ"))); // no JWT of any kind
        QVERIFY(!details->toPlainText().contains(m_fixture->server().apiSecret()));
    }

    void failedRequestsCountInTheSidebar()
    {
        auto *panel = m_fixture->window().panel(QStringLiteral("requestLogPanel"));
        m_fixture->server().forceNextResponse(
            QByteArrayLiteral("POST"), QStringLiteral("*"), 500, {});
        m_fixture->context().workspace()->sessions()->create({});
        QTRY_COMPARE(panel->summary(), QStringLiteral("1 failed"));
    }

    void filterAndClear()
    {
        auto *table = m_fixture->find<QTableView>(QStringLiteral("requestLogTable"));
        m_fixture->context().workspace()->sessions()->create({});
        auto *filter = m_fixture->find<QLineEdit>(QStringLiteral("requestLogFilter"));
        QTest::keyClick(&m_fixture->window(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("session/create"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        filter->setText(QStringLiteral("no-such-path"));
        QCOMPARE(table->model()->rowCount(), 0);
        filter->clear();
        QVERIFY(table->model()->rowCount() >= 1);
        m_fixture->find<QPushButton>(QStringLiteral("clearLogButton"))->click();
        QCOMPARE(table->model()->rowCount(), 0);
    }

private:
    std::unique_ptr<test::GuiFixture> m_fixture;
};

QTEST_MAIN(TestGuiRequestLog)
#include "tst_gui_requestlog.moc"
