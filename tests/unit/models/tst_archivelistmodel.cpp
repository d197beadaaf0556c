// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveListModel under QAbstractItemModelTester: columns, roles, signals, refresh, ticking.
#include "api/ListQuery.h"
#include "auth/Clock.h"
#include "models/ArchiveListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace otadmin;

namespace {

constexpr qint64 kStart = 1700000000000;

Archive archive(const QString &id, const QString &status,
    const QString &session = QStringLiteral("1_S"), qint64 createdAt = kStart, qint64 duration = 0,
    qint64 size = 0)
{
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("status"), status},
        {QStringLiteral("sessionId"), session},
        {QStringLiteral("name"), QStringLiteral("Town hall")},
        {QStringLiteral("createdAt"), createdAt}, {QStringLiteral("duration"), duration},
        {QStringLiteral("size"), size}, {QStringLiteral("outputMode"), QStringLiteral("composed")},
        {QStringLiteral("resolution"), QStringLiteral("1280x720")}};
    if (status == QLatin1String("available"))
        json.insert(QStringLiteral("url"), QStringLiteral("https://example.com/a.mp4"));
    return *Archive::fromJson(json);
}

ArchiveList page(const QList<Archive> &items, int total)
{
    ArchiveList list;
    list.items = items;
    list.count = total;
    return list;
}

const QString kLongId = QStringLiteral("b40ef09b-3811-4726-b508-e41a0f96c68f");

} // namespace

class TstArchiveListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_clock.setMSecs(kStart + 65000);
        m_model = std::make_unique<ArchiveListModel>(&m_clock);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void headers()
    {
        QCOMPARE(m_model->columnCount(), int(ArchiveListModel::ColumnCount));
        QStringList names;
        for (int c = 0; c < m_model->columnCount(); ++c)
            names << m_model->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(names,
            QStringList({QStringLiteral("Name"), QStringLiteral("ID"), QStringLiteral("Session"),
                QStringLiteral("Status"), QStringLiteral("Created"), QStringLiteral("Duration"),
                QStringLiteral("Size"), QStringLiteral("Output"), QStringLiteral("Resolution"),
                QStringLiteral("URL")}));
    }

    void rolesOfAFinishedArchive()
    {
        m_model->applyChanged(archive(
            kLongId, QStringLiteral("available"), QStringLiteral("1_S"), kStart, 328, 18023312));
        QCOMPARE(m_model->rowCount(), 1);
        auto cell = [this](int column, int role) {
            return m_model->data(m_model->index(0, column), role);
        };
        QCOMPARE(cell(ArchiveListModel::IdColumn, Qt::DisplayRole).toString(),
            QStringLiteral("b40ef09b\u20260f96c68f"));
        QCOMPARE(cell(ArchiveListModel::IdColumn, Qt::ToolTipRole).toString(), kLongId);
        QCOMPARE(cell(ArchiveListModel::IdColumn, ModelRole::Export).toString(), kLongId);
        QCOMPARE(cell(ArchiveListModel::NameColumn, ModelRole::Id).toString(), kLongId);
        QCOMPARE(cell(ArchiveListModel::StatusColumn, ModelRole::Status).toString(),
            QStringLiteral("available"));
        QCOMPARE(cell(ArchiveListModel::DurationColumn, Qt::DisplayRole).toString(),
            QStringLiteral("5:28"));
        QCOMPARE(cell(ArchiveListModel::DurationColumn, ModelRole::Sort).toLongLong(), 328);
        QCOMPARE(cell(ArchiveListModel::DurationColumn, ModelRole::Export).toLongLong(), 328);
        QCOMPARE(cell(ArchiveListModel::SizeColumn, Qt::DisplayRole).toString(),
            QStringLiteral("18.0 MB"));
        QCOMPARE(cell(ArchiveListModel::SizeColumn, ModelRole::Sort).toLongLong(), 18023312);
        QCOMPARE(cell(ArchiveListModel::CreatedColumn, ModelRole::Sort).toLongLong(), kStart);
        // Machine text sorts as bytes (no collation key per row); names by the locale.
        QCOMPARE(
            cell(ArchiveListModel::IdColumn, ModelRole::Sort).typeId(), int(QMetaType::QByteArray));
        QCOMPARE(
            cell(ArchiveListModel::NameColumn, ModelRole::Sort).typeId(), int(QMetaType::QString));
        QCOMPARE(cell(ArchiveListModel::CreatedColumn, Qt::ToolTipRole).toString(),
            QStringLiteral("2023-11-14T22:13:20Z"));
        QCOMPARE(cell(ArchiveListModel::CreatedColumn, ModelRole::Export).toString(),
            QStringLiteral("2023-11-14T22:13:20Z"));
        QCOMPARE(cell(ArchiveListModel::UrlColumn, Qt::DisplayRole).toString(),
            QStringLiteral("https://example.com/a.mp4"));
        QCOMPARE(cell(ArchiveListModel::OutputModeColumn, Qt::DisplayRole).toString(),
            QStringLiteral("composed"));
    }

    void runningArchiveTicks()
    {
        QSignalSpy running(m_model.get(), &ArchiveListModel::runningCountChanged);
        m_model->applyChanged(archive(QStringLiteral("a"), QStringLiteral("started")));
        QCOMPARE(m_model->runningCount(), 1);
        QCOMPARE(running.count(), 1);
        const QModelIndex duration = m_model->index(0, ArchiveListModel::DurationColumn);
        QCOMPARE(duration.data().toString(), QStringLiteral("1:05"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_clock.advanceMSecs(1000);
        m_model->touchRunning();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(
            changed.first().at(0).toModelIndex().column(), int(ArchiveListModel::DurationColumn));
        QCOMPARE(duration.data().toString(), QStringLiteral("1:06"));
        QCOMPARE(duration.data(ModelRole::Sort).toLongLong(), 66);

        m_model->applyChanged(archive(
            QStringLiteral("a"), QStringLiteral("stopped"), QStringLiteral("1_S"), kStart, 60));
        QCOMPARE(m_model->runningCount(), 0);
        QCOMPARE(running.count(), 2);
        QCOMPARE(duration.data().toString(), QStringLiteral("1:00"));
        changed.clear();
        m_model->touchRunning();
        QCOMPARE(changed.count(), 0);
    }

    void tickTouchesOnlyRunningRows()
    {
        const QStringList statuses {QStringLiteral("available"), QStringLiteral("started"),
            QStringLiteral("paused"), QStringLiteral("stopped"), QStringLiteral("started")};
        for (int i = 0; i < statuses.size(); ++i)
            m_model->applyChanged(archive(QString::number(i), statuses[i]));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->touchRunning();
        // Rows 1-2 (started, paused) and row 4 (started): two runs, nothing else.
        QCOMPARE(changed.count(), 2);
        auto range = [&](int i) {
            return std::pair(
                changed.at(i).at(0).toModelIndex().row(), changed.at(i).at(1).toModelIndex().row());
        };
        QCOMPARE(range(0), std::pair(1, 2));
        QCOMPARE(range(1), std::pair(4, 4));
        QCOMPARE(
            changed.at(1).at(0).toModelIndex().column(), int(ArchiveListModel::DurationColumn));
    }

    void unchangedCopyIsSilent()
    {
        const Archive a = archive(QStringLiteral("a"), QStringLiteral("started"));
        m_model->applyChanged(a);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->applyChanged(a);
        QCOMPARE(changed.count(), 0);
        m_model->applyChanged(archive(QStringLiteral("a"), QStringLiteral("paused")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_model->at(0).status, ArchiveStatus::Paused);
    }

    void deletedRowGoes()
    {
        m_model->applyChanged(archive(QStringLiteral("a"), QStringLiteral("available")));
        m_model->applyChanged(archive(QStringLiteral("b"), QStringLiteral("available")));
        m_model->applyDeleted(QStringLiteral("a"));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->at(0).id, QStringLiteral("b"));
        m_model->applyDeleted(QStringLiteral("unknown"));
        QCOMPARE(m_model->rowCount(), 1);
    }

    void pageInsertsOnce()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->applyLoaded({},
            page({archive(QStringLiteral("a"), QStringLiteral("started")),
                     archive(QStringLiteral("b"), QStringLiteral("failed")),
                     archive(QStringLiteral("c"), QStringLiteral("uploaded"))},
                3));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
    }

    /// A page that lists an archive twice (it moved between pages while listing) makes one
    /// row, from the first copy; rows already present are updated in place.
    void pageDuplicatesMakeOneRow()
    {
        m_model->applyChanged(archive(QStringLiteral("old"), QStringLiteral("started")));
        Archive later = archive(QStringLiteral("a"), QStringLiteral("failed"));
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->applyLoaded({},
            page({archive(QStringLiteral("a"), QStringLiteral("started")),
                     archive(QStringLiteral("old"), QStringLiteral("stopped")),
                     archive(QStringLiteral("b"), QStringLiteral("uploaded")), later,
                     archive(QStringLiteral("b"), QStringLiteral("uploaded"))},
                5));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 1);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(m_model->rowOf(QStringLiteral("old")), 0);
        QCOMPARE(m_model->at(0).statusString, QStringLiteral("stopped"));
        QCOMPARE(m_model->rowOf(QStringLiteral("a")), 1);
        QCOMPARE(m_model->at(1).statusString, QStringLiteral("started"));
        QCOMPARE(m_model->rowOf(QStringLiteral("b")), 2);
        QCOMPARE(m_model->at(2).id, QStringLiteral("b"));
    }

    /// Rows share the strings archives repeat (one session's archives, statuses) instead of
    /// each keeping the copy its JSON was parsed into; the values stay the same.
    void rowsShareRepeatedStrings()
    {
        const Archive first = archive(QStringLiteral("a"), QStringLiteral("available"));
        const Archive second = archive(QStringLiteral("b"), QStringLiteral("available"));
        QVERIFY(!first.sessionId.isSharedWith(second.sessionId)); // parsed apart
        m_model->applyLoaded({}, page({first}, 3));
        m_model->applyLoaded({}, page({second}, 3));
        m_model->applyChanged(archive(QStringLiteral("c"), QStringLiteral("available")));
        QCOMPARE(m_model->rowCount(), 3);
        const Archive &a = m_model->at(0);
        for (int row = 1; row < 3; ++row) {
            const Archive &other = m_model->at(row);
            QCOMPARE(other.sessionId, QStringLiteral("1_S"));
            QVERIFY(other.sessionId.isSharedWith(a.sessionId));
            QVERIFY(other.statusString.isSharedWith(a.statusString));
            QVERIFY(other.resolution.isSharedWith(a.resolution));
            QVERIFY(!other.id.isSharedWith(a.id));
        }
        QCOMPARE(m_model->at(2).id, QStringLiteral("c"));
    }

    void sessionFilter()
    {
        m_model->applyChanged(archive(QStringLiteral("a"), QStringLiteral("started")));
        m_model->setSessionFilter(QStringLiteral("1_T"));
        QCOMPARE(m_model->rowCount(), 0);
        m_model->applyChanged(archive(QStringLiteral("a"), QStringLiteral("started")));
        m_model->applyLoaded({},
            page(
                {archive(QStringLiteral("b"), QStringLiteral("started")),
                    archive(QStringLiteral("c"), QStringLiteral("started"), QStringLiteral("1_T"))},
                2));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->at(0).id, QStringLiteral("c"));
        m_model->setSessionFilter({});
        QCOMPARE(m_model->rowCount(), 0);
    }

    void refreshDropsWhatItDidNotSee()
    {
        m_model->applyChanged(archive(QStringLiteral("old"), QStringLiteral("available")));
        m_model->applyChanged(archive(QStringLiteral("kept"), QStringLiteral("available")));
        const quint64 ticket = m_model->startRefresh();
        m_model->applyLoaded(
            {}, page({archive(QStringLiteral("kept"), QStringLiteral("available"))}, 2));
        // Started by someone else while paging: seen through archiveChanged, kept.
        m_model->applyChanged(archive(QStringLiteral("new"), QStringLiteral("started")));
        QVERIFY(m_model->finishRefresh(ticket));
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(!m_model->contains(QStringLiteral("old")));
        QVERIFY(m_model->contains(QStringLiteral("kept")));
        QVERIFY(m_model->contains(QStringLiteral("new")));
    }

    void staleRefreshChangesNothing()
    {
        m_model->applyChanged(archive(QStringLiteral("a"), QStringLiteral("available")));
        const quint64 stale = m_model->startRefresh();
        const quint64 current = m_model->startRefresh();
        QVERIFY(!m_model->finishRefresh(stale));
        QCOMPARE(m_model->rowCount(), 1);
        m_model->abandonRefresh();
        QVERIFY(!m_model->finishRefresh(current));
        QCOMPARE(m_model->rowCount(), 1);
        const quint64 cleared = m_model->startRefresh();
        m_model->clear();
        QVERIFY(!m_model->finishRefresh(cleared));
    }

private:
    FixedClock m_clock;
    std::unique_ptr<ArchiveListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TstArchiveListModel)
#include "tst_archivelistmodel.moc"
