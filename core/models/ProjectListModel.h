// SPDX-License-Identifier: GPL-3.0-or-later
// The account's projects (reference §9), fed by AccountApi's signals.
#pragma once

#include "models/KeyedTableModel.h"
#include "types/Project.h"

namespace otadmin {

/// Rows keyed by project API key. Owners fill it from AccountApi::listProjects (replaceAll with
/// a beginRefresh() ticket), connect projectChanged and projectSecretRefreshed to upsert(),
/// projectDeleted to removeById(), and clear() on Workspace::profileActivated.
/// The rows carry each project's secret (the service sends it with the details) so that the
/// owner can open a project without asking for it again; no role of this model ever returns
/// it — read it with find(id)->secret, and only where the user asked to see or use it.
class ProjectListModel : public KeyedTableModel<Project>
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Id,
        Status,
        Environment,
        Created,
        ColumnCount
    };

    explicit ProjectListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "active", "suspended" or "unknown": the badge keyword of a status.
    static QString statusKeyword(const Project &project);
    /// The name for people: the project's name, or "Project <id>" when it has none.
    static QString displayName(const Project &project);
    /// Rows whose status is Active.
    int activeCount() const;
};

} // namespace otadmin
