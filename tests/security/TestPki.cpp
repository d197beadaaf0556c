// SPDX-License-Identifier: GPL-3.0-or-later
// The openssl command lines behind TestPki.
#include "TestPki.h"

#include <QFile>
#include <QProcess>

namespace otadmin::test {

namespace {

const QStringList kEcKey {QStringLiteral("-newkey"), QStringLiteral("ec"),
    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
    QStringLiteral("-nodes")};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

bool TestPki::openssl(const QStringList &args, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(20'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(args.join(QLatin1Char(' ')),
                         QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TestPki::newKeyAndCsr(const QString &name, const QString &commonName, QString *error)
{
    return openssl(QStringList {QStringLiteral("req"), QStringLiteral("-new")} + kEcKey
            + QStringList {QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                QStringLiteral("/CN=") + commonName},
        error);
}

bool TestPki::load(const QString &name, const QString &issuerCertFile, QString *error)
{
    TlsIdentity identity;
    identity.chain = QSslCertificate::fromPath(path(name + QStringLiteral(".crt")));
    if (!issuerCertFile.isEmpty())
        identity.chain += QSslCertificate::fromPath(path(issuerCertFile));
    QFile keyFile(path(name + QStringLiteral(".key")));
    if (keyFile.open(QIODevice::ReadOnly))
        identity.key = QSslKey(keyFile.readAll(), QSsl::Ec);
    if (!identity.isValid()) {
        *error = QStringLiteral("could not load the generated %1 certificate or key").arg(name);
        return false;
    }
    m_identities.insert(name, identity);
    return true;
}

bool TestPki::generate(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString sanLocal = QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    if (!writeFile(path(QStringLiteral("local.ext")), sanLocal.toLatin1())
        || !writeFile(path(QStringLiteral("other.ext")), "subjectAltName=DNS:other.example\n")
        || !writeFile(path(QStringLiteral("index.txt")), {})
        || !writeFile(path(QStringLiteral("serial")), "1000\n")
        || !writeFile(path(QStringLiteral("ca.cnf")),
            "[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\n"
            "serial = serial\ndefault_md = sha256\npolicy = any\n[any]\n"
            "commonName = supplied\n")) {
        *error = QStringLiteral("could not write the openssl inputs");
        return false;
    }

    auto makeCa = [&](const QString &name, const QString &commonName) {
        return openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + kEcKey
                + QStringList {QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".crt"), QStringLiteral("-days"),
                    QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                    QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
            error);
    };
    auto signWith = [&](const QString &ca, const QString &name, const QString &ext, int serial) {
        return openssl(
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".crt"),
                QStringLiteral("-CAkey"), ca + QStringLiteral(".key"),
                QStringLiteral("-set_serial"), QString::number(serial), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
                name + QStringLiteral(".crt")},
            error);
    };

    const QString localhost = QStringLiteral("localhost");
    const QString localExt = QStringLiteral("local.ext");
    bool ok = makeCa(QStringLiteral("ca"), QStringLiteral("OpenTok Admin Test CA"))
        && makeCa(QStringLiteral("other-ca"), QStringLiteral("Untrusted Test CA"))
        // good
        && newKeyAndCsr(QStringLiteral("good"), localhost, error)
        && signWith(QStringLiteral("ca"), QStringLiteral("good"), localExt, 1)
        // self-signed
        && openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + kEcKey
                + QStringList {QStringLiteral("-keyout"), QStringLiteral("self-signed.key"),
                    QStringLiteral("-out"), QStringLiteral("self-signed.crt"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=localhost"), QStringLiteral("-addext"), sanLocal.trimmed()},
            error)
        // wrong host
        && newKeyAndCsr(QStringLiteral("wrong-host"), QStringLiteral("other.example"), error)
        && signWith(
            QStringLiteral("ca"), QStringLiteral("wrong-host"), QStringLiteral("other.ext"), 2)
        // expired: a fixed validity window in the past
        && newKeyAndCsr(QStringLiteral("expired"), localhost, error)
        && openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                       QStringLiteral("ca.cnf"), QStringLiteral("-cert"), QStringLiteral("ca.crt"),
                       QStringLiteral("-keyfile"), QStringLiteral("ca.key"), QStringLiteral("-in"),
                       QStringLiteral("expired.csr"), QStringLiteral("-out"),
                       QStringLiteral("expired.crt"), QStringLiteral("-startdate"),
                       QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                       QStringLiteral("20200102000000Z"), QStringLiteral("-extfile"), localExt,
                       QStringLiteral("-notext")},
            error)
        // unknown CA
        && newKeyAndCsr(QStringLiteral("unknown-ca"), localhost, error)
        && signWith(QStringLiteral("other-ca"), QStringLiteral("unknown-ca"), localExt, 3);
    if (!ok)
        return false;

    const QList<QSslCertificate> ca = QSslCertificate::fromPath(path(QStringLiteral("ca.crt")));
    if (ca.size() != 1) {
        *error = QStringLiteral("could not load the test CA");
        return false;
    }
    m_ca = ca.first();
    return load(QStringLiteral("good"), QStringLiteral("ca.crt"), error)
        && load(QStringLiteral("self-signed"), {}, error)
        && load(QStringLiteral("wrong-host"), QStringLiteral("ca.crt"), error)
        && load(QStringLiteral("expired"), QStringLiteral("ca.crt"), error)
        && load(QStringLiteral("unknown-ca"), QStringLiteral("other-ca.crt"), error);
}

} // namespace otadmin::test
