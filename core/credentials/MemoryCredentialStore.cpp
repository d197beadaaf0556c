// SPDX-License-Identifier: GPL-3.0-or-later
// MemoryCredentialStore: a hash map behind the asynchronous interface.
#include "credentials/MemoryCredentialStore.h"

namespace otadmin {

MemoryCredentialStore::~MemoryCredentialStore()
{
    clear();
}

QString MemoryCredentialStore::backendName() const
{
    return tr("memory (this run only)");
}

CredentialReply *MemoryCredentialStore::readSecret(const QString &key)
{
    auto *reply = new CredentialReply(this);
    if (const QString error = argumentError(key); !error.isEmpty()) {
        reply->finishLater(CredentialReply::Error::Other, error);
    } else if (!m_secrets.contains(key)) {
        reply->finishLater(CredentialReply::Error::NotFound,
            tr("No secret is saved for this profile in this run; enter it to use the profile."));
    } else {
        reply->finishLater(CredentialReply::Error::None, {}, m_secrets.value(key));
    }
    return reply;
}

CredentialReply *MemoryCredentialStore::writeSecret(const QString &key, const QByteArray &secret)
{
    auto *reply = new CredentialReply(this);
    if (const QString error = argumentError(key, &secret); !error.isEmpty()) {
        reply->finishLater(CredentialReply::Error::Other, error);
        return reply;
    }
    auto it = m_secrets.find(key);
    if (it != m_secrets.end())
        it->fill('\0');
    m_secrets.insert(key, QByteArray(secret.constData(), secret.size()));
    reply->finishLater(CredentialReply::Error::None);
    return reply;
}

CredentialReply *MemoryCredentialStore::deleteSecret(const QString &key)
{
    auto *reply = new CredentialReply(this);
    if (const QString error = argumentError(key); !error.isEmpty()) {
        reply->finishLater(CredentialReply::Error::Other, error);
        return reply;
    }
    auto it = m_secrets.find(key);
    if (it != m_secrets.end()) {
        it->fill('\0');
        m_secrets.erase(it);
    }
    reply->finishLater(CredentialReply::Error::None);
    return reply;
}

void MemoryCredentialStore::clear()
{
    for (auto &secret : m_secrets)
        secret.fill('\0');
    m_secrets.clear();
}

} // namespace otadmin
