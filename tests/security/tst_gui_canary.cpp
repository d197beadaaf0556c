// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-1/2/11 for the GUI: a full workflow in the real window at maximum logging leaves 0
// canaries.
#include "CanaryForms.h"
#include "GuiFixture.h"
#include "ProfileController.h"
#include "SandboxFixture.h"
#include "api/Workspace.h"
#include "archives/ArchivesPanel.h"
#include "archives/StartArchiveDialog.h"
#include "broadcasts/BroadcastsPanel.h"
#include "broadcasts/StartBroadcastDialog.h"
#include "common/Notifier.h"
#include "common/SecureClipboard.h"
#include "models/ArchiveListModel.h"
#include "models/BroadcastListModel.h"
#include "models/ProjectListModel.h"
#include "models/SessionHistoryModel.h"
#include "models/SipCallModel.h"
#include "net/RequestLog.h"
#include "profiles/ProfileEditDialog.h"
#include "profiles/ProfilesDialog.h"
#include "projects/ProjectsPanel.h"
#include "projects/RotateSecretDialog.h"
#include "sessions/SessionsPanel.h"
#include "settings/ProfileStore.h"
#include "sip/SipPanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace otadmin;

namespace {

// The sandbox's secrets: 40 hex digits each, like real ones, found nowhere else.
const QString ProjectSecret = QStringLiteral("109bfbf4c4784a6c520a3db6cfb82ab5786f77c4");
const QString AccountSecret = QStringLiteral("e78ce7494e2aa073b6240202471c01f4b8872f29");
const QString S3AccessKey = QStringLiteral("AKIAGUICANARY7Q3XW2P");
const QString S3SecretKey = QStringLiteral("guiS3Canary/5b9d0e7f2a4c6e8a0b1d3f5a7c9e1b3d");
const QString AzureKey = QStringLiteral("guiAzureCanaryKey4f1c9b2e7d0a6f3c8b5e2d9a1f4c7b0e==");
const QString SipPassword = QStringLiteral("guiSipCanary-8e2f4a6c!");
const QString RtmpKey = QStringLiteral("guiRtmpCanaryStream-3d7a9c1e5b");
const QString ProjectProfile = QStringLiteral("Canary project");
const QString AccountProfile = QStringLiteral("Canary account");
constexpr int Timeout = 10000;

// Every message of every category, from any thread, as "category: text" lines.
QMutex g_logMutex;
QByteArray g_log;
int g_logLines = 0;
QtMessageHandler g_forward = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log += context.category ? context.category : "default";
        g_log += ": ";
        g_log += message.toUtf8();
        g_log += '\n';
        ++g_logLines;
    }
    // Only problems and the test's own figures reach the test output; the flood of debug
    // lines stays in the capture.
    const bool own = !context.category || qstrcmp(context.category, "default") == 0;
    const bool problem = type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg;
    if (g_forward
        && ((problem && !message.startsWith(QLatin1String("This plugin does not")))
            || (type == QtInfoMsg && own)))
        g_forward(type, context, message);
}

QByteArray capturedLog()
{
    QMutexLocker lock(&g_logMutex);
    return g_log;
}

// The throwaway HOME, XDG dirs and TMPDIR of this process (set in main()).
QString g_root;

sandbox::SandboxConfig canaryConfig()
{
    sandbox::SandboxConfig config = test::SandboxFixture::fastConfig();
    config.apiSecret = ProjectSecret;
    config.accountSecret = AccountSecret;
    return config;
}

} // namespace

class TestGuiCanary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noCanaryAfterGuiWorkflowAtMaximumLogging();
    void cleanup() { m_fixture.reset(); }
    void cleanupTestCase();

private:
    template<typename T>
    T *visible(const QString &name) const
    {
        T *found = nullptr;
        (void)QTest::qWaitFor([&] {
            for (T *candidate : m_fixture->window().findChildren<T *>(name)) {
                if (candidate->isVisible())
                    found = candidate;
            }
            return found != nullptr;
        });
        return found;
    }
    template<typename T>
    T *panel(const char *name) const
    {
        return qobject_cast<T *>(m_fixture->window().panel(QString::fromLatin1(name)));
    }
    template<typename T>
    static T *field(QObject *parent, const char *name)
    {
        T *found = parent->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    void addProfile(int kind, const QString &name, const QString &apiKey, const QString &secret);
    void useProfile(const QString &name);
    QString createSession();
    void tokens();
    void archive();
    void broadcast();
    void dialSip();
    void storage();
    void rotate();

    std::unique_ptr<test::GuiFixture> m_fixture;
    QString m_session;
    QByteArray m_newSecret;
    QList<QByteArray> m_dialogTokens;
};

