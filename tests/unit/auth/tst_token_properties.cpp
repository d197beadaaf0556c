// SPDX-License-Identifier: GPL-3.0-or-later
// G-SEC-8: seeded property tests of client-token generation (T1 and JWT), limits, openssl.
#include "auth/ClientToken.h"
#include "auth/Clock.h"
#include "auth/Jwt.h"
#include "auth/RandomSource.h"
#include "auth/SessionId.h"
#include "auth/TokenInspector.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QtTest>

#include <algorithm>
#include <map>
#include <vector>

using namespace otadmin;

namespace {

constexpr int ValidCases = 10000;
constexpr int InvalidCases = 10000;
constexpr int OpensslChecks = 50;
constexpr qint64 MaxLife = ClientTokenLimits::MaxLifetimeSecs;
constexpr int MaxData = ClientTokenLimits::MaxConnectionDataChars;
constexpr int MaxLayout = ClientTokenLimits::MaxLayoutClassListChars;

const QString SdkFixtureSession =
    QStringLiteral("1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4");

/// Wraps a SeededRandomSource and remembers the last 64-bit draw (the nonce's source).
class RecordingRandom final : public RandomSource
{
public:
    explicit RecordingRandom(quint32 seed) : m_inner(seed) { }
    QByteArray bytes(int count) override { return m_inner.bytes(count); }
    quint64 next64() override
    {
        m_last = m_inner.next64();
        ++m_draws;
        return m_last;
    }
    double nextDouble() override { return m_inner.nextDouble(); }
    quint64 last() const { return m_last; }
    int draws() const { return m_draws; }

private:
    SeededRandomSource m_inner;
    quint64 m_last = 0;
    int m_draws = 0;
};

/// Code points to UTF-16 one by one: QString::fromStdU32String() would drop a leading U+FEFF.
QString fromCodePoints(const std::u32string &codePoints)
{
    QString out;
    out.reserve(qsizetype(codePoints.size()) * 2);
    for (const char32_t c : codePoints) {
        if (QChar::requiresSurrogates(c)) {
            out.append(QChar(QChar::highSurrogate(c)));
            out.append(QChar(QChar::lowSurrogate(c)));
        } else {
            out.append(QChar(char16_t(c)));
        }
    }
    return out;
}

/// All randomness of the test comes from here, so one seed replays a whole run.
class Gen
{
public:
    explicit Gen(quint64 seed) : m_state(seed) { }

    /// splitmix64: fast in a Debug build, which std::uniform_int_distribution is not.
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    qint64 range(qint64 lo, qint64 hi) // inclusive; the modulo bias is < 2^-20 here
    {
        return lo + qint64(next() % quint64(hi - lo + 1));
    }
    bool chance(int percent) { return range(1, 100) <= percent; }
    quint32 u32() { return quint32(next() >> 32); }

    char32_t anyCodePoint()
    {
        static const char special[] = " &=%+:~!'()*#?/\\\"<>;,.-_@$^`{}[]|";
        const qint64 kind = range(0, 99);
        if (kind < 30)
            return char32_t(range(0x20, 0x7E));
        if (kind < 45)
            return char32_t(special[range(0, sizeof(special) - 2)]);
        if (kind < 55)
            return char32_t(range(0x1F300, 0x1FAFF)); // emoji blocks
        if (kind < 63)
            return char32_t(range(0xA0, 0x24F));
        if (kind < 71)
            return char32_t(range(0x4E00, 0x9FFF));
        if (kind < 81) {
            char32_t c;
            do
                c = char32_t(range(0x80, 0xFFFF));
            while (c >= 0xD800 && c <= 0xDFFF);
            return c;
        }
        if (kind < 86)
            return char32_t(range(0x10000, 0x10FFFF));
        if (kind < 91) {
            static const char32_t controls[] = {
                0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x85, 0x9F};
            return controls[range(0, std::size(controls) - 1)];
        }
        static const char32_t marks[] = {0x0301, 0x0336, 0x200B, 0x200D, 0x200E, 0x200F, 0x202E,
            0xFE0F, 0xFEFF, 0x2028, 0x3000, 0xFFFD};
        return marks[range(0, std::size(marks) - 1)];
    }

