// SPDX-License-Identifier: GPL-3.0-or-later
// SecretRotation: refresh, keep, verify, replace — or stop in a state that loses nothing.
#include "credentials/SecretRotation.h"

#include "api/AccountApi.h"
#include "api/ArchivesApi.h"
#include "net/ApiReply.h"
#include "net/RestClient.h"
#include "types/Project.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace otadmin {

SecretRotation::SecretRotation(RestClient *accountClient, QNetworkAccessManager *network,
    CredentialStore *store, const Profile &project, QObject *parent)
    : QObject(parent),
      m_accountClient(accountClient),
      m_network(network),
      m_store(store),
      m_project(project)
{
}

SecretRotation::~SecretRotation()
{
    m_newSecret.fill('\0');
    m_secretForCopy.fill('\0');
}

QString SecretRotation::pendingCredentialKey(const Profile &project)
{
    QString key = credentialKey(project);
    const QString kind = toString(secretKindFor(project));
    if (key.isEmpty() || !key.endsWith(kind))
        return {};
    key.chop(kind.size());
    return key + QStringLiteral("pending-secret"); // same length as "project-secret"
}

void SecretRotation::setStep(Step step)
{
    m_step = step;
    Q_EMIT stepChanged(step);
}

QByteArray SecretRotation::newSecretForManualCopy()
{
    if (m_step != Step::Finished || m_outcome != Outcome::OutcomeUnknown)
        return {};
    return std::exchange(m_secretForCopy, {});
}

void SecretRotation::start()
{
    if (m_step != Step::Idle)
        return;
    QString problem;
    if (!m_accountClient || !m_network || !m_store)
        problem = tr("The rotation is not set up (no account client, network or keychain).");
    else if (m_project.kind != ProfileKind::Project)
        problem = tr("Only a project's secret can be rotated; choose a project profile.");
    else if (const auto error = m_project.validate())
        problem = tr("The project profile is not valid: %1.").arg(error->toString());
    if (!problem.isEmpty()) {
        setStep(Step::Refreshing);
        QTimer::singleShot(
            0, this, [this, problem] { finish(Outcome::FailedNothingChanged, problem); });
        return;
    }
    setStep(Step::Refreshing);
    auto *api = new AccountApi(m_accountClient, this);
    ApiReply *reply = api->refreshSecret(m_project.apiKey);
    connect(reply, &ApiReply::finished, this, [this, reply, api] {
        onRefreshed(reply);
        api->deleteLater();
    });
}

void SecretRotation::onRefreshed(ApiReply *reply)
{
    if (!reply->isSuccess()) {
        if (reply->isOutcomeUnknown()) {
            reconcile(reply->error().userMessage());
        } else {
            finish(Outcome::FailedNothingChanged,
                tr("The secret was not rotated: %1 The old secret still works.")
                    .arg(reply->error().userMessage()));
        }
        return;
    }
    const auto project = reply->resultAs<Project>();
    if (project.secret.isEmpty() || project.id != m_project.apiKey) {
        // A 200 that we cannot use: the service has probably rotated.
        reconcile(tr("The service answered without a usable new secret."));
        return;
    }
    m_newSecret = project.secret.toUtf8();
    storePending();
}

void SecretRotation::reconcile(const QString &why)
{
    // The answer was lost or unusable, so whether the service rotated is unknown. The project
    // details hold the secret in force now: one read tells which secret works, instead of
    // leaving the user to find out (refreshing again would rotate once more).
    setStep(Step::Reconciling);
    auto *api = new AccountApi(m_accountClient, this);
    ApiReply *details = api->getProject(m_project.apiKey);
    connect(details, &ApiReply::finished, this, [this, details, api, why] {
        api->deleteLater();
        const QByteArray current =
            details->isSuccess() ? details->resultAs<Project>().secret.toUtf8() : QByteArray();
        if (current.isEmpty()) {
            finish(Outcome::OutcomeUnknown,
                tr("The secret may or may not have been rotated (%1), and the project details "
                   "could not be read to find out (%2). Do not rotate again; check the "
                   "project's secret in the dashboard and enter it. The old secret is kept.")
                    .arg(why,
                        details->isSuccess() ? tr("they hold no secret")
                                             : details->error().userMessage()));
            return;
        }
        CredentialReply *stored = m_store->readSecret(credentialKey(m_project));
        connect(stored, &CredentialReply::finished, this, [this, stored, current] {
            if (stored->isSuccess() && stored->secret() == current) {
                finish(Outcome::FailedNothingChanged,
                    tr("The secret was not rotated: the service still uses the saved one, "
                       "which keeps working."));
                return;
            }
            m_newSecret = current;
            storePending();
        });
    });
}

void SecretRotation::storePending()
{
    setStep(Step::StoringPending);
    CredentialReply *stored = m_store->writeSecret(pendingCredentialKey(m_project), m_newSecret);
    connect(stored, &CredentialReply::finished, this, [this, stored] {
        if (!stored->isSuccess()) {
            finish(Outcome::OutcomeUnknown,
                tr("The secret was rotated, but the new one could not be saved: %1 Copy the new "
                   "secret now and keep it safe; the old one no longer works.")
                    .arg(stored->errorMessage()));
            return;
        }
        m_pendingStored = true;
        verify();
    });
}

void SecretRotation::verify()
{
    setStep(Step::Verifying);
    m_verifier =
        new RestClient(m_network, m_accountClient->clock(), m_accountClient->random(), this);
    m_verifier->setBaseUrl(m_accountClient->baseUrl());
    m_verifier->config() = m_accountClient->config();
    m_verifier->setRequestLog(m_accountClient->requestLog());
    m_verifier->setProjectCredentials({m_project.apiKey, m_newSecret});
    auto *archives = new ArchivesApi(m_verifier, m_verifier);
    ListQuery query;
    query.offset = 0;
    query.count = 1;
    ApiReply *reply = archives->list(query);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        const bool ok = reply->isSuccess();
        const QString why = ok ? QString() : reply->error().userMessage();
        m_verifier->setProjectCredentials({});
        m_verifier->deleteLater();
        m_verifier = nullptr;
        if (!ok) {
            finish(Outcome::OutcomeUnknown,
                tr("The secret was rotated, but the new one failed its check: %1 It is saved "
                   "as a pending secret; copy it now and check it in the dashboard. The old "
                   "secret is kept but probably no longer works.")
                    .arg(why));
            return;
        }
        replace();
    });
}

void SecretRotation::replace()
{
    setStep(Step::Replacing);
    CredentialReply *stored = m_store->writeSecret(credentialKey(m_project), m_newSecret);
    connect(stored, &CredentialReply::finished, this, [this, stored] {
        if (!stored->isSuccess()) {
            finish(Outcome::OutcomeUnknown,
                tr("The new secret works, but it could not replace the old one: %1 It is saved "
                   "as a pending secret; copy it now.")
                    .arg(stored->errorMessage()));
            return;
        }
        m_store->deleteSecret(pendingCredentialKey(m_project)); // best effort, same secret
        finish(Outcome::Rotated,
            tr("The secret was rotated and the new one is saved and works. Client tokens made "
               "with the old secret no longer work."));
    });
}

void SecretRotation::finish(Outcome outcome, const QString &message)
{
    if (m_step == Step::Finished)
        return;
    m_outcome = outcome;
    m_message = message;
    if (outcome == Outcome::OutcomeUnknown)
        m_secretForCopy = m_newSecret;
    m_newSecret.fill('\0');
    m_newSecret.clear();
    setStep(Step::Finished);
    Q_EMIT finished(outcome);
}

} // namespace otadmin