void TestGuiCanary::initTestCase()
{
    QVERIFY(!g_root.isEmpty());
    QVERIFY(QDir::homePath().startsWith(g_root));
    QVERIFY(QDir::tempPath().startsWith(g_root));
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation).startsWith(g_root));
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).startsWith(g_root));
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::CacheLocation).startsWith(g_root));
    // QtTest installed its own handler in qExec(): capture in front of it.
    g_forward = qInstallMessageHandler(captureMessage);
    QVERIFY(QLoggingCategory::defaultCategory()->isDebugEnabled());
    QVERIFY(lcRequests().isInfoEnabled());
}

void TestGuiCanary::cleanupTestCase()
{
    qInstallMessageHandler(g_forward);
    g_forward = nullptr;
}

void TestGuiCanary::addProfile(
    int kind, const QString &name, const QString &apiKey, const QString &secret)
{
    auto *profiles = visible<ProfilesDialog>(QStringLiteral("profilesDialog"));
    QVERIFY(profiles);
    field<QPushButton>(profiles, "addProfileButton")->click();
    QPointer<ProfileEditDialog> edit =
        visible<ProfileEditDialog>(QStringLiteral("profileEditDialog"));
    QVERIFY(edit);
    field<QLineEdit>(edit, "profileNameEdit")->setText(name);
    field<QComboBox>(edit, "profileKindCombo")->setCurrentIndex(kind);
    field<QLineEdit>(edit, "apiKeyEdit")->setText(apiKey);
    field<QLineEdit>(edit, "apiUrlEdit")->setText(m_fixture->server().baseUrl().toString());
    QTest::keyClicks(field<QLineEdit>(edit, "secretEdit"), secret);
    auto *save = field<QPushButton>(edit, "saveButton");
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_VERIFY_WITH_TIMEOUT(!edit, Timeout);
    const std::optional<Profile> saved = m_fixture->context().profileStore()->profile(name);
    QVERIFY(saved);
    QCOMPARE(m_fixture->credentials().peek(credentialKey(*saved)), secret.toUtf8());
}

void TestGuiCanary::useProfile(const QString &name)
{
    auto *switcher = m_fixture->find<QComboBox>(QStringLiteral("profileSwitcher"));
    QVERIFY(switcher);
    QVERIFY(switcher->findData(name) >= 0);
    if (m_fixture->context().profiles()->activeName() != name)
        switcher->setCurrentIndex(switcher->findData(name));
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->context().profiles()->activeName(), name, Timeout);
}

QString TestGuiCanary::createSession()
{
    if (!m_fixture->showPanel(QStringLiteral("sessionsPanel")))
        return {};
    auto *sessions = panel<SessionsPanel>("sessionsPanel");
    const int before = sessions->history()->rowCount();
    m_fixture->find<QPushButton>(QStringLiteral("createSessionButton"))->click();
    QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("createSessionDialog"));
    if (!dialog)
        return {};
    field<QLineEdit>(dialog, "sessionLabelEdit")->setText(QStringLiteral("Canary town hall"));
    auto *archiveMode = field<QComboBox>(dialog, "archiveModeCombo");
    archiveMode->setCurrentIndex(archiveMode->findData(int(ArchiveMode::Manual)));
    field<QPushButton>(dialog, "createButton")->click();
    if (!QTest::qWaitFor([&] { return sessions->history()->rowCount() > before; }, Timeout))
        return {};
    if (!QTest::qWaitFor([&] { return !dialog || !dialog->isVisible(); }, Timeout))
        return {};
    return m_fixture->find<QTableView>(QStringLiteral("sessionTable"))
        ->currentIndex()
        .data(ModelRole::Id)
        .toString();
}