    static bool isBadInClass(char32_t c)
    {
        return QChar::isSpace(c) || QChar::category(c) == QChar::Other_Control;
    }

    char32_t classCodePoint()
    {
        char32_t c;
        do
            c = anyCodePoint();
        while (isBadInClass(c));
        return c;
    }

    QString text(int codePoints)
    {
        std::u32string out;
        out.reserve(codePoints);
        for (int i = 0; i < codePoints; ++i)
            out.push_back(anyCodePoint());
        return fromCodePoints(out);
    }

    QString classText(int codePoints)
    {
        std::u32string out;
        for (int i = 0; i < codePoints; ++i)
            out.push_back(classCodePoint());
        return fromCodePoints(out);
    }

    /// 0..1000 code points: both ends likely, then up to 1000 (`longPercent` of the time) or
    /// short texts, which are most of what applications send and keep the run fast.
    int dataLength(int longPercent)
    {
        if (chance(10))
            return 0;
        if (chance(10))
            return MaxData;
        return int(range(1, chance(longPercent) ? MaxData : 64));
    }

    /// `count` classes whose lengths sum to `total` code points (each at least 1).
    QStringList classes(int count, int total)
    {
        std::vector<int> cuts {0, total};
        while (int(cuts.size()) < count + 1) {
            const int cut = int(range(1, total - 1));
            if (std::find(cuts.begin(), cuts.end(), cut) == cuts.end())
                cuts.push_back(cut);
        }
        std::sort(cuts.begin(), cuts.end());
        QStringList out;
        for (int i = 0; i < count; ++i)
            out.append(classText(cuts[i + 1] - cuts[i]));
        return out;
    }

    /// A valid layout list: 0..20 classes, joined length <= the limit (at it 15% of the time).
    QStringList validClasses()
    {
        const int count = int(range(0, 20));
        if (count == 0)
            return {};
        const int maxChars = MaxLayout - (count - 1);
        const int total = chance(15) ? maxChars : int(range(count, std::min(maxChars, 120)));
        return classes(count, total);
    }

    QString digits(int minLen, int maxLen)
    {
        const int len = int(range(minLen, maxLen));
        QString out = QString::number(range(1, 9));
        while (out.size() < len)
            out += QString::number(range(0, 9));
        return out;
    }

    QByteArray secret()
    {
        static const char alphabet[] = "0123456789abcdef";
        QByteArray out;
        const int len = chance(80) ? 40 : int(range(16, 64));
        for (int i = 0; i < len; ++i)
            out += alphabet[range(0, 15)];
        return out;
    }

