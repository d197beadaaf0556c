// SPDX-License-Identifier: GPL-3.0-or-later
// Writes what a table shows to CSV (RFC 4180) or JSON, for "Export" in the list panels.
#pragma once

#include <QByteArray>

class QAbstractItemModel;

namespace otadmin {

/// Every row of `model` in its current order (pass the view's proxy to export what the user
/// sees, sorted and filtered). Values come from ModelRole::Export when a model provides it,
/// else Qt::DisplayRole; headers from the horizontal header's DisplayRole.
/// CSV: UTF-8, comma separated, CRLF line ends, fields quoted when they hold a comma, quote or
/// line break, and a leading '=', '+', '-' or '@' prefixed with an apostrophe so a
/// spreadsheet never runs it as a formula.
QByteArray exportCsv(const QAbstractItemModel &model);
/// A JSON array of objects keyed by column header; numbers stay numbers.
QByteArray exportJson(const QAbstractItemModel &model);

} // namespace otadmin
