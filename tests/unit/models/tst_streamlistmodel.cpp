// SPDX-License-Identifier: GPL-3.0-or-later
// StreamListModel and ConnectionListModel: one session at a time, columns, stale answers.
#include "models/ConnectionListModel.h"
#include "models/StreamListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace otadmin;

namespace {

Stream stream(
    const QString &id, const QString &name, const QString &type, const QStringList &classes = {})
{
    Stream s;
    s.id = id;
    s.name = name;
    s.videoType = type;
    s.layoutClassList = classes;
    return s;
}

Connection connection(const QString &id, const QString &state, qint64 createdAt)
{
    Connection c;
    c.connectionId = id;
    c.connectionState = state;
    c.createdAt = createdAt;
    return c;
}

} // namespace

class TstStreamListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamsFollowOneSession()
    {
        StreamListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StreamList list;
        list.items = {
            stream(QStringLiteral("7b09ec3c-26f9-43d7-8197-f608f13d4fb6"), QStringLiteral("Alice"),
                QStringLiteral("camera"), {QStringLiteral("focus"), QStringLiteral("big")}),
            stream(QStringLiteral("st2"), QString(), QStringLiteral("screen"))};
        QVERIFY(!model.load(QStringLiteral("A"), list)); // not followed yet
        model.setSession(QStringLiteral("A"));
        QVERIFY(model.load(QStringLiteral("A"), list));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(StreamListModel::ColumnCount));
        QCOMPARE(model.index(0, StreamListModel::IdColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("7b09ec3c-26f9-43d7-8197-f608f13d4fb6"));
        QCOMPARE(
            model.index(0, StreamListModel::NameColumn).data().toString(), QStringLiteral("Alice"));
        QCOMPARE(model.index(0, StreamListModel::LayoutClassesColumn).data().toString(),
            QStringLiteral("focus big"));
        QCOMPARE(
            model.index(1, StreamListModel::VideoTypeColumn).data(ModelRole::Export).toString(),
            QStringLiteral("screen"));
        QCOMPARE(model.index(1, 2).data(ModelRole::Id).toString(), QStringLiteral("st2"));

        // A late answer for another session changes nothing.
        StreamList other;
        other.items = {stream(QStringLiteral("x"), QString(), QStringLiteral("camera"))};
        QVERIFY(!model.load(QStringLiteral("B"), other));
        QCOMPARE(model.rowCount(), 2);

        QVERIFY(model.applyClassChanges(QStringLiteral("A"),
            {{QStringLiteral("st2"), {QStringLiteral("full")}},
                {QStringLiteral("unknown"), {QStringLiteral("x")}}}));
        QCOMPARE(model.find(QStringLiteral("st2"))->layoutClassList,
            QStringList {QStringLiteral("full")});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.applyClassChanges(QStringLiteral("B"), {{QStringLiteral("st2"), {}}}));

        // The answer replaces the rows: a stream that ended goes.
        list.items.removeFirst();
        QVERIFY(model.load(QStringLiteral("A"), list));
        QCOMPARE(model.rowCount(), 1);

        model.setSession(QStringLiteral("B"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.sessionId(), QStringLiteral("B"));
    }

    void connectionsFollowOneSession()
    {
        ConnectionListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(QStringLiteral("A"));
        ConnectionList list;
        list.items = {
            connection(QStringLiteral("c1"), QStringLiteral("Connected"), 1'700'000'001'234),
            connection(QStringLiteral("c2"), QStringLiteral("Disconnected"), 0)};
        QVERIFY(model.load(QStringLiteral("A"), list));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ConnectionListModel::ColumnCount));
        QCOMPARE(
            model.index(0, ConnectionListModel::StateColumn).data(ModelRole::Status).toString(),
            QStringLiteral("connected"));
        QCOMPARE(
            model.index(0, ConnectionListModel::CreatedColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("2023-11-14T22:13:21Z"));
        QCOMPARE(model.index(1, ConnectionListModel::CreatedColumn).data().toString(), QString());
        QVERIFY(!model.load(QStringLiteral("B"), list));
        QVERIFY(!model.removeConnection(QStringLiteral("B"), QStringLiteral("c1")));
        QVERIFY(model.removeConnection(QStringLiteral("A"), QStringLiteral("c1")));
        QVERIFY(!model.removeConnection(QStringLiteral("A"), QStringLiteral("c1")));
        QCOMPARE(model.rowCount(), 1);
        model.setSession(QString());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.load(QString(), list));
    }
};

QTEST_GUILESS_MAIN(TstStreamListModel)
#include "tst_streamlistmodel.moc"
