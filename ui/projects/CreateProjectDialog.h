// SPDX-License-Identifier: GPL-3.0-or-later
// Asks for the (optional) name of a new project.
#pragma once

#include "types/Project.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace otadmin {

class MessageBanner;

/// Non-modal. "projectNameEdit" validated as you type (ProjectCreateOptions::validate());
/// "createButton" emits createRequested and stays disabled while the panel's call runs
/// (creating is not idempotent, so there is no automatic retry). Errors go to
/// "createProjectBanner"; the panel closes the dialog on success.
class CreateProjectDialog : public QDialog
{
    Q_OBJECT

public:
    CreateProjectDialog(const QString &accountName, QWidget *parent = nullptr);

    ProjectCreateOptions options() const;
    MessageBanner *banner() const { return m_banner; }
    QPushButton *createButton() const { return m_create; }

Q_SIGNALS:
    void createRequested(const otadmin::ProjectCreateOptions &options);

private:
    void updateValidation();

    MessageBanner *m_banner;
    QLineEdit *m_name;
    QLabel *m_validation;
    QPushButton *m_create;
};

} // namespace otadmin
