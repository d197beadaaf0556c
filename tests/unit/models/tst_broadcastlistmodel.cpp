// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastListModel under QAbstractItemModelTester: rows, roles, summary, secrets, ticking.
#include "models/BroadcastListModel.h"
#include "models/TableExport.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace otadmin;

namespace {

constexpr qint64 T0 = 1700000000000;

RtmpTarget target(const QString &id, const QString &status)
{
    return RtmpTarget {id, QStringLiteral("rtmps://a.rtmp.example/live2"),
        QStringLiteral("secret-stream-key-%1").arg(id), status};
}

Broadcast broadcast(const QString &id, BroadcastStatus status = BroadcastStatus::Started)
{
    Broadcast b;
    b.id = id;
    b.sessionId = QStringLiteral("1_MX4xMjM0NTY3OH5-c2Vzc2lvbg");
    b.status = status;
    b.statusString = toApiString(status);
    b.createdAt = T0;
    b.updatedAt = T0 + 90'000;
    b.resolution = QStringLiteral("1280x720");
    b.maxDuration = 5400;
    b.hlsUrl = QStringLiteral("https://cdn.example/%1/playlist.m3u8").arg(id);
    b.hlsStatus = QStringLiteral("live");
    b.rtmp = {target(QStringLiteral("yt"), QStringLiteral("live")),
        target(QStringLiteral("tw"), QStringLiteral("offline"))};
    return b;
}

} // namespace

class TestBroadcastListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<BroadcastListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setNow([this] { return m_now; });
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void upsertReplacesById()
    {
        m_model->upsert(broadcast(QStringLiteral("a")));
        m_model->upsert(broadcast(QStringLiteral("b")));
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->columnCount(), int(BroadcastListModel::ColumnCount));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->upsert(broadcast(QStringLiteral("a"), BroadcastStatus::Stopped));
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_model->runningCount(), 1);
        const QModelIndex status = m_model->index(0, BroadcastListModel::StatusColumn);
        QCOMPARE(status.data(ModelRole::Status).toString(), QStringLiteral("stopped"));
        QCOMPARE(status.data().toString(), QStringLiteral("stopped"));
        QVERIFY(m_model->index(0, BroadcastListModel::IdColumn)
                    .data(ModelRole::Status)
                    .toString()
                    .isEmpty());
        QVERIFY(m_model->removeById(QStringLiteral("a")));
        QCOMPARE(m_model->rowCount(), 1);
    }

    void columnsShowPeopleTheirUnits()
    {
        const QString longId = QStringLiteral("5c2e8d4f0a9b4e7d8c1f3a6b2d9e0f47");
        m_model->upsert(broadcast(longId));
        auto cell = [this](int column, int role = Qt::DisplayRole) {
            return m_model->index(0, column).data(role);
        };
        QCOMPARE(cell(BroadcastListModel::IdColumn).toString(),
            QStringLiteral("5c2e8d4f\u20262d9e0f47"));
        QCOMPARE(cell(BroadcastListModel::IdColumn, Qt::ToolTipRole).toString(), longId);
        QCOMPARE(cell(BroadcastListModel::IdColumn, ModelRole::Export).toString(), longId);
        QCOMPARE(cell(BroadcastListModel::IdColumn, ModelRole::Id).toString(), longId);
        QCOMPARE(cell(BroadcastListModel::HlsUrlColumn, ModelRole::Id).toString(), longId);
        QCOMPARE(cell(BroadcastListModel::TargetsColumn).toString(),
            QStringLiteral("HLS \u00b7 2 RTMP: 1 live, 1 offline"));
        QCOMPARE(cell(BroadcastListModel::CreatedColumn, Qt::ToolTipRole).toString(),
            QStringLiteral("2023-11-14T22:13:20Z"));
        QCOMPARE(cell(BroadcastListModel::CreatedColumn, ModelRole::Export).toString(),
            QStringLiteral("2023-11-14T22:13:20Z"));
        QCOMPARE(cell(BroadcastListModel::CreatedColumn, ModelRole::Sort).toLongLong(), T0);
        QCOMPARE(cell(BroadcastListModel::MaxDurationColumn).toString(), QStringLiteral("1:30:00"));
        QCOMPARE(cell(BroadcastListModel::MaxDurationColumn, ModelRole::Export).toInt(), 5400);
        QCOMPARE(cell(BroadcastListModel::ResolutionColumn).toString(), QStringLiteral("1280x720"));
        QCOMPARE(cell(BroadcastListModel::HlsUrlColumn).toString(),
            QStringLiteral("https://cdn.example/%1/playlist.m3u8").arg(longId));
        QCOMPARE(
            cell(BroadcastListModel::StatusColumn, BroadcastListModel::OutputStateRole).toString(),
            QStringLiteral("offline"));
        QVERIFY(cell(BroadcastListModel::SessionColumn, ModelRole::Running).toBool());
        QCOMPARE(m_model->headerData(BroadcastListModel::TargetsColumn, Qt::Horizontal).toString(),
            QStringLiteral("Outputs"));
    }

    void elapsedTicksForRunningOnly()
    {
        m_now = T0 + 65'000;
        m_model->upsert(broadcast(QStringLiteral("run")));
        m_model->upsert(broadcast(QStringLiteral("done"), BroadcastStatus::Stopped));
        const QModelIndex running = m_model->index(0, BroadcastListModel::ElapsedColumn);
        const QModelIndex stopped = m_model->index(1, BroadcastListModel::ElapsedColumn);
        QCOMPARE(running.data().toString(), QStringLiteral("1:05"));
        QCOMPARE(stopped.data().toString(), QStringLiteral("1:30"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_now += 1000;
        m_model->touchColumn(BroadcastListModel::ElapsedColumn);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(
            changed.at(0).at(0).toModelIndex().column(), int(BroadcastListModel::ElapsedColumn));
        QCOMPARE(running.data().toString(), QStringLiteral("1:06"));
        QCOMPARE(running.data(ModelRole::Export).toLongLong(), 66);
        QCOMPARE(stopped.data().toString(), QStringLiteral("1:30"));
    }

    void summaries_data()
    {
        QTest::addColumn<bool>("hls");
        QTest::addColumn<QStringList>("rtmp");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("state");
        QTest::newRow("hls only") << true << QStringList() << QStringLiteral("HLS")
                                  << QStringLiteral("live");
        QTest::newRow("rtmp connecting")
            << false << QStringList {QStringLiteral("connecting")}
            << QStringLiteral("1 RTMP: 1 connecting") << QStringLiteral("connecting");
        QTest::newRow("error counts as failed")
            << true << QStringList {QStringLiteral("live"), QStringLiteral("error")}
            << QStringLiteral("HLS \u00b7 2 RTMP: 1 live, 1 failed") << QStringLiteral("offline");
        QTest::newRow("all live") << false
                                  << QStringList {QStringLiteral("live"), QStringLiteral("live")}
                                  << QStringLiteral("2 RTMP: 2 live") << QStringLiteral("live");
    }
    void summaries()
    {
        QFETCH(bool, hls);
        QFETCH(QStringList, rtmp);
        QFETCH(QString, summary);
        QFETCH(QString, state);
        Broadcast b = broadcast(QStringLiteral("x"));
        if (!hls) {
            b.hlsUrl.clear();
            b.hlsStatus.clear();
        }
        b.rtmp.clear();
        for (const QString &s : rtmp)
            b.rtmp << target(QString::number(b.rtmp.size()), s);
        QCOMPARE(BroadcastListModel::targetsSummary(b), summary);
        QCOMPARE(BroadcastListModel::outputState(b), state);
        b.status = BroadcastStatus::Stopped;
        QCOMPARE(BroadcastListModel::outputState(b), QString());
        QCOMPARE(BroadcastListModel::targetsSummary(b), summary.section(QLatin1Char(':'), 0, 0));
    }

    void streamKeysNeverLeave()
    {
        m_model->upsert(broadcast(QStringLiteral("k")));
        const QByteArray csv = exportCsv(*m_model);
        const QByteArray json = exportJson(*m_model);
        QVERIFY(!csv.contains("secret-stream-key"));
        QVERIFY(!json.contains("secret-stream-key"));
        QVERIFY(csv.startsWith("ID,Session,Status,Outputs,Created,Elapsed"));
        const QJsonArray rows = QJsonDocument::fromJson(json).array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0)[QStringLiteral("Max duration")].toInt(), 5400);
        for (int column = 0; column < m_model->columnCount(); ++column) {
            const QModelIndex index = m_model->index(0, column);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), ModelRole::Export})
                QVERIFY(!index.data(role).toString().contains(QStringLiteral("secret-stream")));
        }
        QCOMPARE(BroadcastListModel::maskStreamName(QStringLiteral("abcd-efgh-ijkl-5f2a")),
            QStringLiteral("\u2022\u2022\u2022\u20225f2a"));
        QCOMPARE(BroadcastListModel::maskStreamName(QStringLiteral("key-1")),
            QStringLiteral("[redacted]"));
    }

    void staleRefreshIsRefused()
    {
        m_model->upsert(broadcast(QStringLiteral("old")));
        const quint64 first = m_model->beginRefresh();
        const quint64 second = m_model->beginRefresh();
        QVERIFY(!m_model->replaceAll(first, {broadcast(QStringLiteral("stale"))}));
        QCOMPARE(m_model->rowCount(), 1);
        QVERIFY(m_model->replaceAll(
            second, {broadcast(QStringLiteral("n1")), broadcast(QStringLiteral("n2"))}));
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(!m_model->contains(QStringLiteral("old")));
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->runningCount(), 0);
    }

private:
    std::unique_ptr<BroadcastListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_now = T0;
};

QTEST_GUILESS_MAIN(TestBroadcastListModel)
#include "tst_broadcastlistmodel.moc"
