// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-3/G-SEC-9 source rules: no TLS or keychain bypass anywhere in the shipped code.
#include <QDirIterator>
#include <QFile>
#include <QTest>

class TestSourceRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noInsecureCalls();
};

void TestSourceRules::noInsecureCalls()
{
    // Split so that this file never matches itself.
    const QList<QByteArray> forbidden {QByteArray("ignoreSsl") + "Errors",
        QByteArray("Verify") + "None", QByteArray("setInsecureFallback") + "(true)"};
    int files = 0;
    int hits = 0;
    for (const char *area : {"core", "app", "ui", "sandbox"}) {
        const QString root = QStringLiteral(OTADMIN_SOURCE_DIR "/") + QLatin1String(area);
        QDirIterator it(root,
            {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.txt"),
                QStringLiteral("*.cmake")},
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            ++files;
            for (const QByteArray &needle : forbidden) {
                if (content.contains(needle)) {
                    ++hits;
                    qWarning("%s in %s", needle.constData(), qPrintable(file.fileName()));
                }
            }
        }
    }
    QVERIFY(files > 50);
    qInfo("G-SEC-3/G-SEC-9: %d occurrences of %lld forbidden calls in %d files of core, app, "
          "ui, sandbox",
        hits, qint64(forbidden.size()), files);
    QCOMPARE(hits, 0);
}

QTEST_GUILESS_MAIN(TestSourceRules)
#include "tst_source_rules.moc"