void TestGuiCanary::tokens()
{
    QVERIFY(m_fixture->showPanel(QStringLiteral("sessionsPanel")));
    m_fixture->find<QPushButton>(QStringLiteral("generateTokenButton"))->click();
    QPointer<QDialog> dialog = visible<QDialog>(QStringLiteral("tokenDialog"));
    QVERIFY(dialog);
    auto *token = field<QPlainTextEdit>(dialog, "tokenEdit");
    auto *generate = field<QPushButton>(dialog, "generateButton");
    auto *copy = field<QPushButton>(dialog, "copyTokenButton");
    field<QPlainTextEdit>(dialog, "connectionDataEdit")->setPlainText(QStringLiteral("name=Ann"));
    generate->click();
    QVERIFY(token->toPlainText().count(QLatin1Char('.')) == 2); // a JWT
    m_dialogTokens << token->toPlainText().toUtf8();
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), token->toPlainText());
    field<QRadioButton>(dialog, "formatT1Radio")->setChecked(true);
    generate->click();
    QVERIFY(token->toPlainText().startsWith(QStringLiteral("T1==")));
    m_dialogTokens << token->toPlainText().toUtf8();
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), token->toPlainText());
    QVERIFY(m_fixture->context().clipboard()->isPending());
    dialog->reject();
}

