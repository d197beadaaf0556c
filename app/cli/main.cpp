// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-admin-cli: every operation of the core as a command (QtCore + QtNetwork only).
#include "CliApp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OpenTok Admin"));
    QCoreApplication::setApplicationName(QStringLiteral("opentok-admin-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OTADMIN_VERSION));
    otadmin::cli::CliApp cli(QCoreApplication::arguments());
    return cli.run();
}
