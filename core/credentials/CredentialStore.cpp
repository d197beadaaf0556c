// SPDX-License-Identifier: GPL-3.0-or-later
// The key scheme and the reply shared by every credential store.
#include "credentials/CredentialStore.h"

#include "settings/Profile.h"

#include <QTimer>
#include <QUrl>

namespace otadmin {

QString toString(SecretKind kind)
{
    return kind == SecretKind::AccountSecret ? QStringLiteral("account-secret")
                                             : QStringLiteral("project-secret");
}

SecretKind secretKindFor(const Profile &profile)
{
    return profile.kind == ProfileKind::Account ? SecretKind::AccountSecret
                                                : SecretKind::ProjectSecret;
}

QString credentialKey(const QUrl &apiUrl, const QString &apiKey, SecretKind kind)
{
    QString host = apiUrl.host(QUrl::FullyEncoded).toLower();
    if (apiKey.isEmpty() || host.isEmpty() || apiKey.contains(u'/'))
        return {};
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (apiUrl.port() >= 0)
        host += u':' + QString::number(apiUrl.port());
    const QString key =
        QLatin1String(CredentialAppId) + u'/' + host + u'/' + apiKey + u'/' + toString(kind);
    return key.size() <= MaxCredentialKeyLength ? key : QString();
}

QString credentialKey(const Profile &profile)
{
    return credentialKey(profile.effectiveApiUrl(), profile.apiKey, secretKindFor(profile));
}

CredentialReply::CredentialReply(QObject *parent) : QObject(parent) { }

CredentialReply::~CredentialReply()
{
    m_secret.fill('\0'); // best effort: only this copy (see G-SEC-12)
}

void CredentialReply::finish(Error error, const QString &errorMessage, const QByteArray &secret)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorMessage = error == Error::None ? QString() : errorMessage;
    m_secret = error == Error::None ? secret : QByteArray();
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

void CredentialReply::finishLater(
    Error error, const QString &errorMessage, const QByteArray &secret)
{
    if (m_finished || m_finishQueued)
        return;
    m_finishQueued = true;
    QTimer::singleShot(
        0, this, [this, error, errorMessage, secret] { finish(error, errorMessage, secret); });
}

QString CredentialStore::argumentError(const QString &key, const QByteArray *secret)
{
    if (key.isEmpty())
        return tr("The keychain entry has no name; the profile needs an API key and API URL.");
    if (key.size() > MaxCredentialKeyLength) {
        return tr("The keychain entry name is longer than %1 characters; use a shorter API URL.")
            .arg(MaxCredentialKeyLength);
    }
    if (secret && secret->isEmpty())
        return tr("The secret is empty; enter the API secret before saving it.");
    if (secret && secret->size() > MaxSecretBytes) {
        return tr("The secret is longer than %1 bytes, which no API secret is; check what was "
                  "pasted.")
            .arg(MaxSecretBytes);
    }
    if (secret && QString::fromUtf8(*secret).toUtf8() != *secret)
        return tr("The secret is not UTF-8 text, which every API secret is; check what was "
                  "pasted.");
    return {};
}

} // namespace otadmin
