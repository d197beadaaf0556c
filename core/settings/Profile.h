// SPDX-License-Identifier: GPL-3.0-or-later
// A named connection profile: which API key at which URL, never its secret.
#pragma once

#include "types/FieldError.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace otadmin {

/// Project profiles sign with project credentials (`ist=project`), account profiles with the
/// account credentials (`ist=account`, reference §9) and unlock project administration.
enum class ProfileKind
{
    Project,
    Account
};

/// "project" / "account" — the spelling used in settings and on the command line.
QString toString(ProfileKind kind);
/// Exact, lower-case spellings only; std::nullopt for anything else.
std::optional<ProfileKind> profileKindFromString(const QString &text);

/// The non-secret half of a set of credentials. The secret lives only in a CredentialStore
/// under credentialKey(profile), which depends on kind, apiKey and the API URL's host — not on
/// the name, so a rename never touches the keychain, but a change of key, kind or URL does.
struct Profile
{
    static constexpr int MaxNameLength = 64; // UTF-16 code units
    static constexpr int MaxApiKeyLength = 32;

    /// Unique among profiles; 1–64 characters, no control characters, no leading or trailing
    /// white space.
    QString name;
    ProfileKind kind = ProfileKind::Project;
    /// The project key, or the ACCOUNT key for account profiles; ASCII digits only.
    QString apiKey;
    /// Empty means https://api.opentok.com; otherwise checked by RestClient::validateBaseUrl.
    QUrl apiUrl;
    /// Optional tag colour for the UI, "#rrggbb" (empty = none).
    QString color;

    /// apiUrl, or RestClient::DefaultBaseUrl when it is empty.
    QUrl effectiveApiUrl() const;
    /// The first problem found, with the FieldError field "name", "apiKey", "apiUrl" or "color".
    Validation validate() const;

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace otadmin
