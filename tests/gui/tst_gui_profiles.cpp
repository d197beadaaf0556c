// SPDX-License-Identifier: GPL-3.0-or-later
// Profiles: add/edit/remove through the dialogs with secrets only in the credential store,
// switching, keychain failures, and the run-only and "enter secret" activation flows.
#include "GuiFixture.h"
#include "ProfileController.h"
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "api/Workspace.h"
#include "common/MessageBanner.h"
#include "credentials/MemoryCredentialStore.h"
#include "profiles/ProfileEditDialog.h"
#include "profiles/ProfilesDialog.h"
#include "profiles/SecretPromptDialog.h"
#include "settings/ProfileStore.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace otadmin;

namespace {

/// A memory store whose reads or writes fail the way a locked keychain does.
class FailingStore : public MemoryCredentialStore
{
public:
    using MemoryCredentialStore::MemoryCredentialStore;

    CredentialReply::Error readError = CredentialReply::Error::None;
    CredentialReply::Error writeError = CredentialReply::Error::None;
    int writes = 0;

    static QString lockedSentence()
    {
        return QStringLiteral("The keychain is locked; unlock it and try again.");
    }

    CredentialReply *readSecret(const QString &key) override
    {
        if (readError == CredentialReply::Error::None)
            return MemoryCredentialStore::readSecret(key);
        auto *reply = new CredentialReply(this);
        reply->finishLater(readError, lockedSentence());
        return reply;
    }
    CredentialReply *writeSecret(const QString &key, const QByteArray &secret) override
    {
        ++writes;
        if (writeError == CredentialReply::Error::None)
            return MemoryCredentialStore::writeSecret(key, secret);
        auto *reply = new CredentialReply(this);
        reply->finishLater(writeError, lockedSentence());
        return reply;
    }
    QString backendName() const override { return QStringLiteral("Test keychain"); }
    bool isPersistent() const override { return true; }
};

template<typename T>
T *child(QObject *parent, const QString &name)
{
    return parent->findChild<T *>(name);
}

/// Fills the profile form.
void fillForm(ProfileEditDialog *dialog, const QString &name, const QString &apiKey,
    const QString &url, const QString &secret)
{
    child<QLineEdit>(dialog, QStringLiteral("profileNameEdit"))->setText(name);
    child<QLineEdit>(dialog, QStringLiteral("apiKeyEdit"))->setText(apiKey);
    child<QLineEdit>(dialog, QStringLiteral("apiUrlEdit"))->setText(url);
    child<QLineEdit>(dialog, QStringLiteral("secretEdit"))->setText(secret);
}

/// Saves `widget` into $OTADMIN_SCREENSHOT_DIR when it is set.
void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name);
}

QByteArray fileBytes(QSettings &settings)
{
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestGuiProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
    }
    void cleanup() { m_fixture.reset(); }

    void addProjectProfileKeepsSecretInStoreOnly();
    void validationNamesTheField();
    void editingTheKeyMovesTheSecret();
    void removeAsksAndDeletesTheSecret();
    void toolbarSwitcherSwitchesProfiles();
    void failingStoreSavesNothing();
    void lockedKeychainOffersRunOnlySecret();
    void provenMissingSecretIsSaved();
    void welcomePageOpensTheAddForm();
    void screenshot();

private:
    ProfilesDialog *openProfiles();
    ProfileEditDialog *openAdd();
    Profile sandboxProfile(const QString &name) const;
    /// Adds a saved profile with its secret in the fixture's store, without the dialog.
    void addSaved(const Profile &profile, const QByteArray &secret);

    std::unique_ptr<test::GuiFixture> m_fixture;
};

