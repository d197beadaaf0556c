// SPDX-License-Identifier: GPL-3.0-or-later
// Credentials from the environment or from a saved profile and the OS keychain.
#include "CliCredentials.h"

#include <QCoreApplication>
#include <QSettings>

namespace otadmin::cli {

QByteArray envValue(const char *name)
{
    return qgetenv(name);
}

QSettings *createSettings(QObject *parent)
{
    return new QSettings(QSettings::IniFormat, QSettings::UserScope,
        QStringLiteral("OpenTok Admin"), QStringLiteral("opentok-admin"), parent);
}

CliCredentials::CliCredentials(QObject *parent) : QObject(parent) { }

void CliCredentials::resolve(const QString &profileName, Scope scope, bool needSecret, Done done)
{
    if (profileName.isEmpty())
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
    Q_UNUSED(scope)
    Q_UNUSED(needSecret)
    done({}, tr("profile \u201c%1\u201d: profiles are not available yet").arg(profileName),
        ExitUsage);
}

} // namespace otadmin::cli