void TestGuiCanary::archive()
{
    QVERIFY(m_fixture->showPanel(QStringLiteral("sessionsPanel")));
    auto *archives = panel<ArchivesPanel>("archivesPanel");
    QVERIFY(archives);
    archives->setPollIntervals(100, 400);
    m_fixture->find<QPushButton>(QStringLiteral("startArchiveButton"))->click();
    QPointer<StartArchiveDialog> dialog =
        visible<StartArchiveDialog>(QStringLiteral("startArchiveDialog"));
    QVERIFY(dialog);
    QCOMPARE(field<QLineEdit>(dialog, "sessionIdEdit")->text(), m_session);
    field<QLineEdit>(dialog, "nameEdit")->setText(QStringLiteral("Canary archive"));
    field<QPushButton>(dialog, "startButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(archives->model()->rowCount(), 1, Timeout);
    const QString id = archives->model()->at(0).id;
    QVERIFY(m_fixture->showPanel(QStringLiteral("archivesPanel")));
    QVERIFY(archives->selectArchive(id));
    field<QAction>(archives, "actionStopArchive")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(
        archives->model()->find(id)->status, ArchiveStatus::Available, Timeout);
}

void TestGuiCanary::broadcast()
{
    QVERIFY(m_fixture->showPanel(QStringLiteral("sessionsPanel")));
    auto *broadcasts = panel<BroadcastsPanel>("broadcastsPanel");
    QVERIFY(broadcasts);
    m_fixture->find<QPushButton>(QStringLiteral("startBroadcastButton"))->click();
    QPointer<StartBroadcastDialog> dialog =
        visible<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog"));
    QVERIFY(dialog);
    QCOMPARE(field<QLineEdit>(dialog, "sessionIdEdit")->text(), m_session);
    field<QPushButton>(dialog, "addRtmpButton")->click();
    QTest::keyClicks(field<QLineEdit>(dialog, "rtmpId0"), QStringLiteral("canary"));
    QTest::keyClicks(
        field<QLineEdit>(dialog, "rtmpUrl0"), QStringLiteral("rtmps://live.example.com/app"));
    QTest::keyClicks(field<QLineEdit>(dialog, "rtmpStream0"), RtmpKey);
    auto *start = field<QPushButton>(dialog, "startButton");
    QVERIFY(start->isEnabled());
    start->click();
    QTRY_COMPARE_WITH_TIMEOUT(broadcasts->model()->rowCount(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), Timeout);
    const QString id = broadcasts->model()->at(0).id;
    QTRY_VERIFY_WITH_TIMEOUT(
        broadcasts->model()->find(id)->rtmp.value(0).state() == RtmpStatus::Live, Timeout);
    QVERIFY(m_fixture->showPanel(QStringLiteral("broadcastsPanel")));
    broadcasts->selectBroadcast(id);
    m_fixture->find<QAction>(QStringLiteral("stopBroadcastAction"))->trigger();
    auto *confirm = visible<QMessageBox>(QStringLiteral("confirmDialog"));
    QVERIFY(confirm);
    field<QPushButton>(confirm, "confirmButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(
        broadcasts->model()->find(id)->status, BroadcastStatus::Stopped, Timeout);
}

void TestGuiCanary::dialSip()
{
    QVERIFY(m_fixture->showPanel(QStringLiteral("sessionsPanel")));
    m_fixture->find<QPushButton>(QStringLiteral("dialSipButton"))->click();
    QVERIFY(m_fixture->showPanel(QStringLiteral("sipPanel")));
    auto *sip = panel<SipPanel>("sipPanel");
    QVERIFY(sip);
    QCOMPARE(field<QLineEdit>(sip, "sipSessionId")->text(), m_session);
    field<QLineEdit>(sip, "sipUri")
        ->setText(QStringLiteral("sip:+15551234567@sip.example.com;transport=tls"));
    field<QLineEdit>(sip, "sipUsername")->setText(QStringLiteral("alice"));
    QTest::keyClicks(field<QLineEdit>(sip, "sipPassword"), SipPassword);
    auto *dial = field<QPushButton>(sip, "sipDial");
    QVERIFY(dial->isEnabled());
    dial->click();
    QTRY_COMPARE_WITH_TIMEOUT(sip->model()->rowCount(), 1, Timeout);
}

void TestGuiCanary::storage()
{
    QVERIFY(m_fixture->showPanel(QStringLiteral("storagePanel")));
    Panel *storage = m_fixture->window().panel(QStringLiteral("storagePanel"));
    auto *type = field<QComboBox>(storage, "storageType");
    auto *save = field<QPushButton>(storage, "storageSave");
    auto *current = field<QLabel>(storage, "storageCurrent");
    type->setCurrentIndex(type->findData(QStringLiteral("s3")));
    field<QLineEdit>(storage, "storageBucket")->setText(QStringLiteral("canary-bucket"));
    QTest::keyClicks(field<QLineEdit>(storage, "storageAccessKey"), S3AccessKey);
    QTest::keyClicks(field<QLineEdit>(storage, "storageSecretKey"), S3SecretKey);
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_VERIFY_WITH_TIMEOUT(current->text().contains(QStringLiteral("canary-bucket")), Timeout);

    type->setCurrentIndex(type->findData(QStringLiteral("azure")));
    field<QLineEdit>(storage, "storageAccountName")->setText(QStringLiteral("canaryaccount"));
    QTest::keyClicks(field<QLineEdit>(storage, "storageAccountKey"), AzureKey);
    field<QLineEdit>(storage, "storageContainer")->setText(QStringLiteral("canary-container"));
    QVERIFY(save->isEnabled());
    save->click();
    QTRY_VERIFY_WITH_TIMEOUT(current->text().contains(QStringLiteral("canaryaccount")), Timeout);
}

void TestGuiCanary::rotate()
{
    useProfile(AccountProfile);
    QVERIFY(m_fixture->showPanel(QStringLiteral("projectsPanel")));
    auto *projects = panel<ProjectsPanel>("projectsPanel");
    QVERIFY(projects);
    const QString key = m_fixture->server().apiKey();
    QTRY_VERIFY_WITH_TIMEOUT(projects->model()->contains(key), Timeout);
    QVERIFY(projects->selectProject(key));
    field<QPushButton>(projects, "refreshSecretButton")->click();
    auto *confirm = visible<QMessageBox>(QStringLiteral("confirmDialog"));
    QVERIFY(confirm);
    field<QPushButton>(confirm, "confirmButton")->click();
    QPointer<RotateSecretDialog> dialog =
        visible<RotateSecretDialog>(QStringLiteral("rotateSecretDialog"));
    QVERIFY(dialog);
    QCOMPARE(dialog->profileName(), ProjectProfile);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->outcome().has_value(), 20000);
    QCOMPARE(*dialog->outcome(), SecretRotation::Outcome::Rotated);
    m_newSecret = m_fixture->server().apiSecret().toUtf8();
    QVERIFY(m_newSecret != ProjectSecret.toUtf8());
    const std::optional<Profile> saved =
        m_fixture->context().profileStore()->profile(ProjectProfile);
    QVERIFY(saved);
    QCOMPARE(m_fixture->credentials().peek(credentialKey(*saved)), m_newSecret);
    field<QPushButton>(dialog, "closeButton")->click();
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    // The rotated secret goes to the clipboard from the project's details.
    QTRY_COMPARE_WITH_TIMEOUT(
        projects->model()->find(key)->secret, QString::fromUtf8(m_newSecret), Timeout);
    QVERIFY(projects->selectProject(key));
    m_fixture->find<QAbstractButton>(QStringLiteral("copySecretButton"))->click();
    QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), m_newSecret);
    QVERIFY(m_fixture->context().clipboard()->isPending());

    // And the project profile works with it (a request signed with the new secret).
    useProfile(ProjectProfile);
    QVERIFY(m_fixture->showPanel(QStringLiteral("archivesPanel")));
    const int before = m_fixture->server().requestCount();
    panel<ArchivesPanel>("archivesPanel")->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture->server().requestCount() > before
            && m_fixture->server().journal().constLast().status == 200,
        Timeout);
}