    QString sessionFor(const QString &apiKey)
    {
        QByteArray randomPart;
        const int len = int(range(1, 60));
        for (int i = 0; i < len; ++i) {
            char c;
            do
                c = char(range(0x21, 0x7E));
            while (c == '~');
            randomPart += c;
        }
        QString location;
        if (chance(40)) {
            location = QStringLiteral("%1.%2.%3.%4")
                           .arg(range(1, 255))
                           .arg(range(0, 255))
                           .arg(range(0, 255))
                           .arg(range(0, 255));
        }
        return makeSessionId(
            apiKey, range(1'300'000'000'000, 2'000'000'000'000), randomPart, location);
    }

private:
    quint64 m_state;
};

QString formDecode(QByteArray raw)
{
    raw.replace('+', ' ');
    // ConvertInitialBom: a value may start with U+FEFF, which QString::fromUtf8() drops.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return utf8(QByteArray::fromPercentEncoding(raw));
}

/// Independent application/x-www-form-urlencoded parse, keeping order.
QList<QPair<QString, QString>> parseForm(const QByteArray &form)
{
    QList<QPair<QString, QString>> out;
    for (const QByteArray &pair : form.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            out.append({formDecode(pair), QString()});
        else
            out.append({formDecode(pair.left(eq)), formDecode(pair.mid(eq + 1))});
    }
    return out;
}

struct Case
{
    QString apiKey;
    QByteArray secret;
    QString sessionId;
    ClientTokenOptions options;
    qint64 nowMSecs = 0;
};

Case validCase(Gen &gen, TokenFormat format, int longPercent = 50)
{
    Case c;
    c.apiKey = gen.digits(6, 10);
    c.secret = gen.secret();
    c.sessionId = gen.sessionFor(c.apiKey);
    c.nowMSecs = gen.range(1'500'000'000'000, 2'100'000'000'000);
    const qint64 now = c.nowMSecs / 1000;
    c.options.role = TokenRole(gen.range(0, 3));
    const qint64 e = gen.range(0, 99);
    if (e < 5)
        c.options.expireTimeSecs.reset(); // default lifetime
    else if (e < 15)
        c.options.expireTimeSecs = now;
    else if (e < 25)
        c.options.expireTimeSecs = now + MaxLife;
    else
        c.options.expireTimeSecs = gen.range(now, now + MaxLife);
    c.options.connectionData = gen.text(gen.dataLength(longPercent));
    c.options.initialLayoutClasses = gen.validClasses();
    c.options.format = format;
    return c;
}

enum class Violation
{
    ExpiryPast,
    ExpiryTooLate,
    DataTooLong,
    LayoutTooLong,
    LayoutBadChar,
    LayoutEmptyClass,
    UnknownRole,
    ForeignSession,
    MalformedSession,
    Count
};

const char *violationName(Violation v)
{
    switch (v) {
    case Violation::ExpiryPast:
        return "expiry in the past";
    case Violation::ExpiryTooLate:
        return "expiry > now+30d";
    case Violation::DataTooLong:
        return "connection data > 1000";
    case Violation::LayoutTooLong:
        return "layout list > limit";
    case Violation::LayoutBadChar:
        return "layout class with whitespace/control";
    case Violation::LayoutEmptyClass:
        return "empty layout class";
    case Violation::UnknownRole:
        return "unknown role name";
    case Violation::ForeignSession:
        return "session of another API key";
    case Violation::MalformedSession:
        return "malformed session ID";
    case Violation::Count:
        break;
    }
    return "?";
}

QString otherKey(Gen &gen, const QString &apiKey)
{
    QString other;
    do {
        switch (gen.range(0, 4)) {
        case 0:
            other = apiKey + QString::number(gen.range(0, 9));
            break;
        case 1:
            other = apiKey.chopped(1);
            break;
        case 2:
            other = QString::number(gen.range(1, 9)) + apiKey;
            break;
        case 3:
            other = apiKey;
            other[gen.range(0, other.size() - 1)] = QLatin1Char('0' + char(gen.range(0, 9)));
            break;
        default:
            other = gen.digits(6, 10);
        }
    } while (other == apiKey);
    return other;
}

QString malformedSession(Gen &gen, const QString &apiKey)
{
    const QString good = gen.sessionFor(apiKey);
    switch (gen.range(0, 7)) {
    case 0:
        return QString();
    case 1: // too long
        return good
            + QString(gen.range(MaxSessionIdLength + 1 - good.size(), 400), QLatin1Char('A'));
    case 2: { // a character outside [A-Za-z0-9_-]
        static const char16_t bad[] = {
            u'+', u'/', u'=', u' ', u'.', u'~', u'\u00e9', u'\n', u'\0', u'%'};
        QString s = good;
        s[gen.range(0, s.size() - 1)] = QChar(bad[gen.range(0, std::size(bad) - 1)]);
        return s;
    }
    case 3: // too short
        return good.left(gen.range(1, 2));
    case 4: { // impossible base64 length (4n+1 after the prefix)
        QString s = good;
        while ((s.size() - 2) % 4 != 1)
            s += QLatin1Char('A');
        return s;
    }
    case 5: // no API key field
        return gen.chance(50) ? makeSessionId(QString(), 1700000000000, "abc")
                              : QStringLiteral("1_")
                + QString::fromLatin1(
                    QByteArray("no fields here")
                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    case 6: // not UTF-8
        return QStringLiteral("1_")
            + QString::fromLatin1(
                QByteArray("1~" + apiKey.toLatin1() + "~\xff\xfe~1~x~~")
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    default: // key present, but not in field 1 (Python would accept this; we do not)
        return makeSessionId(otherKey(gen, apiKey), 1700000000000, "abc", apiKey);
    }
}

QString expectedField(Violation v, int badIndex)
{
    switch (v) {
    case Violation::ExpiryPast:
    case Violation::ExpiryTooLate:
        return QStringLiteral("expireTime");
    case Violation::DataTooLong:
        return QStringLiteral("connectionData");
    case Violation::LayoutTooLong:
        return QStringLiteral("initialLayoutClassList");
    case Violation::LayoutBadChar:
    case Violation::LayoutEmptyClass:
        return QStringLiteral("initialLayoutClassList[%1]").arg(badIndex);
    case Violation::UnknownRole:
        return QStringLiteral("role");
    case Violation::ForeignSession:
    case Violation::MalformedSession:
    case Violation::Count:
        break;
    }
    return QStringLiteral("sessionId");
}

} // namespace

class tst_token_properties : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validOptionsRoundTrip();
    void invalidOptionsRejected();
    void opensslCrossCheck();
    void sdkFixtureSession();

private:
    void checkT1(const Case &c, const ClientTokenResult &result, const RecordingRandom &random);
    void checkJwt(const Case &c, const ClientTokenResult &result, const RecordingRandom &random);
    void checkInspection(const Case &c, const ClientTokenResult &result);

    quint64 m_seed = 0;
    struct T1Sample
    {
        QByteArray secret;
        QByteArray data;
        QByteArray sig;
    };
    QList<T1Sample> m_t1Samples;
};

void tst_token_properties::initTestCase()
{
    const QByteArray env = qgetenv("OTADMIN_SEED");
    bool ok = false;
    m_seed = env.trimmed().toULongLong(&ok, 0);
    if (!ok)
        m_seed = QRandomGenerator::system()->generate64();
    qInfo("seed %llu (replay with OTADMIN_SEED=%llu)", m_seed, m_seed);
}

void tst_token_properties::checkT1(
    const Case &c, const ClientTokenResult &result, const RecordingRandom &random)
{
    const qint64 now = c.nowMSecs / 1000;
    const qint64 expire = c.options.expireTimeSecs.value_or(now + 86400);
    QVERIFY(result.token.startsWith(QLatin1String("T1==")));
    const QByteArray body = result.token.mid(4).toLatin1();
    QCOMPARE(QString::fromLatin1(body), result.token.mid(4)); // ASCII only
    const auto decoded = QByteArray::fromBase64Encoding(
        body, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.toBase64(), body); // standard alphabet, '=' padded
    const QByteArray &plain = decoded.decoded;

    static const QRegularExpression head(QStringLiteral("^partner_id=([^&]*)&sig=([0-9a-f]{40}):"));
    const auto m = head.match(QString::fromLatin1(plain.left(200)));
    QVERIFY2(m.hasMatch(), plain.left(120).constData());
    QCOMPARE(m.captured(1), c.apiKey);
    const QByteArray sig = m.captured(2).toLatin1();
    const QByteArray data = plain.mid(m.capturedLength(0));
    QCOMPARE(
        sig, QMessageAuthenticationCode::hash(data, c.secret, QCryptographicHash::Sha1).toHex());
    for (const char ch : data)
        QVERIFY(uchar(ch) > 0x20 && uchar(ch) < 0x7F); // fully percent-encoded

    // Parse back; a '+' spelling of every %20 must give the same fields.
    const auto fields = parseForm(data);
    QByteArray plusData = data;
    plusData.replace("%20", "+");
    QCOMPARE(parseForm(plusData), fields);

    QStringList keys;
    QMap<QString, QString> values;
    for (const auto &f : fields) {
        QVERIFY2(!values.contains(f.first), qPrintable(f.first));
        keys.append(f.first);
        values.insert(f.first, f.second);
    }
    QStringList expectedKeys = {QStringLiteral("session_id"), QStringLiteral("create_time"),
        QStringLiteral("nonce"), QStringLiteral("role"), QStringLiteral("expire_time")};
    if (!c.options.connectionData.isEmpty())
        expectedKeys.append(QStringLiteral("connection_data"));
    if (!c.options.initialLayoutClasses.isEmpty())
        expectedKeys.append(QStringLiteral("initial_layout_class_list"));
    expectedKeys.append(QStringLiteral("scope"));
    QCOMPARE(keys, expectedKeys);
    QCOMPARE(values.value(QStringLiteral("session_id")), c.sessionId);
    QCOMPARE(values.value(QStringLiteral("create_time")), QString::number(now));
    QCOMPARE(values.value(QStringLiteral("expire_time")), QString::number(expire));
    QCOMPARE(values.value(QStringLiteral("role")), roleName(c.options.role));
    QCOMPARE(random.draws(), 1);
    QCOMPARE(values.value(QStringLiteral("nonce")), QString::number(random.last() >> 11));
    QCOMPARE(values.value(QStringLiteral("connection_data")), c.options.connectionData);
    QCOMPARE(values.value(QStringLiteral("initial_layout_class_list")),
        c.options.initialLayoutClasses.join(QLatin1Char(' ')));
    QCOMPARE(values.value(QStringLiteral("scope")), QStringLiteral("session.connect"));

    if (m_t1Samples.size() < OpensslChecks)
        m_t1Samples.append({c.secret, data, sig});
}

void tst_token_properties::checkJwt(
    const Case &c, const ClientTokenResult &result, const RecordingRandom &random)
{
    const qint64 now = c.nowMSecs / 1000;
    const qint64 expire = c.options.expireTimeSecs.value_or(now + 86400);
    QString error;
    const auto decoded = Jwt::decode(result.token.toLatin1(), &error);
    QVERIFY2(decoded, qPrintable(error));
    QVERIFY(Jwt::verifyHs256(*decoded, c.secret));
    QVERIFY(!Jwt::verifyHs256(*decoded, c.secret + "x"));
    QCOMPARE(decoded->header.value(QLatin1String("alg")).toString(), QStringLiteral("HS256"));
    const QJsonObject &p = decoded->payload;
    QCOMPARE(p.value(QLatin1String("iss")).toString(), c.apiKey);
    QCOMPARE(p.value(QLatin1String("ist")).toString(), QStringLiteral("project"));
    QCOMPARE(p.value(QLatin1String("iat")).toInteger(-1), now);
    QCOMPARE(p.value(QLatin1String("exp")).toInteger(-1), expire);
    QVERIFY(!p.value(QLatin1String("jti")).toString().isEmpty());
    QCOMPARE(p.value(QLatin1String("session_id")).toString(), c.sessionId);
    QCOMPARE(p.value(QLatin1String("create_time")).toInteger(-1), now);
    QCOMPARE(p.value(QLatin1String("expire_time")).toInteger(-1), expire);
    QCOMPARE(p.value(QLatin1String("role")).toString(), roleName(c.options.role));
    QVERIFY(random.draws() >= 1);
    QCOMPARE(p.value(QLatin1String("nonce")).toInteger(-1), qint64(random.last() >> 11));
    QCOMPARE(p.contains(QLatin1String("connection_data")), !c.options.connectionData.isEmpty());
    QCOMPARE(p.value(QLatin1String("connection_data")).toString(), c.options.connectionData);
    QCOMPARE(p.contains(QLatin1String("initial_layout_class_list")),
        !c.options.initialLayoutClasses.isEmpty());
    QCOMPARE(p.value(QLatin1String("initial_layout_class_list")).toString(),
        c.options.initialLayoutClasses.join(QLatin1Char(' ')));
    QCOMPARE(p.value(QLatin1String("scope")).toString(), QStringLiteral("session.connect"));
}

void tst_token_properties::checkInspection(const Case &c, const ClientTokenResult &result)
{
    const FixedClock clock(c.nowMSecs);
    const TokenInspection good = inspectToken(result.token, c.secret, clock);
    QVERIFY2(good.verdict == TokenInspection::Verdict::Valid, qPrintable(good.error));
    QCOMPARE(good.signature, TokenInspection::Signature::Valid);
    QCOMPARE(good.format, c.options.format);
    QCOMPARE(good.apiKey, c.apiKey);
    QCOMPARE(good.sessionId, c.sessionId);
    QCOMPARE(good.role, roleName(c.options.role));
    QCOMPARE(good.connectionData, c.options.connectionData);
    QCOMPARE(good.layoutClasses, c.options.initialLayoutClasses);
    QCOMPARE(good.createTime, std::optional<qint64>(result.createTime));
    QCOMPARE(good.expireTime, std::optional<qint64>(result.expireTime));

    QByteArray other = c.secret;
    other[0] = other[0] == '0' ? '1' : '0';
    const TokenInspection bad = inspectToken(result.token, other, clock);
    QCOMPARE(bad.verdict, TokenInspection::Verdict::BadSignature);
    QCOMPARE(bad.signature, TokenInspection::Signature::Invalid);
}

void tst_token_properties::validOptionsRoundTrip()
{
    Gen gen(m_seed);
    std::map<TokenFormat, int> perFormat;
    static const QRegularExpression emoji(QStringLiteral("[\\x{1F300}-\\x{1FAFF}]"));
    int atLowerExpiry = 0, atUpperExpiry = 0, fullData = 0, fullLayout = 0, withEmoji = 0;
    for (int i = 0; i < ValidCases; ++i) {
        const TokenFormat format = i % 2 == 0 ? TokenFormat::T1 : TokenFormat::Jwt;
        const Case c = validCase(gen, format);
        const FixedClock clock(c.nowMSecs);
        RecordingRandom random(gen.u32());
        const ClientTokenResult result =
            generateClientToken(c.apiKey, c.secret, c.sessionId, c.options, clock, random);
        if (result.error)
            qWarning() << "case" << i << "rejected:" << result.error->toString()
                       << c.options.initialLayoutClasses;
        QVERIFY(result.ok());
        QCOMPARE(result.createTime, c.nowMSecs / 1000);
        if (format == TokenFormat::T1)
            checkT1(c, result, random);
        else
            checkJwt(c, result, random);
        if (!QTest::currentTestFailed())
            checkInspection(c, result);
        if (QTest::currentTestFailed()) {
            qWarning("valid case %d failed (seed %llu)", i, m_seed);
            return;
        }
        ++perFormat[format];
        const qint64 now = c.nowMSecs / 1000;
        atLowerExpiry += c.options.expireTimeSecs == now;
        atUpperExpiry += c.options.expireTimeSecs == now + MaxLife;
        fullData += c.options.connectionData.toStdU32String().size() == size_t(MaxData);
        fullLayout += c.options.initialLayoutClasses.join(QLatin1Char(' ')).toStdU32String().size()
            == size_t(MaxLayout);
        withEmoji += c.options.connectionData.contains(emoji);
    }
    qInfo("valid cases: %d T1, %d JWT (%d total); expiry at now: %d, at now+30d: %d; "
          "1000-char data: %d; 1000-char layout list: %d; data with emoji: %d",
        perFormat[TokenFormat::T1], perFormat[TokenFormat::Jwt], ValidCases, atLowerExpiry,
        atUpperExpiry, fullData, fullLayout, withEmoji);
    QCOMPARE(perFormat[TokenFormat::T1] + perFormat[TokenFormat::Jwt], ValidCases);
    QVERIFY(atLowerExpiry > 0 && atUpperExpiry > 0 && fullData > 0 && fullLayout > 0);
}

void tst_token_properties::invalidOptionsRejected()
{
    Gen gen(m_seed ^ 0x9E3779B97F4A7C15ull);
    std::map<Violation, int> perKind;
    int rejected = 0;
    for (int i = 0; i < InvalidCases; ++i) {
        Case c = validCase(gen, gen.chance(50) ? TokenFormat::T1 : TokenFormat::Jwt, 10);
        const qint64 now = c.nowMSecs / 1000;
        const auto v = Violation(gen.range(0, int(Violation::Count) - 1));
        int badIndex = -1;
        switch (v) {
        case Violation::ExpiryPast:
            c.options.expireTimeSecs =
                now - (gen.chance(20) ? 1 : gen.range(1, gen.chance(50) ? 86400 : now));
            break;
        case Violation::ExpiryTooLate:
            c.options.expireTimeSecs = now + MaxLife
                + (gen.chance(20) ? 1 : gen.range(1, gen.chance(50) ? 86400 : 1LL << 40));
            break;
        case Violation::DataTooLong:
            c.options.connectionData =
                gen.text(int(gen.chance(20) ? MaxData + 1 : gen.range(MaxData + 1, 2 * MaxData)));
            break;
        case Violation::LayoutTooLong: {
            const int count = int(gen.range(1, 20));
            const int total = MaxLayout - (count - 1) + int(gen.chance(20) ? 1 : gen.range(1, 500));
            c.options.initialLayoutClasses = gen.classes(count, total);
            break;
        }
        case Violation::LayoutBadChar:
        case Violation::LayoutEmptyClass: {
            QStringList classes = gen.validClasses();
            if (classes.isEmpty())
                classes = gen.classes(1, int(gen.range(1, 30)));
            badIndex = int(gen.range(0, classes.size() - 1));
            if (v == Violation::LayoutEmptyClass) {
                classes[badIndex].clear();
            } else {
                static const char32_t bad[] = {U' ', U'\t', U'\n', U'\r', U'\v', U'\f', 0x00, 0x07,
                    0x1B, 0x7F, 0x85, 0x9F, 0xA0, 0x1680, 0x2003, 0x2028, 0x2029, 0x202F, 0x3000};
                std::u32string s = classes[badIndex].toStdU32String();
                s[gen.range(0, s.size() - 1)] = bad[gen.range(0, std::size(bad) - 1)];
                classes[badIndex] = fromCodePoints(s);
            }
            c.options.initialLayoutClasses = classes;
            break;
        }
        case Violation::UnknownRole: {
            static const QStringList names = {QString(), QStringLiteral("Publisher"),
                QStringLiteral("PUBLISHER"), QStringLiteral("publisher "),
                QStringLiteral(" subscriber"), QStringLiteral("publisher_only"),
                QStringLiteral("publisher-only"), QStringLiteral("PublisherOnly"),
                QStringLiteral("admin"), QStringLiteral("owner"), QStringLiteral("moderator\n"),
                QStringLiteral("subscriber\u0000"), QStringLiteral("moder\u0430tor")};
            const QString name = gen.chance(50) ? names.at(gen.range(0, names.size() - 1))
                                                : gen.text(int(gen.range(1, 20)));
            const auto role = roleFromName(name);
            if (role) {
                QVERIFY2(
                    QStringList({QStringLiteral("publisher"), QStringLiteral("subscriber"),
                                    QStringLiteral("moderator"), QStringLiteral("publisheronly")})
                        .contains(name),
                    qPrintable(name));
                c.options.role = *role; // a random text that happens to be a real name
                continue;
            }
            // What a caller holding an unparsed name could pass: a value outside the enum.
            c.options.role = TokenRole(gen.range(4, 1000) * (gen.chance(50) ? 1 : -1));
            break;
        }
        case Violation::ForeignSession:
            c.sessionId = gen.sessionFor(otherKey(gen, c.apiKey));
            break;
        case Violation::MalformedSession:
            c.sessionId = malformedSession(gen, c.apiKey);
            break;
        case Violation::Count:
            break;
        }
        const FixedClock clock(c.nowMSecs);
        RecordingRandom random(gen.u32());
        const ClientTokenResult result =
            generateClientToken(c.apiKey, c.secret, c.sessionId, c.options, clock, random);
        const QString field = expectedField(v, badIndex);
        if (!result.error || result.error->field != field) {
            qWarning("invalid case %d (%s) not rejected on %s (seed %llu): %s", i, violationName(v),
                qPrintable(field), m_seed,
                qPrintable(result.error ? result.error->toString() : QStringLiteral("accepted")));
        }
        QVERIFY(result.error.has_value());
        QCOMPARE(result.error->field, field);
        QVERIFY(!result.error->message.isEmpty());
        QVERIFY(result.token.isEmpty());
        QVERIFY(!result.ok());
        QCOMPARE(random.draws(), 0); // nothing drawn for a refused token
        QCOMPARE(
            validateClientToken(c.apiKey, c.secret, c.sessionId, c.options, now), result.error);
        ++perKind[v];
        ++rejected;
    }
    QStringList summary;
    for (const auto &[kind, count] : perKind)
        summary.append(QStringLiteral("%1: %2").arg(QLatin1String(violationName(kind))).arg(count));
    qInfo("invalid option sets rejected on the expected field with an empty token: %d; %s",
        rejected, qPrintable(summary.join(QStringLiteral(", "))));
    QVERIFY(rejected > InvalidCases * 9 / 10);
    QCOMPARE(int(perKind.size()), int(Violation::Count));
}

void tst_token_properties::opensslCrossCheck()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not on PATH");
    if (m_t1Samples.size() < OpensslChecks) { // run on its own: draw the T1 cases here
        Gen gen(m_seed);
        for (int i = 0; m_t1Samples.size() < OpensslChecks; ++i) {
            const Case c = validCase(gen, TokenFormat::T1);
            RecordingRandom random(gen.u32());
            const auto result = generateClientToken(
                c.apiKey, c.secret, c.sessionId, c.options, FixedClock(c.nowMSecs), random);
            QVERIFY(result.ok());
            checkT1(c, result, random);
            if (QTest::currentTestFailed())
                return;
        }
    }
    QCOMPARE(m_t1Samples.size(), OpensslChecks);
    int matches = 0;
    for (const T1Sample &s : std::as_const(m_t1Samples)) {
        QProcess proc;
        proc.start(openssl,
            {QStringLiteral("dgst"), QStringLiteral("-sha1"), QStringLiteral("-hmac"),
                QString::fromLatin1(s.secret)});
        QVERIFY(proc.waitForStarted(5000));
        proc.write(s.data);
        proc.closeWriteChannel();
        QVERIFY(proc.waitForFinished(5000));
        QCOMPARE(proc.exitCode(), 0);
        const QByteArray out = proc.readAllStandardOutput().trimmed();
        // "HMAC-SHA1(stdin)= <hex>" (3.x) or "(stdin)= <hex>" (1.1)
        const qsizetype at = out.lastIndexOf("= ");
        QVERIFY2(at >= 0, out.constData());
        QCOMPARE(out.mid(at + 2), s.sig);
        ++matches;
    }
    qInfo("openssl dgst -sha1 -hmac matches: %d of %d", matches, OpensslChecks);
}

