// SPDX-License-Identifier: GPL-3.0-or-later
// Storage panel: set S3 then Azure, see them after a reload, remove with confirmation, validation,
// errors, and no key ever in the settings file or the request log.
#include "GuiFixture.h"
#include "api/Workspace.h"
#include "common/MessageBanner.h"
#include "net/RequestLog.h"
#include "storage/StoragePanel.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace otadmin;

namespace {
const QString AccessKey = QStringLiteral("AKIA-access-5d1e0c");
const QString SecretKey = QStringLiteral("s3-secret-9f8e7d6c5b");
const QString AccountKey = QStringLiteral("azure-key-3b2a1908==");
} // namespace

class TestGuiStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(m_fixture->isReady());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("storagePanel")));
        m_panel = m_fixture->window().panel(QStringLiteral("storagePanel"));
        QVERIFY(m_panel);
        m_save = child<QPushButton>("storageSave");
        QVERIFY(m_save);
    }
    void cleanup() { m_fixture.reset(); }

    void startsUnknownWithSaveDisabled()
    {
        QVERIFY(child<QLabel>("storageCurrent")->text().contains(QStringLiteral("Not known")));
        QVERIFY(!m_save->isEnabled());
        QVERIFY(child<QLabel>("storageError")->text().startsWith(QStringLiteral("Access key")));
        for (const char *secret : {"storageAccessKey", "storageSecretKey", "storageAccountKey"})
            QCOMPARE(child<QLineEdit>(secret)->echoMode(), QLineEdit::Password);
    }

    void validationNamesTheField()
    {
        fillS3();
        QVERIFY(m_save->isEnabled());
        auto *error = child<QLabel>("storageError");
        child<QLineEdit>("storageBucket")->setText(QStringLiteral("Bad_Bucket"));
        QVERIFY(error->text().startsWith(QStringLiteral("Bucket")));
        QVERIFY(error->isVisible());
        QVERIFY(!m_save->isEnabled());
        child<QLineEdit>("storageBucket")->setText(QStringLiteral("my-archive-bucket"));
        child<QLineEdit>("storageEndpoint")->setText(QStringLiteral("ftp://files.example.com"));
        QVERIFY(error->text().startsWith(QStringLiteral("Endpoint")));
        QVERIFY(!m_save->isEnabled());
        child<QLineEdit>("storageEndpoint")->clear();
        QVERIFY(m_save->isEnabled());

        selectType("azure");
        QVERIFY(!m_save->isEnabled());
        QTest::keyClicks(child<QLineEdit>("storageAccountKey"), AccountKey);
        child<QLineEdit>("storageContainer")->setText(QStringLiteral("archives"));
        child<QLineEdit>("storageAccountName")->setText(QStringLiteral("UpperCase"));
        QVERIFY(error->text().startsWith(QStringLiteral("Account name")));
        QTest::mouseClick(m_save, Qt::LeftButton);
        QCOMPARE(m_fixture->server().requestCount(), 0);
    }

    void setsS3ThenAzureAndSeesThemAfterReload()
    {
        fillS3();
        QTest::mouseClick(m_save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("storageCurrent")->text().contains(QStringLiteral("my-archive-bucket")),
            5000);
        QJsonObject body = lastBody("PUT");
        QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("s3"));
        QJsonObject config = body.value(QStringLiteral("config")).toObject();
        QCOMPARE(
            config.value(QStringLiteral("bucket")).toString(), QStringLiteral("my-archive-bucket"));
        QCOMPARE(config.value(QStringLiteral("secretKey")).toString(), SecretKey);
        QCOMPARE(config.value(QStringLiteral("accessKey")).toString(), AccessKey);
        QCOMPARE(config.value(QStringLiteral("endpoint")).toString(),
            QStringLiteral("https://s3.example-provider.com"));
        QCOMPARE(config.value(QStringLiteral("sse")).toString(), QStringLiteral("s3"));
        QCOMPARE(body.value(QStringLiteral("fallback")).toString(), QStringLiteral("opentok"));
        QCOMPARE(sandboxStorage().value(QStringLiteral("type")).toString(), QStringLiteral("s3"));
        // Keys are gone from the form once sent; the panel shows them masked.
        QVERIFY(child<QLineEdit>("storageSecretKey")->text().isEmpty());
        QVERIFY(child<QLineEdit>("storageAccessKey")->text().isEmpty());
        QVERIFY(!child<QLabel>("storageCurrent")->text().contains(SecretKey));
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Positive);

        selectType("azure");
        child<QLineEdit>("storageAccountName")->setText(QStringLiteral("myaccount"));
        QTest::keyClicks(child<QLineEdit>("storageAccountKey"), AccountKey);
        child<QLineEdit>("storageContainer")->setText(QStringLiteral("archives"));
        child<QLineEdit>("storageDomain")->setText(QStringLiteral("blob.core.windows.net"));
        setCombo("storageFallback", 0);
        QVERIFY(m_save->isEnabled());
        QTest::mouseClick(m_save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("storageCurrent")->text().contains(QStringLiteral("myaccount")), 5000);
        body = lastBody("PUT");
        QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("azure"));
        config = body.value(QStringLiteral("config")).toObject();
        QCOMPARE(config.value(QStringLiteral("accountKey")).toString(), AccountKey);
        QCOMPARE(config.value(QStringLiteral("container")).toString(), QStringLiteral("archives"));
        QCOMPARE(body.value(QStringLiteral("fallback")).toString(), QStringLiteral("none"));
        QCOMPARE(
            sandboxStorage().value(QStringLiteral("type")).toString(), QStringLiteral("azure"));

        // Reload: another profile and back, then F5. The last saved target and form return.
        QVERIFY(m_fixture->activateAccount());
        QVERIFY(m_fixture->activateProject());
        QVERIFY(m_fixture->showPanel(QStringLiteral("storagePanel")));
        QTest::keyClick(&m_fixture->window(), Qt::Key_F5);
        const QString current = child<QLabel>("storageCurrent")->text();
        QVERIFY(current.contains(QStringLiteral("archives")));
        QVERIFY(current.contains(QStringLiteral("myaccount")));
        QVERIFY(current.contains(QStringLiteral("not kept")));
        QCOMPARE(
            child<QComboBox>("storageType")->currentData().toString(), QStringLiteral("azure"));
        QCOMPARE(child<QLineEdit>("storageContainer")->text(), QStringLiteral("archives"));
        QCOMPARE(child<QLineEdit>("storageBucket")->text(), QStringLiteral("my-archive-bucket"));
        QVERIFY(child<QLineEdit>("storageAccountKey")->text().isEmpty());
        QCOMPARE(m_panel->summary(), QStringLiteral("Azure"));

        // No key anywhere it could leak: settings file and request log.
        m_fixture->settings().sync();
        QFile file(m_fixture->settings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settings = file.readAll();
        QVERIFY(settings.contains("myaccount"));
        for (const QString &secret : {AccessKey, SecretKey, AccountKey}) {
            QVERIFY(!settings.contains(secret.toUtf8()));
            for (const RequestLogEntry &entry :
                m_fixture->context().workspace()->requestLog()->entries()) {
                QVERIFY(!entry.requestBody.contains(secret.toUtf8()));
                QVERIFY(!entry.toCurl().contains(secret));
            }
        }
    }

    void removeAsksFirstAndCancelSendsNothing()
    {
        fillS3();
        QTest::mouseClick(m_save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!sandboxStorage().isEmpty(), 5000);
        // The sandbox stores the target before the app reads the answer: wait for the app.
        QTRY_VERIFY(
            child<QLabel>("storageCurrent")->text().contains(QStringLiteral("my-archive-bucket")));
        QTRY_VERIFY(child<QPushButton>("storageDelete")->isEnabled());

        const int before = m_fixture->server().requestCount();
        QTest::mouseClick(child<QPushButton>("storageDelete"), Qt::LeftButton);
        auto *box = m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("Sandbox")));
        QVERIFY(box->text().contains(QStringLiteral("my-archive-bucket")));
        box->findChild<QPushButton *>(QStringLiteral("cancelButton"))->click();
        QTest::qWait(0);
        QCOMPARE(m_fixture->server().requestCount(), before);
        QVERIFY(!sandboxStorage().isEmpty());

        QTest::mouseClick(child<QPushButton>("storageDelete"), Qt::LeftButton);
        QTRY_VERIFY(m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog")));
        m_fixture->find<QMessageBox>(QStringLiteral("confirmDialog"))
            ->findChild<QPushButton *>(QStringLiteral("confirmButton"))
            ->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QLabel>("storageCurrent")->text().contains(QStringLiteral("None")), 5000);
        QVERIFY(sandboxStorage().isEmpty());
        const auto journal = m_fixture->server().journal();
        QCOMPARE(journal.last().method, QByteArray("DELETE"));
        QVERIFY(journal.last().path.endsWith(QStringLiteral("/archive/storage")));
        QCOMPARE(m_panel->summary(), QString());
    }

    void serverErrorShowsBannerWithRetry()
    {
        fillS3();
        m_fixture->server().forceNextResponse("PUT", QStringLiteral("*/archive/storage"), 500, {});
        QTest::mouseClick(m_save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->banner()->isVisible(), 5000);
        QCOMPARE(m_panel->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(m_panel->banner()->hasRetry()); // PUT replaces: sending again is safe
        QVERIFY(child<QLabel>("storageCurrent")->text().contains(QStringLiteral("Not known")));
        // The keys stay in the form so that Retry (or Save) can send them again.
        QCOMPARE(child<QLineEdit>("storageSecretKey")->text(), SecretKey);
        QTRY_VERIFY(m_save->isEnabled());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OTADMIN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OTADMIN_SCREENSHOT_DIR is not set");
        QVERIFY(QDir().mkpath(dir));
        m_fixture->window().resize(1100, 760);
        fillS3();
        QTest::mouseClick(m_save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!sandboxStorage().isEmpty(), 5000);
        QTest::keyClicks(child<QLineEdit>("storageAccessKey"), AccessKey);
        QTest::keyClicks(child<QLineEdit>("storageSecretKey"), SecretKey);
        QVERIFY(m_fixture->window().grab().save(QDir(dir).filePath(QStringLiteral("storage.png"))));
    }

private:
    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_panel->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no %s named %s", T::staticMetaObject.className(), name);
        return found;
    }

    void setCombo(const char *name, int index) { child<QComboBox>(name)->setCurrentIndex(index); }

    void selectType(const char *type)
    {
        auto *combo = child<QComboBox>("storageType");
        combo->setCurrentIndex(combo->findData(QString::fromLatin1(type)));
    }

    void fillS3()
    {
        selectType("s3");
        child<QLineEdit>("storageBucket")->setText(QStringLiteral("my-archive-bucket"));
        QTest::keyClicks(child<QLineEdit>("storageAccessKey"), AccessKey);
        QTest::keyClicks(child<QLineEdit>("storageSecretKey"), SecretKey);
        child<QLineEdit>("storageEndpoint")
            ->setText(QStringLiteral("https://s3.example-provider.com"));
        auto *sse = child<QComboBox>("storageSse");
        sse->setCurrentIndex(sse->findData(QStringLiteral("s3")));
        setCombo("storageFallback", 1);
    }

    QJsonObject sandboxStorage()
    {
        const auto &projects = m_fixture->server().state().projects;
        const auto it = projects.constFind(m_fixture->server().apiKey());
        return it != projects.cend() && it->storage ? *it->storage : QJsonObject();
    }

    QJsonObject lastBody(const QByteArray &method) const
    {
        const auto journal = m_fixture->server().journal();
        for (auto it = journal.crbegin(); it != journal.crend(); ++it) {
            if (it->method == method && it->path.endsWith(QStringLiteral("/archive/storage")))
                return QJsonDocument::fromJson(it->body).object();
        }
        return {};
    }

    std::unique_ptr<test::GuiFixture> m_fixture;
    Panel *m_panel = nullptr;
    QPushButton *m_save = nullptr;
};

QTEST_MAIN(TestGuiStorage)
#include "tst_gui_storage.moc"