void TestGuiCanary::noCanaryAfterGuiWorkflowAtMaximumLogging()
{
    m_fixture = std::make_unique<test::GuiFixture>(canaryConfig());
    QVERIFY(m_fixture->isReady());
    QCOMPARE(m_fixture->server().apiSecret(), ProjectSecret);
    QCOMPARE(m_fixture->server().accountSecret(), AccountSecret);

    // Profiles through the dialog, secrets typed into it.
    m_fixture->find<QAction>(QStringLiteral("actionProfiles"))->trigger();
    addProfile(0, ProjectProfile, m_fixture->server().apiKey(), ProjectSecret);
    if (QTest::currentTestFailed())
        return;
    addProfile(1, AccountProfile, m_fixture->server().accountKey(), AccountSecret);
    if (QTest::currentTestFailed())
        return;
    field<QPushButton>(visible<ProfilesDialog>(QStringLiteral("profilesDialog")), "closeButton")
        ->click();
    useProfile(ProjectProfile);

    m_session = createSession();
    QVERIFY(!m_session.isEmpty());
    const QString connection = m_fixture->server().addConnection(m_session);
    QVERIFY(!m_fixture->server().addStream(m_session, connection).isEmpty());
    const struct
    {
        const char *name;
        void (TestGuiCanary::*step)();
    } steps[] = {{"tokens", &TestGuiCanary::tokens}, {"archive", &TestGuiCanary::archive},
        {"broadcast", &TestGuiCanary::broadcast}, {"sip", &TestGuiCanary::dialSip},
        {"storage", &TestGuiCanary::storage}, {"rotate", &TestGuiCanary::rotate}};
    for (const auto &step : steps) {
        (this->*step.step)();
        if (QTest::currentTestFailed()) {
            qWarning("the %s step failed", step.name);
            return;
        }
    }

    // The canaries: every secret and key typed or issued, every JWT the service received,
    // every client token the app made (dialog, SIP dial body).
    QList<QByteArray> canaries {ProjectSecret.toUtf8(), AccountSecret.toUtf8(), m_newSecret,
        S3AccessKey.toUtf8(), S3SecretKey.toUtf8(), AzureKey.toUtf8(), SipPassword.toUtf8(),
        RtmpKey.toUtf8()};
    canaries << m_dialogTokens;
    int jwts = 0;
    int clientTokens = int(m_dialogTokens.size());
    for (const sandbox::JournalEntry &entry : m_fixture->server().journal()) {
        for (const char *header : {"x-opentok-auth", "authorization"}) {
            const QByteArray value = entry.headers.value(header);
            if (!value.isEmpty() && !canaries.contains(value)) {
                canaries << value;
                ++jwts;
            }
        }
        const QString token =
            QJsonDocument::fromJson(entry.body).object().value(QStringLiteral("token")).toString();
        if (!token.isEmpty()) {
            canaries << token.toUtf8();
            ++clientTokens;
        }
    }
    QVERIFY(jwts >= 10);
    QVERIFY(clientTokens >= 3); // JWT and T1 from the dialog, the SIP dial's token

    QList<QPair<QString, QByteArray>> haystacks;
    // (3) The request log and its curl commands, while the workspace still lives.
    const QList<RequestLogEntry> entries =
        m_fixture->context().workspace()->requestLog()->entries();
    QVERIFY(entries.size() >= jwts / 2);
    for (const RequestLogEntry &entry : entries) {
        const QString where = QStringLiteral("request log %1 %2")
                                  .arg(QString::fromLatin1(entry.method), entry.url.path());
        haystacks.append({where,
            entry.url.toEncoded() + '\n' + entry.requestBody + '\n' + entry.error.toUtf8() + '\n'
                + entry.toCurl().toUtf8()});
    }
    haystacks.append({QStringLiteral("notifications"),
        m_fixture->context().notifier()->history().join(QLatin1Char('\n')).toUtf8()});

    // Quit: the window and the context go; the copied secret leaves the clipboard (G-SEC-11).
    QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), m_newSecret);
    m_fixture->quit();
    m_fixture->settings().sync();
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QByteArray clipboard;
    if (mime) {
        for (const QString &format : mime->formats())
            clipboard += format.toUtf8() + ": " + mime->data(format) + '\n';
    }
    QVERIFY(!QGuiApplication::clipboard()->text().toUtf8().contains(m_newSecret));
    haystacks.append({QStringLiteral("clipboard after quit"), clipboard});

    // (1) Every file under the throwaway HOME, XDG dirs and TMPDIR (settings, session history).
    qint64 fileBytes = 0;
    int files = 0;
    bool sawSettings = false;
    bool sawHistory = false;
    QDirIterator it(
        g_root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray content = file.readAll();
        sawSettings = sawSettings || content.contains(ProjectProfile.toUtf8());
        sawHistory = sawHistory || content.contains(m_session.toUtf8());
        fileBytes += content.size();
        ++files;
        haystacks.append({file.fileName().mid(g_root.size()), content});
        if (qEnvironmentVariableIsSet("OTADMIN_CANARY_LIST"))
            qInfo("scanned %s (%lld bytes)", qPrintable(file.fileName().mid(g_root.size())),
                qint64(content.size()));
    }
    QVERIFY(sawSettings); // the profiles were saved under the root...
    QVERIFY(sawHistory); // ...and so was the session history

    // (2) Every log line of every category at debug and info level, quit included.
    const QByteArray log = capturedLog();
    QVERIFY(log.contains("otadmin.requests: POST"));
    haystacks.append({QStringLiteral("log"), log});

    int checks = 0;
    int found = 0;
    const qsizetype forms = test::canaryForms({}).size();
    for (const QByteArray &canary : std::as_const(canaries)) {
        const QList<QByteArray> encoded = test::canaryForms(canary);
        for (qsizetype form = 0; form < encoded.size(); ++form) {
            for (const auto &[where, content] : std::as_const(haystacks)) {
                ++checks;
                const qsizetype at = content.indexOf(encoded.at(form));
                if (at >= 0) {
                    ++found;
                    // The line around it, with the canary itself masked.
                    const qsizetype from = content.lastIndexOf('\n', at) + 1;
                    QByteArray line = content.mid(from, content.indexOf('\n', at) - from);
                    line.replace(encoded.at(form), "<canary>");
                    qWarning("canary %lld (%lld bytes, form %lld) found in %s: %s",
                        qint64(canaries.indexOf(canary)), qint64(canary.size()), qint64(form),
                        qPrintable(where), line.left(300).constData());
                }
            }
        }
    }
    qInfo("G-SEC-1/2 (GUI): %lld canaries (8 secrets/keys, %d JWTs, %d client tokens) x %lld "
          "forms; %d files (%lld bytes) under HOME/XDG/TMPDIR, %d log lines (%lld bytes), %lld "
          "request log entries + curl, clipboard after quit: %d checks, %d found",
        qint64(canaries.size()), jwts, clientTokens, qint64(forms), files, fileBytes, g_logLines,
        qint64(log.size()), qint64(entries.size()), checks, found);
    QCOMPARE(found, 0);
}

