// SPDX-License-Identifier: GPL-3.0-or-later
// The details pane of the Projects panel: one project, its secret hidden until asked for.
#pragma once

#include "types/Project.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace otadmin {

class IdField;
class SecureClipboard;
class StatusBadge;

/// Shows the selected project. The secret is masked ("projectSecretLabel") until the user
/// clicks "showSecretButton"; selecting another project masks it again. "copySecretButton"
/// copies it through SecureClipboard::copySecret (cleared after the delay). Action buttons
/// emit the *Requested signals; the panel does the work: "openProjectButton",
/// "toggleStatusButton" (Suspend…/Activate), "refreshSecretButton", "deleteProjectButton".
class ProjectDetails : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectDetails(SecureClipboard *clipboard, QWidget *parent = nullptr);

    /// nullopt: the "select a project" hint.
    void setProject(const std::optional<Project> &project);
    std::optional<Project> project() const { return m_project; }
    /// A line about the saved profiles that use this project (empty: none).
    void setProfileNote(const QString &note);
    bool isSecretShown() const { return m_secretShown; }

Q_SIGNALS:
    void openRequested();
    void toggleStatusRequested();
    void refreshSecretRequested();
    void deleteRequested();

private:
    void showSecret(bool show);

    SecureClipboard *m_clipboard;
    QStackedWidget *m_pages;
    QLabel *m_name;
    IdField *m_key;
    StatusBadge *m_status;
    QLabel *m_environment;
    QLabel *m_created;
    QLabel *m_secret;
    QPushButton *m_showSecret;
    QToolButton *m_copySecret;
    QLabel *m_profileNote;
    QPushButton *m_open;
    QPushButton *m_toggleStatus;
    QPushButton *m_refreshSecret;
    QPushButton *m_delete;
    std::optional<Project> m_project;
    bool m_secretShown = false;
};

} // namespace otadmin
