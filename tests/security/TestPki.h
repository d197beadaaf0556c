// SPDX-License-Identifier: GPL-3.0-or-later
// Certificates generated at test time with the openssl CLI: a test CA, a good server and 4 bad
// ones.
#pragma once

#include <QHash>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>
#include <QTemporaryDir>

namespace otadmin::test {

/// A certificate chain (leaf first) and its private key, for a TLS listener.
struct TlsIdentity
{
    QList<QSslCertificate> chain;
    QSslKey key;
    bool isValid() const { return !chain.isEmpty() && !key.isNull(); }
};

/// Generates, in a private temporary directory, with EC P-256 keys (fast):
/// * "good": signed by the test CA, CN=localhost, SAN IP:127.0.0.1 and DNS:localhost;
/// * "self-signed": the same names, signed by its own key;
/// * "wrong-host": signed by the test CA, CN/SAN other.example;
/// * "expired": signed by the test CA, valid 2020-01-01 to 2020-01-02 (openssl ca -enddate);
/// * "unknown-ca": the right names, signed by a second CA that nobody trusts.
class TestPki
{
public:
    /// Runs openssl; false (with the command and its stderr in `error`) on failure.
    bool generate(QString *error);

    /// The CA a client may trust through RestClientConfig::extraCaCertificates.
    QSslCertificate caCertificate() const { return m_ca; }
    TlsIdentity identity(const QString &name) const { return m_identities.value(name); }
    static QStringList badNames()
    {
        return {QStringLiteral("self-signed"), QStringLiteral("wrong-host"),
            QStringLiteral("expired"), QStringLiteral("unknown-ca")};
    }

private:
    bool openssl(const QStringList &args, QString *error);
    bool newKeyAndCsr(const QString &name, const QString &commonName, QString *error);
    bool load(const QString &name, const QString &issuerCertFile, QString *error);
    QString path(const QString &file) const { return m_dir.filePath(file); }

    QTemporaryDir m_dir;
    QSslCertificate m_ca;
    QHash<QString, TlsIdentity> m_identities;
};

} // namespace otadmin::test
