// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing of the HTTP `Date` and `Retry-After` headers (RFC 9110), used for skew and backoff.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace otadmin::HttpDate {

/// Parses an HTTP-date in the preferred IMF-fixdate form ("Sun, 06 Nov 1994 08:49:37 GMT"),
/// and the obsolete RFC 850 and asctime forms, as RFC 9110 §5.6.7 asks recipients to.
/// Returns milliseconds since the Unix epoch (UTC), or nullopt for anything else.
std::optional<qint64> parse(QByteArrayView value);

/// Interprets `Retry-After` as a delay in milliseconds from `nowMSecs`: either a whole number
/// of seconds ("120") or an HTTP-date. A date in the past gives 0. nullopt when malformed.
std::optional<qint64> retryAfterDelayMSecs(QByteArrayView value, qint64 nowMSecs);

} // namespace otadmin::HttpDate
