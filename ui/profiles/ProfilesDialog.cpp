// SPDX-License-Identifier: GPL-3.0-or-later
// ProfilesDialog: placeholder list until profile editing is built.
#include "profiles/ProfilesDialog.h"

#include "AppContext.h"
#include "ProfileController.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QVBoxLayout>

namespace otadmin {

ProfilesDialog::ProfilesDialog(AppContext &context, QWidget *parent)
    : QDialog(parent), m_context(context), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Profiles"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    reload();
}

void ProfilesDialog::reload()
{
    m_list->clear();
    for (const Profile &profile : m_context.profiles()->profiles())
        m_list->addItem(profile.name);
}

} // namespace otadmin
