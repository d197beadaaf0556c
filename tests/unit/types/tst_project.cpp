// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of project details (§9.1), project lists, create options and error bodies (§1.4).
#include "TypesTestUtil.h"
#include "types/ApiErrorBody.h"
#include "types/Project.h"

#include <QTest>

using namespace otadmin;
using otadmin::test::compact;
using otadmin::test::json;

class TstProject : public QObject
{
    Q_OBJECT
private slots:
    void parseReference();
    void parseGoShape();
    void statuses_data();
    void statuses();
    void parseErrors_data();
    void parseErrors();
    void list();
    void createOptions_data();
    void createOptions();
    void errorBody_data();
    void errorBody();
};

// moc does not understand raw string literals; it only needs the class above.
#ifndef Q_MOC_RUN

void TstProject::parseReference()
{
    const auto p = Project::fromJson(json(R"({
      "id": "12345678", "secret": "0123456789abcdef0123456789abcdef01234567",
      "status": "ACTIVE", "name": "Customer Acme", "environment": "standard",
      "createdAt": 1414642898000, "unknownKey": [1]})"));
    QVERIFY(p);
    QCOMPARE(p->id, QStringLiteral("12345678"));
    QCOMPARE(p->secret, QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
    QCOMPARE(p->status, ProjectStatus::Active);
    QCOMPARE(p->name, QStringLiteral("Customer Acme"));
    QCOMPARE(p->environment, QStringLiteral("standard"));
    QCOMPARE(p->createdAt, Q_INT64_C(1414642898000));
    QVERIFY(!p->updatedAt);
    QVERIFY(p->raw.contains(QStringLiteral("unknownKey")));
}

void TstProject::parseGoShape()
{
    const auto p = Project::fromJson(json(R"({
      "id": 12345678, "status": "VALID", "name": null,
      "environmentName": "default", "environmentDescription": "Standard Environment",
      "createdAt": 1414642898000, "updatedAt": 1414642899000})"));
    QVERIFY(p);
    QCOMPARE(p->id, QStringLiteral("12345678"));
    QCOMPARE(p->status, ProjectStatus::Active);
    QCOMPARE(p->statusString, QStringLiteral("VALID"));
    QVERIFY(p->name.isEmpty());
    QCOMPARE(p->environment, QStringLiteral("default"));
    QCOMPARE(p->environmentDescription, QStringLiteral("Standard Environment"));
    QCOMPARE(p->updatedAt, Q_INT64_C(1414642899000));
}

void TstProject::statuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ProjectStatus>("status");
    QTest::newRow("ACTIVE") << "ACTIVE" << ProjectStatus::Active;
    QTest::newRow("VALID") << "VALID" << ProjectStatus::Active;
    QTest::newRow("active") << "active" << ProjectStatus::Active;
    QTest::newRow("SUSPENDED") << "SUSPENDED" << ProjectStatus::Suspended;
    QTest::newRow("DELETED") << "DELETED" << ProjectStatus::Unknown;
    QTest::newRow("empty") << "" << ProjectStatus::Unknown;
}

void TstProject::statuses()
{
    QFETCH(QString, text);
    QFETCH(ProjectStatus, status);
    QCOMPARE(projectStatusFromString(text), status);
    QCOMPARE(compact(projectStatusToJson(ProjectStatus::Suspended)),
        QByteArray(R"({"status":"SUSPENDED"})"));
    QCOMPARE(toApiString(ProjectStatus::Active), QStringLiteral("ACTIVE"));
}

void TstProject::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("no id") << QByteArray(R"({"secret": "s"})") << "id: missing required field";
    QTest::newRow("id bool") << QByteArray(R"({"id": false})")
                             << "id: expected a string or a number, got a boolean";
    QTest::newRow("secret number")
        << QByteArray(R"({"id": "1", "secret": 5})") << "secret: expected a string, got a number";
    QTest::newRow("createdAt string") << QByteArray(R"({"id": "1", "createdAt": "2014"})")
                                      << "createdAt: expected a number, got a string";
    QTest::newRow("array") << QByteArray(R"([{"id": "1"}])") << "expected an object, got an array";
}

