// SPDX-License-Identifier: GPL-3.0-or-later
// G-QA-4: 10,000 seeded random strings per validator (any UTF-16, up to 64 KiB) without a crash
// or a slow input; IDs that pass validation percent-encode into a path and decode unchanged.
#include "api/ListQuery.h"
#include "auth/ClientToken.h"
#include "auth/SessionId.h"
#include "net/ApiRequest.h"
#include "types/Archive.h"
#include "types/Broadcast.h"
#include "types/Common.h"
#include "types/Layout.h"
#include "types/Mute.h"
#include "types/Project.h"
#include "types/Session.h"
#include "types/Signal.h"
#include "types/Sip.h"
#include "types/Storage.h"
#include "types/Stream.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QUrl>

#include <functional>

using namespace otadmin;

namespace {

constexpr int kStringsPerValidator = 10000;
constexpr int kMaxLength = 65536; // UTF-16 code units
constexpr qint64 kSlowNSecs = 100'000'000; // 100 ms for one input is a hang in the making

/// Seed from OTADMIN_SEED (to replay a failure) or a fixed default; printed by every test.
quint32 seed()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("OTADMIN_SEED").toUInt(&ok);
    return ok ? fromEnv : 20240607u;
}

/// Random strings biased towards what breaks validators: URL syntax, controls, surrogates
/// (paired and lone), format characters, digits and the prefixes validators look for.
class Strings
{
public:
    explicit Strings(quint32 seed) : m_random(seed) { }

    QString next(bool allowLong)
    {
        const quint32 shape = m_random.bounded(100);
        int length;
        if (allowLong && shape == 0)
            length = int(m_random.bounded(kMaxLength + 1));
        else if (shape < 10)
            length = int(m_random.bounded(2000));
        else
            length = int(m_random.bounded(80));
        QString text;
        text.reserve(length + 8);
        static const char *const prefixes[] = {"", "sip:", "sips:", "rtmp://", "rtmps://",
            "https://", "1_MX4", "T1==", "eyJ", "user@", "en-"};
        text += QString::fromLatin1(prefixes[m_random.bounded(int(std::size(prefixes)))]);
        const quint32 alphabet = m_random.bounded(6);
        while (text.size() < length)
            text += unit(alphabet);
        return text;
    }

    quint32 bounded(quint32 n) { return m_random.bounded(n); }

    /// 1-255 characters of the session-ID alphabet, now and then with one stray character.
    QString sessionLike()
    {
        static const QString allowed =
            QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
        const int length = int(m_random.bounded(1, kMaxIdLength + 1));
        QString text;
        for (int i = 0; i < length; ++i)
            text += allowed.at(m_random.bounded(int(allowed.size())));
        if (m_random.bounded(10) == 0)
            text[m_random.bounded(int(text.size()))] = unit(2);
        return text;
    }

private:
    QChar unit(quint32 alphabet)
    {
        static const QString specials = QStringLiteral("/?#%&=+:;@.,-_~*!$'()[] \t\r\n\"\\|<>{}`^")
            + QChar(0) + QChar(0x7F) + QChar(0x85) + QChar(0xA0) + QChar(0x200B) + QChar(0x202E)
            + QChar(0xFEFF) + QChar(0xFFFD) + QChar(0xFF11) + QChar(0x0660);
        switch (alphabet) {
        case 0: // the characters validators accept, so that some strings pass
            return QChar(
                char16_t(u"abcdefghijklmnopqrstuvwxyz0123456789-_.*#p"[m_random.bounded(42)]));
        case 1:
            return QChar(char16_t(m_random.bounded(0x20, 0x7F)));
        case 2:
            return specials.at(m_random.bounded(int(specials.size())));
        case 3: // surrogates, often unpaired
            return QChar(char16_t(m_random.bounded(0xD800, 0xE000)));
        default: { // any code unit, weighted to ASCII
            if (m_random.bounded(4) == 0)
                return QChar(char16_t(m_random.bounded(0x10000)));
            return QChar(char16_t(m_random.bounded(0x80)));
        }
        }
    }
    QRandomGenerator m_random;
};

