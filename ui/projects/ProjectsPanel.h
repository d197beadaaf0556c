// SPDX-License-Identifier: GPL-3.0-or-later
// The Projects panel: the account's projects, their status and secrets (account profiles).
#pragma once

#include "common/Panel.h"
#include "types/Project.h"

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace otadmin {

class ProjectDetails;
class ProjectListModel;
class RotateSecretDialog;

/// Toolbar "newProjectButton", "refreshButton", "filterEdit"; table "projectsView" over
/// ProjectListModel (fed by AccountApi's signals); details pane ProjectDetails
/// ("projectDetails"); empty state "emptyState" with "emptyCreateButton". Suspend and delete
/// confirm naming the project and the profile; "Refresh secret" warns, then runs a
/// RotateSecretDialog; "Open this project" switches to a transient project profile made from
/// the project's details (its secret, the account profile's URL and colour) and shows the
/// Sessions panel.
class ProjectsPanel : public Panel
{
    Q_OBJECT

public:
    explicit ProjectsPanel(AppContext &context, QWidget *parent = nullptr);

    static QString areaTitle() { return tr("Projects"); }
    QString title() const override { return areaTitle(); }
    static bool isAreaFor(ProfileKind kind) { return kind == ProfileKind::Account; }
    bool isAvailableFor(ProfileKind kind) const override { return isAreaFor(kind); }
    void refresh() override;
    void startPrimaryAction() override;
    void focusFilter() override;

    ProjectListModel *model() const { return m_model; }
    /// Selects the project with this API key; false when it is not listed.
    bool selectProject(const QString &projectKey);
    std::optional<Project> selectedProject() const;

    void confirmToggleStatus();
    void confirmDelete();
    void confirmRefreshSecret();
    /// Switches to the selected project ("Open this project").
    void openSelectedProject();

protected:
    void profileActivated(const Profile &profile) override;

private:
    void updateDetails();
    void updateEmptyState();
    void showContextMenu(const QPoint &pos);
    QString describe(const Project &project) const;
    QString profileName() const;

    ProjectListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_pages;
    QTableView *m_view;
    ProjectDetails *m_details;
    QPushButton *m_create;
    QPushButton *m_refresh;
    QLineEdit *m_filter;
    bool m_loaded = false;
};

} // namespace otadmin
