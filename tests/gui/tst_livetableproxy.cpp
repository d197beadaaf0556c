// SPDX-License-Identifier: GPL-3.0-or-later
// LiveTableProxy over a real ArchiveListModel: order, filter, and caches that follow changes.
#include "api/ListQuery.h"
#include "auth/Clock.h"
#include "common/LiveTableProxy.h"
#include "models/ArchiveListModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace otadmin;

namespace {

constexpr qint64 kStart = 1700000000000;

Archive archive(const QString &id, const QString &name, const QString &status, qint64 size)
{
    const QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("status"), status},
        {QStringLiteral("sessionId"), QStringLiteral("1_MX4xMjM0NX5-c2Vzc2lvbg")},
        {QStringLiteral("name"), name}, {QStringLiteral("createdAt"), kStart},
        {QStringLiteral("duration"), 60}, {QStringLiteral("size"), size},
        {QStringLiteral("outputMode"), QStringLiteral("composed")}};
    return *Archive::fromJson(json);
}

/// IDs of the proxy's rows, top to bottom.
QStringList order(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(ModelRole::Id).toString();
    return ids;
}

} // namespace

class TstLiveTableProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_clock.setMSecs(kStart + 65000);
        m_model = std::make_unique<ArchiveListModel>(&m_clock);
        m_proxy = std::make_unique<LiveTableProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void runningRowsStayOnTopBothWays()
    {
        m_model->applyChanged(
            archive(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("available"), 10));
        m_model->applyChanged(
            archive(QStringLiteral("b"), QStringLiteral("B"), QStringLiteral("started"), 0));
        m_model->applyChanged(
            archive(QStringLiteral("c"), QStringLiteral("C"), QStringLiteral("stopped"), 9));
        m_proxy->sort(ArchiveListModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(order(*m_proxy), QStringList({"b", "c", "a"}));
        m_proxy->sort(ArchiveListModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(order(*m_proxy), QStringList({"b", "a", "c"}));
        m_proxy->sort(ArchiveListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(order(*m_proxy), QStringList({"b", "c", "a"}));
    }

    void numbersSortAsNumbersAndNamesIgnoreCase()
    {
        m_model->applyChanged(
            archive(QStringLiteral("a"), QStringLiteral("beta"), QStringLiteral("available"), 100));
        m_model->applyChanged(
            archive(QStringLiteral("b"), QStringLiteral("Alpha"), QStringLiteral("available"), 9));
        m_model->applyChanged(
            archive(QStringLiteral("c"), QStringLiteral("Gamma"), QStringLiteral("available"), 10));
        m_proxy->sort(ArchiveListModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(order(*m_proxy), QStringList({"b", "c", "a"}));
        m_proxy->sort(ArchiveListModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(order(*m_proxy), QStringList({"b", "a", "c"}));
    }

    void filterMatchesFullValuesShownTextAndFoldedCase()
    {
        const QString longId = QStringLiteral("b40ef09b-3811-4726-b508-e41a0f96c68f");
        m_model->applyChanged(
            archive(longId, QStringLiteral("École d'été"), QStringLiteral("available"), 1500000));
        m_model->applyChanged(
            archive(QStringLiteral("other"), QString(), QStringLiteral("failed"), 0));
        m_model->applyChanged(archive(
            QStringLiteral("ascii"), QStringLiteral("Town HALL"), QStringLiteral("available"), 7));
        auto shown = [&](const QString &text) {
            m_proxy->setFilterText(text);
            return order(*m_proxy);
        };
        QCOMPARE(shown(longId), QStringList({longId})); // the elided cell's full ID
        QCOMPARE(shown(QStringLiteral("ÉCOLE D")), QStringList({longId})); // case folded, not ASCII
        const QString size = m_model->index(0, ArchiveListModel::SizeColumn).data().toString();
        QVERIFY(size.contains(u' ')); // "1.4 MB" or so, not the byte count
        QCOMPARE(shown(size), QStringList({longId})); // shown text
        QCOMPARE(shown(QStringLiteral("1500000")), QStringList({longId})); // full value
        QCOMPARE(shown(QStringLiteral("(no name)")), QStringList({"other"}));
        QCOMPARE(shown(QStringLiteral("FAILED")), QStringList({"other"}));
        QCOMPARE(shown(QStringLiteral("nowhere")), QStringList());
        QCOMPARE(shown(QStringLiteral("town hall")), QStringList({"ascii"})); // ASCII folded too
        QCOMPARE(shown(QStringLiteral("TOWN hall")), QStringList({"ascii"}));
        QCOMPARE(shown(QStringLiteral("  ")).size(), 3);
    }

    void filterFollowsRenames()
    {
        m_model->applyChanged(
            archive(QStringLiteral("a"), QStringLiteral("Old"), QStringLiteral("available"), 1));
        m_proxy->setFilterText(QStringLiteral("new"));
        QCOMPARE(m_proxy->rowCount(), 0);
        m_model->applyChanged(
            archive(QStringLiteral("a"), QStringLiteral("New"), QStringLiteral("available"), 1));
        QCOMPARE(order(*m_proxy), QStringList({"a"}));
    }

    void largeListsFilterWithoutFreezing()
    {
        ArchiveList page;
        for (int i = 0; i < 5000; ++i) {
            page.items << archive(QStringLiteral("id-%1").arg(i), QStringLiteral("Name %1").arg(i),
                QStringLiteral("available"), i);
        }
        m_model->applyLoaded({}, page);
        QSignalSpy applied(m_proxy.get(), &LiveTableProxy::filterApplied);
        m_proxy->setFilterText(QStringLiteral("name 4999"));
        // The texts of 5000 rows are built over several event-loop turns; until then the rows
        // shown are the previous filter's (all of them).
        QVERIFY(m_proxy->filterPending());
        QCOMPARE(m_proxy->rowCount(), 5000);
        QVERIFY(applied.wait());
        QVERIFY(!m_proxy->filterPending());
        QCOMPARE(order(*m_proxy), QStringList({"id-4999"}));
        // Every text is ready now: the next keystroke applies at once.
        m_proxy->setFilterText(QStringLiteral("name 499"));
        QVERIFY(!m_proxy->filterPending());
        QCOMPARE(m_proxy->rowCount(), 11);
        // A change while a slow filter is pending: the last text wins.
        m_model->applyLoaded({}, page); // unchanged: texts stay
        ArchiveList more;
        for (int i = 5000; i < 8000; ++i) {
            more.items << archive(QStringLiteral("id-%1").arg(i), QStringLiteral("Name %1").arg(i),
                QStringLiteral("available"), i);
        }
        m_proxy->setFilterText(QString());
        m_model->applyLoaded({}, more);
        m_proxy->setFilterText(QStringLiteral("name 7"));
        QVERIFY(m_proxy->filterPending());
        m_proxy->setFilterText(QStringLiteral("name 77"));
        QTRY_VERIFY(!m_proxy->filterPending());
        QCOMPARE(m_proxy->rowCount(), 111); // 77, 770-779, 7700-7799
    }

    /// Random inserts, changes (name, size, status), deletions, pages and filter edits: after
    /// each one the live proxy, with its caches, shows exactly what a proxy built from scratch
    /// shows. Sizes and names are unique, so ties cannot hide a difference.
    void cachesMatchAFreshProxyAfterEveryChange_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("sortOrder");
        QTest::newRow("size ascending") << int(ArchiveListModel::SizeColumn) << Qt::AscendingOrder;
        QTest::newRow("id ascending (bytes)")
            << int(ArchiveListModel::IdColumn) << Qt::AscendingOrder;
        QTest::newRow("name descending")
            << int(ArchiveListModel::NameColumn) << Qt::DescendingOrder;
    }
    void cachesMatchAFreshProxyAfterEveryChange()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, sortOrder);
        QRandomGenerator random(20261125);
        m_proxy->sort(column, sortOrder);
        const QStringList statuses {
            QStringLiteral("available"), QStringLiteral("started"), QStringLiteral("failed")};
        const QStringList filters {QString(), QStringLiteral("1"), QStringLiteral("fail"),
            QStringLiteral("name 2"), QString()};
        int serial = 0;
        auto fresh = [&] {
            ++serial;
            return archive(QStringLiteral("id-%1").arg(serial),
                QStringLiteral("Name %1").arg(random.bounded(100000) * 1000 + serial),
                statuses[random.bounded(int(statuses.size()))],
                random.bounded(100000) * 1000 + serial);
        };
        for (int step = 0; step < 250; ++step) {
            const int action = random.bounded(10);
            if (action < 3 || m_model->rowCount() < 3) {
                m_model->applyChanged(fresh());
            } else if (action < 6) {
                Archive changed = fresh();
                changed.id = m_model->at(random.bounded(m_model->rowCount())).id;
                m_model->applyChanged(changed);
            } else if (action < 7) {
                m_model->applyDeleted(m_model->at(random.bounded(m_model->rowCount())).id);
            } else if (action < 8) {
                ArchiveList page;
                for (int i = 0; i < 20; ++i)
                    page.items << fresh();
                m_model->applyLoaded({}, page);
            } else if (action < 9) {
                m_proxy->setFilterText(filters[random.bounded(int(filters.size()))]);
            } else {
                m_clock.advanceMSecs(1000);
                m_model->touchRunning();
            }
            LiveTableProxy reference;
            reference.setSourceModel(m_model.get());
            reference.setFilterText(m_proxy->filterText());
            reference.sort(column, sortOrder);
            QCOMPARE(order(*m_proxy), order(reference));
        }
        QVERIFY(m_model->rowCount() > 30);
    }

    /// A filter that adds or removes hundreds of interleaved rows rebuilds the mapping in one
    /// layout change instead of one insertion or removal per run: the same rows in the same
    /// order as a fresh proxy, and a selected row stays selected.
    void largeFilterSwingsKeepOrderAndSelection()
    {
        ArchiveList page;
        for (int i = 0; i < 3000; ++i) {
            page.items << archive(
                QStringLiteral("id-%1").arg((i * 7919) % 3000, 4, 10, QChar(u'0')),
                QStringLiteral("Town hall %1").arg(i), QStringLiteral("available"), i);
        }
        m_model->applyLoaded({}, page);
        m_proxy->sort(ArchiveListModel::IdColumn, Qt::DescendingOrder);
        QItemSelectionModel selection(m_proxy.get());
        const int keptRow = 19; // "Town hall 19": every filter below shows it
        const QString keptId = m_model->at(keptRow).id;
        selection.setCurrentIndex(m_proxy->mapFromSource(m_model->index(keptRow, 0)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy layouts(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        for (const QString &text : {QStringLiteral("hall 1"), QStringLiteral("hall 19"),
                 QStringLiteral("hall 1"), QStringLiteral("hall"), QString()}) {
            m_proxy->setFilterText(text);
            QTRY_VERIFY(!m_proxy->filterPending());
            LiveTableProxy reference;
            reference.setSourceModel(m_model.get());
            reference.setFilterText(text);
            QTRY_VERIFY(!reference.filterPending());
            reference.sort(ArchiveListModel::IdColumn, Qt::DescendingOrder);
            QCOMPARE(order(*m_proxy), order(reference));
            const QModelIndex current = selection.currentIndex();
            QVERIFY(current.isValid());
            QCOMPARE(current.data(ModelRole::Id).toString(), keptId);
            QVERIFY(selection.isRowSelected(current.row()));
        }
        QVERIFY(layouts.count() >= 2); // the big swings were rebuilds, not thousands of runs
    }

private:
    FixedClock m_clock;
    std::unique_ptr<ArchiveListModel> m_model;
    std::unique_ptr<LiveTableProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TstLiveTableProxy)
#include "tst_livetableproxy.moc"
