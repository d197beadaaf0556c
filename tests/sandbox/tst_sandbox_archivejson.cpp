// SPDX-License-Identifier: GPL-3.0-or-later
// Archive::appendCompactJson writes QJsonDocument's bytes, or declines and leaves them to it.
#include "SandboxState.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace otadmin::sandbox;

namespace {

constexpr qint64 int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 int64Min = std::numeric_limits<qint64>::min();

QByteArray expected(const Archive &a)
{
    return QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact);
}

/// The common case: an available composed archive, as listed most of the time.
Archive plainArchive()
{
    Archive a;
    a.id = QStringLiteral("b40ef09b-3811-4726-b508-e41a0f96c68f");
    a.projectKey = QStringLiteral("47123456");
    a.sessionId = QStringLiteral("1_MX40NzEyMzQ1Nn5-MTcwMDAwMDAwMDAwMH5hYmNk");
    a.status = QStringLiteral("available");
    a.name = QStringLiteral("Weekly town hall");
    a.createdAt = 1700000000000;
    a.size = 96000000;
    a.duration = 3600;
    a.url = QStringLiteral("https://archives.example.com/b40ef09b.mp4?Expires=1700000600&Sig=x");
    return a;
}

struct Case
{
    QByteArray label;
    Archive archive;
    bool fast; // whether the fast path must take it
};

/// Strings the fast path must leave to Qt's writer (escapes, UTF-8, surrogates).
QList<std::pair<QByteArray, QString>> unsafeStrings()
{
    return {{"quote", QStringLiteral("a\"b")}, {"backslash", QStringLiteral("a\\b")},
        {"newline", QStringLiteral("a\nb")}, {"tab", QStringLiteral("\t")},
        {"NUL", QString(QChar(0))}, {"0x01", QString(QChar(1))}, {"0x1f", QString(QChar(0x1f))},
        {"DEL", QString(QChar(0x7f))}, {"0x80", QString(QChar(0x80))},
        {"latin1", QStringLiteral("Näme")}, {"euro", QStringLiteral("5 €")},
        {"emoji", QStringLiteral("🎥")}, {"lone surrogate", QString(QChar(0xd800))},
        {"U+2028", QString(QChar(0x2028))}, {"U+FFFF", QString(QChar(0xffff))}};
}

