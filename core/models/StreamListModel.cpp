// SPDX-License-Identifier: GPL-3.0-or-later
// StreamListModel: the streams table of the Sessions panel.
#include "models/StreamListModel.h"

#include "models/Format.h"

namespace otadmin {

StreamListModel::StreamListModel(QObject *parent)
    : KeyedTableModel<Stream>([](const Stream &s) { return s.id; }, parent)
{
}

void StreamListModel::setSession(const QString &sessionId)
{
    clear();
    m_sessionId = sessionId;
}

bool StreamListModel::load(const QString &sessionId, const StreamList &streams)
{
    if (sessionId.isEmpty() || sessionId != m_sessionId)
        return false;
    return replaceAll(beginRefresh(), streams.items);
}

bool StreamListModel::applyClassChanges(
    const QString &sessionId, const QList<StreamClassChange> &changes)
{
    if (sessionId.isEmpty() || sessionId != m_sessionId)
        return false;
    for (const StreamClassChange &change : changes) {
        if (auto stream = find(change.id)) {
            stream->layoutClassList = change.layoutClassList;
            upsert(*stream);
        }
    }
    return true;
}

int StreamListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Stream &s = at(index.row());
    if (role == ModelRole::Id)
        return s.id;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return elideMiddle(s.id, 8);
        case NameColumn:
            return s.name;
        case VideoTypeColumn:
            return s.videoType == QLatin1String("screen") ? tr("screen share") : s.videoType;
        case LayoutClassesColumn:
            return s.layoutClassList.join(QLatin1Char(' '));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == IdColumn)
            return s.id;
        if (index.column() == LayoutClassesColumn && s.layoutClassList.isEmpty())
            return tr("No layout classes");
        break;
    case ModelRole::Sort:
    case ModelRole::Export:
        switch (index.column()) {
        case IdColumn:
            return s.id;
        case VideoTypeColumn:
            return s.videoType;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant StreamListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel<Stream>::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Stream ID");
    case NameColumn:
        return tr("Name");
    case VideoTypeColumn:
        return tr("Video type");
    case LayoutClassesColumn:
        return tr("Layout classes");
    }
    return {};
}

} // namespace otadmin
