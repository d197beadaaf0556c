// SPDX-License-Identifier: GPL-3.0-or-later
// RotateSecretDialog: refresh → pending → verify → replace, with an honest ending.
#include "projects/RotateSecretDialog.h"

#include "AppContext.h"
#include "ProfileController.h"
#include "api/Workspace.h"
#include "common/MessageBanner.h"
#include "common/SecureClipboard.h"
#include "credentials/MemoryCredentialStore.h"
#include "models/ProjectListModel.h"
#include "net/RestClient.h"
#include "settings/ProfileStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

RotateSecretDialog::RotateSecretDialog(
    AppContext &context, const Project &project, const Profile &account, QWidget *parent)
    : QDialog(parent),
      m_context(context),
      m_project(project),
      m_client(new RestClient(context.network(), context.workspace()->client()->clock(),
          context.workspace()->client()->random(), this)),
      m_headline(new QLabel(this)),
      m_step(new QLabel(this)),
      m_banner(new MessageBanner(this)),
      m_secretBox(new QWidget(this)),
      m_secretWhy(new QLabel(this)),
      m_newSecret(new QLineEdit(this)),
      m_showNewSecret(new QToolButton(this)),
      m_copyNewSecret(new QPushButton(tr("&Copy new secret"), this))
{
    setObjectName(QStringLiteral("rotateSecretDialog"));
    const QString name = ProjectListModel::displayName(project);
    setWindowTitle(tr("Refresh secret of \u201c%1\u201d").arg(name));
    RestClient *active = context.workspace()->client();
    m_client->setBaseUrl(active->baseUrl());
    m_client->config() = active->config();
    m_client->setRequestLog(active->requestLog());
    m_client->setAccountCredentials(active->accountCredentials());

    // The profile whose secret rotates: a saved one for this project, or a stand-in.
    Profile probe;
    probe.name = name.left(Profile::MaxNameLength).trimmed();
    probe.kind = ProfileKind::Project;
    probe.apiKey = project.id;
    probe.apiUrl = account.apiUrl;
    probe.color = account.color;
    m_profile = probe;
    for (const Profile &p : context.profileStore()->profiles()) {
        if (credentialKey(p) == credentialKey(probe)) {
            m_profile = p;
            m_savedProfile = true;
            break;
        }
    }

    m_headline->setObjectName(QStringLiteral("rotationHeadline"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_headline->setWordWrap(true);
    m_step->setObjectName(QStringLiteral("rotationStep"));
    m_step->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("rotationBanner"));
    m_secretWhy->setWordWrap(true);
    m_newSecret->setObjectName(QStringLiteral("newSecretEdit"));
    m_newSecret->setReadOnly(true);
    m_newSecret->setEchoMode(QLineEdit::Password);
    m_newSecret->setAccessibleName(tr("New secret"));
    m_showNewSecret->setObjectName(QStringLiteral("showNewSecretButton"));
    m_showNewSecret->setText(tr("Show"));
    m_showNewSecret->setCheckable(true);
    m_copyNewSecret->setObjectName(QStringLiteral("copyNewSecretButton"));
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_newSecret, 1);
    secretRow->addWidget(m_showNewSecret);
    secretRow->addWidget(m_copyNewSecret);
    auto *boxLayout = new QVBoxLayout(m_secretBox);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    boxLayout->addWidget(m_secretWhy);
    boxLayout->addLayout(secretRow);
    m_secretBox->setObjectName(QStringLiteral("newSecretBox"));
    m_secretBox->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("closeButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_step);
    layout->addWidget(m_banner);
    layout->addWidget(m_secretBox);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(600);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_showNewSecret, &QToolButton::toggled, this, [this](bool show) {
        m_newSecret->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_showNewSecret->setText(show ? tr("Hide") : tr("Show"));
    });
    connect(m_copyNewSecret, &QPushButton::clicked, this,
        [this] { m_context.clipboard()->copySecret(m_newSecret->text()); });

    m_headline->setText(
        tr("Refreshing the secret of \u201c%1\u201d (%2)\u2026").arg(name, project.id));
    start();
}

RotateSecretDialog::~RotateSecretDialog()
{
    // Only when the window goes mid-rotation: stop following it before its calls are cancelled.
    delete m_rotation;
    m_client->abortAll();
    m_client->setAccountCredentials({});
}

void RotateSecretDialog::done(int result)
{
    if (m_running)
        return; // a secret may be in flight: wait for the outcome
    m_newSecret->clear();
    QDialog::done(result);
}

