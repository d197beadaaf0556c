// SPDX-License-Identifier: GPL-3.0-or-later
// Profile validation and kind spellings.
#include "settings/Profile.h"

#include "credentials/CredentialStore.h"
#include "net/RestClient.h"

namespace otadmin {

QString toString(ProfileKind kind)
{
    return kind == ProfileKind::Account ? QStringLiteral("account") : QStringLiteral("project");
}

std::optional<ProfileKind> profileKindFromString(const QString &text)
{
    if (text == QLatin1String("project"))
        return ProfileKind::Project;
    if (text == QLatin1String("account"))
        return ProfileKind::Account;
    return std::nullopt;
}

QUrl Profile::effectiveApiUrl() const
{
    return apiUrl.isEmpty() ? QUrl(QString::fromLatin1(RestClient::DefaultBaseUrl)) : apiUrl;
}

namespace {

Validation validateName(const QString &name)
{
    const auto error = [](const QString &message) {
        return FieldError {QStringLiteral("name"), message};
    };
    if (name.isEmpty())
        return error(QStringLiteral("must not be empty"));
    if (name.size() > Profile::MaxNameLength)
        return error(QStringLiteral("must be at most %1 characters").arg(Profile::MaxNameLength));
    if (!name.isValidUtf16())
        return error(QStringLiteral("must be valid Unicode text"));
    for (const QChar ch : name) {
        const auto category = ch.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            return error(QStringLiteral("must not contain control characters or line breaks"));
    }
    if (name.front().isSpace() || name.back().isSpace())
        return error(QStringLiteral("must not start or end with white space"));
    return std::nullopt;
}

Validation validateApiKey(const QString &apiKey)
{
    const auto error = [](const QString &message) {
        return FieldError {QStringLiteral("apiKey"), message};
    };
    if (apiKey.isEmpty())
        return error(QStringLiteral("must not be empty"));
    if (apiKey.size() > Profile::MaxApiKeyLength)
        return error(QStringLiteral("must be at most %1 digits").arg(Profile::MaxApiKeyLength));
    for (const QChar ch : apiKey) {
        if (ch < u'0' || ch > u'9')
            return error(QStringLiteral("must be an API key, which has digits only"));
    }
    return std::nullopt;
}

Validation validateColor(const QString &color)
{
    if (color.isEmpty())
        return std::nullopt;
    bool ok = color.size() == 7 && color.front() == u'#';
    for (qsizetype i = 1; ok && i < color.size(); ++i) {
        const QChar ch = color.at(i);
        ok = (ch >= u'0' && ch <= u'9') || (ch >= u'a' && ch <= u'f') || (ch >= u'A' && ch <= u'F');
    }
    if (!ok)
        return FieldError {QStringLiteral("color"), QStringLiteral("must be empty or #rrggbb")};
    return std::nullopt;
}

} // namespace

Validation Profile::validate() const
{
    if (auto error = validateName(name))
        return error;
    if (auto error = validateApiKey(apiKey))
        return error;
    if (!apiUrl.isEmpty()) {
        if (auto error = RestClient::validateBaseUrl(apiUrl))
            return FieldError {QStringLiteral("apiUrl"), error->message};
    }
    if (credentialKey(*this).isEmpty()) {
        return FieldError {QStringLiteral("apiUrl"),
            QStringLiteral("has a host name too long for a keychain entry (at most %1 characters "
                           "for the whole key)")
                .arg(MaxCredentialKeyLength)};
    }
    return validateColor(color);
}

} // namespace otadmin
