// SPDX-License-Identifier: GPL-3.0-or-later
// SessionHistoryModel: columns, label editing, save/load round trip, corrupt and missing files.
#include "models/SessionHistoryModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace otadmin;

namespace {

SessionHistoryEntry entry(const QString &id, qint64 createdAtMs)
{
    SessionInfo info;
    info.sessionId = id;
    SessionOptions options;
    options.archiveMode = ArchiveMode::Always;
    options.archiveName = QStringLiteral("Town hall");
    options.archiveResolution = QStringLiteral("1280x720");
    options.location = QStringLiteral("203.0.113.7");
    return SessionHistoryEntry::from(info, options, createdAtMs);
}

} // namespace

class TstSessionHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("sub/sessions-test.json"));
        QFile::remove(m_path);
        QFile::remove(m_path + QStringLiteral(".corrupt"));
    }

    void columnsAndRoles()
    {
        SessionHistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(QString()));
        model.add(entry(
            QStringLiteral("1_MX4xMjM0NTY3OH5-c2Vzc2lvbi1vbmUtbG9uZy1pZA"), 1'700'000'000'000));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(SessionHistoryModel::ColumnCount));
        const QModelIndex id = model.index(0, SessionHistoryModel::SessionIdColumn);
        QCOMPARE(id.data(ModelRole::Id).toString(),
            QStringLiteral("1_MX4xMjM0NTY3OH5-c2Vzc2lvbi1vbmUtbG9uZy1pZA"));
        QVERIFY(id.data().toString().contains(QChar(0x2026)));
        QCOMPARE(id.data(Qt::ToolTipRole).toString(), id.data(ModelRole::Id).toString());
        QCOMPARE(model.index(0, SessionHistoryModel::MediaModeColumn).data().toString(),
            QStringLiteral("routed"));
        QCOMPARE(model.index(0, SessionHistoryModel::ArchiveModeColumn).data().toString(),
            QStringLiteral("always"));
        QVERIFY(model.index(0, SessionHistoryModel::ArchiveModeColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("1280x720")));
        const QModelIndex created = model.index(0, SessionHistoryModel::CreatedColumn);
        QCOMPARE(created.data(Qt::ToolTipRole).toString(), QStringLiteral("2023-11-14T22:13:20Z"));
        QCOMPARE(created.data(ModelRole::Sort).toLongLong(), 1'700'000'000'000);
        QVERIFY(!created.data().toString().isEmpty());
        QVERIFY(model.flags(model.index(0, SessionHistoryModel::LabelColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(id) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(id, QStringLiteral("x")));
    }

    void labelEditSaves()
    {
        SessionHistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(m_path));
        model.add(entry(QStringLiteral("s1"), 1000));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(0, SessionHistoryModel::LabelColumn),
            QStringLiteral("  Town   hall  "), Qt::EditRole));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("Town hall"));
        QVERIFY(model.setLabel(QStringLiteral("s1"), QStringLiteral("Board")));
        QVERIFY(!model.setLabel(QStringLiteral("unknown"), QStringLiteral("x")));

        SessionHistoryModel reread;
        QVERIFY(reread.load(m_path));
        QCOMPARE(reread.rowCount(), 1);
        QCOMPARE(reread.at(0).label, QStringLiteral("Board"));
    }

    void roundTrip()
    {
        {
            SessionHistoryModel model;
            QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY(model.load(m_path)); // missing file: empty history
            QCOMPARE(model.rowCount(), 0);
            model.add(entry(QStringLiteral("s1"), 1000));
            SessionHistoryEntry relayed;
            relayed.sessionId = QStringLiteral("s2");
            relayed.mediaMode = MediaMode::Relayed;
            relayed.label = QStringLiteral("Relayed one");
            relayed.createdAtMs = 2000;
            model.add(relayed);
            model.add(entry(QStringLiteral("s3"), 3000));
            QVERIFY(model.forget(QStringLiteral("s3")));
            QVERIFY(!model.forget(QStringLiteral("s3")));
            QVERIFY(model.saveError().isEmpty());
        }
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("secret"));

        SessionHistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(m_path));
        QVERIFY(model.loadError().isEmpty());
        QCOMPARE(model.rowCount(), 2);
        const SessionHistoryEntry first = *model.find(QStringLiteral("s1"));
        QCOMPARE(first.archiveMode, ArchiveMode::Always);
        QCOMPARE(first.archiveName, QStringLiteral("Town hall"));
        QCOMPARE(first.archiveResolution, QStringLiteral("1280x720"));
        QCOMPARE(first.location, QStringLiteral("203.0.113.7"));
        QCOMPARE(first.mediaMode, MediaMode::Routed);
        QCOMPARE(first.createdAtMs, 1000);
        const SessionHistoryEntry second = *model.find(QStringLiteral("s2"));
        QCOMPARE(second.mediaMode, MediaMode::Relayed);
        QCOMPARE(second.archiveMode, ArchiveMode::Manual);
        QCOMPARE(second.label, QStringLiteral("Relayed one"));
        QVERIFY(!model.contains(QStringLiteral("s3")));

        // Switching to another file (another profile) empties the model first.
        QVERIFY(model.load(m_dir.filePath(QStringLiteral("other.json"))));
        QCOMPARE(model.rowCount(), 0);
    }

    void corruptFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{\"sessions\": [");
        QTest::newRow("not an object") << QByteArray("[1, 2]");
        QTest::newRow("no list") << QByteArray("{\"version\": 1}");
        QTest::newRow("newer version") << QByteArray("{\"version\": 99, \"sessions\": []}");
    }

    void corruptFile()
    {
        QFETCH(QByteArray, content);
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        SessionHistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.add(entry(QStringLiteral("before"), 1)); // load() empties the model
        QVERIFY(!model.load(m_path));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.loadError().contains(QStringLiteral(".corrupt")));
        // The unreadable file is kept aside, byte for byte.
        QFile aside(m_path + QStringLiteral(".corrupt"));
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), content);
        // The new history works and is saved in the original place.
        model.add(entry(QStringLiteral("after"), 2));
        SessionHistoryModel reread;
        QVERIFY(reread.load(m_path));
        QCOMPARE(reread.rowCount(), 1);
        QVERIFY(reread.contains(QStringLiteral("after")));
    }

    void skipsBadEntries()
    {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"version\": 1, \"sessions\": [{\"sessionId\": \"ok\"}, {\"label\": "
                       "\"no id\"}, 42, {\"sessionId\": \"ok\", \"label\": \"duplicate\"}]}");
        }
        SessionHistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(m_path));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.at(0).sessionId, QStringLiteral("ok"));
    }

    void saveFailureIsReported()
    {
        // The parent "directory" is a regular file: nothing can be written below it.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        SessionHistoryModel model;
        QVERIFY(model.load(blocker + QStringLiteral("/sessions.json")));
        QSignalSpy failed(&model, &SessionHistoryModel::saveFailed);
        model.add(entry(QStringLiteral("s1"), 1));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!model.saveError().isEmpty());
        QCOMPARE(model.rowCount(), 1); // still shown for this run
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TstSessionHistoryModel)
#include "tst_sessionhistorymodel.moc"