ProfilesDialog *TestGuiProfiles::openProfiles()
{
    auto *action = m_fixture->find<QAction>(QStringLiteral("actionProfiles"));
    if (!action)
        return nullptr;
    action->trigger();
    auto *dialog = m_fixture->find<ProfilesDialog>(QStringLiteral("profilesDialog"));
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

ProfileEditDialog *TestGuiProfiles::openAdd()
{
    ProfilesDialog *profiles = openProfiles();
    if (!profiles)
        return nullptr;
    child<QPushButton>(profiles, QStringLiteral("addProfileButton"))->click();
    return profiles->findChild<ProfileEditDialog *>(QStringLiteral("profileEditDialog"));
}

Profile TestGuiProfiles::sandboxProfile(const QString &name) const
{
    Profile p;
    p.name = name;
    p.apiKey = m_fixture->server().apiKey();
    p.apiUrl = m_fixture->server().baseUrl();
    p.color = QStringLiteral("#d32f2f");
    return p;
}

void TestGuiProfiles::addSaved(const Profile &profile, const QByteArray &secret)
{
    QVERIFY(!m_fixture->context().profileStore()->add(profile));
    if (!secret.isEmpty())
        QVERIFY(test::await(m_fixture->credentials().writeSecret(credentialKey(profile), secret))
                    ->isSuccess());
}

void TestGuiProfiles::addProjectProfileKeepsSecretInStoreOnly()
{
    QPointer<ProfileEditDialog> dialog = openAdd();
    QVERIFY(dialog);
    auto *save = child<QPushButton>(dialog, QStringLiteral("saveButton"));
    QVERIFY(!save->isEnabled());
    const QString secret = m_fixture->server().apiSecret();
    fillForm(dialog, QStringLiteral("Production"), m_fixture->server().apiKey(),
        m_fixture->server().baseUrl().toString(), {});
    QVERIFY(!save->isEnabled()); // no secret yet
    auto *secretEdit = child<QLineEdit>(dialog, QStringLiteral("secretEdit"));
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secretEdit, secret);
    child<QToolButton>(dialog, QStringLiteral("showSecretButton"))->click();
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Normal);
    child<QToolButton>(dialog, QStringLiteral("colorPreset_red"))->click();
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_VERIFY(!dialog);

    const std::optional<Profile> saved =
        m_fixture->context().profileStore()->profile(QStringLiteral("Production"));
    QVERIFY(saved);
    QCOMPARE(saved->color, QStringLiteral("#d32f2f"));
    QCOMPARE(m_fixture->credentials().peek(credentialKey(*saved)), secret.toUtf8());
    const QByteArray file = fileBytes(m_fixture->settings());
    QVERIFY(file.contains("Production"));
    QVERIFY(!file.contains(secret.toUtf8()));
    // The first saved profile becomes the active one, and works.
    QTRY_COMPARE(m_fixture->context().profiles()->activeName(), QStringLiteral("Production"));
    auto reply = test::await(m_fixture->context().workspace()->archives()->list({}));
    OTADMIN_VERIFY_SUCCESS(reply);
}

void TestGuiProfiles::validationNamesTheField()
{
    addSaved(sandboxProfile(QStringLiteral("Staging")), "secret");
    ProfileEditDialog *dialog = openAdd();
    QVERIFY(dialog);
    auto *label = child<QLabel>(dialog, QStringLiteral("validationLabel"));
    auto *save = child<QPushButton>(dialog, QStringLiteral("saveButton"));
    fillForm(dialog, QStringLiteral("Staging"), QStringLiteral("123"), {}, QStringLiteral("s"));
    QVERIFY(label->text().startsWith(QStringLiteral("Name:")));
    QVERIFY(!save->isEnabled());
    fillForm(dialog, QStringLiteral("Other"), QStringLiteral("12a"), {}, QStringLiteral("s"));
    QVERIFY(label->text().startsWith(QStringLiteral("API key:")));
    fillForm(dialog, QStringLiteral("Other"), QStringLiteral("123"),
        QStringLiteral("http://example.com"), QStringLiteral("s"));
    QVERIFY(label->text().startsWith(QStringLiteral("API URL:")));
    QVERIFY(label->text().contains(QStringLiteral("https://")));
    QVERIFY(!save->isEnabled());
    fillForm(dialog, QStringLiteral("Other"), QStringLiteral("123"), {}, {});
    QVERIFY(label->text().startsWith(QStringLiteral("Secret:")));
    fillForm(dialog, QStringLiteral("Other"), QStringLiteral("123"), {}, QStringLiteral("s"));
    QVERIFY(label->isHidden());
    QVERIFY(save->isEnabled());
}

void TestGuiProfiles::editingTheKeyMovesTheSecret()
{
    const Profile original = sandboxProfile(QStringLiteral("Moving"));
    addSaved(original, "the-secret");
    ProfilesDialog *profiles = openProfiles();
    QVERIFY(profiles);
    QPointer<ProfileEditDialog> dialog = profiles->openEdit(QStringLiteral("Moving"));
    QVERIFY(dialog);
    auto *apiKey = child<QLineEdit>(dialog, QStringLiteral("apiKeyEdit"));
    QCOMPARE(apiKey->text(), original.apiKey);
    QCOMPARE(child<QLineEdit>(dialog, QStringLiteral("secretEdit"))->text(), QString());
    apiKey->setText(QStringLiteral("99887766"));
    child<QLineEdit>(dialog, QStringLiteral("profileNameEdit"))->setText(QStringLiteral("Moved"));
    child<QPushButton>(dialog, QStringLiteral("saveButton"))->click();
    QTRY_VERIFY(!dialog);

    const auto moved = m_fixture->context().profileStore()->profile(QStringLiteral("Moved"));
    QVERIFY(moved);
    QVERIFY(!m_fixture->context().profileStore()->contains(QStringLiteral("Moving")));
    QCOMPARE(m_fixture->credentials().peek(credentialKey(*moved)), QByteArray("the-secret"));
    QVERIFY(!m_fixture->credentials().contains(credentialKey(original)));
    QCOMPARE(m_fixture->credentials().keys().size(), 1);
}