using Check = std::function<Validation(const QString &)>;

struct Validator
{
    const char *name;
    Check check;
    bool allowLong = true;
};

QList<Validator> validators()
{
    const QString f = QStringLiteral("f");
    QList<Validator> list;
    list << Validator {"validateId", [=](const QString &s) { return validateId(f, s); }}
         << Validator {"validateSessionId",
                [=](const QString &s) { return validateSessionId(f, s); }}
         << Validator {"validateText", [=](const QString &s) { return validateText(f, s, 1, 200); }}
         << Validator {"validateUtf8Bytes",
                [=](const QString &s) { return validateUtf8Bytes(f, s, 8192, true); }}
         << Validator {"validateDtmfDigits", [](const QString &s) { return validateDtmfDigits(s); }}
         << Validator {"Layout",
                [](const QString &s) {
                    Layout l;
                    l.type = Layout::Type::Custom;
                    l.stylesheet = s;
                    return l.validate();
                }}
         << Validator {"SignalPayload",
                [](const QString &s) {
                    return SignalPayload {s.left(200), s}.validate();
                }}
         << Validator {"SessionOptions",
                [](const QString &s) {
                    SessionOptions o;
                    o.archiveMode = ArchiveMode::Always;
                    o.archiveName = s.left(100);
                    o.location = s;
                    return o.validate();
                }}
         << Validator {"ArchiveOptions",
                [](const QString &s) {
                    ArchiveOptions o;
                    o.sessionId = QStringLiteral("1_abc");
                    o.name = s;
                    o.multiArchiveTag = s;
                    o.hasTranscription = true;
                    o.transcriptionProperties = TranscriptionProperties {s, true};
                    return o.validate();
                }}
         << Validator {"BroadcastOptions.rtmp",
                [](const QString &s) {
                    BroadcastOptions o;
                    o.sessionId = QStringLiteral("1_abc");
                    o.rtmp = {RtmpTarget {s.left(10), s, s, {}}};
                    return o.validate();
                }}
         << Validator {"StorageTarget.s3",
                [](const QString &s) {
                    StorageTarget t;
                    t.accessKey = t.secretKey = QStringLiteral("k");
                    t.bucket = s;
                    t.endpoint = s;
                    t.sse = s.left(4);
                    return t.validate();
                }}
         << Validator {"StorageTarget.azure",
                [](const QString &s) {
                    StorageTarget t;
                    t.type = StorageTarget::Type::Azure;
                    t.accountName = s.left(30);
                    t.accountKey = QStringLiteral("k");
                    t.container = s;
                    t.domain = s;
                    return t.validate();
                }}
         << Validator {"SipDialOptions",
                [](const QString &s) {
                    SipDialOptions o;
                    o.sessionId = QStringLiteral("1_abc");
                    o.token = QStringLiteral("t");
                    o.uri = s;
                    o.from = s;
                    o.headers = {{s.left(20), s}};
                    return o.validate();
                }}
         << Validator {"validateStreamClassChanges",
                [](const QString &s) {
                    return validateStreamClassChanges(
                        {StreamClassChange {s.left(40), s.split(QLatin1Char(' '))}});
                }}
         << Validator {"MuteAllOptions",
                [](const QString &s) {
                    MuteAllOptions o;
                    o.excludedStreamIds = s.split(QLatin1Char(','));
                    return o.validate();
                }}
         << Validator {"ProjectCreateOptions",
                [](const QString &s) { return ProjectCreateOptions {s}.validate(); }}
         << Validator {"ListQuery",
                [](const QString &s) {
                    return ListQuery {0, 50, s}.validate();
                }}
         << Validator {"validateClientToken",
                [](const QString &s) {
                    ClientTokenOptions o;
                    o.connectionData = s;
                    o.initialLayoutClasses = s.left(2000).split(QLatin1Char(','));
                    return validateClientToken(QStringLiteral("12345678"), "secret",
                        QStringLiteral("1_MX4xMjM0NTY3OH5-MTcwMDAwMDAwMDAwMH5hYmN-fg"), o,
                        1700000000);
                }}
         << Validator {"decodeSessionId", [](const QString &s) -> Validation {
                           QString error;
                           if (decodeSessionId(s, &error))
                               return std::nullopt;
                           return FieldError {QStringLiteral("sessionId"), error};
                       }};
    return list;
}

} // namespace

class TestValidatorsRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("seed %u (set OTADMIN_SEED to replay)", seed()); }

    void totalOverRandomStrings_data()
    {
        QTest::addColumn<int>("index");
        const QList<Validator> list = validators();
        for (qsizetype i = 0; i < list.size(); ++i)
            QTest::newRow(list[i].name) << int(i);
    }
    void totalOverRandomStrings()
    {
        QFETCH(int, index);
        const Validator validator = validators().at(index);
        Strings strings(seed() + quint32(index));
        int accepted = 0;
        qint64 slowest = 0;
        QElapsedTimer timer;
        for (int i = 0; i < kStringsPerValidator; ++i) {
            const QString input = strings.next(validator.allowLong);
            timer.start();
            const Validation first = validator.check(input);
            const qint64 took = timer.nsecsElapsed();
            slowest = qMax(slowest, took);
            QVERIFY2(took < kSlowNSecs,
                qPrintable(QStringLiteral("input %1 (length %2) took %3 ms")
                               .arg(i)
                               .arg(input.size())
                               .arg(took / 1000000)));
            // Deterministic, and a rejection always says which field and why.
            QCOMPARE(validator.check(input), first);
            if (first)
                QVERIFY2(!first->message.isEmpty(), qPrintable(QString::number(i)));
            else
                ++accepted;
        }
        qInfo("%s: %d strings, %d accepted, slowest %.2f ms", validator.name, kStringsPerValidator,
            accepted, double(slowest) / 1e6);
    }

    void validIdsRoundTripThroughThePath_data()
    {
        QTest::addColumn<bool>("session");
        QTest::newRow("validateId") << false;
        QTest::newRow("validateSessionId") << true;
    }
    void validIdsRoundTripThroughThePath()
    {
        QFETCH(bool, session);
        Strings strings(seed() + (session ? 1000u : 2000u));
        int checked = 0;
        for (int i = 0; i < kStringsPerValidator * 5 && checked < kStringsPerValidator; ++i) {
            QString id = session ? strings.sessionLike() : strings.next(false);
            if (strings.bounded(3) == 0 && !id.isEmpty())
                id = id.left(kMaxIdLength); // keep a share of long IDs near the limit
            const QString f = QStringLiteral("id");
            if (session ? validateSessionId(f, id).has_value() : validateId(f, id).has_value())
                continue;
            ++checked;
            const QString path = apiPath({QStringLiteral("v2"), QStringLiteral("project"),
                QStringLiteral("12345678"), QStringLiteral("archive"), id, QStringLiteral("stop")});
            const QStringList segments = path.split(QLatin1Char('/'));
            QCOMPARE(segments.size(), 7); // "", v2, project, key, archive, id, stop
            QCOMPARE(QUrl::fromPercentEncoding(segments.at(5).toUtf8()), id);
            // The encoded path is plain ASCII and survives a whole URL unchanged.
            const QUrl url = QUrl::fromEncoded("https://api.example.com" + path.toLatin1());
            QVERIFY2(url.isValid(), qPrintable(path));
            QCOMPARE(url.path(QUrl::FullyEncoded), path);
            QVERIFY(!url.hasQuery());
            QVERIFY(!url.hasFragment());
        }
        qInfo("%d accepted IDs round-tripped", checked);
        QVERIFY(checked >= 1000);
    }
};

QTEST_GUILESS_MAIN(TestValidatorsRandom)
#include "tst_validators_random.moc"
