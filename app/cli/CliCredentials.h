// SPDX-License-Identifier: GPL-3.0-or-later
// Where the CLI's API credentials come from: a saved profile (keychain) or the environment.
#pragma once

#include "CliCommand.h"

#include "net/RestClient.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QSettings;

namespace otadmin {
class CredentialStore;
}

namespace otadmin::cli {

/// Environment variables the CLI reads (documented in --help and the README).
namespace Env {
inline constexpr char ApiKey[] = "OPENTOK_API_KEY";
inline constexpr char ApiSecret[] = "OPENTOK_API_SECRET";
inline constexpr char AccountKey[] = "OPENTOK_ACCOUNT_API_KEY";
inline constexpr char AccountSecret[] = "OPENTOK_ACCOUNT_API_SECRET";
inline constexpr char ApiUrl[] = "OPENTOK_API_URL";
inline constexpr char S3AccessKey[] = "OPENTOK_S3_ACCESS_KEY";
inline constexpr char S3SecretKey[] = "OPENTOK_S3_SECRET_KEY";
inline constexpr char AzureAccountKey[] = "OPENTOK_AZURE_ACCOUNT_KEY";
inline constexpr char SipPassword[] = "OPENTOK_SIP_PASSWORD";
} // namespace Env

/// The value of an environment variable (empty when unset).
QByteArray envValue(const char *name);

/// What a command runs with. The secret is filled in by resolve().
struct ResolvedCredentials
{
    Credentials project;
    Credentials account;
    QUrl apiUrl; ///< empty = the profile's or the environment's or the default
    QString source; ///< "environment" or "profile NAME", for --verbose
};

/// Resolves credentials for one command: with a profile name, the profile's non-secret data
/// from QSettings and its secret from the OS keychain (asynchronously); otherwise the
/// environment. `done` gets an empty message on success, or the message and exit code.
class CliCredentials : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ResolvedCredentials &, const QString &error, int code)>;
    explicit CliCredentials(QObject *parent = nullptr);

    /// `needSecret` false (--curl) accepts a missing secret: nothing will be signed for real.
    void resolve(const QString &profileName, Scope scope, bool needSecret, Done done);

private:
    void resolveFromEnvironment(Scope scope, bool needSecret, const Done &done);
    void resolveFromProfile(
        const QString &profileName, Scope scope, bool needSecret, const Done &done);

    CredentialStore *m_store = nullptr;
};

} // namespace otadmin::cli
