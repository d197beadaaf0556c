// SPDX-License-Identifier: GPL-3.0-or-later
// ProfilesDialog: the list of profiles and what can be done with them.
#include "profiles/ProfilesDialog.h"

#include "AppContext.h"
#include "ProfileController.h"
#include "api/Workspace.h"
#include "common/Confirm.h"
#include "common/MessageBanner.h"
#include "credentials/CredentialStore.h"
#include "profiles/ColorTagPicker.h"
#include "profiles/ProfileEditDialog.h"
#include "profiles/ProfileSaver.h"
#include "settings/ProfileStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace otadmin {

namespace {
QString describe(const Profile &p)
{
    const QString kind = p.kind == ProfileKind::Account ? ProfilesDialog::tr("account")
                                                        : ProfilesDialog::tr("project");
    QString host = p.effectiveApiUrl().host();
    if (p.effectiveApiUrl().port() >= 0)
        host += QLatin1Char(':') + QString::number(p.effectiveApiUrl().port());
    return ProfilesDialog::tr("%1 %2 at %3").arg(kind, p.apiKey, host);
}
} // namespace

ProfilesDialog::ProfilesDialog(AppContext &context, QWidget *parent)
    : QDialog(parent),
      m_context(context),
      m_banner(new MessageBanner(this)),
      m_list(new QListWidget(this)),
      m_storeNote(new QLabel(this)),
      m_add(new QPushButton(tr("&Add\u2026"), this)),
      m_edit(new QPushButton(tr("&Edit\u2026"), this)),
      m_remove(new QPushButton(tr("&Remove\u2026"), this)),
      m_use(new QPushButton(tr("&Switch to"), this))
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Profiles"));
    m_banner->setObjectName(QStringLiteral("profilesBanner"));
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setIconSize(QSize(16, 16));
    m_list->setSpacing(2);
    m_add->setObjectName(QStringLiteral("addProfileButton"));
    m_edit->setObjectName(QStringLiteral("editProfileButton"));
    m_remove->setObjectName(QStringLiteral("removeProfileButton"));
    m_use->setObjectName(QStringLiteral("useProfileButton"));
    m_use->setToolTip(tr("Make this the active profile"));
    m_storeNote->setObjectName(QStringLiteral("storeNote"));
    m_storeNote->setWordWrap(true);
    const CredentialStore *store = context.credentials();
    m_storeNote->setText(store->isPersistent()
            ? tr("Secrets are kept in %1; the settings file holds only names, keys, URLs and "
                 "colours.")
                  .arg(store->backendName())
            : tr("Secrets are kept in %1 and are gone when the app quits.")
                  .arg(store->backendName()));

    auto *side = new QVBoxLayout;
    side->addWidget(m_add);
    side->addWidget(m_edit);
    side->addWidget(m_remove);
    side->addSpacing(12);
    side->addWidget(m_use);
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(row, 1);
    layout->addWidget(m_storeNote);
    layout->addWidget(buttons);
    resize(560, 360);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::openAdd);
    connect(m_edit, &QPushButton::clicked, this, [this] { openEdit(selectedName()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { confirmRemove(selectedName()); });
    connect(m_use, &QPushButton::clicked, this,
        [this] { m_context.profiles()->activate(selectedName()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { openEdit(selectedName()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::updateButtons);
    auto *del = new QShortcut(QKeySequence::Delete, m_list);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] { confirmRemove(selectedName()); });
    ProfileController *profiles = context.profiles();
    connect(profiles, &ProfileController::profilesChanged, this, &ProfilesDialog::reload);
    connect(profiles, &ProfileController::activated, this, &ProfilesDialog::reload);
    connect(context.workspace(), &Workspace::profileDeactivated, this, &ProfilesDialog::reload);
    reload();
}

void ProfilesDialog::reload()
{
    const QString keep = selectedName();
    const ProfileController *profiles = m_context.profiles();
    const QString active = profiles->activeName();
    const QColor outline = palette().color(QPalette::WindowText);
    m_list->clear();
    for (const Profile &p : profiles->profiles()) {
        QString text = p.name;
        if (p.name == active)
            text += tr("  (active)");
        text += QLatin1Char('\n') + describe(p);
        if (profiles->isTransient(p.name))
            text += tr(" \u2014 this run only");
        auto *item = new QListWidgetItem(colorTagIcon(p.color, outline, 16), text, m_list);
        item->setData(Qt::UserRole, p.name);
        item->setData(Qt::AccessibleTextRole, p.name);
        item->setToolTip(describe(p));
    }
    if (m_list->count() == 0) {
        auto *item = new QListWidgetItem(tr("No profiles yet. Add one with the API key and "
                                            "secret of a project (or of your account)."),
            m_list);
        item->setFlags(Qt::NoItemFlags);
    }
    selectName(keep.isEmpty() ? active : keep);
    updateButtons();
}

QString ProfilesDialog::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ProfilesDialog::selectName(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (!name.isEmpty() && m_list->item(row)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentRow(row);
            return;
        }
    }
    if (m_list->count() > 0 && m_list->item(0)->flags() != Qt::NoItemFlags)
        m_list->setCurrentRow(0);
}

void ProfilesDialog::updateButtons()
{
    const QString name = selectedName();
    const bool saved = !name.isEmpty() && !m_context.profiles()->isTransient(name);
    m_edit->setEnabled(saved);
    m_remove->setEnabled(saved);
    m_use->setEnabled(!name.isEmpty() && name != m_context.profiles()->activeName());
    const QString why = tr("Profiles of this run only (such as the sandbox's) cannot be "
                           "edited or removed.");
    m_edit->setToolTip(saved || name.isEmpty() ? QString() : why);
    m_remove->setToolTip(m_edit->toolTip());
}

ProfileEditDialog *ProfilesDialog::openAdd()
{
    auto *dialog = new ProfileEditDialog(m_context, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool first = m_context.profileStore()->profiles().isEmpty();
    connect(dialog, &ProfileEditDialog::profileSaved, this,
        [this, first](const Profile &profile, const QString &warning) {
            onSaved(profile, warning, first || m_context.profiles()->activeName().isEmpty(), false);
        });
    dialog->open();
    return dialog;
}

ProfileEditDialog *ProfilesDialog::openEdit(const QString &name)
{
    const std::optional<Profile> original = m_context.profileStore()->profile(name);
    if (!original)
        return nullptr;
    auto *dialog = new ProfileEditDialog(m_context, original, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileEditDialog::profileSaved, this,
        [this, name](const Profile &profile, const QString &warning) {
            const bool wasActive = m_context.profiles()->activeName() == name;
            m_context.profiles()->forgetRunOnlySecret(name);
            onSaved(profile, warning, false, wasActive);
        });
    dialog->open();
    return dialog;
}

void ProfilesDialog::onSaved(
    const Profile &profile, const QString &warning, bool activate, bool wasActive)
{
    reload();
    selectName(profile.name);
    if (warning.isEmpty())
        m_banner->showMessage(
            MessageBanner::Kind::Positive, tr("Saved profile \u201c%1\u201d.").arg(profile.name));
    else
        m_banner->showMessage(MessageBanner::Kind::Warning, warning);
    // The active profile is re-read so that new credentials take effect now.
    if (activate || wasActive)
        m_context.profiles()->activate(profile.name);
}

void ProfilesDialog::confirmRemove(const QString &name)
{
    const std::optional<Profile> profile = m_context.profileStore()->profile(name);
    if (!profile)
        return;
    const ProfileStore &store = *m_context.profileStore();
    const bool shared = ProfileSaver::isKeyShared(store, credentialKey(*profile), name);
    const QString backend = m_context.credentials()->backendName();
    const QString details = shared
        ? tr("Its secret stays in %1 because another profile uses the same API key and URL.")
              .arg(backend)
        : tr("Its secret is deleted from %1 too. This cannot be undone: to use %2 again you "
             "need its secret.")
              .arg(backend, describe(*profile));
    confirmDestructive(this,
        tr("Remove profile \u201c%1\u201d (%2)?").arg(name, describe(*profile)), details,
        tr("Remove profile"), [this, name, shared] { remove(name, shared); });
}

void ProfilesDialog::remove(const QString &name, bool keepSecret)
{
    const std::optional<Profile> profile = m_context.profileStore()->profile(name);
    if (!profile)
        return;
    const auto finishRemoval = [this, name] {
        ProfileController *profiles = m_context.profiles();
        const bool wasActive = profiles->activeName() == name;
        profiles->forgetRunOnlySecret(name);
        m_context.profileStore()->remove(name);
        if (wasActive)
            m_context.workspace()->deactivate();
        m_banner->showMessage(
            MessageBanner::Kind::Positive, tr("Removed profile \u201c%1\u201d.").arg(name));
    };
    if (keepSecret) {
        finishRemoval();
        return;
    }
    // The keychain entry goes first: a profile removed with its secret left behind would be
    // an orphan nobody can see in the app.
    CredentialReply *reply = m_context.credentials()->deleteSecret(credentialKey(*profile));
    m_remove->setEnabled(false);
    connect(reply, &CredentialReply::finished, this, [this, reply, name, finishRemoval] {
        updateButtons();
        if (reply->isSuccess()) {
            finishRemoval();
            return;
        }
        m_banner->showAction(MessageBanner::Kind::Error,
            tr("The secret of \u201c%1\u201d could not be deleted from %2: %3 The profile was "
               "kept; remove it again once the keychain works, or remove only the profile and "
               "leave the secret in the keychain.")
                .arg(name, m_context.credentials()->backendName(), reply->errorMessage()),
            tr("Remove profile only"), [this, name] { remove(name, true); });
    });
}

} // namespace otadmin
