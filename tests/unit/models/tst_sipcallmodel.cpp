// SPDX-License-Identifier: GPL-3.0-or-later
// SipCallModel under QAbstractItemModelTester: adding, URIs, hang-ups, roles and clearing.
#include "models/SipCallModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace otadmin;

namespace {
SipCall call(const QString &id, const QString &connection, const QString &stream = {})
{
    SipCall c;
    c.id = id;
    c.connectionId = connection;
    c.streamId = stream;
    return c;
}
} // namespace

class TestSipCallModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsUpdatesAndKeepsUri()
    {
        SipCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addCall(QStringLiteral("1_session"),
            call(QStringLiteral("c1"), QStringLiteral("k1"), QStringLiteral("s1")), 1000);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(SipCallModel::ColumnCount));
        QVERIFY(model.setUri(QStringLiteral("c1"), QStringLiteral("sip:alice@example.com")));
        QVERIFY(!model.setUri(QStringLiteral("nope"), QStringLiteral("sip:x@y")));
        // The same call again (the signal and a second listener) keeps one row and the URI.
        model.addCall(QStringLiteral("1_session"),
            call(QStringLiteral("c1"), QStringLiteral("k1"), QStringLiteral("s1")), 2000);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.at(0).uri, QStringLiteral("sip:alice@example.com"));
        QCOMPARE(model.at(0).dialedAtMs, qint64(2000));
        model.addCall(
            QStringLiteral("1_session"), call(QStringLiteral("c2"), QStringLiteral("k2")), 3000);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.activeCount(), 2);
    }

    void rolesGiveFullIdsAndStatus()
    {
        SipCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString longId = QStringLiteral("0123456789abcdef0123456789abcdef");
        model.addCall(QStringLiteral("1_session"), call(longId, QStringLiteral("conn")), 1000);
        const QModelIndex id = model.index(0, SipCallModel::CallId);
        QCOMPARE(model.data(id, ModelRole::Id).toString(), longId);
        QCOMPARE(model.data(id, ModelRole::Export).toString(), longId);
        QCOMPARE(model.data(id, Qt::ToolTipRole).toString(), longId);
        QVERIFY(model.data(id).toString().contains(QChar(0x2026)));
        const QModelIndex status = model.index(0, SipCallModel::Status);
        QCOMPARE(model.data(status, ModelRole::Status).toString(), QStringLiteral("connected"));
        QCOMPARE(model.data(id, ModelRole::Status).toString(), QString());
        const QModelIndex when = model.index(0, SipCallModel::DialedAt);
        QCOMPARE(model.data(when, ModelRole::Sort).toLongLong(), qint64(1000));
        QCOMPARE(
            model.data(when, ModelRole::Export).toString(), QStringLiteral("1970-01-01T00:00:01Z"));
        QCOMPARE(model.headerData(SipCallModel::ConnectionId, Qt::Horizontal).toString(),
            QStringLiteral("Connection ID"));
    }

    void disconnectMarksEnded()
    {
        SipCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addCall(QStringLiteral("1_a"), call(QStringLiteral("c1"), QStringLiteral("k1")), 1);
        model.addCall(QStringLiteral("1_b"), call(QStringLiteral("c2"), QStringLiteral("k1")), 2);
        QVERIFY(!model.markDisconnected(QStringLiteral("1_a"), QStringLiteral("other")));
        QVERIFY(model.markDisconnected(QStringLiteral("1_b"), QStringLiteral("k1")));
        QCOMPARE(model.activeCount(), 1);
        QVERIFY(model.find(QStringLiteral("c2"))->ended);
        QVERIFY(!model.find(QStringLiteral("c1"))->ended);
        QCOMPARE(model.data(model.index(1, SipCallModel::Status), ModelRole::Status).toString(),
            QStringLiteral("ended"));
    }

    void clearEmpties()
    {
        SipCallModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addCall(QStringLiteral("1_a"), call(QStringLiteral("c1"), QStringLiteral("k1")), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.activeCount(), 0);
        // Calls without an ID are not rows.
        model.addCall(QStringLiteral("1_a"), call(QString(), QStringLiteral("k1")), 1);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSipCallModel)
#include "tst_sipcallmodel.moc"