QList<Case> cases()
{
    QList<Case> out;
    const auto add = [&out](const QByteArray &label, bool fast, auto &&change) {
        Archive a = plainArchive();
        change(a);
        out.append({label, a, fast});
    };
    add("plain", true, [](Archive &) {});
    for (const char *status : {"started", "paused", "stopped", "uploaded", "available", "failed",
             "expired", "deleted", ""}) {
        add(QByteArray("status ") + status, true,
            [status](Archive &a) { a.status = QString::fromLatin1(status); });
    }
    add("available, null url", true, [](Archive &a) { a.url.clear(); });
    add("available, empty url", true, [](Archive &a) { a.url = QLatin1String(""); });
    add("unsafe url not written", true, [](Archive &a) {
        a.status = QStringLiteral("uploaded");
        a.url = QStringLiteral("\"é\\");
    });
    add("individual", true, [](Archive &a) { a.outputMode = QStringLiteral("individual"); });
    add("unsafe resolution not written", true, [](Archive &a) {
        a.outputMode = QStringLiteral("individual");
        a.resolution = QStringLiteral("1280×720");
    });
    add("empty resolution", true, [](Archive &a) { a.resolution.clear(); });
    add("name absent", true, [](Archive &a) { a.name.reset(); });
    add("name null string", true, [](Archive &a) { a.name = QString(); });
    add("name empty", true, [](Archive &a) { a.name = QLatin1String(""); });
    add("reason", true, [](Archive &a) { a.reason = QStringLiteral("user initiated"); });
    add("every printable ASCII but \" and \\", true, [](Archive &a) {
        QString s;
        for (char16_t c = 0x20; c < 0x7f; ++c)
            if (c != u'"' && c != u'\\')
                s.append(QChar(c));
        a.name = a.reason = a.id = a.sessionId = a.status = a.outputMode = a.streamMode =
            a.resolution = a.multiArchiveTag = s;
    });
    add("all empty strings", true, [](Archive &a) {
        a.id.clear();
        a.sessionId.clear();
        a.status.clear();
        a.outputMode.clear();
        a.streamMode.clear();
        a.resolution.clear();
        a.projectKey.clear();
        a.name = QString();
    });
    add("maxBitrate", true, [](Archive &a) { a.maxBitrate = 2000000; });
    add("maxBitrate 0", true, [](Archive &a) { a.maxBitrate = 0; });
    add("quantizationParameter", true, [](Archive &a) { a.quantizationParameter = 25; });
    add("both optional numbers, extreme", true, [](Archive &a) {
        a.maxBitrate = int64Max;
        a.quantizationParameter = int64Min;
    });
    add("multiArchiveTag", true, [](Archive &a) { a.multiArchiveTag = QStringLiteral("tag-1"); });
    add("every optional field", true, [](Archive &a) {
        a.maxBitrate = 1;
        a.quantizationParameter = -1;
        a.multiArchiveTag = QStringLiteral("t");
        a.reason = QStringLiteral("r");
    });
    add("audio only", true, [](Archive &a) { a.hasVideo = false; });
    add("video only", true, [](Archive &a) { a.hasAudio = false; });
    add("neither", true, [](Archive &a) { a.hasAudio = a.hasVideo = false; });
    add("largest numbers", true, [](Archive &a) {
        a.createdAt = a.size = a.duration = int64Max;
        a.projectKey = QStringLiteral("9223372036854775807");
    });
    add("smallest numbers", true, [](Archive &a) {
        a.createdAt = a.size = a.duration = int64Min;
        a.projectKey = QStringLiteral("-9223372036854775808");
    });
    add("2^53 + 1", true, [](Archive &a) { a.size = (qint64(1) << 53) + 1; });
    add("zero and negative", true, [](Archive &a) {
        a.createdAt = 0;
        a.size = -1;
        a.duration = -3600;
    });
    for (const char *key : {"abc", "", "-42", " 123 ", "+7", "0x10", "12345678901234567890", "1e3"})
        add(QByteArray("project key '") + key + '\'', true,
            [key](Archive &a) { a.projectKey = QString::fromLatin1(key); });
    add("layout is not listed", true, [](Archive &a) {
        a.layout = QJsonObject {{QStringLiteral("type"), QStringLiteral("bestFit\"")}};
    });
    add("transcription", false, [](Archive &a) {
        a.hasTranscription = true;
        a.transcriptionProperties = QJsonObject {{QStringLiteral("hasSummary"), true}};
    });
    add("transcription, empty properties", false, [](Archive &a) { a.hasTranscription = true; });

    // Included streams are listed only for a recording manual archive.
    const QList<IncludedStream> streams {
        {QStringLiteral("s1"), true, false}, {QStringLiteral("s2"), false, true}};
    for (const char *status : {"started", "paused", "stopped", "available", "failed"}) {
        const bool recording = qstrcmp(status, "started") == 0 || qstrcmp(status, "paused") == 0;
        for (const char *mode : {"manual", "auto"}) {
            for (const bool withStreams : {false, true}) {
                const bool listed = recording && qstrcmp(mode, "manual") == 0 && withStreams;
                add(QByteArray(status) + ' ' + mode + (withStreams ? " with streams" : ""), !listed,
                    [&](Archive &a) {
                        a.status = QString::fromLatin1(status);
                        a.streamMode = QString::fromLatin1(mode);
                        if (withStreams)
                            a.streams = streams;
                    });
            }
        }
    }

    // Each unsafe string in each string field that is written.
    const QList<std::pair<QByteArray, QString Archive::*>> fields {{"id", &Archive::id},
        {"reason", &Archive::reason}, {"sessionId", &Archive::sessionId},
        {"status", &Archive::status}, {"outputMode", &Archive::outputMode},
        {"streamMode", &Archive::streamMode}, {"resolution", &Archive::resolution},
        {"multiArchiveTag", &Archive::multiArchiveTag}, {"url", &Archive::url}};
    for (const auto &unsafe : unsafeStrings()) {
        const QString text = unsafe.second;
        for (const auto &field : fields) {
            QString Archive::*member = field.second;
            add(field.first + ' ' + unsafe.first, false, [&](Archive &a) {
                a.*member = QLatin1String("x") + text + QLatin1String("y");
                if (member == &Archive::status)
                    a.url.clear(); // no longer available: url is null
            });
        }
        add("name " + unsafe.first, false, [&](Archive &a) { a.name = text; });
        add("url " + unsafe.first + " when not available", true, [&](Archive &a) {
            a.status = QStringLiteral("stopped");
            a.url = text;
        });
    }
    return out;
}

} // namespace

class TestSandboxArchiveJson : public QObject
{
    Q_OBJECT

private slots:
    void fastPathWritesQtsBytes_data()
    {
        QTest::addColumn<int>("index");
        const QList<Case> all = cases();
        for (int i = 0; i < all.size(); ++i)
            QTest::newRow(all.at(i).label.constData()) << i;
    }
    void fastPathWritesQtsBytes()
    {
        QFETCH(int, index);
        const Case c = cases().at(index);
        const QByteArray want = expected(c.archive);
        // Appends after what is there, and leaves it alone when declining.
        QByteArray out("[1,");
        const bool took = c.archive.appendCompactJson(out);
        QCOMPARE(took, c.fast);
        if (took)
            QCOMPARE(out, "[1," + want);
        else
            QCOMPARE(out, QByteArray("[1,"));
        // The cache answers the same either way.
        ListJsonCache<Archive> cache;
        QCOMPARE(cache.json(c.archive), want);
        QCOMPARE(cache.json(c.archive), want);
    }

    // Keys swapped or a field misplaced would still parse back to the same object: the bytes
    // above are the judge, this only shows the common archive is the whole object.
    void plainArchiveParsesBack()
    {
        const Archive a = plainArchive();
        QByteArray out;
        QVERIFY(a.appendCompactJson(out));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object(), a.toJson());
        QCOMPARE(doc.object().size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestSandboxArchiveJson)
#include "tst_sandbox_archivejson.moc"
