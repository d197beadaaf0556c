// SPDX-License-Identifier: GPL-3.0-or-later
// Projects panel on the sandbox: list, details without the secret, create, suspend/activate,
// delete, secret rotation end to end and under faults, and "Open this project".
#include "GuiFixture.h"
#include "ProfileController.h"
#include "ReplyWaiter.h"
#include "api/ArchivesApi.h"
#include "api/Workspace.h"
#include "common/MessageBanner.h"
#include "common/Panel.h"
#include "common/SecureClipboard.h"
#include "models/ProjectListModel.h"
#include "projects/CreateProjectDialog.h"
#include "projects/ProjectsPanel.h"
#include "projects/RotateSecretDialog.h"
#include "settings/ProfileStore.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace otadmin;

namespace {
template<typename T>
T *child(QObject *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}
} // namespace

class TestGuiProjects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateAccount());
        QVERIFY(m_fixture->showPanel(QStringLiteral("projectsPanel")));
        m_panel = m_fixture->find<ProjectsPanel>(QStringLiteral("projectsPanel"));
        QVERIFY(m_panel);
        QTRY_VERIFY(m_panel->model()->contains(m_fixture->server().apiKey()));
    }
    void cleanup()
    {
        m_panel = nullptr;
        m_fixture.reset();
    }

    void listsProjectsAndHidesTheSecret();
    void createSuspendActivateDelete();
    void refreshSecretEndToEnd();
    void refreshSecretWithoutProfileSavesNothing();
    void refreshSecretOutcomeUnknownKeepsOldSecret();
    void refreshSecretUnverifiedOffersNewSecretOnce();
    void openThisProjectLandsInSessions();
    void screenshot();

private:
    QMessageBox *confirm();
    /// A saved project profile for the sandbox project with its current secret.
    Profile saveProjectProfile();
    /// Selects the sandbox project, confirms "Refresh secret" and returns the dialog.
    RotateSecretDialog *startRotation();
    int projectReadStatus(const QByteArray &secret);

    std::unique_ptr<test::GuiFixture> m_fixture;
    ProjectsPanel *m_panel = nullptr;
};

QMessageBox *TestGuiProjects::confirm()
{
    return m_panel->findChild<QMessageBox *>(QStringLiteral("confirmDialog"));
}

Profile TestGuiProjects::saveProjectProfile()
{
    Profile p;
    p.name = QStringLiteral("Customer project");
    p.apiKey = m_fixture->server().apiKey();
    p.apiUrl = m_fixture->server().baseUrl();
    if (m_fixture->context().profileStore()->add(p))
        return {};
    m_fixture->credentials().writeSecret(
        credentialKey(p), m_fixture->server().apiSecret().toUtf8());
    return p;
}

RotateSecretDialog *TestGuiProjects::startRotation()
{
    if (!m_panel->selectProject(m_fixture->server().apiKey()))
        return nullptr;
    child<QPushButton>(m_panel, QStringLiteral("refreshSecretButton"))->click();
    QMessageBox *box = confirm();
    if (!box || !box->informativeText().contains(QStringLiteral("tokens")))
        return nullptr;
    child<QPushButton>(box, QStringLiteral("confirmButton"))->click();
    return m_panel->findChild<RotateSecretDialog *>(QStringLiteral("rotateSecretDialog"));
}

int TestGuiProjects::projectReadStatus(const QByteArray &secret)
{
    RestClient client(m_fixture->context().network(), m_fixture->context().clock(),
        m_fixture->context().workspace()->client()->random());
    client.setBaseUrl(m_fixture->server().baseUrl());
    client.setProjectCredentials({m_fixture->server().apiKey(), secret});
    ArchivesApi archives(&client);
    ListQuery query;
    query.count = 1;
    return test::await(archives.list(query))->httpStatus();
}

