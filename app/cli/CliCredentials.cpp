// SPDX-License-Identifier: GPL-3.0-or-later
// Credentials from the environment or from a saved profile and the OS keychain.
#include "CliCredentials.h"

#include "settings/AppSettings.h"

#include "credentials/KeychainCredentialStore.h"
#include "settings/ProfileStore.h"

#include <QCoreApplication>
#include <QSettings>

namespace otadmin::cli {

QByteArray envValue(const char *name)
{
    return qgetenv(name);
}

CliCredentials::CliCredentials(QObject *parent) : QObject(parent) { }

void CliCredentials::resolve(const QString &profileName, Scope scope, bool needSecret, Done done)
{
    if (scope == Scope::None)
        done({}, {}, ExitSuccess);
    else if (profileName.isEmpty())
        resolveFromEnvironment(scope, needSecret, done);
    else
        resolveFromProfile(profileName, scope, needSecret, done);
}

void CliCredentials::resolveFromEnvironment(Scope scope, bool needSecret, const Done &done)
{
    ResolvedCredentials result;
    result.source = tr("environment");
    result.project = {QString::fromUtf8(envValue(Env::ApiKey)), envValue(Env::ApiSecret)};
    result.account = {QString::fromUtf8(envValue(Env::AccountKey)), envValue(Env::AccountSecret)};
    const QByteArray url = envValue(Env::ApiUrl);
    if (!url.isEmpty())
        result.apiUrl = QUrl(QString::fromUtf8(url));

    const auto missing = [&](const char *key, const char *secret) {
        done(result,
            tr("this command needs credentials: set %1 and %2 in the environment, or use "
               "--profile NAME")
                .arg(QString::fromLatin1(key), QString::fromLatin1(secret)),
            ExitUsage);
    };
    if (scope == Scope::Project
        && (result.project.apiKey.isEmpty()
            || (needSecret && result.project.apiSecret.isEmpty()))) {
        missing(Env::ApiKey, Env::ApiSecret);
        return;
    }
    if (scope == Scope::Account
        && (result.account.apiKey.isEmpty()
            || (needSecret && result.account.apiSecret.isEmpty()))) {
        missing(Env::AccountKey, Env::AccountSecret);
        return;
    }
    done(result, {}, ExitSuccess);
}

void CliCredentials::resolveFromProfile(
    const QString &profileName, Scope scope, bool needSecret, const Done &done)
{
    QSettings *settings = createAppSettings(this);
    ProfileStore store(settings);
    const std::optional<Profile> profile = store.profile(profileName);
    settings->deleteLater();
    if (!profile) {
        done({},
            tr("there is no profile \u201c%1\u201d (see: opentok-admin-cli profile list)")
                .arg(profileName),
            ExitUsage);
        return;
    }
    const bool account = profile->kind == ProfileKind::Account;
    if (account != (scope == Scope::Account)) {
        done({},
            scope == Scope::Account
                ? tr("profile \u201c%1\u201d is a project profile; this command needs an "
                     "account profile")
                      .arg(profileName)
                : tr("profile \u201c%1\u201d is an account profile; this command needs a "
                     "project profile")
                      .arg(profileName),
            ExitUsage);
        return;
    }
    ResolvedCredentials result;
    result.source = tr("profile %1").arg(profileName);
    result.apiUrl = profile->effectiveApiUrl();
    Credentials &credentials = account ? result.account : result.project;
    credentials.apiKey = profile->apiKey;
    if (!needSecret) {
        done(result, {}, ExitSuccess);
        return;
    }
    if (!m_store)
        m_store = new KeychainCredentialStore(this);
    CredentialReply *reply = m_store->readSecret(credentialKey(*profile));
    connect(reply, &CredentialReply::finished, this, [reply, result, account, done, profileName] {
        ResolvedCredentials resolved = result;
        if (!reply->isSuccess()) {
            done({},
                tr("the secret of profile \u201c%1\u201d could not be read from the keychain: "
                   "%2")
                    .arg(profileName, reply->errorMessage()),
                ExitFailure);
            return;
        }
        (account ? resolved.account : resolved.project).apiSecret = reply->secret();
        done(resolved, {}, ExitSuccess);
    });
}

} // namespace otadmin::cli
