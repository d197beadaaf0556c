// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectListModel under QAbstractItemModelTester: refresh, upserts, deletion, roles, no secret.
#include "models/ProjectListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace otadmin;

namespace {
Project project(const QString &id, const QString &name, ProjectStatus status, qint64 createdAt)
{
    Project p;
    p.id = id;
    p.name = name;
    p.status = status;
    p.statusString = toApiString(status);
    p.environment = QStringLiteral("standard");
    p.createdAt = createdAt;
    p.secret = QStringLiteral("secret-") + id;
    return p;
}
} // namespace

class TestProjectListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refreshUpsertAndRemove()
    {
        ProjectListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(ProjectListModel::ColumnCount));
        const quint64 stale = model.beginRefresh();
        const quint64 ticket = model.beginRefresh();
        QVERIFY(
            !model.replaceAll(stale, {project(QStringLiteral("1"), {}, ProjectStatus::Active, 1)}));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.replaceAll(ticket,
            {project(QStringLiteral("100"), QStringLiteral("Acme"), ProjectStatus::Active, 1000),
                project(QStringLiteral("200"), QStringLiteral("Beta"), ProjectStatus::Suspended,
                    2000)}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.activeCount(), 1);

        // projectChanged (suspend) updates the row in place
        model.upsert(
            project(QStringLiteral("100"), QStringLiteral("Acme"), ProjectStatus::Suspended, 1000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.activeCount(), 0);
        QCOMPARE(model.data(model.index(0, ProjectListModel::Status), ModelRole::Status).toString(),
            QStringLiteral("suspended"));

        // projectChanged (create) appends
        model.upsert(project(QStringLiteral("300"), {}, ProjectStatus::Active, 3000));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.removeById(QStringLiteral("200")));
        QVERIFY(!model.removeById(QStringLiteral("200")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("300")), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void rolesAndDisplay()
    {
        ProjectListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(project(QStringLiteral("45678901"), QStringLiteral("Acme"),
            ProjectStatus::Active, 1414642898000));
        model.upsert(project(QStringLiteral("9"), {}, ProjectStatus::Unknown, 0));
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, ProjectListModel::Name).toString(), QStringLiteral("Acme"));
        QCOMPARE(cell(1, ProjectListModel::Name).toString(), QStringLiteral("Project 9"));
        QCOMPARE(cell(1, ProjectListModel::Name, ModelRole::Export).toString(), QString());
        QCOMPARE(cell(0, ProjectListModel::Id).toString(), QStringLiteral("45678901"));
        QCOMPARE(
            cell(0, ProjectListModel::Name, ModelRole::Id).toString(), QStringLiteral("45678901"));
        QCOMPARE(cell(0, ProjectListModel::Status).toString(), QStringLiteral("active"));
        QCOMPARE(cell(0, ProjectListModel::Status, ModelRole::Status).toString(),
            QStringLiteral("active"));
        QCOMPARE(cell(0, ProjectListModel::Name, ModelRole::Status).toString(), QString());
        QCOMPARE(cell(0, ProjectListModel::Status, ModelRole::Export).toString(),
            QStringLiteral("ACTIVE"));
        QCOMPARE(cell(1, ProjectListModel::Status, ModelRole::Status).toString(),
            QStringLiteral("unknown"));
        QCOMPARE(cell(0, ProjectListModel::Environment).toString(), QStringLiteral("standard"));
        QCOMPARE(cell(0, ProjectListModel::Created, ModelRole::Sort).toLongLong(), 1414642898000LL);
        QCOMPARE(cell(0, ProjectListModel::Created, ModelRole::Export).toString(),
            QStringLiteral("2014-10-30T04:21:38Z"));
        QVERIFY(!cell(0, ProjectListModel::Created).toString().isEmpty());
        QCOMPARE(cell(1, ProjectListModel::Created).toString(), QString());
        // numeric keys sort as numbers
        QVERIFY(cell(1, ProjectListModel::Id, ModelRole::Sort).toString()
            < cell(0, ProjectListModel::Id, ModelRole::Sort).toString());
        QCOMPARE(model.headerData(ProjectListModel::Id, Qt::Horizontal).toString(),
            QStringLiteral("API key"));
    }

    void noRoleReturnsTheSecret()
    {
        ProjectListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(
            project(QStringLiteral("77"), QStringLiteral("Acme"), ProjectStatus::Active, 5));
        const QString secret = QStringLiteral("secret-77");
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= ModelRole::Export; ++role) {
                const QString value = model.data(model.index(0, column), role).toString();
                QVERIFY(!value.contains(secret));
            }
        }
        QCOMPARE(model.find(QStringLiteral("77"))->secret, secret);
    }
};

QTEST_GUILESS_MAIN(TestProjectListModel)
#include "tst_projectlistmodel.moc"
