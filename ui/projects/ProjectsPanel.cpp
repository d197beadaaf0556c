// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectsPanel: list, details and actions of the account's projects.
#include "projects/ProjectsPanel.h"

#include "AppContext.h"
#include "ProfileController.h"
#include "api/AccountApi.h"
#include "api/Workspace.h"
#include "common/Confirm.h"
#include "common/IdField.h"
#include "common/MessageBanner.h"
#include "common/MonospaceDelegate.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "common/StyleIcons.h"
#include "models/Format.h"
#include "models/ProjectListModel.h"
#include "net/ApiReply.h"
#include "projects/CreateProjectDialog.h"
#include "projects/ProjectDetails.h"
#include "projects/RotateSecretDialog.h"
#include "settings/ProfileStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace otadmin {

ProjectsPanel::ProjectsPanel(AppContext &context, QWidget *parent)
    : Panel(context, parent),
      m_model(new ProjectListModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_pages(new QStackedWidget(this)),
      m_view(new QTableView(this)),
      m_details(new ProjectDetails(context.clipboard(), this)),
      m_create(new QPushButton(tr("&New project\u2026"), this)),
      m_refresh(new QPushButton(tr("Refresh"), this)),
      m_filter(new QLineEdit(this))
{
    setObjectName(QStringLiteral("projectsPanel"));
    m_create->setObjectName(QStringLiteral("newProjectButton"));
    m_create->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setIcon(themeIcon(QStringLiteral("view-refresh"), this, QStyle::SP_BrowserReload));
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name or API key"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(240);
    m_filter->setAccessibleName(tr("Filter projects"));
    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_create);
    toolbar->addWidget(m_refresh);
    toolbar->addStretch(1);
    toolbar->addWidget(m_filter);
    contentLayout()->addLayout(toolbar);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelRole::Sort);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("projectsView"));
    m_view->setAccessibleName(tr("Projects"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProjectListModel::Created, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(ProjectListModel::Name, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(
        ProjectListModel::Created, QHeaderView::ResizeToContents);
    m_view->setItemDelegateForColumn(ProjectListModel::Status, new StatusBadgeDelegate(m_view));
    m_view->setItemDelegateForColumn(ProjectListModel::Id, new MonospaceDelegate(m_view));

    auto *empty = new QWidget(this);
    empty->setObjectName(QStringLiteral("emptyState"));
    auto *emptyText = new QLabel(tr("No projects in this account yet.\nA project has its own API "
                                    "key and secret and holds the sessions, archives and "
                                    "broadcasts of one application."),
        empty);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    auto *emptyCreate = new QPushButton(tr("Create a project\u2026"), empty);
    emptyCreate->setObjectName(QStringLiteral("emptyCreateButton"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(emptyCreate, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("projectsSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    m_pages->addWidget(splitter);
    m_pages->addWidget(empty);
    contentLayout()->addWidget(m_pages, 1);

    AccountApi *account = workspace()->account();
    connect(account, &AccountApi::projectChanged, m_model, &ProjectListModel::upsert);
    connect(account, &AccountApi::projectSecretRefreshed, m_model, &ProjectListModel::upsert);
    connect(account, &AccountApi::projectDeleted, m_model, &ProjectListModel::removeById);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this] {
            updateEmptyState();
            updateDetails();
        });
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateEmptyState();
        updateDetails();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateDetails();
        updateEmptyState();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ProjectsPanel::updateDetails);
    connect(m_view, &QTableView::customContextMenuRequested, this, &ProjectsPanel::showContextMenu);
    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_create, &QPushButton::clicked, this, &ProjectsPanel::startPrimaryAction);
    connect(emptyCreate, &QPushButton::clicked, this, &ProjectsPanel::startPrimaryAction);
    connect(m_refresh, &QPushButton::clicked, this, &ProjectsPanel::refresh);
    connect(m_details, &ProjectDetails::openRequested, this, &ProjectsPanel::openSelectedProject);
    connect(m_details, &ProjectDetails::toggleStatusRequested, this,
        &ProjectsPanel::confirmToggleStatus);
    connect(m_details, &ProjectDetails::refreshSecretRequested, this,
        &ProjectsPanel::confirmRefreshSecret);
    connect(m_details, &ProjectDetails::deleteRequested, this, &ProjectsPanel::confirmDelete);
    auto *copy = new QShortcut(QKeySequence::Copy, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, [this] {
        if (const auto project = selectedProject())
            this->context().clipboard()->copyText(project->id);
    });
    auto *del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ProjectsPanel::confirmDelete);
    connect(context.profileStore(), &ProfileStore::profilesChanged, this,
        &ProjectsPanel::updateDetails);
    updateDetails();
}

void ProjectsPanel::profileActivated(const Profile &profile)
{
    Panel::profileActivated(profile);
    m_model->clear();
    m_loaded = false;
    updateEmptyState();
    if (profile.kind == ProfileKind::Account)
        refresh();
}

QString ProjectsPanel::profileName() const
{
    const auto &profile = workspace()->profile();
    return profile ? profile->name : QString();
}

void ProjectsPanel::refresh()
{
    if (!workspace()->isAccountProfile())
        return;
    const quint64 ticket = m_model->beginRefresh();
    track(
        workspace()->account()->listProjects(), m_refresh,
        [this, ticket](ApiReply &reply) {
            m_model->replaceAll(ticket, reply.resultAs<QList<Project>>());
            m_loaded = true;
            updateEmptyState();
        },
        [this] { refresh(); });
}

void ProjectsPanel::startPrimaryAction()
{
    if (!workspace()->isAccountProfile())
        return;
    auto *dialog = new CreateProjectDialog(profileName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateProjectDialog::createRequested, this,
        [this, dialog](const ProjectCreateOptions &options) {
            // Not idempotent: no retry button (a repeat would create a second project).
            track(
                workspace()->account()->createProject(options), dialog->createButton(),
                [this, dialog](ApiReply &reply) {
                    const auto project = reply.resultAs<Project>();
                    m_filter->clear();
                    selectProject(project.id);
                    dialog->accept();
                },
                {}, dialog->banner());
        });
    dialog->open();
}

void ProjectsPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool ProjectsPanel::selectProject(const QString &projectKey)
{
    const int row = m_model->rowOf(projectKey);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

std::optional<Project> ProjectsPanel::selectedProject() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->find(rows.first().data(ModelRole::Id).toString());
}

void ProjectsPanel::updateEmptyState()
{
    m_pages->setCurrentIndex(m_loaded && m_model->rowCount() == 0 ? 1 : 0);
    const int suspended = m_model->rowCount() - m_model->activeCount();
    setSummary(suspended > 0 ? tr("%n suspended", nullptr, suspended) : QString());
}

void ProjectsPanel::updateDetails()
{
    const std::optional<Project> project = selectedProject();
    m_details->setProject(project);
    if (!project)
        return;
    QStringList names;
    Profile probe;
    probe.kind = ProfileKind::Project;
    probe.apiKey = project->id;
    if (const auto &account = workspace()->profile())
        probe.apiUrl = account->apiUrl;
    for (const Profile &p : context().profileStore()->profiles()) {
        if (credentialKey(p) == credentialKey(probe))
            names << QStringLiteral("\u201c%1\u201d").arg(p.name);
    }
    m_details->setProfileNote(names.isEmpty()
            ? tr("No saved profile uses this project.")
            : tr("Saved profile %1 uses this project; refreshing the secret updates it.")
                  .arg(names.join(QStringLiteral(", "))));
}

QString ProjectsPanel::describe(const Project &project) const
{
    return tr("project \u201c%1\u201d (%2) in %3")
        .arg(ProjectListModel::displayName(project), project.id, profileName());
}

void ProjectsPanel::confirmToggleStatus()
{
    const std::optional<Project> project = selectedProject();
    if (!project)
        return;
    const QString key = project->id;
    if (project->status == ProjectStatus::Suspended) {
        track(workspace()->account()->setProjectStatus(key, ProjectStatus::Active), nullptr, {},
            [this] { confirmToggleStatus(); });
        return;
    }
    confirmDestructive(this, tr("Suspend %1?").arg(describe(*project)),
        tr("Its API key stops working at once: every call and every session of the project "
           "fails until you activate it again."),
        tr("Suspend project"), [this, key] {
            track(workspace()->account()->setProjectStatus(key, ProjectStatus::Suspended), nullptr,
                {});
        });
}

void ProjectsPanel::confirmDelete()
{
    const std::optional<Project> project = selectedProject();
    if (!project)
        return;
    const QString key = project->id;
    confirmDestructive(this, tr("Delete %1?").arg(describe(*project)),
        tr("Deleting is permanent: the project's key and secret stop working and its sessions, "
           "archives and broadcasts cannot be reached again."),
        tr("Delete project"),
        [this, key] { track(workspace()->account()->deleteProject(key), nullptr, {}); });
}

void ProjectsPanel::confirmRefreshSecret()
{
    const std::optional<Project> project = selectedProject();
    const auto &account = workspace()->profile();
    if (!project || !account)
        return;
    confirmDestructive(this, tr("Refresh the secret of %1?").arg(describe(*project)),
        tr("The service issues a new secret and the old one stops working at once: client "
           "tokens made with it stop working, and every server using it must get the new "
           "one. This is done once and never repeated automatically."),
        tr("Refresh secret"), [this, project = *project, account = *account] {
            auto *dialog = new RotateSecretDialog(context(), project, account, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &RotateSecretDialog::rotated, this,
                [this](const QString &projectKey, const QByteArray &secret) {
                    if (auto known = m_model->find(projectKey)) {
                        known->secret = QString::fromUtf8(secret);
                        m_model->upsert(*known);
                    }
                });
            // The list holds the secret in force, whatever the outcome.
            connect(dialog, &RotateSecretDialog::rotationFinished, this, &ProjectsPanel::refresh);
            dialog->open();
        });
}

void ProjectsPanel::openSelectedProject()
{
    const std::optional<Project> project = selectedProject();
    const auto &account = workspace()->profile();
    if (!project || !account || project->secret.isEmpty())
        return;
    ProfileController *profiles = context().profiles();
    Profile target;
    target.name =
        ProjectListModel::displayName(*project).left(Profile::MaxNameLength - 12).trimmed();
    if (const auto existing = profiles->profile(target.name);
        existing && !profiles->isTransient(target.name))
        target.name += tr(" (this run)");
    target.kind = ProfileKind::Project;
    target.apiKey = project->id;
    target.apiUrl = account->apiUrl;
    target.color = account->color;
    profiles->addTransient(target, project->secret.toUtf8());
    auto *once = new QObject(this);
    connect(profiles, &ProfileController::activated, once,
        [this, once, name = target.name](const Profile &activated) {
            if (activated.name == name)
                Q_EMIT panelRequested(QStringLiteral("sessionsPanel"));
            once->deleteLater();
        });
    connect(profiles, &ProfileController::activationFailed, once, [once] { once->deleteLater(); });
    profiles->activate(target.name);
}

void ProjectsPanel::showContextMenu(const QPoint &pos)
{
    const std::optional<Project> project = selectedProject();
    if (!project || !m_view->indexAt(pos).isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Open this project"), this, &ProjectsPanel::openSelectedProject)
        ->setEnabled(!project->secret.isEmpty());
    menu->addAction(tr("Copy API key"), this,
        [this, key = project->id] { context().clipboard()->copyText(key); });
    menu->addSeparator();
    menu->addAction(
        project->status == ProjectStatus::Suspended ? tr("Activate") : tr("Suspend\u2026"), this,
        &ProjectsPanel::confirmToggleStatus);
    menu->addAction(tr("Refresh secret\u2026"), this, &ProjectsPanel::confirmRefreshSecret);
    menu->addAction(tr("Delete\u2026"), this, &ProjectsPanel::confirmDelete);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace otadmin