void TestGuiProjects::listsProjectsAndHidesTheSecret()
{
    const QString key = m_fixture->server().apiKey();
    const QString secret = m_fixture->server().apiSecret();
    auto *view = m_fixture->find<QTableView>(QStringLiteral("projectsView"));
    QVERIFY(view);
    QVERIFY(view->isVisible());
    QVERIFY(m_panel->selectProject(key));
    auto *secretLabel = m_fixture->find<QLabel>(QStringLiteral("projectSecretLabel"));
    QVERIFY(secretLabel->isVisible());
    QVERIFY(!secretLabel->text().contains(secret));
    auto *show = m_fixture->find<QPushButton>(QStringLiteral("showSecretButton"));
    show->click();
    QCOMPARE(secretLabel->text(), secret);
    show->click();
    QVERIFY(!secretLabel->text().contains(secret));

    auto *copy = m_fixture->find<QAbstractButton>(QStringLiteral("copySecretButton"));
    QVERIFY(copy);
    copy->click();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), secret);
    QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    QVERIFY(m_fixture->context().clipboard()->isPending());
    // Refresh (F5) keeps the list.
    m_panel->refresh();
    QTRY_COMPARE(m_panel->busyCount(), 0);
    QVERIFY(m_panel->model()->contains(key));
}

void TestGuiProjects::createSuspendActivateDelete()
{
    child<QPushButton>(m_panel, QStringLiteral("newProjectButton"))->click();
    QPointer<CreateProjectDialog> dialog =
        m_panel->findChild<CreateProjectDialog *>(QStringLiteral("createProjectDialog"));
    QVERIFY(dialog);
    child<QLineEdit>(dialog, QStringLiteral("projectNameEdit"))->setText(QStringLiteral("Acme"));
    child<QPushButton>(dialog, QStringLiteral("createButton"))->click();
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    const std::optional<Project> created = m_panel->selectedProject();
    QVERIFY(created);
    QCOMPARE(created->name, QStringLiteral("Acme"));
    const QString key = created->id;
    QVERIFY(m_fixture->server().state().project(key));

    // Suspend asks, naming the project and the profile.
    child<QPushButton>(m_panel, QStringLiteral("toggleStatusButton"))->click();
    QPointer<QMessageBox> box = confirm();
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("Acme")));
    QVERIFY(box->text().contains(key));
    QVERIFY(box->text().contains(QStringLiteral("Sandbox account")));
    child<QPushButton>(box, QStringLiteral("confirmButton"))->click();
    QTRY_COMPARE(m_panel->model()->find(key)->status, ProjectStatus::Suspended);
    QCOMPARE(m_fixture->server().state().project(key)->status, QStringLiteral("SUSPENDED"));
    QTRY_VERIFY(!box);
    // Activate needs no confirmation.
    auto *toggle = child<QPushButton>(m_panel, QStringLiteral("toggleStatusButton"));
    QVERIFY(toggle->text().contains(QStringLiteral("Activate")));
    toggle->click();
    QTRY_COMPARE(m_panel->model()->find(key)->status, ProjectStatus::Active);
    QCOMPARE(m_fixture->server().state().project(key)->status, QStringLiteral("ACTIVE"));

    // Delete asks too; Cancel keeps the project.
    child<QPushButton>(m_panel, QStringLiteral("deleteProjectButton"))->click();
    box = confirm();
    QVERIFY(box);
    child<QPushButton>(box, QStringLiteral("cancelButton"))->click();
    QTRY_VERIFY(!box);
    QVERIFY(m_fixture->server().state().project(key));
    child<QPushButton>(m_panel, QStringLiteral("deleteProjectButton"))->click();
    box = confirm();
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("Acme")));
    child<QPushButton>(box, QStringLiteral("confirmButton"))->click();
    QTRY_VERIFY(!m_panel->model()->contains(key));
    QVERIFY(!m_fixture->server().state().project(key));
}

