// SPDX-License-Identifier: GPL-3.0-or-later
// Manage profiles: add, edit, remove; the secret goes to the keychain, never to settings.
#pragma once

#include <QDialog>

class QListWidget;

namespace otadmin {

class AppContext;

class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfilesDialog(AppContext &context, QWidget *parent = nullptr);

private:
    void reload();

    AppContext &m_context;
    QListWidget *m_list;
};

} // namespace otadmin
