// SPDX-License-Identifier: GPL-3.0-or-later
// HTTP-date and Retry-After parsing without locale dependence.
#include "net/HttpDate.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTime>
#include <QTimeZone>

namespace otadmin::HttpDate {

namespace {

int monthFromName(QByteArrayView name)
{
    static const char *const names[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < 12; ++i) {
        if (name == QByteArrayView(names[i]))
            return i + 1;
    }
    return 0;
}

bool isWeekday(QByteArrayView name, bool longForm)
{
    static const char *const shortNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const longNames[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    for (int i = 0; i < 7; ++i) {
        if (name == QByteArrayView(longForm ? longNames[i] : shortNames[i]))
            return true;
    }
    return false;
}

std::optional<int> number(QByteArrayView digits, int minLength, int maxLength)
{
    if (digits.size() < minLength || digits.size() > maxLength)
        return std::nullopt;
    int value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<QTime> timeOfDay(QByteArrayView text)
{
    const QList<QByteArray> parts = text.toByteArray().split(':');
    if (parts.size() != 3)
        return std::nullopt;
    const auto h = number(parts[0], 2, 2), m = number(parts[1], 2, 2), s = number(parts[2], 2, 2);
    if (!h || !m || !s)
        return std::nullopt;
    QTime t(*h, *m, *s == 60 ? 59 : *s); // a leap second is clamped, not rejected
    return t.isValid() ? std::optional<QTime>(t) : std::nullopt;
}

std::optional<qint64> toMSecs(int year, int month, int day, const QTime &time)
{
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

std::optional<qint64> parse(QByteArrayView value)
{
    const QByteArray text = value.toByteArray().trimmed();
    const QList<QByteArray> f = text.simplified().split(' ');
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    if (f.size() == 6 && f[0].endsWith(',') && isWeekday(f[0].chopped(1), false) && f[5] == "GMT") {
        const auto day = number(f[1], 2, 2);
        const int month = monthFromName(f[2]);
        const auto year = number(f[3], 4, 4);
        const auto time = timeOfDay(f[4]);
        if (day && month && year && time)
            return toMSecs(*year, month, *day, *time);
        return std::nullopt;
    }
    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years: 70-99 → 19xx, else 20xx)
    if (f.size() == 4 && f[0].endsWith(',') && isWeekday(f[0].chopped(1), true) && f[3] == "GMT") {
        const QList<QByteArray> d = f[1].split('-');
        if (d.size() != 3)
            return std::nullopt;
        const auto day = number(d[0], 2, 2);
        const int month = monthFromName(d[1]);
        auto year = number(d[2], 2, 2);
        const auto time = timeOfDay(f[2]);
        if (!day || !month || !year || !time)
            return std::nullopt;
        return toMSecs(*year + (*year >= 70 ? 1900 : 2000), month, *day, *time);
    }
    // asctime: "Sun Nov  6 08:49:37 1994"
    if (f.size() == 5 && isWeekday(f[0], false)) {
        const int month = monthFromName(f[1]);
        const auto day = number(f[2], 1, 2);
        const auto time = timeOfDay(f[3]);
        const auto year = number(f[4], 4, 4);
        if (month && day && time && year)
            return toMSecs(*year, month, *day, *time);
    }
    return std::nullopt;
}

std::optional<qint64> retryAfterDelayMSecs(QByteArrayView value, qint64 nowMSecs)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = true;
    for (char c : text)
        isNumber = isNumber && c >= '0' && c <= '9';
    if (isNumber) {
        if (text.size() > 9) // over 31 years: treat as malformed rather than overflow
            return std::nullopt;
        return text.toLongLong() * 1000;
    }
    const auto when = parse(text);
    if (!when)
        return std::nullopt;
    return *when > nowMSecs ? *when - nowMSecs : 0;
}

} // namespace otadmin::HttpDate
