// SPDX-License-Identifier: GPL-3.0-or-later
// The profile dialogs on the real OS keychain (gnome-keyring under scripts/with-secret-service):
// the secret lands in the keychain, never in the settings file, and leaves with the profile.
#include "AppContext.h"
#include "ReplyWaiter.h"
#include "credentials/KeychainCredentialStore.h"
#include "profiles/ProfileEditDialog.h"
#include "profiles/ProfilesDialog.h"
#include "settings/ProfileStore.h"

#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace otadmin;

class TestGuiKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addAndRemoveThroughTheKeychain()
    {
        if (qEnvironmentVariableIsEmpty("OTADMIN_SECRETS_WRAPPED"))
            QSKIP("needs scripts/with-secret-service");
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        KeychainCredentialStore store;
        AppContext context(&settings, &store);
        ProfilesDialog profiles(context);
        profiles.show();

        const QString apiKey =
            QString::number(QRandomGenerator::global()->bounded(10000000, 99999999));
        const QString secret = QStringLiteral("gui-keychain-canary-") + apiKey;
        QPointer<ProfileEditDialog> dialog = profiles.openAdd();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("profileNameEdit"))
            ->setText(QStringLiteral("Keychain project"));
        dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"))->setText(apiKey);
        dialog->findChild<QLineEdit *>(QStringLiteral("secretEdit"))->setText(secret);
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 15000);

        const auto profile = context.profileStore()->profile(QStringLiteral("Keychain project"));
        QVERIFY(profile);
        KeychainCredentialStore other; // a second reader, as the next start would be
        auto read = test::await(other.readSecret(credentialKey(*profile)), 15000);
        QVERIFY2(read->isSuccess(), qPrintable(read->errorMessage()));
        QCOMPARE(read->secret(), secret.toUtf8());
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret.toUtf8()));

        auto *list = profiles.findChild<QListWidget *>(QStringLiteral("profileList"));
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole).toString() == profile->name)
                list->setCurrentRow(row);
        }
        profiles.findChild<QPushButton *>(QStringLiteral("removeProfileButton"))->click();
        auto *confirm = profiles.findChild<QMessageBox *>(QStringLiteral("confirmDialog"));
        QVERIFY(confirm);
        QVERIFY(confirm->informativeText().contains(store.backendName()));
        confirm->findChild<QPushButton *>(QStringLiteral("confirmButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!context.profileStore()->contains(profile->name), 15000);
        auto gone = test::await(other.readSecret(credentialKey(*profile)), 15000);
        QCOMPARE(gone->error(), CredentialReply::Error::NotFound);
    }
};

QTEST_MAIN(TestGuiKeychain)
#include "tst_gui_keychain.moc"
