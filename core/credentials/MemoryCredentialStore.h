// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets kept in this process only: the sandbox, tests and "for this run only" secrets.
#pragma once

#include "credentials/CredentialStore.h"

#include <QHash>

namespace otadmin {

/// Never writes anything anywhere: the secrets vanish with the object (isPersistent() is false,
/// the UI shows a warning). A missing entry is reported as Error::NotFound — this store always
/// works. Replies finish from the event loop like every store's.
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;
    ~MemoryCredentialStore() override;

    CredentialReply *readSecret(const QString &key) override;
    CredentialReply *writeSecret(const QString &key, const QByteArray &secret) override;
    CredentialReply *deleteSecret(const QString &key) override;
    QString backendName() const override;
    bool isPersistent() const override { return false; }

    /// Synchronous inspection for tests and the sandbox wiring.
    bool contains(const QString &key) const { return m_secrets.contains(key); }
    QByteArray peek(const QString &key) const { return m_secrets.value(key); }
    QStringList keys() const { return m_secrets.keys(); }
    /// Forgets every secret (best-effort overwrite of this store's copies first).
    void clear();

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace otadmin
