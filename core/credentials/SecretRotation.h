// SPDX-License-Identifier: GPL-3.0-or-later
// Rotates a project's API secret without ever leaving the user without a working one.
#pragma once

#include "credentials/CredentialStore.h"
#include "settings/Profile.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace otadmin {

class ApiReply;
class RestClient;

/// One rotation of one project's secret (issue 4, RELIABILITY G-REL-8), driven by signals:
///   1. POST /v2/project/{key}/refreshSecret with the account credentials of `accountClient`
///      (AccountApi::refreshSecret). Sent ONCE: never retried, here or by the caller, because
///      each call rotates again (warn the user first: existing client tokens stop working).
///   2. The new secret is written at once to pendingCredentialKey(project), so that a crash or
///      a failed check cannot lose the only copy. The old secret stays under
///      credentialKey(project).
///   3. It is verified with ONE authenticated project read (GET .../archive?count=1) made by a
///      private RestClient that holds the new secret.
///   4. Only then it replaces the old secret under credentialKey(project); the pending entry is
///      deleted (a failure to delete it is ignored: it holds the same, working secret).
/// Outcomes (finished(Outcome) fires exactly once, always from the event loop):
///   * Rotated: the store holds the new, verified secret under credentialKey(project).
///   * FailedNothingChanged: the service refused before rotating (403, 400, 404, invalid
///     input) — the old secret still works and is untouched.
/// When the refresh's answer is lost or unusable (timeout, reset, 5xx, malformed body), step 1b
/// reconciles with ONE read of the project details (GET /v2/project/{key}), which hold the
/// secret in force: the saved secret → FailedNothingChanged; another one → it is the new
/// secret, and steps 2–4 follow as if the answer had arrived.
///   * OutcomeUnknown: the secret may have changed and the details could not be read, or it
///     did change but could not be verified or stored. The old secret is left untouched; if a
///     new secret was received, newSecretForManualCopy() hands it out once (and it may also be
///     in the pending entry). The UI says "rotation outcome unknown — check the dashboard" and
///     offers no automatic retry.
/// The new secret never reaches a log, a setting or message().
class SecretRotation : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Rotated,
        FailedNothingChanged,
        OutcomeUnknown
    };
    Q_ENUM(Outcome)
    enum class Step
    {
        Idle,
        Refreshing,
        Reconciling,
        StoringPending,
        Verifying,
        Replacing,
        Finished
    };
    Q_ENUM(Step)

    /// `accountClient` must hold the account credentials and the service's base URL; `network`
    /// serves the verification client. `project` is the project profile whose secret rotates
    /// (kind Project). None of the pointers is owned; all must outlive the rotation.
    SecretRotation(RestClient *accountClient, QNetworkAccessManager *network,
        CredentialStore *store, const Profile &project, QObject *parent = nullptr);
    ~SecretRotation() override;

    /// Starts step 1. Call once; later calls are ignored.
    void start();

    Step step() const { return m_step; }
    bool isFinished() const { return m_step == Step::Finished; }
    Outcome outcome() const { return m_outcome; }
    /// A sentence for people: what happened and what to do (empty while running).
    QString message() const { return m_message; }
    /// The new secret, only in the OutcomeUnknown state and only when one was received; returns
    /// it once, then an empty array (copy it to the clipboard, then forget it).
    QByteArray newSecretForManualCopy();
    bool hasNewSecretForManualCopy() const { return !m_secretForCopy.isEmpty(); }

    /// Where step 2 keeps the new secret: credentialKey(project) with kind "pending-secret".
    static QString pendingCredentialKey(const Profile &project);

Q_SIGNALS:
    void stepChanged(otadmin::SecretRotation::Step step);
    void finished(otadmin::SecretRotation::Outcome outcome);

private:
    void setStep(Step step);
    void onRefreshed(ApiReply *reply);
    void reconcile(const QString &why);
    void storePending();
    void verify();
    void replace();
    void finish(Outcome outcome, const QString &message);

    QPointer<RestClient> m_accountClient;
    QPointer<QNetworkAccessManager> m_network;
    QPointer<CredentialStore> m_store;
    Profile m_project;
    RestClient *m_verifier = nullptr; // child, holds the new secret only while verifying
    QByteArray m_newSecret;
    QByteArray m_secretForCopy;
    QString m_message;
    Step m_step = Step::Idle;
    Outcome m_outcome = Outcome::OutcomeUnknown;
    bool m_pendingStored = false;
};

} // namespace otadmin