void tst_token_properties::sdkFixtureSession()
{
    QString error;
    const auto info = decodeSessionId(SdkFixtureSession, &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->fields.value(1), QStringLiteral("123456"));
    QCOMPARE(info->apiKey, QStringLiteral("123456"));
    QCOMPARE(info->createTime, QStringLiteral("Sat Mar 15 14:42:23 PDT 2014"));
    QVERIFY(!info->createdAtMSecs.has_value());
    QVERIFY(sessionBelongsTo(SdkFixtureSession, QStringLiteral("123456")));

    const QByteArray secret = "1234567890abcdef1234567890abcdef12345678";
    const FixedClock clock(1704067200000);
    for (const TokenFormat format : {TokenFormat::T1, TokenFormat::Jwt}) {
        ClientTokenOptions options;
        options.format = format;
        SeededRandomSource random(7);
        const auto ok = generateClientToken(
            QStringLiteral("123456"), secret, SdkFixtureSession, options, clock, random);
        QVERIFY(ok.ok());
        const TokenInspection inspected = inspectToken(ok.token, secret, clock);
        QCOMPARE(inspected.verdict, TokenInspection::Verdict::Valid);
        QCOMPARE(inspected.apiKey, QStringLiteral("123456"));
        QCOMPARE(inspected.sessionId, SdkFixtureSession);

        for (const char *key : {"1234567", "12345", "654321", "0123456", "123457", "472032"}) {
            const auto refused = generateClientToken(
                QString::fromLatin1(key), secret, SdkFixtureSession, options, clock, random);
            QVERIFY(refused.error.has_value());
            QCOMPARE(refused.error->field, QStringLiteral("sessionId"));
            QVERIFY(refused.token.isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(tst_token_properties)
#include "tst_token_properties.moc"
