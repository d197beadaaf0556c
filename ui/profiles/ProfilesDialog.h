// SPDX-License-Identifier: GPL-3.0-or-later
// Manage profiles: add, edit, remove; the secret goes to the keychain, never to settings.
#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace otadmin {

class AppContext;
class MessageBanner;
class ProfileEditDialog;
struct Profile;

/// Non-modal. "profileList" shows every profile with its colour tag (transient ones, such as
/// the sandbox's, marked "this run only" and not editable); "addProfileButton",
/// "editProfileButton", "removeProfileButton", "useProfileButton"; errors and warnings in
/// "profilesBanner". Add/Edit open a ProfileEditDialog ("profileEditDialog"). Removing asks
/// with confirmDestructive() and deletes the profile's keychain entry first (unless another
/// profile shares it); if the keychain refuses, the profile is kept and the banner says why.
/// After the first saved profile is added (or when none is active) it is activated.
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfilesDialog(AppContext &context, QWidget *parent = nullptr);

    /// Opens the add form at once (the welcome page's "Add a project…").
    ProfileEditDialog *openAdd();
    ProfileEditDialog *openEdit(const QString &name);
    /// Asks to remove the saved profile `name`.
    void confirmRemove(const QString &name);
    MessageBanner *banner() const { return m_banner; }

private:
    void reload();
    void updateButtons();
    QString selectedName() const;
    void selectName(const QString &name);
    void onSaved(const Profile &profile, const QString &warning, bool added, bool wasActive);
    void remove(const QString &name, bool keepSecret);

    AppContext &m_context;
    MessageBanner *m_banner;
    QListWidget *m_list;
    QLabel *m_storeNote;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_use;
};

} // namespace otadmin
