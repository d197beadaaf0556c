// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectListModel: columns and roles of the account's projects (never the secret).
#include "models/ProjectListModel.h"

#include "models/Format.h"

namespace otadmin {

ProjectListModel::ProjectListModel(QObject *parent)
    : KeyedTableModel<Project>([](const Project &p) { return p.id; }, parent)
{
}

int ProjectListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProjectListModel::statusKeyword(const Project &project)
{
    switch (project.status) {
    case ProjectStatus::Active:
        return QStringLiteral("active");
    case ProjectStatus::Suspended:
        return QStringLiteral("suspended");
    case ProjectStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString ProjectListModel::displayName(const Project &project)
{
    return project.name.isEmpty() ? tr("Project %1").arg(project.id) : project.name;
}

int ProjectListModel::activeCount() const
{
    return int(std::count_if(items().cbegin(), items().cend(),
        [](const Project &p) { return p.status == ProjectStatus::Active; }));
}

QVariant ProjectListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project &p = at(index.row());
    if (role == ModelRole::Id)
        return p.id;
    if (role == ModelRole::Status)
        return index.column() == Status ? statusKeyword(p) : QString();
    const bool sort = role == ModelRole::Sort;
    const bool exported = role == ModelRole::Export;
    const bool tip = role == Qt::ToolTipRole;
    if (role != Qt::DisplayRole && !tip && !sort && !exported)
        return {};
    switch (Column(index.column())) {
    case Name:
        if (sort)
            return p.name.toLower();
        return exported ? p.name : displayName(p);
    case Id:
        if (sort) // numeric keys sort as numbers; zero-padding keeps QString comparison right
            return p.id.rightJustified(32, u'0');
        return p.id;
    case Status:
        if (sort || exported)
            return p.status == ProjectStatus::Unknown ? p.statusString : toApiString(p.status);
        if (p.status == ProjectStatus::Active)
            return tr("active");
        if (p.status == ProjectStatus::Suspended)
            return tr("suspended");
        return p.statusString.isEmpty() ? tr("unknown") : p.statusString.toLower();
    case Environment:
        if (tip && !p.environmentDescription.isEmpty())
            return p.environmentDescription;
        return p.environment.isEmpty() ? p.environmentDescription : p.environment;
    case Created:
        if (sort)
            return p.createdAt;
        if (exported || tip)
            return formatUtcTime(p.createdAt);
        return formatLocalTime(p.createdAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProjectListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Id:
        return tr("API key");
    case Status:
        return tr("Status");
    case Environment:
        return tr("Environment");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace otadmin