void TestGuiProjects::refreshSecretEndToEnd()
{
    const Profile profile = saveProjectProfile();
    QVERIFY(!profile.name.isEmpty());
    const QByteArray oldSecret = m_fixture->server().apiSecret().toUtf8();
    QPointer<RotateSecretDialog> dialog = startRotation();
    QVERIFY(dialog);
    QCOMPARE(dialog->profileName(), profile.name);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->outcome().has_value(), 20000);
    QCOMPARE(*dialog->outcome(), SecretRotation::Outcome::Rotated);
    const QByteArray newSecret = m_fixture->server().apiSecret().toUtf8();
    QVERIFY(newSecret != oldSecret);
    // The keychain holds the new secret, the service accepts it and refuses the old one.
    QCOMPARE(m_fixture->credentials().peek(credentialKey(profile)), newSecret);
    QVERIFY(!m_fixture->credentials().contains(SecretRotation::pendingCredentialKey(profile)));
    QCOMPARE(projectReadStatus(newSecret), 200);
    QCOMPARE(projectReadStatus(oldSecret), 403);
    auto *banner = child<MessageBanner>(dialog, QStringLiteral("rotationBanner"));
    QCOMPARE(banner->kind(), MessageBanner::Kind::Positive);
    QVERIFY(!banner->text().contains(QString::fromUtf8(newSecret)));
    // The details follow, and the saved profile works with the new secret.
    QTRY_COMPARE(
        m_panel->model()->find(m_fixture->server().apiKey())->secret, QString::fromUtf8(newSecret));
    child<QPushButton>(dialog, QStringLiteral("closeButton"))->click();
    QTRY_VERIFY(!dialog);
    ProfileController *profiles = m_fixture->context().profiles();
    profiles->activate(profile.name);
    QTRY_COMPARE(profiles->activeName(), profile.name);
    OTADMIN_VERIFY_SUCCESS(test::await(m_fixture->context().workspace()->archives()->list({})));
    // The sandbox's transient project profile got the new secret in memory too.
    QVERIFY(m_fixture->activateProject());
    OTADMIN_VERIFY_SUCCESS(test::await(m_fixture->context().workspace()->archives()->list({})));
}

void TestGuiProjects::refreshSecretWithoutProfileSavesNothing()
{
    QPointer<RotateSecretDialog> dialog = startRotation();
    QVERIFY(dialog);
    QCOMPARE(dialog->profileName(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->outcome().has_value(), 20000);
    QCOMPARE(*dialog->outcome(), SecretRotation::Outcome::Rotated);
    const QByteArray newSecret = m_fixture->server().apiSecret().toUtf8();
    QTRY_VERIFY(child<QWidget>(dialog, QStringLiteral("newSecretBox"))->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("newSecretEdit"))->text().toUtf8(), newSecret);
    QVERIFY(m_fixture->credentials().keys().isEmpty()); // nothing written to the keychain
    QCOMPARE(projectReadStatus(newSecret), 200);
    // The sandbox's transient project profile follows in memory.
    QVERIFY(m_fixture->activateProject());
    OTADMIN_VERIFY_SUCCESS(test::await(m_fixture->context().workspace()->archives()->list({})));
}

void TestGuiProjects::refreshSecretOutcomeUnknownKeepsOldSecret()
{
    const Profile profile = saveProjectProfile();
    const QByteArray oldSecret = m_fixture->server().apiSecret().toUtf8();
    // The service rotates, then the answer is lost and the project cannot be read back.
    m_fixture->server().state().project(profile.apiKey)->secret = sandbox::newSecret();
    m_fixture->server().forceNextResponse("POST", QStringLiteral("*/refreshSecret"), 500, {});
    m_fixture->server().forceNextResponse("GET", QStringLiteral("^/v2/project/[0-9]+$"), 500, {});
    QPointer<RotateSecretDialog> dialog = startRotation();
    QVERIFY(dialog);
    // The dialog cannot be closed while the rotation runs.
    dialog->reject();
    QVERIFY(dialog->isVisible() || dialog->outcome());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->outcome().has_value(), 20000);
    QCOMPARE(*dialog->outcome(), SecretRotation::Outcome::OutcomeUnknown);
    auto *headline = child<QLabel>(dialog, QStringLiteral("rotationHeadline"));
    QVERIFY(headline->text().contains(QStringLiteral("outcome unknown")));
    QVERIFY(headline->text().contains(QStringLiteral("check the dashboard")));
    auto *banner = child<MessageBanner>(dialog, QStringLiteral("rotationBanner"));
    QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
    QVERIFY(!banner->hasRetry()); // never rotate again automatically
    QVERIFY(!child<QWidget>(dialog, QStringLiteral("newSecretBox"))->isVisible());
    QCOMPARE(m_fixture->credentials().peek(credentialKey(profile)), oldSecret);
    int posts = 0;
    for (const auto &entry : m_fixture->server().journal())
        posts += entry.method == "POST" && entry.path.endsWith(QLatin1String("/refreshSecret"));
    QVERIFY(posts <= 1);
}

