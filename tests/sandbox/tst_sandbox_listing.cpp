// SPDX-License-Identifier: GPL-3.0-or-later
// List answers (§5.6, §6.5) stay the bytes a fresh serialization gives while items change.
#include "SandboxTestClient.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

using namespace otadmin::sandbox;
using namespace otadmin::sandbox::test;

namespace {

/// The list answer as it was written before ListJsonCache (filter, sort everything, serialize
/// the page with QJsonDocument), with the ID as the last tie-break.
template<typename Item>
QByteArray expectedPage(
    const QHash<QString, Item> &all, const QString &projectKey, const QString &query)
{
    const QUrlQuery q(query);
    const QString sessionId = q.queryItemValue(QStringLiteral("sessionId"));
    const qint64 offset = q.hasQueryItem(QStringLiteral("offset"))
        ? q.queryItemValue(QStringLiteral("offset")).toLongLong()
        : 0;
    const qint64 count = q.hasQueryItem(QStringLiteral("count"))
        ? q.queryItemValue(QStringLiteral("count")).toLongLong()
        : 50;
    QList<const Item *> matching;
    for (const Item &item : all)
        if (item.projectKey == projectKey && (sessionId.isEmpty() || item.sessionId == sessionId))
            matching.append(&item);
    std::sort(matching.begin(), matching.end(), [](const Item *x, const Item *y) {
        if (x->createdAt != y->createdAt)
            return x->createdAt > y->createdAt;
        return x->sequence != y->sequence ? x->sequence > y->sequence : x->id < y->id;
    });
    QJsonArray items;
    for (qint64 i = offset; i < matching.size() && i < offset + count; ++i)
        items.append(matching.at(i)->toJson());
    return QJsonDocument(
        QJsonObject {{QStringLiteral("count"), matching.size()}, {QStringLiteral("items"), items}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestSandboxListing : public QObject
{
    Q_OBJECT

private:
    SandboxServer *m_server = nullptr;
    SandboxTestClient *m_client = nullptr;
    QString m_session;
    QString m_other;

    SandboxState &state() { return m_server->state(); }

    Archive &addArchive(const QString &sessionId, qint64 ageMs, const QString &status)
    {
        Archive a;
        a.id = SandboxState::newUuid();
        a.projectKey = m_server->apiKey();
        a.sessionId = sessionId;
        a.status = status;
        a.createdAt = m_server->nowMs() - ageMs;
        a.sequence = state().nextSequence();
        if (status == u"available") {
            a.duration = 60;
            a.size = 1000;
            a.url = QStringLiteral("https://archives.example.com/%1.mp4").arg(a.id);
        }
        return state().archives[a.id] = a;
    }

    Broadcast &addBroadcast(const QString &sessionId, qint64 ageMs)
    {
        Broadcast b;
        b.id = SandboxState::newHexId();
        b.projectKey = m_server->apiKey();
        b.sessionId = sessionId;
        b.createdAt = b.updatedAt = m_server->nowMs() - ageMs;
        b.sequence = state().nextSequence();
        b.status = QStringLiteral("stopped");
        return state().broadcasts[b.id] = b;
    }

    /// GETs `what?query` and compares the body with a fresh serialization of the state.
    QByteArray list(const char *what, const QString &query = {})
    {
        const QString path = m_client->projectPath(QLatin1String(what))
            + (query.isEmpty() ? QString() : QLatin1Char('?') + query);
        const HttpResult r = m_client->call("GET", path);
        if (r.status != 200)
            return "status " + QByteArray::number(r.status);
        const QByteArray expected = qstrcmp(what, "/archive") == 0
            ? expectedPage(state().archives, m_server->apiKey(), query)
            : expectedPage(state().broadcasts, m_server->apiKey(), query);
        return r.body == expected ? QByteArray("same")
                                  : "differs:\n" + r.body + "\nexpected:\n" + expected;
    }

    QJsonObject listedArchive(const QString &id)
    {
        const HttpResult r =
            m_client->call("GET", m_client->projectPath(QStringLiteral("/archive?count=1000")));
        for (const QJsonValue &v : r.object().value(QLatin1String("items")).toArray())
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return v.toObject();
        return {};
    }

private slots:
    void init()
    {
        SandboxConfig config;
        config.archiveProcessingMs = 60000; // transitions happen only when a test moves the clock
        config.rtmpConnectMs = 60000;
        m_server = new SandboxServer(config);
        QVERIFY(m_server->listen());
        m_client = new SandboxTestClient(*m_server);
        m_session = m_server->createSession();
        m_server->addStream(m_session, m_server->addConnection(m_session));
        m_other = m_server->createSession();
        m_server->addConnection(m_other);
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void pagesMatchAFreshSerialization_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("default") << QString();
        QTest::newRow("all") << QStringLiteral("count=1000");
        QTest::newRow("first") << QStringLiteral("offset=0&count=1");
        QTest::newRow("middle") << QStringLiteral("offset=7&count=5");
        QTest::newRow("last") << QStringLiteral("offset=29&count=5");
        QTest::newRow("past the end") << QStringLiteral("offset=30&count=5");
        QTest::newRow("far past") << QStringLiteral("offset=500");
        QTest::newRow("none") << QStringLiteral("offset=3&count=0");
        QTest::newRow("session") << QStringLiteral("count=1000&sessionId=%1");
        QTest::newRow("session page") << QStringLiteral("offset=3&count=4&sessionId=%1");
        QTest::newRow("unknown session") << QStringLiteral("sessionId=nothing");
    }
    void pagesMatchAFreshSerialization()
    {
        QFETCH(QString, query);
        if (query.contains(QLatin1String("%1")))
            query = query.arg(m_session);
        for (int i = 0; i < 30; ++i) {
            Archive &a =
                addArchive(i % 3 ? m_session : m_other, i * 1000, QStringLiteral("available"));
            if (i % 4 == 0)
                a.name = QStringLiteral("Näme \"%1\" \\ \n").arg(i);
            if (i % 5 == 0)
                a.layout = QJsonObject {{QStringLiteral("type"), QStringLiteral("bestFit")}};
            if (i % 6 == 0) {
                a.hasTranscription = true;
                a.transcriptionProperties = QJsonObject {{QStringLiteral("partialCaptions"), true}};
            }
            if (i % 7 == 0)
                a.maxBitrate = 500000;
            if (i == 9)
                a.createdAt += 1000; // the same createdAt as the one before: sequence decides
        }
        // Another project's archives never show.
        addArchive(m_session, 0, QStringLiteral("available")).projectKey =
            QStringLiteral("12345678");
        QCOMPARE(list("/archive", query), QByteArray("same"));
        QCOMPARE(list("/archive", query), QByteArray("same")); // answered from the cache
    }

    void listFollowsDirectChanges()
    {
        QList<QString> ids;
        for (int i = 0; i < 12; ++i)
            ids.append(addArchive(m_session, i * 1000, QStringLiteral("available")).id);
        const QString all = QStringLiteral("count=1000");
        QCOMPARE(list("/archive", all), QByteArray("same"));

        // Inserted, newest: first on page one, and the old first moves to page two.
        const QString newest = addArchive(m_session, -5000, QStringLiteral("available")).id;
        QCOMPARE(list("/archive", all), QByteArray("same"));
        QCOMPARE(list("/archive", QStringLiteral("offset=0&count=1")), QByteArray("same"));
        QCOMPARE(list("/archive", QStringLiteral("offset=1&count=1")), QByteArray("same"));
        QCOMPARE(listedArchive(newest).value(QLatin1String("id")).toString(), newest);

        // Removed.
        state().archives.remove(ids.takeAt(3));
        QCOMPARE(list("/archive", all), QByteArray("same"));
        QCOMPARE(list("/archive", QStringLiteral("offset=3&count=2")), QByteArray("same"));

        // Changed in place, through a reference kept across a list.
        Archive &kept = state().archives[ids.at(5)];
        QCOMPARE(list("/archive", all), QByteArray("same"));
        kept.name = QStringLiteral("renamed");
        QCOMPARE(list("/archive", all), QByteArray("same"));
        QCOMPARE(listedArchive(ids.at(5)).value(QLatin1String("name")).toString(),
            QStringLiteral("renamed"));
        state().archives[ids.at(5)].status = QStringLiteral("deleted");
        state().archives[ids.at(5)].url.clear();
        QCOMPARE(list("/archive", all), QByteArray("same"));

        // Order fields changed in place: the archive moves.
        state().archives[ids.at(7)].createdAt = m_server->nowMs() + 10000;
        QCOMPARE(list("/archive", QStringLiteral("offset=0&count=2")), QByteArray("same"));
        state().archives[ids.at(8)].sessionId = m_other;
        QCOMPARE(list("/archive", QStringLiteral("sessionId=") + m_other), QByteArray("same"));
        QCOMPARE(list("/archive", QStringLiteral("sessionId=") + m_session), QByteArray("same"));

        // Removed, then back under the same ID with other content.
        Archive again = state().archives.take(ids.at(0));
        QCOMPARE(list("/archive", all), QByteArray("same"));
        again.size = 777;
        again.duration = 7;
        state().archives.insert(again.id, again);
        QCOMPARE(list("/archive", all), QByteArray("same"));
        QCOMPARE(listedArchive(again.id).value(QLatin1String("size")).toInteger(), 777);
    }

    void listFollowsLifecycles()
    {
        for (int i = 0; i < 5; ++i)
            addArchive(m_session, i * 1000, QStringLiteral("available"));
        const QString all = QStringLiteral("count=1000");
        QCOMPARE(list("/archive", all), QByteArray("same"));

        // Started and stopped over HTTP: stopped until processing is over, then available.
        const HttpResult started =
            m_client->json("POST", m_client->projectPath(QStringLiteral("/archive")),
                QJsonObject {{QStringLiteral("sessionId"), m_session}});
        QCOMPARE(started.status, 200);
        const QString id = started.object().value(QLatin1String("id")).toString();
        QCOMPARE(list("/archive", all), QByteArray("same"));
        QCOMPARE(
            listedArchive(id).value(QLatin1String("status")).toString(), QStringLiteral("started"));
        m_server->removeStream(m_session, m_server->state().sessions[m_session].streams[0].id);
        QCOMPARE(
            listedArchive(id).value(QLatin1String("status")).toString(), QStringLiteral("paused"));
        QCOMPARE(list("/archive", all), QByteArray("same"));
        QCOMPARE(
            m_client->call(
                        "POST", m_client->projectPath(QStringLiteral("/archive/%1/stop").arg(id)))
                .status,
            200);
        QCOMPARE(
            listedArchive(id).value(QLatin1String("status")).toString(), QStringLiteral("stopped"));
        QCOMPARE(list("/archive", all), QByteArray("same"));
        m_server->advanceTime(60000);
        const QJsonObject ready = listedArchive(id);
        QCOMPARE(ready.value(QLatin1String("status")).toString(), QStringLiteral("available"));
        QVERIFY(!ready.value(QLatin1String("url")).toString().isEmpty());
        QCOMPARE(list("/archive", all), QByteArray("same"));

        // Failed by the control prefix.
        QVERIFY(m_server->failArchive(addArchive(m_session, 0, QStringLiteral("stopped")).id));
        QCOMPARE(list("/archive", all), QByteArray("same"));

        // Stopped at the four-hour limit while nobody asked for it, seen on the next list.
        const QString old =
            addArchive(m_session, 14400 * 1000 - 5000, QStringLiteral("started")).id;
        QCOMPARE(listedArchive(old).value(QLatin1String("status")).toString(),
            QStringLiteral("started"));
        m_server->advanceTime(5000);
        const QJsonObject limited = listedArchive(old);
        QCOMPARE(limited.value(QLatin1String("status")).toString(), QStringLiteral("stopped"));
        QCOMPARE(limited.value(QLatin1String("reason")).toString(),
            QStringLiteral("maximum duration exceeded"));
        QCOMPARE(list("/archive", all), QByteArray("same"));
    }

    void broadcastListFollowsChanges()
    {
        for (int i = 0; i < 8; ++i)
            addBroadcast(i % 2 ? m_session : m_other, i * 1000);
        const QString all = QStringLiteral("count=1000");
        QCOMPARE(list("/broadcast", all), QByteArray("same"));
        QCOMPARE(list("/broadcast", QStringLiteral("offset=2&count=3&sessionId=") + m_session),
            QByteArray("same"));

        const HttpResult started = m_client->json("POST",
            m_client->projectPath(QStringLiteral("/broadcast")),
            QJsonObject {{QStringLiteral("sessionId"), m_session},
                {QStringLiteral("outputs"), QJsonObject {{QStringLiteral("hls"), QJsonObject()}}}});
        QCOMPARE(started.status, 200);
        QCOMPARE(list("/broadcast", all), QByteArray("same"));
        m_server->advanceTime(60000); // connecting -> live
        QCOMPARE(list("/broadcast", all), QByteArray("same"));
        QVERIFY(m_client->call("GET", m_client->projectPath(QStringLiteral("/broadcast")))
                    .body.contains("\"hlsStatus\":\"live\""));
        m_server->advanceTime(14400 * 1000); // maximum duration: stopped
        QCOMPARE(list("/broadcast", all), QByteArray("same"));
        QVERIFY(!m_client->call("GET", m_client->projectPath(QStringLiteral("/broadcast")))
                     .body.contains("\"status\":\"started\""));

        state().broadcasts.remove(state().broadcasts.begin().key());
        QCOMPARE(list("/broadcast", all), QByteArray("same"));
    }

    void pagesAgreeWhenOrderFieldsTie()
    {
        // Written straight into the state with equal createdAt and no sequence: only the ID tells
        // them apart, and one-item pages must still list each exactly once.
        QSet<QString> seen;
        for (int i = 0; i < 40; ++i) {
            Archive &a = addArchive(i % 2 ? m_session : m_other, 0, QStringLiteral("available"));
            a.createdAt = 1700000000000;
            a.sequence = 0;
        }
        for (int offset = 0; offset < 40; ++offset) {
            const QString query = QStringLiteral("offset=%1&count=1").arg(offset);
            QCOMPARE(list("/archive", query), QByteArray("same"));
            const HttpResult r =
                m_client->call("GET", m_client->projectPath(QStringLiteral("/archive?") + query));
            seen.insert(r.object()
                            .value(QLatin1String("items"))
                            .toArray()
                            .at(0)
                            .toObject()
                            .value(QLatin1String("id"))
                            .toString());
        }
        QCOMPARE(seen.size(), 40);
        QCOMPARE(list("/archive", QStringLiteral("offset=13&count=9&sessionId=") + m_other),
            QByteArray("same"));
    }

    void cacheForgetsRemovedItems()
    {
        QList<QString> ids;
        for (int i = 0; i < 300; ++i)
            ids.append(addArchive(m_session, i * 1000, QStringLiteral("available")).id);
        QCOMPARE(list("/archive", QStringLiteral("count=1000")), QByteArray("same"));
        QCOMPARE(state().archiveJson.size(), 300);
        for (int i = 0; i < 250; ++i)
            state().archives.remove(ids.at(i));
        QCOMPARE(list("/archive", QStringLiteral("count=1000")), QByteArray("same"));
        QVERIFY(state().archiveJson.size() <= state().archives.size() + 64);
        m_server->reset();
        QCOMPARE(state().archiveJson.size(), 0);
        QCOMPARE(list("/archive"), QByteArray("same"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxListing)
#include "tst_sandbox_listing.moc"
