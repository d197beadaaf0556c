// SPDX-License-Identifier: GPL-3.0-or-later
// SecureClipboard on the offscreen clipboard (G-SEC-11): hints, clearing after the delay, user
// content surviving, clearing on destruction; the preference that sets the delay.
#include "GuiFixture.h"
#include "common/SecureClipboard.h"
#include "profiles/PreferencesDialog.h"

#include <QAction>
#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <chrono>

using namespace otadmin;
using namespace std::chrono_literals;

namespace {
QClipboard *clipboard()
{
    return QGuiApplication::clipboard();
}
} // namespace

class TestGuiClipboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { clipboard()->clear(); }

    void copySecretSetsHintAndClearsAfterTheDelay()
    {
        SecureClipboard secure(10ms); // one "second" lasts 10 ms
        secure.setClearAfterSecs(10); // → 100 ms
        QSignalSpy cleared(&secure, &SecureClipboard::secretCleared);
        QElapsedTimer elapsed;
        elapsed.start();
        secure.copySecret(QStringLiteral("s3cret-value"));
        const QMimeData *mime = clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text(), QStringLiteral("s3cret-value"));
        QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QVERIFY(secure.isPending());
        QTRY_VERIFY_WITH_TIMEOUT(!cleared.isEmpty(), 5000);
        QVERIFY(elapsed.elapsed() >= 90); // coarse timers may fire 5 % early
        QCOMPARE(clipboard()->text(), QString());
        QVERIFY(!secure.isPending());
    }

    void delayFollowsTheSetting()
    {
        SecureClipboard secure(10ms);
        secure.setClearAfterSecs(30); // → 300 ms
        QElapsedTimer elapsed;
        elapsed.start();
        secure.copySecret(QStringLiteral("longer"));
        QTRY_VERIFY_WITH_TIMEOUT(!secure.isPending(), 5000);
        QVERIFY(elapsed.elapsed() >= 280);
        QCOMPARE(clipboard()->text(), QString());
    }

    void userContentCopiedAfterwardsSurvives()
    {
        SecureClipboard secure(10ms);
        secure.setClearAfterSecs(10);
        QSignalSpy cleared(&secure, &SecureClipboard::secretCleared);
        secure.copySecret(QStringLiteral("token-abc"));
        clipboard()->setText(QStringLiteral("the user's own text"));
        QTRY_VERIFY_WITH_TIMEOUT(!secure.isPending(), 5000);
        QCOMPARE(clipboard()->text(), QStringLiteral("the user's own text"));
        QVERIFY(cleared.isEmpty());
    }

    void idsAreCopiedPlainAndKept()
    {
        SecureClipboard secure(10ms);
        secure.copyText(QStringLiteral("2_MX4xMjM0NTZ-fg"));
        QVERIFY(!secure.isPending());
        QVERIFY(!clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
        QCOMPARE(clipboard()->text(), QStringLiteral("2_MX4xMjM0NTZ-fg"));
    }

    void clearedOnDestruction()
    {
        {
            SecureClipboard secure; // real seconds: only destruction can clear it in time
            secure.copySecret(QStringLiteral("until-quit"));
            QCOMPARE(clipboard()->text(), QStringLiteral("until-quit"));
        }
        QCOMPARE(clipboard()->text(), QString());
    }

    void delayIsClamped()
    {
        SecureClipboard secure;
        QCOMPARE(secure.clearAfterSecs(), SecureClipboard::DefaultClearSecs);
        secure.setClearAfterSecs(1);
        QCOMPARE(secure.clearAfterSecs(), 10);
        secure.setClearAfterSecs(100000);
        QCOMPARE(secure.clearAfterSecs(), 300);
    }

    void preferenceAppliesLiveAndIsRead()
    {
        auto fixture = std::make_unique<test::GuiFixture>();
        QVERIFY(fixture->isReady());
        QCOMPARE(fixture->context().clipboard()->clearAfterSecs(), 30);
        fixture->find<QAction>(QStringLiteral("actionPreferences"))->trigger();
        QPointer<PreferencesDialog> dialog =
            fixture->find<PreferencesDialog>(QStringLiteral("preferencesDialog"));
        QVERIFY(dialog);
        auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("clipboardClearSpin"));
        QCOMPARE(spin->value(), 30);
        QCOMPARE(spin->minimum(), 10);
        QCOMPARE(spin->maximum(), 300);
        spin->setValue(45);
        QCOMPARE(fixture->context().clipboard()->clearAfterSecs(), 45);
        QCOMPARE(fixture->settings().value(QStringLiteral("clipboard/clearAfterSecs")).toInt(), 45);
        // A new context (the next start) reads it.
        AppContext next(&fixture->settings(), &fixture->credentials());
        QCOMPARE(next.clipboard()->clearAfterSecs(), 45);
    }
};

QTEST_MAIN(TestGuiClipboard)
#include "tst_gui_clipboard.moc"