int main(int argc, char *argv[])
{
    // A throwaway HOME, XDG dirs and TMPDIR, and maximum logging, before Qt reads any of them.
    QTemporaryDir root(QDir::tempPath() + QStringLiteral("/otadmin-gui-canary-XXXXXX"));
    if (!root.isValid())
        return 2;
    g_root = QDir(root.path()).canonicalPath();
    const QList<QPair<const char *, const char *>> dirs {{"HOME", "home"},
        {"XDG_CONFIG_HOME", "config"}, {"XDG_DATA_HOME", "data"}, {"XDG_CACHE_HOME", "cache"},
        {"XDG_STATE_HOME", "state"}, {"TMPDIR", "tmp"}};
    for (const auto &[variable, name] : dirs) {
        const QString dir = g_root + QLatin1Char('/') + QLatin1String(name);
        QDir().mkpath(dir);
        qputenv(variable, dir.toUtf8());
    }
    qputenv("QT_LOGGING_RULES", "*.debug=true;*.info=true");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    g_forward = qInstallMessageHandler(captureMessage);

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("OpenTok Admin"));
    QApplication::setApplicationName(QStringLiteral("opentok-admin"));
    TestGuiCanary test;
    QTEST_SET_MAIN_SOURCE_PATH
    const int result = QTest::qExec(&test, argc, argv);
    qInstallMessageHandler(nullptr); // the capture's buffers go before Qt's last messages
    return result;
}

#include "tst_gui_canary.moc"
