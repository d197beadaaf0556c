// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one secret rotation (SecretRotation) and shows how it ended, losing nothing.
#pragma once

#include "credentials/SecretRotation.h"
#include "settings/Profile.h"
#include "types/Project.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace otadmin {

class AppContext;
class MemoryCredentialStore;
class MessageBanner;
class RestClient;

/// Opened after the user confirmed; starts at once. The rotation signs with a private copy of
/// the active account client, so switching profiles meanwhile cannot disturb it, and the dialog
/// cannot be closed until it finishes (closing would drop a secret in flight).
///   * A saved project profile for the project (same API key and host) exists: the rotation
///     uses the app's CredentialStore, so the keychain ends with the new, verified secret.
///   * None exists: it runs on a private memory store seeded with the current secret, and the
///     new secret is offered for copying (nothing is written to the keychain).
/// Either way transient and run-only profiles of the project get the new secret in memory
/// (ProfileController::updateMemorySecrets).
/// Outcome UI: "rotationHeadline", "rotationBanner" (Positive / Error / Warning), and for
/// OutcomeUnknown the headline "Rotation outcome unknown — check the dashboard" with the old
/// secret kept; a received new secret is taken ONCE from SecretRotation and shown in
/// "newSecretEdit" (masked; "showNewSecretButton", "copyNewSecretButton"). No retry is offered.
class RotateSecretDialog : public QDialog
{
    Q_OBJECT

public:
    RotateSecretDialog(AppContext &context, const Project &project, const Profile &account,
        QWidget *parent = nullptr);
    ~RotateSecretDialog() override;

    bool isRunning() const { return m_running; }
    std::optional<SecretRotation::Outcome> outcome() const { return m_outcome; }
    /// The saved project profile whose keychain entry the rotation updates (empty: none).
    QString profileName() const { return m_savedProfile ? m_profile.name : QString(); }

    void done(int result) override;

Q_SIGNALS:
    /// Rotated: `secret` is the new, verified secret (for the panel's details).
    void rotated(const QString &projectKey, const QByteArray &secret);
    void rotationFinished(otadmin::SecretRotation::Outcome outcome);

private:
    void start();
    void onFinished(SecretRotation::Outcome outcome);
    void offerSecret(const QByteArray &secret, const QString &why);
    void showStep(SecretRotation::Step step);

    AppContext &m_context;
    Project m_project;
    Profile m_profile;
    bool m_savedProfile = false;
    RestClient *m_client;
    MemoryCredentialStore *m_memory = nullptr;
    SecretRotation *m_rotation = nullptr;
    QLabel *m_headline;
    QLabel *m_step;
    MessageBanner *m_banner;
    QWidget *m_secretBox;
    QLabel *m_secretWhy;
    QLineEdit *m_newSecret;
    QToolButton *m_showNewSecret;
    QPushButton *m_copyNewSecret;
    QPushButton *m_close;
    std::optional<SecretRotation::Outcome> m_outcome;
    bool m_running = false;
};

} // namespace otadmin