void TstProject::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!Project::fromJson(json(text), &actual));
    QCOMPARE(actual, error);
}

void TstProject::list()
{
    const auto projects = projectsFromJson(
        json(R"([{"id": "1", "status": "ACTIVE"}, {"id": 2, "status": "SUSPENDED"}])"));
    QVERIFY(projects);
    QCOMPARE(projects->size(), 2);
    QCOMPARE(projects->at(1).id, QStringLiteral("2"));
    QCOMPARE(projects->at(1).status, ProjectStatus::Suspended);
    const auto none = projectsFromJson(json("[]"));
    QVERIFY(none && none->isEmpty());

    QString error;
    QVERIFY(!projectsFromJson(json(R"({"count": 0, "items": []})"), &error));
    QCOMPARE(error, QStringLiteral("expected an array, got an object"));
    QVERIFY(!projectsFromJson(
        json(R"([{"id": "1"}, {"id": "2"}, {"id": "3"}, {"id": "4", "createdAt": "x"}])"), &error));
    QCOMPARE(error, QStringLiteral("[3].createdAt: expected a number, got a string"));
    QVERIFY(!projectsFromJson(json(R"([{"id": "1"}, "2"])"), &error));
    QCOMPARE(error, QStringLiteral("[1]: expected an object, got a string"));
}

void TstProject::createOptions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no name") << ""
                             << "" << QByteArray("{}");
    QTest::newRow("quotes") << "Customer \"Acme\""
                            << "" << QByteArray(R"({"name":"Customer \"Acme\""})");
    QTest::newRow("255") << QString(255, QLatin1Char('n')) << "" << QByteArray();
    QTest::newRow("256") << QString(256, QLatin1Char('n')) << "255" << QByteArray();
    QTest::newRow("newline") << "a\nb"
                             << "control" << QByteArray();
}

void TstProject::createOptions()
{
    QFETCH(QString, name);
    QFETCH(QString, messagePart);
    QFETCH(QByteArray, body);
    const ProjectCreateOptions options {name};
    const QString field = messagePart.isEmpty() ? QString() : QStringLiteral("name");
    OT_CHECK_VALIDATION(options.validate(), field, messagePart);
    if (!body.isEmpty())
        QCOMPARE(compact(options.toJson()), body);
}

void TstProject::errorBody_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("full") << QByteArray(R"({"code": 404, "message": "Not found"})") << "" << 404
                          << "Not found";
    QTest::newRow("message only") << QByteArray(R"({"message": "Bad"})") << "" << 0 << "Bad";
    QTest::newRow("code string") << QByteArray(R"({"code": "409", "message": "Conflict"})") << ""
                                 << 409 << "Conflict";
    QTest::newRow("code only") << QByteArray(R"({"code": 500})") << "" << 500 << "";
    QTest::newRow("empty object") << QByteArray("{}") << "message: missing required field" << 0
                                  << "";
    QTest::newRow("message number")
        << QByteArray(R"({"message": 3})") << "message: expected a string, got a number" << 0 << "";
    QTest::newRow("code text") << QByteArray(R"({"code": "oops"})")
                               << "code: expected a status code, got \"oops\"" << 0 << "";
    QTest::newRow("array") << QByteArray("[]") << "expected an object, got an array" << 0 << "";
}

void TstProject::errorBody()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QFETCH(int, code);
    QFETCH(QString, message);
    QString actual;
    const auto body = ApiErrorBody::fromJson(json(text), &actual);
    QCOMPARE(actual, error);
    QCOMPARE(body.has_value(), error.isEmpty());
    if (body) {
        QCOMPARE(body->code, code);
        QCOMPARE(body->message, message);
    }
}

#endif // Q_MOC_RUN

QTEST_GUILESS_MAIN(TstProject)
#include "tst_project.moc"
