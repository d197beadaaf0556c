// SPDX-License-Identifier: GPL-3.0-or-later
// What the main window says about profile activation: failures, keychain trouble, run-only use.
#pragma once

#include "credentials/CredentialStore.h"

#include <QObject>

class QLabel;
class QWidget;

namespace otadmin {

class AppContext;
class MessageBanner;
struct Profile;

/// Drives the window banner ("windowBanner") for ProfileController's outcomes:
///   * keychain unusable (NoBackend, Locked, AccessDenied, Timeout): an error with
///     "Enter secret for this run…" (SecretPromptDialog, RunOnly). An unusable keychain proves
///     nothing about a saved secret (G-SEC-5), so it never offers to save a new one;
///   * NotFound (the store proved it works and holds none): "Enter secret…", which saves it;
///   * anything else: the error with Retry.
/// While the active profile's secret lives only in memory (run-only or transient), the status
/// label ("statusRunOnly") says so; a run-only activation also leaves a Warning in the banner.
class ActivationNotices : public QObject
{
    Q_OBJECT

public:
    /// `banner` and `dialogParent` are not owned. The status label is created here, parented
    /// to `dialogParent`, for the window to place in its status bar.
    ActivationNotices(AppContext &context, MessageBanner *banner, QWidget *dialogParent);

    QLabel *statusLabel() const { return m_status; }
    /// Opens the secret prompt for profile `name` (run-only or saving).
    void promptForSecret(const QString &name, bool runOnly);

private:
    void onActivated(const Profile &profile);
    void onFailed(const QString &name, const QString &message, CredentialReply::Error error);
    void updateStatus();

    AppContext &m_context;
    MessageBanner *m_banner;
    QWidget *m_dialogParent;
    QLabel *m_status;
};

} // namespace otadmin