void RotateSecretDialog::start()
{
    m_running = true;
    m_close->setEnabled(false);
    CredentialStore *store = m_context.credentials();
    if (!m_savedProfile) {
        m_memory = new MemoryCredentialStore(this);
        store = m_memory;
    }
    m_rotation = new SecretRotation(m_client, m_context.network(), store, m_profile, this);
    connect(m_rotation, &SecretRotation::stepChanged, this, &RotateSecretDialog::showStep);
    connect(m_rotation, &SecretRotation::finished, this, &RotateSecretDialog::onFinished);
    if (!m_memory || m_project.secret.isEmpty()) {
        m_rotation->start();
        return;
    }
    // The stand-in store knows the current secret, so a lost answer can be reconciled.
    CredentialReply *seed =
        m_memory->writeSecret(credentialKey(m_profile), m_project.secret.toUtf8());
    connect(seed, &CredentialReply::finished, this, [this] { m_rotation->start(); });
}

void RotateSecretDialog::showStep(SecretRotation::Step step)
{
    switch (step) {
    case SecretRotation::Step::Refreshing:
        m_step->setText(tr("Asking the service for a new secret\u2026"));
        break;
    case SecretRotation::Step::Reconciling:
        m_step->setText(tr("The answer was lost; reading the project to find out whether the "
                           "secret changed\u2026"));
        break;
    case SecretRotation::Step::StoringPending:
        m_step->setText(tr("Keeping the new secret safe before anything else\u2026"));
        break;
    case SecretRotation::Step::Verifying:
        m_step->setText(tr("Checking that the new secret works\u2026"));
        break;
    case SecretRotation::Step::Replacing:
        m_step->setText(tr("Replacing the saved secret\u2026"));
        break;
    case SecretRotation::Step::Idle:
    case SecretRotation::Step::Finished:
        break;
    }
}

void RotateSecretDialog::onFinished(SecretRotation::Outcome outcome)
{
    m_running = false;
    m_outcome = outcome;
    m_close->setEnabled(true);
    m_close->setDefault(true);
    m_step->clear();
    m_step->hide();
    const QString message = m_rotation->message();
    const QString name = ProjectListModel::displayName(m_project);
    switch (outcome) {
    case SecretRotation::Outcome::Rotated: {
        m_headline->setText(tr("The secret of \u201c%1\u201d was refreshed.").arg(name));
        CredentialStore *store = m_memory ? m_memory : m_context.credentials();
        CredentialReply *read = store->readSecret(credentialKey(m_profile));
        connect(read, &CredentialReply::finished, this, [this, read, message] {
            const QByteArray secret = read->secret();
            m_context.profiles()->updateMemorySecrets(credentialKey(m_profile), secret);
            if (m_savedProfile) {
                m_banner->showMessage(MessageBanner::Kind::Positive,
                    message + QLatin1Char(' ')
                        + tr("Profile \u201c%1\u201d uses it from now on.").arg(m_profile.name));
            } else {
                // The rotation's own sentence says "saved": true only of its scratch store.
                m_banner->showMessage(MessageBanner::Kind::Positive,
                    tr("The secret was rotated and the new one works. Client tokens made with "
                       "the old secret no longer work."));
                offerSecret(secret,
                    tr("No saved profile uses this project, so the new secret was not saved "
                       "anywhere. Copy it now for your servers:"));
            }
            if (!secret.isEmpty())
                Q_EMIT rotated(m_project.id, secret);
            adjustSize();
            Q_EMIT rotationFinished(SecretRotation::Outcome::Rotated);
        });
        return;
    }
    case SecretRotation::Outcome::FailedNothingChanged:
        m_headline->setText(tr("The secret of \u201c%1\u201d was not refreshed.").arg(name));
        m_banner->showMessage(MessageBanner::Kind::Error, message);
        break;
    case SecretRotation::Outcome::OutcomeUnknown:
        m_headline->setText(tr("Rotation outcome unknown \u2014 check the dashboard"));
        if (!m_savedProfile && m_rotation->hasNewSecretForManualCopy()) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                tr("The secret was rotated, but the new one could not be confirmed to work. No "
                   "saved profile uses this project, so it was not saved anywhere: copy it now, "
                   "check it in the dashboard, and do not rotate again."));
        } else {
            m_banner->showMessage(MessageBanner::Kind::Warning, message);
        }
        if (m_rotation->hasNewSecretForManualCopy()) {
            offerSecret(m_rotation->newSecretForManualCopy(),
                tr("The service sent this new secret. It is shown only now: copy it, check it "
                   "in the dashboard, then enter it in the profile."));
        }
        break;
    }
    adjustSize();
    Q_EMIT rotationFinished(outcome);
}

void RotateSecretDialog::offerSecret(const QByteArray &secret, const QString &why)
{
    if (secret.isEmpty())
        return;
    m_secretWhy->setText(why);
    m_newSecret->setText(QString::fromUtf8(secret));
    m_secretBox->show();
    adjustSize();
}

} // namespace otadmin