void TestGuiProfiles::removeAsksAndDeletesTheSecret()
{
    const Profile doomed = sandboxProfile(QStringLiteral("Old project"));
    addSaved(doomed, "old-secret");
    ProfilesDialog *profiles = openProfiles();
    QVERIFY(profiles);
    auto *list = child<QListWidget>(profiles, QStringLiteral("profileList"));
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == doomed.name)
            list->setCurrentRow(row);
    }
    child<QPushButton>(profiles, QStringLiteral("removeProfileButton"))->click();
    QPointer<QMessageBox> confirm = child<QMessageBox>(profiles, QStringLiteral("confirmDialog"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QStringLiteral("Old project")));
    QVERIFY(confirm->informativeText().contains(QStringLiteral("deleted from memory")));
    QCOMPARE(confirm->defaultButton()->objectName(), QStringLiteral("cancelButton"));
    child<QPushButton>(confirm, QStringLiteral("confirmButton"))->click();
    QTRY_VERIFY(!m_fixture->context().profileStore()->contains(doomed.name));
    QVERIFY(!m_fixture->credentials().contains(credentialKey(doomed)));
    for (int row = 0; row < list->count(); ++row)
        QVERIFY(list->item(row)->data(Qt::UserRole).toString() != doomed.name);
    // The sandbox's own profiles are listed but cannot be edited or removed.
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == QLatin1String("Sandbox"))
            list->setCurrentRow(row);
    }
    QVERIFY(!child<QPushButton>(profiles, QStringLiteral("removeProfileButton"))->isEnabled());
}

void TestGuiProfiles::toolbarSwitcherSwitchesProfiles()
{
    addSaved(sandboxProfile(QStringLiteral("Blue")), m_fixture->server().apiSecret().toUtf8());
    Profile account = sandboxProfile(QStringLiteral("Admin"));
    account.kind = ProfileKind::Account;
    account.apiKey = m_fixture->server().accountKey();
    addSaved(account, m_fixture->server().accountSecret().toUtf8());
    auto *switcher = m_fixture->find<QComboBox>(QStringLiteral("profileSwitcher"));
    QVERIFY(switcher);
    QVERIFY(switcher->findData(QStringLiteral("Blue")) >= 0);
    ProfileController *profiles = m_fixture->context().profiles();
    switcher->setCurrentIndex(switcher->findData(QStringLiteral("Blue")));
    QTRY_COMPARE(profiles->activeName(), QStringLiteral("Blue"));
    switcher->setCurrentIndex(switcher->findData(QStringLiteral("Admin")));
    QTRY_COMPARE(profiles->activeName(), QStringLiteral("Admin"));
    QVERIFY(m_fixture->showPanel(QStringLiteral("projectsPanel")));
    QCOMPARE(m_fixture->find<QLabel>(QStringLiteral("statusTag"))->text(), QStringLiteral("Admin"));
    QVERIFY(!m_fixture->find<QLabel>(QStringLiteral("statusRunOnly"))->isVisible());
}

void TestGuiProfiles::failingStoreSavesNothing()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    FailingStore store;
    store.writeError = CredentialReply::Error::Locked;
    AppContext context(&settings, &store);
    ProfilesDialog profiles(context);
    profiles.show();
    QPointer<ProfileEditDialog> dialog = profiles.openAdd();
    QVERIFY(dialog);
    fillForm(dialog, QStringLiteral("Locked"), QStringLiteral("12345"), {},
        QStringLiteral("canary-secret-123"));
    child<QPushButton>(dialog, QStringLiteral("saveButton"))->click();
    MessageBanner *banner = dialog->banner();
    QTRY_COMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(FailingStore::lockedSentence()));
    QVERIFY(banner->text().contains(QStringLiteral("not saved")));
    QVERIFY(dialog->isVisible()); // stays open, the user can retry
    QVERIFY(child<QPushButton>(dialog, QStringLiteral("saveButton"))->isEnabled());
    QCOMPARE(store.writes, 1);
    QVERIFY(context.profileStore()->profiles().isEmpty());
    QVERIFY(store.keys().isEmpty());
    QVERIFY(!fileBytes(settings).contains("canary-secret-123"));
    QVERIFY(!fileBytes(settings).contains("Locked"));
}

