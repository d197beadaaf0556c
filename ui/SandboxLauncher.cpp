// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxLauncher: the embedded sandbox on its own thread, and its two profiles.
#include "SandboxLauncher.h"

#include "ProfileController.h"
#include "sandbox/SandboxModule.h"
#include "settings/Profile.h"

#include <QLibrary>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QThread>

namespace otadmin {

SandboxLauncher::SandboxLauncher(ProfileController *profiles, QObject *parent)
    : QObject(parent), m_profiles(profiles)
{
}

SandboxLauncher::~SandboxLauncher()
{
    if (!m_thread)
        return;
    // Deleted on its own thread, when the loop ends at the latest (QObject::deleteLater).
    m_host->deleteLater();
    m_thread->quit();
    m_thread->wait();
}

SandboxLauncher::ServerFactory SandboxLauncher::moduleFactory(const QString &modulePath)
{
    return [modulePath](const sandbox::SandboxConfig &config, QTcpServer *tcp, QObject *host) {
        QLibrary module(modulePath);
        module.setLoadHints(QLibrary::PreventUnloadHint | QLibrary::ResolveAllSymbolsHint);
        const auto serve =
            reinterpret_cast<sandbox::ServeFunction>(module.resolve(sandbox::ServeSymbol));
        if (!serve) {
            const QString reason = tr("The sandbox cannot start: %1").arg(module.errorString());
            qWarning("%s", qUtf8Printable(reason));
            return reason;
        }
        serve(config, tcp, host);
        return QString();
    };
}

bool SandboxLauncher::start(QString *error)
{
    if (m_thread)
        return true;
    if (!m_factory) {
        if (error)
            *error = tr("This build of the app has no sandbox.");
        return false;
    }
    auto *tcp = new QTcpServer;
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        delete tcp;
        if (error)
            *error = tr("The sandbox could not listen on 127.0.0.1.");
        return false;
    }
    // Nothing is accepted until the server is bound on its thread (the backlog holds them).
    tcp->pauseAccepting();
    sandbox::SandboxConfig config;
    config.apiKey = sandbox::newApiKey();
    config.apiSecret = sandbox::newSecret();
    do
        config.accountKey = sandbox::newApiKey();
    while (config.accountKey == config.apiKey);
    config.accountSecret = sandbox::newSecret();

    Profile project;
    project.name = QString::fromLatin1(ProjectProfileName);
    project.kind = ProfileKind::Project;
    project.apiKey = config.apiKey;
    project.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(tcp->serverPort()));
    project.color = QString::fromLatin1(TagColor);
    Profile account = project;
    account.name = QString::fromLatin1(AccountProfileName);
    account.kind = ProfileKind::Account;
    account.apiKey = config.accountKey;
    m_profiles->addTransient(project, config.apiSecret.toUtf8());
    m_profiles->addTransient(account, config.accountSecret.toUtf8());

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("sandbox"));
    m_host = new QObject;
    tcp->setParent(m_host);
    m_host->moveToThread(m_thread); // with the listening socket
    QMetaObject::invokeMethod(
        m_host,
        [this, host = m_host, tcp, config, factory = m_factory] {
            // The server is built when the first connection waits in the backlog.
            auto *waiting =
                new QSocketNotifier(tcp->socketDescriptor(), QSocketNotifier::Read, host);
            QObject::connect(waiting, &QSocketNotifier::activated, host,
                [this, host, tcp, config, factory, waiting] {
                    // Disabled before resumeAccepting() re-enables the server's own notifier
                    // on the same socket: one read notifier per socket at a time.
                    waiting->setEnabled(false);
                    waiting->deleteLater();
                    if (const QString reason = factory(config, tcp, host); !reason.isEmpty()) {
                        tcp->close();
                        Q_EMIT failed(reason); // queued to the launcher's thread
                        return;
                    }
                    tcp->resumeAccepting();
                });
        },
        Qt::QueuedConnection);
    m_thread->start();
    return true;
}

} // namespace otadmin
