// SPDX-License-Identifier: GPL-3.0-or-later
// ArchivesApi against the sandbox: every option, the lifecycle, conflicts, paging, stream mode.
#include "ReplyWaiter.h"
#include "SandboxFixture.h"
#include "api/ArchivesApi.h"
#include "api/CallBatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QUuid>

#include <algorithm>

using namespace otadmin;
using namespace otadmin::test;
using Kind = ApiError::Kind;

class TestArchivesApi : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<ArchivesApi> m_api;
    QString m_session;
    QString m_connection;

    sandbox::SandboxServer &server() { return m_fixture->server(); }
    QJsonObject lastBody() const
    {
        return QJsonDocument::fromJson(m_fixture->server().journal().last().body).object();
    }
    Archive started(const QString &sessionId, ArchiveOptions options = {})
    {
        options.sessionId = sessionId;
        auto reply = await(m_api->start(options));
        if (!reply->isSuccess())
            qWarning() << reply->error().userMessage();
        return reply->resultAs<Archive>();
    }
    /// Archive IDs the sandbox does not know (a stop answers 404).
    static QStringList unknownIds(int count)
    {
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids << QUuid::createUuid().toString(QUuid::WithoutBraces);
        return ids;
    }
    ArchiveStatus statusOf(const QString &id)
    {
        auto reply = await(m_api->get(id));
        return reply->isSuccess() ? reply->resultAs<Archive>().status : ArchiveStatus::Unknown;
    }

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        QVERIFY(m_fixture->isListening());
        m_api = std::make_unique<ArchivesApi>(&m_fixture->client());
        m_session = m_fixture->routedSessionWithConnection(&m_connection);
    }
    void cleanup()
    {
        m_api.reset();
        m_fixture.reset();
    }

    void startWithEveryOption()
    {
        server().addStream(m_session, m_connection);
        ArchiveOptions options;
        options.sessionId = m_session;
        options.name = QStringLiteral("Town hall");
        options.resolution = QStringLiteral("1280x720");
        options.layout = Layout {Layout::Type::BestFit, {}, Layout::Type::Pip};
        options.streamMode = StreamMode::Manual;
        options.multiArchiveTag = QStringLiteral("main");
        options.maxBitrate = 2000000;
        options.hasAudio = true;
        options.hasVideo = true;
        QSignalSpy changed(m_api.get(), &ArchivesApi::archiveChanged);
        auto reply = await(m_api->start(options));
        OTADMIN_VERIFY_SUCCESS(reply);
        const auto archive = reply->resultAs<Archive>();
        QCOMPARE(archive.status, ArchiveStatus::Started);
        QCOMPARE(archive.name, QStringLiteral("Town hall"));
        QCOMPARE(archive.sessionId, m_session);
        QCOMPARE(archive.resolution, QStringLiteral("1280x720"));
        QCOMPARE(archive.streamMode, std::optional<StreamMode>(StreamMode::Manual));
        QCOMPARE(archive.outputMode, std::optional<OutputMode>(OutputMode::Composed));
        QCOMPARE(changed.count(), 1);

        const QJsonObject body = lastBody();
        QCOMPARE(body.value("sessionId").toString(), m_session);
        QCOMPARE(body.value("resolution").toString(), QStringLiteral("1280x720"));
        QCOMPARE(body.value("streamMode").toString(), QStringLiteral("manual"));
        QCOMPARE(body.value("multiArchiveTag").toString(), QStringLiteral("main"));
        QCOMPARE(body.value("maxBitrate").toInt(), 2000000);
        QCOMPARE(body.value("layout").toObject(),
            (QJsonObject {{"type", "bestFit"}, {"screenshareType", "pip"}}));
    }

    void startIndividualWithQuantization()
    {
        ArchiveOptions options;
        options.outputMode = OutputMode::Individual;
        options.hasVideo = false;
        const Archive archive = started(m_session, options);
        QCOMPARE(archive.outputMode, std::optional<OutputMode>(OutputMode::Individual));
        QCOMPARE(archive.hasVideo, false);
        QCOMPARE(lastBody().value("outputMode").toString(), QStringLiteral("individual"));

        const QString other = m_fixture->routedSessionWithConnection();
        ArchiveOptions qp;
        qp.quantizationParameter = 25;
        const Archive second = started(other, qp);
        QCOMPARE(second.status, ArchiveStatus::Started);
        QCOMPARE(lastBody().value("quantizationParameter").toInt(), 25);
    }

    void lifecycleStopToAvailable()
    {
        const Archive archive = started(m_session);
        QCOMPARE(archive.status, ArchiveStatus::Started);
        auto stop = await(m_api->stop(archive.id));
        OTADMIN_VERIFY_SUCCESS(stop);
        QCOMPARE(stop->resultAs<Archive>().status, ArchiveStatus::Stopped);
        QCOMPARE(server().journal().last().body, QByteArray()); // stop sends no body
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(archive.id), ArchiveStatus::Available, 5000);
        auto get = await(m_api->get(archive.id));
        const Archive available = get->resultAs<Archive>();
        QVERIFY(available.url.startsWith(QStringLiteral("http")));
        QVERIFY(available.duration >= 0);
        QVERIFY(isFinal(available.status));

        QSignalSpy deleted(m_api.get(), &ArchivesApi::archiveDeleted);
        auto remove = await(m_api->remove(archive.id));
        OTADMIN_VERIFY_SUCCESS(remove);
        QCOMPARE(remove->httpStatus(), 204);
        QCOMPARE(deleted.count(), 1);
        auto gone = await(m_api->get(archive.id));
        QCOMPARE(gone->error().kind(), Kind::NotFound);
    }

    void batchStopsEachOnceWithinItsBound()
    {
        // Five running archives and fifteen unknown IDs, at most four calls at once.
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            ArchiveOptions options;
            options.multiArchiveTag = QStringLiteral("batch%1").arg(i);
            ids << started(m_session, options).id;
        }
        for (int i = 0; i < 15; ++i)
            ids.insert(i + 1, QUuid::createUuid().toString(QUuid::WithoutBraces));
        server().clearJournal();
        int inFlight = 0;
        int mostInFlight = 0;
        QStringList called;
        CallBatch batch(ids, [&](const QString &id) {
            called << id;
            mostInFlight = qMax(mostInFlight, ++inFlight);
            return m_api->stop(id);
        });
        batch.setMaxInFlight(4);
        QList<qsizetype> answered;
        int stopped = 0;
        connect(&batch, &CallBatch::callFinished, this, [&](qsizetype index, ApiReply *reply) {
            --inFlight;
            answered << index;
            if (reply->isSuccess()) {
                QCOMPARE(reply->resultAs<Archive>().id, ids.at(index));
                ++stopped;
            } else {
                QCOMPARE(reply->error().kind(), Kind::NotFound);
            }
        });
        QSignalSpy finished(&batch, &CallBatch::finished);
        batch.start();
        QCOMPARE(called.size(), 4); // the first four go out at once, in ID order
        QCOMPARE(called, ids.mid(0, 4));
        QVERIFY(finished.wait(10000));
        QCOMPARE(mostInFlight, 4);
        QCOMPARE(called, ids);
        std::sort(answered.begin(), answered.end());
        QCOMPARE(answered.size(), ids.size());
        QCOMPARE(answered.last(), ids.size() - 1);
        QCOMPARE(std::adjacent_find(answered.cbegin(), answered.cend()), answered.cend());
        QCOMPARE(stopped, 5);
        QCOMPARE(batch.done(), 20);
        QCOMPARE(batch.failed(), 15);
        QVERIFY(!batch.isRunning());
        QCOMPARE(server().journal().size(), 20);
        for (const QString &id : ids)
            if (server().state().archives.contains(id))
                QCOMPARE(server().state().archives.value(id).status, QStringLiteral("stopped"));
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
    }

    void batchCancelStartsNothingMore()
    {
        QStringList ids = unknownIds(12);
        int calls = 0;
        CallBatch batch(ids, [&](const QString &id) {
            ++calls;
            return m_api->get(id);
        });
        batch.setMaxInFlight(3);
        QStringList events; // in the order they come, never one inside another
        int depth = 0;
        connect(&batch, &CallBatch::callFinished, this, [&] {
            events << (depth ? QStringLiteral("nested") : QStringLiteral("call"));
            ++depth;
            batch.cancel(); // from inside the first answer
            --depth;
        });
        connect(&batch, &CallBatch::progressChanged, this,
            [&] { events << QStringLiteral("progress"); });
        QSignalSpy finished(&batch, &CallBatch::finished);
        connect(&batch, &CallBatch::finished, this, [&] { events << QStringLiteral("finished"); });
        batch.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(calls, 3); // none after the first answer
        QCOMPARE(batch.done(), 3);
        QVERIFY(batch.isCancelled());
        QTest::qWait(20);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(events.count(QStringLiteral("call")), 3);
        QVERIFY(!events.contains(QStringLiteral("nested")));
        QCOMPARE(events.last(), QStringLiteral("finished"));

        // No IDs, or cancelled before it starts: `finished` still comes, from the event loop.
        CallBatch empty({}, [&](const QString &id) { return m_api->get(id); });
        QSignalSpy emptyFinished(&empty, &CallBatch::finished);
        empty.start();
        QCOMPARE(emptyFinished.count(), 0);
        QVERIFY(emptyFinished.wait(1000));
        calls = 0;
        CallBatch early(ids, [&](const QString &id) {
            ++calls;
            return m_api->get(id);
        });
        QSignalSpy earlyFinished(&early, &CallBatch::finished);
        early.cancel();
        early.start();
        QVERIFY(earlyFinished.wait(1000));
        QCOMPARE(calls, 0);
    }

    void batchStopsWhenItsCallsAreAborted()
    {
        // The workspace aborts every call before it changes profile: nothing more may go out
        // with the old credentials.
        QStringList ids = unknownIds(10);
        ids.insert(1, QStringLiteral("not an ID")); // refused before sending: counts as failed
        server().forceNextResponse("GET", QStringLiteral("*/archive/*"), 0, {}, {}, 300, 20);
        int calls = 0;
        CallBatch batch(ids, [&](const QString &id) {
            ++calls;
            return m_api->get(id);
        });
        batch.setMaxInFlight(3);
        QSignalSpy finished(&batch, &CallBatch::finished);
        batch.start();
        QCOMPARE(calls, 3);
        QTest::qWait(50); // the refused one has answered; its successor went out
        QCOMPARE(calls, 4);
        m_fixture->client().abortAll();
        QTRY_COMPARE(finished.count(), 1);
        QTest::qWait(400); // past the answers' delay: nothing else went out
        QCOMPARE(calls, 4);
        QCOMPARE(batch.done(), 4);
        QCOMPARE(batch.failed(), 4);
        QVERIFY(batch.isCancelled());
    }

    void batchCancelSendsNothingQueued()
    {
        // Twelve in flight: six on the wire, six in Qt's queue. A cancel must not let the
        // queued ones go out as the aborted ones free their connections.
        QStringList ids = unknownIds(20);
        server().clearJournal();
        server().forceNextResponse("POST", QStringLiteral("*/stop"), 0, {}, {}, 1000, 40);
        CallBatch batch(ids, [&](const QString &id) { return m_api->stop(id); });
        QSignalSpy finished(&batch, &CallBatch::finished);
        batch.start();
        QTRY_VERIFY(!server().journal().isEmpty());
        QTest::qWait(100);
        const qsizetype sent = server().journal().size();
        QVERIFY(sent < CallBatch::DefaultMaxInFlight);
        batch.cancel();
        QVERIFY(finished.wait(5000));
        QTest::qWait(1200); // past the answers' delay
        QCOMPARE(server().journal().size(), sent);
        QCOMPARE(batch.done(), CallBatch::DefaultMaxInFlight);
    }

    void batchMayBeDeletedFromItsSignals()
    {
        QStringList ids = unknownIds(8);
        int calls = 0;
        auto *batch = new CallBatch(ids, [&](const QString &id) {
            ++calls;
            return m_api->get(id);
        });
        batch->setMaxInFlight(2);
        QPointer<CallBatch> guard = batch;
        connect(batch, &CallBatch::callFinished, this, [batch] { delete batch; });
        batch->start();
        QTRY_VERIFY(!guard);
        QTest::qWait(100); // the other answer arrives with nobody to hear it
        QCOMPARE(calls, 2);

        // Deleted while it cancels (an abort may finish a reply at once).
        batch = new CallBatch(ids, [&](const QString &id) { return m_api->get(id); });
        guard = batch;
        connect(batch, &CallBatch::callFinished, this, [batch] { delete batch; });
        batch->start();
        batch->cancel();
        QTRY_VERIFY(!guard);
    }

    void failedArchiveIsReported()
    {
        const Archive archive = started(m_session);
        QVERIFY(server().failArchive(archive.id));
        QCOMPARE(statusOf(archive.id), ArchiveStatus::Failed);
    }

    void conflicts()
    {
        const Archive archive = started(m_session);
        QVERIFY(!archive.id.isEmpty());
        // already recording, no distinct tag
        ArchiveOptions again;
        again.sessionId = m_session;
        auto second = await(m_api->start(again));
        QCOMPARE(second->error().kind(), Kind::Conflict);
        QVERIFY(!second->isOutcomeUnknown());
        // delete while recording
        auto remove = await(m_api->remove(archive.id));
        QCOMPARE(remove->error().kind(), Kind::Conflict);
        // stop twice
        OTADMIN_VERIFY_SUCCESS(await(m_api->stop(archive.id)));
        auto stopAgain = await(m_api->stop(archive.id));
        QCOMPARE(stopAgain->error().kind(), Kind::Conflict);
    }

    void relayedSessionCannotBeArchived()
    {
        const QString relayed = server().createSession(false);
        server().addConnection(relayed);
        ArchiveOptions options;
        options.sessionId = relayed;
        auto reply = await(m_api->start(options));
        QCOMPARE(reply->error().kind(), Kind::Conflict);
    }

    void sessionWithoutConnectionIsRefused()
    {
        ArchiveOptions options;
        options.sessionId = server().createSession(true);
        auto reply = await(m_api->start(options));
        QCOMPARE(reply->error().kind(), Kind::BadRequest);
    }

    void unknownArchiveIsNotFound()
    {
        const QString unknown = QStringLiteral("b40ef09b-3811-4726-b508-e41a0f96c68f");
        QCOMPARE(await(m_api->get(unknown))->error().kind(), Kind::NotFound);
        QCOMPARE(await(m_api->stop(unknown))->error().kind(), Kind::NotFound);
        QCOMPARE(await(m_api->remove(unknown))->error().kind(), Kind::NotFound);
    }

    void listPagesAndFilters()
    {
        QStringList sessions;
        for (int i = 0; i < 5; ++i) {
            const QString session = m_fixture->routedSessionWithConnection();
            sessions << session;
            const Archive archive = started(session);
            QVERIFY(!archive.id.isEmpty());
            OTADMIN_VERIFY_SUCCESS(await(m_api->stop(archive.id)));
        }
        QSignalSpy loaded(m_api.get(), &ArchivesApi::archivesLoaded);
        auto first = await(m_api->list({0, 2, {}}));
        OTADMIN_VERIFY_SUCCESS(first);
        const auto page1 = first->resultAs<ArchiveList>();
        QCOMPARE(page1.count, 5);
        QCOMPARE(page1.items.size(), 2);
        QCOMPARE(page1.items.first().sessionId, sessions.last()); // newest first
        QCOMPARE(server().journal().last().query, QStringLiteral("offset=0&count=2"));
        auto last = await(m_api->list({4, 2, {}}));
        QCOMPARE(last->resultAs<ArchiveList>().items.size(), 1);
        QCOMPARE(last->resultAs<ArchiveList>().items.first().sessionId, sessions.first());
        auto filtered = await(m_api->list({0, 50, sessions.at(2)}));
        const auto page = filtered->resultAs<ArchiveList>();
        QCOMPARE(page.count, 1);
        QCOMPARE(page.items.first().sessionId, sessions.at(2));
        QCOMPARE(loaded.count(), 3);
        auto none = await(m_api->list({0, 50, m_session}));
        QCOMPARE(none->resultAs<ArchiveList>().count, 0);
        QCOMPARE(none->resultAs<ArchiveList>().items.size(), 0);
    }

    void badListQuerySendsNothing_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("session");
        QTest::addColumn<QString>("field");
        QTest::newRow("negative offset") << -1 << 10 << ""
                                         << "offset";
        QTest::newRow("count 0") << 0 << 0 << ""
                                 << "count";
        QTest::newRow("count 1001") << 0 << 1001 << ""
                                    << "count";
        QTest::newRow("bad session") << 0 << 10 << "a&b=c"
                                     << "sessionId";
    }
    void badListQuerySendsNothing()
    {
        QFETCH(int, offset);
        QFETCH(int, count);
        QFETCH(QString, session);
        QFETCH(QString, field);
        auto reply = await(m_api->list({offset, count, session}));
        QCOMPARE(reply->error().field(), field);
        QCOMPARE(server().requestCount(), 0);
    }

    void listAcceptsExactLimits()
    {
        OTADMIN_VERIFY_SUCCESS(await(m_api->list({0, 1000, {}})));
        OTADMIN_VERIFY_SUCCESS(await(m_api->list({0, 1, {}})));
    }

    void setLayout()
    {
        const Archive archive = started(m_session);
        QSignalSpy changed(m_api.get(), &ArchivesApi::archiveLayoutChanged);
        Layout custom {
            Layout::Type::Custom, QStringLiteral("stream.focus { position: absolute; }"), {}};
        auto reply = await(m_api->setLayout(archive.id, custom));
        OTADMIN_VERIFY_SUCCESS(reply);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(server().journal().last().method, QByteArray("PUT"));
        QCOMPARE(lastBody(),
            (QJsonObject {
                {"type", "custom"}, {"stylesheet", "stream.focus { position: absolute; }"}}));
        auto pip = await(m_api->setLayout(archive.id, Layout {Layout::Type::Pip, {}, {}}));
        OTADMIN_VERIFY_SUCCESS(pip);
        // a custom layout without a stylesheet never leaves the app
        auto bad = await(m_api->setLayout(archive.id, Layout {Layout::Type::Custom, {}, {}}));
        QCOMPARE(bad->error().kind(), Kind::Validation);
        QCOMPARE(server().journal().size(), 3);
    }

    void streamSelectionNeedsManualMode()
    {
        const QString stream = server().addStream(m_session, m_connection);
        const Archive automatic = started(m_session);
        auto refused = await(m_api->changeStreams(
            automatic.id, {StreamSelectionChange::Op::Add, stream, true, false}));
        QCOMPARE(refused->error().kind(), Kind::WrongStreamMode);
        QCOMPARE(refused->httpStatus(), 405);

        ArchiveOptions manual;
        manual.streamMode = StreamMode::Manual;
        manual.multiArchiveTag = QStringLiteral("second");
        const Archive archive = started(m_session, manual);
        QSignalSpy changed(m_api.get(), &ArchivesApi::archiveStreamsChanged);
        auto add = await(m_api->changeStreams(
            archive.id, {StreamSelectionChange::Op::Add, stream, true, false}));
        OTADMIN_VERIFY_SUCCESS(add);
        QCOMPARE(add->httpStatus(), 204);
        QCOMPARE(server().journal().last().method, QByteArray("PATCH"));
        QCOMPARE(lastBody(),
            (QJsonObject {{"addStream", stream}, {"hasAudio", true}, {"hasVideo", false}}));
        auto check = await(m_api->get(archive.id));
        const auto streams = check->resultAs<Archive>().streams;
        QCOMPARE(streams.size(), 1);
        QCOMPARE(streams.first().streamId, stream);
        QCOMPARE(streams.first().hasVideo, false);
        auto remove = await(m_api->changeStreams(
            archive.id, {StreamSelectionChange::Op::Remove, stream, true, true}));
        OTADMIN_VERIFY_SUCCESS(remove);
        QCOMPARE(lastBody(), (QJsonObject {{"removeStream", stream}}));
        QCOMPARE(changed.count(), 2);
        auto unknown = await(m_api->changeStreams(
            archive.id, {StreamSelectionChange::Op::Add, QStringLiteral("nope"), true, true}));
        QCOMPARE(unknown->error().kind(), Kind::NotFound);
    }

    void badOptionsSendNothing_data()
    {
        QTest::addColumn<ArchiveOptions>("options");
        QTest::addColumn<QString>("field");
        ArchiveOptions noTracks;
        noTracks.hasAudio = false;
        noTracks.hasVideo = false;
        QTest::newRow("no tracks") << noTracks << "hasAudio";
        ArchiveOptions individualResolution;
        individualResolution.outputMode = OutputMode::Individual;
        individualResolution.resolution = QStringLiteral("1280x720");
        QTest::newRow("individual with resolution") << individualResolution << "resolution";
        ArchiveOptions lowBitrate;
        lowBitrate.maxBitrate = 99999;
        QTest::newRow("bitrate low") << lowBitrate << "maxBitrate";
        ArchiveOptions highBitrate;
        highBitrate.maxBitrate = 6000001;
        QTest::newRow("bitrate high") << highBitrate << "maxBitrate";
        ArchiveOptions both;
        both.maxBitrate = 200000;
        both.quantizationParameter = 20;
        QTest::newRow("bitrate and qp") << both << "quantizationParameter";
        ArchiveOptions qp;
        qp.quantizationParameter = 41;
        QTest::newRow("qp high") << qp << "quantizationParameter";
        ArchiveOptions resolution;
        resolution.resolution = QStringLiteral("1024x768");
        QTest::newRow("resolution") << resolution << "resolution";
    }
    void badOptionsSendNothing()
    {
        QFETCH(ArchiveOptions, options);
        QFETCH(QString, field);
        options.sessionId = m_session;
        auto reply = await(m_api->start(options));
        QCOMPARE(reply->error().kind(), Kind::Validation);
        QVERIFY2(reply->error().field().startsWith(field),
            qPrintable(reply->error().field() + QStringLiteral(" vs ") + field));
        QCOMPARE(server().requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestArchivesApi)
#include "tst_api_archives.moc"
