// SPDX-License-Identifier: GPL-3.0-or-later
// SipCallModel: columns, roles and updates of the dialled SIP calls.
#include "models/SipCallModel.h"

#include "models/Format.h"

namespace otadmin {

namespace {
QString statusKeyword(const SipCallRecord &record)
{
    return record.ended ? QStringLiteral("ended") : QStringLiteral("connected");
}
} // namespace

SipCallModel::SipCallModel(QObject *parent)
    : KeyedTableModel<SipCallRecord>([](const SipCallRecord &r) { return r.call.id; }, parent)
{
}

int SipCallModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SipCallModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SipCallRecord &r = at(index.row());
    if (role == ModelRole::Id)
        return r.call.id;
    if (role == ModelRole::Status)
        return index.column() == Status ? statusKeyword(r) : QString();
    const bool sort = role == ModelRole::Sort;
    const bool exported = role == ModelRole::Export;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && !sort && !exported)
        return {};
    switch (Column(index.column())) {
    case DialedAt:
        if (sort)
            return r.dialedAtMs;
        if (exported || role == Qt::ToolTipRole)
            return formatUtcTime(r.dialedAtMs);
        return formatLocalTime(r.dialedAtMs);
    case Status:
        if (sort || exported)
            return statusKeyword(r);
        return r.ended ? tr("ended") : tr("connected");
    case Uri:
        return r.uri;
    case Session:
        return (role == Qt::DisplayRole) ? elideMiddle(r.sessionId) : r.sessionId;
    case CallId:
        return (role == Qt::DisplayRole) ? elideMiddle(r.call.id) : r.call.id;
    case ConnectionId:
        return (role == Qt::DisplayRole) ? elideMiddle(r.call.connectionId) : r.call.connectionId;
    case StreamId:
        return (role == Qt::DisplayRole) ? elideMiddle(r.call.streamId) : r.call.streamId;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SipCallModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case DialedAt:
        return tr("Dialled");
    case Status:
        return tr("Status");
    case Uri:
        return tr("To");
    case Session:
        return tr("Session");
    case CallId:
        return tr("Call ID");
    case ConnectionId:
        return tr("Connection ID");
    case StreamId:
        return tr("Stream ID");
    case ColumnCount:
        break;
    }
    return {};
}

void SipCallModel::addCall(const QString &sessionId, const SipCall &call, qint64 atMs)
{
    SipCallRecord record;
    record.sessionId = sessionId;
    record.call = call;
    record.dialedAtMs = atMs;
    if (auto known = find(call.id))
        record.uri = known->uri;
    upsert(record);
}

bool SipCallModel::setUri(const QString &callId, const QString &uri)
{
    auto known = find(callId);
    if (!known)
        return false;
    known->uri = uri;
    upsert(*known);
    return true;
}

bool SipCallModel::markDisconnected(const QString &sessionId, const QString &connectionId)
{
    for (const SipCallRecord &r : items()) {
        if (r.sessionId == sessionId && r.call.connectionId == connectionId) {
            SipCallRecord ended = r;
            ended.ended = true;
            upsert(ended);
            return true;
        }
    }
    return false;
}

int SipCallModel::activeCount() const
{
    return int(std::count_if(
        items().cbegin(), items().cend(), [](const SipCallRecord &r) { return !r.ended; }));
}

} // namespace otadmin