void TestGuiProjects::refreshSecretUnverifiedOffersNewSecretOnce()
{
    const Profile profile = saveProjectProfile();
    const QByteArray oldSecret = m_fixture->server().apiSecret().toUtf8();
    m_fixture->server().forceNextResponse("GET", QStringLiteral("*/archive*"), 403, {});
    QPointer<RotateSecretDialog> dialog = startRotation();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->outcome().has_value(), 20000);
    QCOMPARE(*dialog->outcome(), SecretRotation::Outcome::OutcomeUnknown);
    const QByteArray newSecret = m_fixture->server().apiSecret().toUtf8();
    QCOMPARE(m_fixture->credentials().peek(credentialKey(profile)), oldSecret);
    QVERIFY(child<QWidget>(dialog, QStringLiteral("newSecretBox"))->isVisible());
    auto *field = child<QLineEdit>(dialog, QStringLiteral("newSecretEdit"));
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QCOMPARE(field->text().toUtf8(), newSecret);
    child<QPushButton>(dialog, QStringLiteral("copyNewSecretButton"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(newSecret));
    QCOMPARE(projectReadStatus(newSecret), 200);
}

void TestGuiProjects::openThisProjectLandsInSessions()
{
    QVERIFY(m_panel->selectProject(m_fixture->server().apiKey()));
    const Project project = *m_panel->selectedProject();
    child<QPushButton>(m_panel, QStringLiteral("openProjectButton"))->click();
    ProfileController *profiles = m_fixture->context().profiles();
    const QString name = ProjectListModel::displayName(project);
    QTRY_COMPARE(profiles->activeName(), name);
    const auto &active = m_fixture->context().workspace()->profile();
    QVERIFY(active->kind == ProfileKind::Project);
    QCOMPARE(active->apiKey, project.id);
    QCOMPARE(active->color, QStringLiteral("#2e9d4f")); // the account profile's colour
    QVERIFY(profiles->isTransient(name));
    QVERIFY(!m_fixture->context().profileStore()->contains(name));
    QTRY_COMPARE(m_fixture->window().currentPanel()->objectName(), QStringLiteral("sessionsPanel"));
    OTADMIN_VERIFY_SUCCESS(test::await(m_fixture->context().workspace()->archives()->list({})));
}

void TestGuiProjects::screenshot()
{
    const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set OTADMIN_SCREENSHOT_DIR to save screenshots");
    auto &state = m_fixture->server().state();
    state.createProject({}, {}, QStringLiteral("Customer Acme"), m_fixture->server().nowMs());
    state.createProject({}, {}, QStringLiteral("Town hall events"), m_fixture->server().nowMs());
    sandbox::Project &suspended =
        state.createProject({}, {}, QStringLiteral("Old pilot"), m_fixture->server().nowMs());
    suspended.status = QStringLiteral("SUSPENDED");
    m_panel->refresh();
    QTRY_COMPARE(m_panel->model()->rowCount(), 4);
    QVERIFY(m_panel->selectProject(m_fixture->server().apiKey()));
    m_fixture->window().resize(1180, 720);
    QTest::qWait(50);
    QVERIFY(m_fixture->window().grab().save(dir + QStringLiteral("/projects-panel.png")));

    saveProjectProfile();
    m_fixture->server().forceNextResponse("GET", QStringLiteral("*/archive*"), 403, {});
    RotateSecretDialog *dialog = startRotation();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->outcome().has_value(), 20000);
    QTest::qWait(50);
    QVERIFY(dialog->grab().save(dir + QStringLiteral("/rotation-outcome-unknown.png")));
}

QTEST_MAIN(TestGuiProjects)
#include "tst_gui_projects.moc"
