// SPDX-License-Identifier: GPL-3.0-or-later
// ActivationNotices: banner actions after a failed activation, and the run-only warning.
#include "profiles/ActivationNotices.h"

#include "AppContext.h"
#include "ProfileController.h"
#include "SandboxLauncher.h"
#include "api/Workspace.h"
#include "common/MessageBanner.h"
#include "profiles/SecretPromptDialog.h"

#include <QLabel>

namespace otadmin {

ActivationNotices::ActivationNotices(
    AppContext &context, MessageBanner *banner, QWidget *dialogParent)
    : QObject(dialogParent),
      m_context(context),
      m_banner(banner),
      m_dialogParent(dialogParent),
      m_status(new QLabel(dialogParent))
{
    m_status->setObjectName(QStringLiteral("statusRunOnly"));
    m_status->setText(tr("\u26a0 Secret kept in memory for this run only"));
    m_status->setToolTip(
        tr("This profile's secret is not saved: the app forgets it when it quits."));
    m_status->hide();
    ProfileController *profiles = context.profiles();
    connect(profiles, &ProfileController::activated, this, &ActivationNotices::onActivated);
    connect(profiles, &ProfileController::activationFailed, this, &ActivationNotices::onFailed);
    connect(context.workspace(), &Workspace::profileDeactivated, this,
        &ActivationNotices::updateStatus);
}

void ActivationNotices::updateStatus()
{
    const auto &profile = m_context.workspace()->profile();
    const ProfileController *profiles = m_context.profiles();
    // The sandbox's own profiles are in memory by nature; saying so would be noise there.
    const bool sandbox = profile
        && (profile->name == QLatin1String(SandboxLauncher::ProjectProfileName)
            || profile->name == QLatin1String(SandboxLauncher::AccountProfileName));
    m_status->setVisible(profile && !sandbox
        && (profiles->isRunOnly(profile->name) || profiles->isTransient(profile->name)));
}

void ActivationNotices::onActivated(const Profile &profile)
{
    updateStatus();
    if (!m_context.profiles()->isRunOnly(profile.name)) {
        m_banner->dismiss();
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Warning,
        tr("The secret of \u201c%1\u201d is kept in memory for this run only: the keychain "
           "could not be used, so it is not saved. You will be asked again next time.")
            .arg(profile.name));
}

void ActivationNotices::onFailed(
    const QString &name, const QString &message, CredentialReply::Error error)
{
    const QString text = tr("Cannot use profile \u201c%1\u201d: %2").arg(name, message);
    using Error = CredentialReply::Error;
    switch (error) {
    case Error::NoBackend:
    case Error::Locked:
    case Error::AccessDenied:
    case Error::Timeout:
        m_banner->showAction(MessageBanner::Kind::Error,
            text + QLatin1Char(' ')
                + tr("You can type the secret to use it until you quit, or fix the keychain "
                     "and choose the profile again."),
            tr("Enter secret for this run\u2026"), [this, name] { promptForSecret(name, true); });
        break;
    case Error::NotFound:
        m_banner->showAction(MessageBanner::Kind::Error, text, tr("Enter secret\u2026"),
            [this, name] { promptForSecret(name, false); });
        break;
    default:
        m_banner->showError(text, [this, name] { m_context.profiles()->activate(name); });
        break;
    }
}

void ActivationNotices::promptForSecret(const QString &name, bool runOnly)
{
    const std::optional<Profile> profile = m_context.profiles()->profile(name);
    if (!profile)
        return;
    auto *dialog = new SecretPromptDialog(m_context, *profile,
        runOnly ? SecretPromptDialog::Mode::RunOnly : SecretPromptDialog::Mode::Save,
        m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace otadmin