void TestGuiProfiles::lockedKeychainOffersRunOnlySecret()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    FailingStore store;
    store.readError = CredentialReply::Error::Locked;
    AppContext context(&settings, &store);
    Profile profile = sandboxProfile(QStringLiteral("Behind a lock"));
    QVERIFY(!context.profileStore()->add(profile));
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    context.profiles()->activate(profile.name);
    MessageBanner *banner = window.windowBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY(banner->text().contains(FailingStore::lockedSentence()));
    // An unusable keychain proves nothing about a saved secret (G-SEC-5): no "save" offer.
    QCOMPARE(banner->actionText(), QStringLiteral("Enter secret for this run\u2026"));
    saveShot(&window, QStringLiteral("keychain-locked.png"));
    child<QPushButton>(banner, QStringLiteral("bannerRetry"))->click();
    QPointer<SecretPromptDialog> prompt =
        window.findChild<SecretPromptDialog *>(QStringLiteral("secretPromptDialog"));
    QVERIFY(prompt);
    QCOMPARE(prompt->mode(), SecretPromptDialog::Mode::RunOnly);
    auto *ok = child<QPushButton>(prompt, QStringLiteral("secretPromptOk"));
    QVERIFY(!ok->isEnabled());
    child<QLineEdit>(prompt, QStringLiteral("secretPromptEdit"))
        ->setText(m_fixture->server().apiSecret());
    ok->click();
    QTRY_VERIFY(!prompt);

    QCOMPARE(context.profiles()->activeName(), profile.name);
    QVERIFY(context.profiles()->isRunOnly(profile.name));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("statusRunOnly"))->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Warning);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("memory for this run only")));
    saveShot(&window, QStringLiteral("run-only-secret.png"));
    QCOMPARE(store.writes, 0);
    QVERIFY(!fileBytes(settings).contains(m_fixture->server().apiSecret().toUtf8()));
    auto reply = test::await(context.workspace()->archives()->list({}));
    OTADMIN_VERIFY_SUCCESS(reply);
}

void TestGuiProfiles::provenMissingSecretIsSaved()
{
    // The fixture's memory store always works, so its "not found" is proven.
    const Profile profile = sandboxProfile(QStringLiteral("No secret yet"));
    addSaved(profile, {});
    m_fixture->context().profiles()->activate(profile.name);
    MessageBanner *banner = m_fixture->window().windowBanner();
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->actionText(), QStringLiteral("Enter secret\u2026"));
    child<QPushButton>(banner, QStringLiteral("bannerRetry"))->click();
    QPointer<SecretPromptDialog> prompt =
        m_fixture->find<SecretPromptDialog>(QStringLiteral("secretPromptDialog"));
    QVERIFY(prompt);
    QCOMPARE(prompt->mode(), SecretPromptDialog::Mode::Save);
    child<QLineEdit>(prompt, QStringLiteral("secretPromptEdit"))
        ->setText(m_fixture->server().apiSecret());
    child<QPushButton>(prompt, QStringLiteral("secretPromptOk"))->click();
    QTRY_VERIFY(!prompt);
    QTRY_COMPARE(m_fixture->context().profiles()->activeName(), profile.name);
    QVERIFY(!m_fixture->context().profiles()->isRunOnly(profile.name));
    QCOMPARE(m_fixture->credentials().peek(credentialKey(profile)),
        m_fixture->server().apiSecret().toUtf8());
    QVERIFY(!m_fixture->find<QLabel>(QStringLiteral("statusRunOnly"))->isVisible());
}

void TestGuiProfiles::welcomePageOpensTheAddForm()
{
    // The welcome page is built for a first start only: a window with no profile at all.
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    MemoryCredentialStore store;
    AppContext context(&settings, &store);
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *add = window.findChild<QPushButton *>(QStringLiteral("addProjectButton"));
    QVERIFY(add && add->isVisible());
    add->click();
    auto *profiles = window.findChild<ProfilesDialog *>(QStringLiteral("profilesDialog"));
    QVERIFY(profiles);
    auto *form = profiles->findChild<ProfileEditDialog *>(QStringLiteral("profileEditDialog"));
    QVERIFY(form);
    QVERIFY(form->isVisible());
}

void TestGuiProfiles::screenshot()
{
    const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set OTADMIN_SCREENSHOT_DIR to save screenshots");
    addSaved(sandboxProfile(QStringLiteral("Production")), "x");
    Profile staging = sandboxProfile(QStringLiteral("Staging"));
    staging.apiKey = QStringLiteral("47000001");
    staging.color = QStringLiteral("#f59f00");
    addSaved(staging, "y");
    ProfilesDialog *profiles = openProfiles();
    QVERIFY(profiles);
    QVERIFY(profiles->grab().save(dir + QStringLiteral("/profiles-dialog.png")));
    ProfileEditDialog *edit = profiles->openEdit(QStringLiteral("Staging"));
    QVERIFY(edit);
    QTest::qWait(50);
    QVERIFY(edit->grab().save(dir + QStringLiteral("/profile-edit.png")));
}

QTEST_MAIN(TestGuiProfiles)
#include "tst_gui_profiles.moc"
