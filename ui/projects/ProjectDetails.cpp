// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectDetails: fields, masked secret and the project's actions.
#include "projects/ProjectDetails.h"

#include "common/IdField.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "common/StyleIcons.h"
#include "models/Format.h"
#include "models/ProjectListModel.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

namespace {
const QString Mask = QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022");
}

ProjectDetails::ProjectDetails(SecureClipboard *clipboard, QWidget *parent)
    : QWidget(parent),
      m_clipboard(clipboard),
      m_pages(new QStackedWidget(this)),
      m_name(new QLabel(this)),
      m_key(new IdField(clipboard, this)),
      m_status(new StatusBadge(this)),
      m_environment(new QLabel(this)),
      m_created(new QLabel(this)),
      m_secret(new QLabel(this)),
      m_showSecret(new QPushButton(tr("Show secret"), this)),
      m_copySecret(new QToolButton(this)),
      m_profileNote(new QLabel(this)),
      m_open(new QPushButton(tr("&Open this project"), this)),
      m_toggleStatus(new QPushButton(this)),
      m_refreshSecret(new QPushButton(tr("Refresh secret\u2026"), this)),
      m_delete(new QPushButton(tr("Delete\u2026"), this))
{
    setObjectName(QStringLiteral("projectDetails"));
    m_name->setObjectName(QStringLiteral("projectNameLabel"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);
    m_name->setWordWrap(true);
    m_key->setObjectName(QStringLiteral("projectKeyField"));
    m_key->setKeep(16);
    m_status->setObjectName(QStringLiteral("projectStatusBadge"));
    m_environment->setObjectName(QStringLiteral("projectEnvironmentLabel"));
    m_created->setObjectName(QStringLiteral("projectCreatedLabel"));
    m_secret->setObjectName(QStringLiteral("projectSecretLabel"));
    m_secret->setFont(monospaceFont());
    m_secret->setAccessibleName(tr("Project secret"));
    m_showSecret->setObjectName(QStringLiteral("showSecretButton"));
    m_showSecret->setCheckable(true);
    m_copySecret->setObjectName(QStringLiteral("copySecretButton"));
    m_copySecret->setIcon(
        themeIcon(QStringLiteral("edit-copy"), this, QStyle::SP_FileDialogContentsView));
    m_copySecret->setAutoRaise(true);
    m_copySecret->setAccessibleName(tr("Copy secret"));
    m_copySecret->setToolTip(
        tr("Copy the secret; it leaves the clipboard after %1 s")
            .arg(clipboard ? clipboard->clearAfterSecs() : SecureClipboard::DefaultClearSecs));
    m_profileNote->setObjectName(QStringLiteral("projectProfileLabel"));
    m_profileNote->setWordWrap(true);
    m_open->setObjectName(QStringLiteral("openProjectButton"));
    m_open->setToolTip(tr("Switch to this project with its secret, for this run"));
    m_toggleStatus->setObjectName(QStringLiteral("toggleStatusButton"));
    m_refreshSecret->setObjectName(QStringLiteral("refreshSecretButton"));
    m_refreshSecret->setToolTip(tr("Rotate the project's API secret; tokens made with the "
                                   "old one stop working"));
    m_delete->setObjectName(QStringLiteral("deleteProjectButton"));

    auto *secretRow = new QHBoxLayout;
    secretRow->setContentsMargins(0, 0, 0, 0);
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_copySecret);
    secretRow->addWidget(m_showSecret);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("API key:"), m_key);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Environment:"), m_environment);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Secret:"), secretRow);
    auto *actions = new QGridLayout;
    actions->addWidget(m_open, 0, 0, 1, 2);
    actions->addWidget(m_toggleStatus, 1, 0);
    actions->addWidget(m_refreshSecret, 1, 1);
    actions->addWidget(m_delete, 2, 0);

    auto *details = new QWidget(this);
    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_name);
    layout->addLayout(form);
    layout->addWidget(m_profileNote);
    layout->addSpacing(8);
    layout->addLayout(actions);
    layout->addStretch(1);
    auto *hint = new QLabel(tr("Select a project to see its details."), this);
    hint->setObjectName(QStringLiteral("detailsHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    m_pages->addWidget(hint);
    m_pages->addWidget(details);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    connect(m_showSecret, &QPushButton::toggled, this, &ProjectDetails::showSecret);
    connect(m_copySecret, &QToolButton::clicked, this, [this] {
        if (m_project && m_clipboard && !m_project->secret.isEmpty())
            m_clipboard->copySecret(m_project->secret);
    });
    connect(m_open, &QPushButton::clicked, this, &ProjectDetails::openRequested);
    connect(m_toggleStatus, &QPushButton::clicked, this, &ProjectDetails::toggleStatusRequested);
    connect(m_refreshSecret, &QPushButton::clicked, this, &ProjectDetails::refreshSecretRequested);
    connect(m_delete, &QPushButton::clicked, this, &ProjectDetails::deleteRequested);
    setProject(std::nullopt);
}

void ProjectDetails::setProject(const std::optional<Project> &project)
{
    const bool sameProject = project && m_project && project->id == m_project->id;
    m_project = project;
    m_pages->setCurrentIndex(project ? 1 : 0);
    if (!sameProject) {
        const QSignalBlocker block(m_showSecret);
        m_showSecret->setChecked(false);
        m_secretShown = false;
    }
    if (!project) {
        m_secret->clear();
        return;
    }
    m_name->setText(ProjectListModel::displayName(*project));
    m_key->setValue(project->id);
    const QString keyword = ProjectListModel::statusKeyword(*project);
    m_status->setStatus(keyword,
        keyword == QLatin1String("unknown") && !project->statusString.isEmpty()
            ? project->statusString.toLower()
            : QString());
    m_environment->setText(
        project->environment.isEmpty() ? project->environmentDescription : project->environment);
    m_created->setText(formatLocalTime(project->createdAt));
    m_created->setToolTip(formatUtcTime(project->createdAt));
    const bool hasSecret = !project->secret.isEmpty();
    m_showSecret->setEnabled(hasSecret);
    m_copySecret->setEnabled(hasSecret);
    m_open->setEnabled(hasSecret);
    m_open->setToolTip(hasSecret ? tr("Switch to this project with its secret, for this run")
                                 : tr("The service sent no secret for this project"));
    const bool suspended = project->status == ProjectStatus::Suspended;
    m_toggleStatus->setText(suspended ? tr("&Activate") : tr("&Suspend\u2026"));
    m_toggleStatus->setToolTip(suspended ? tr("Let the project's key work again")
                                         : tr("Stop every call and session of the project"));
    showSecret(m_secretShown);
}

void ProjectDetails::setProfileNote(const QString &note)
{
    m_profileNote->setText(note);
    m_profileNote->setVisible(!note.isEmpty());
}

void ProjectDetails::showSecret(bool show)
{
    m_secretShown = show && m_project && !m_project->secret.isEmpty();
    m_showSecret->setText(m_secretShown ? tr("Hide secret") : tr("Show secret"));
    if (!m_project || m_project->secret.isEmpty())
        m_secret->setText(tr("(not sent by the service)"));
    else
        m_secret->setText(m_secretShown ? m_project->secret : Mask);
    m_secret->setTextInteractionFlags(
        m_secretShown ? Qt::TextSelectableByMouse : Qt::NoTextInteraction);
}

} // namespace otadmin
