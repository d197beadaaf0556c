// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli: every operation of the core as a command (QtCore + QtNetwork only).
#include "CliApp.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OpenTok Admin"));
    QCoreApplication::setApplicationName(QStringLiteral("opentok-admin-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OTADMIN_VERSION));
    // Operators behind a proxy expect https_proxy / no_proxy (and the desktop's settings) to
    // apply; HTTPS then goes through a CONNECT tunnel, so the proxy never sees a JWT.
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    otadmin::cli::CliApp cli(QCoreApplication::arguments());
    return cli.run();
}
