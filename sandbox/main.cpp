// SPDX-License-Identifier: GPL-3.0-or-later
// opentok-sandbox: parses flags, seeds the server, prints its URL and credentials, runs.
#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

using otadmin::sandbox::SandboxConfig;
using otadmin::sandbox::SandboxServer;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("opentok-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OTADMIN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("OpenTok-compatible sandbox server for development and tests (loopback)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
        QStringLiteral("TCP port (0 = any free port)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption host(QStringLiteral("listen"), QStringLiteral("Address to listen on."),
        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption apiKey(QStringLiteral("api-key"),
        QStringLiteral("Seeded project's API key."), QStringLiteral("K"));
    const QCommandLineOption apiSecret(QStringLiteral("api-secret"),
        QStringLiteral("Seeded project's secret."), QStringLiteral("S"));
    const QCommandLineOption accountKey(
        QStringLiteral("account-key"), QStringLiteral("Account API key."), QStringLiteral("K"));
    const QCommandLineOption accountSecret(
        QStringLiteral("account-secret"), QStringLiteral("Account secret."), QStringLiteral("S"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("JSON seed file (see README)."), QStringLiteral("FILE"));
    const QCommandLineOption processing(QStringLiteral("archive-processing-ms"),
        QStringLiteral("Delay from stopped to available/uploaded."), QStringLiteral("MS"),
        QStringLiteral("1000"));
    const QCommandLineOption rtmp(QStringLiteral("rtmp-connect-ms"),
        QStringLiteral("Delay from connecting to live (HLS and RTMP)."), QStringLiteral("MS"),
        QStringLiteral("1000"));
    parser.addOptions(
        {port, host, apiKey, apiSecret, accountKey, accountSecret, seed, processing, rtmp});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        err << "opentok-sandbox: --port must be 0 to 65535\n";
        return 2;
    }
    const int processingMs = parser.value(processing).toInt(&ok);
    bool ok2 = false;
    const int rtmpMs = parser.value(rtmp).toInt(&ok2);
    if (!ok || !ok2 || processingMs < 0 || rtmpMs < 0) {
        err << "opentok-sandbox: timings must be non-negative integers (milliseconds)\n";
        return 2;
    }
    SandboxConfig config;
    config.apiKey = parser.value(apiKey);
    config.apiSecret = parser.value(apiSecret);
    config.accountKey = parser.value(accountKey);
    config.accountSecret = parser.value(accountSecret);
    config.archiveProcessingMs = processingMs;
    config.rtmpConnectMs = rtmpMs;
    SandboxServer server(config);

    if (parser.isSet(seed)) {
        QFile file(parser.value(seed));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "opentok-sandbox: cannot read " << file.fileName() << ": " << file.errorString()
                << "\n";
            return 2;
        }
        QJsonParseError parseError {};
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        QString error;
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            err << "opentok-sandbox: invalid seed JSON: " << parseError.errorString() << "\n";
            return 2;
        }
        if (!server.loadSeed(doc.object(), &error)) {
            err << "opentok-sandbox: invalid seed: " << error << "\n";
            return 2;
        }
    }

    const QHostAddress address(parser.value(host));
    if (address.isNull() || !server.listen(address, static_cast<quint16>(portNumber))) {
        err << "opentok-sandbox: cannot listen on " << parser.value(host) << ":" << portNumber
            << "\n";
        return 1;
    }
    // A dev/test tool: printing its own (often generated) credentials is the point.
    QTextStream out(stdout);
    out << "OpenTok sandbox listening on " << server.baseUrl().toString() << "\n"
        << "  project API key:    " << server.apiKey() << "\n"
        << "  project API secret: " << server.apiSecret() << "\n"
        << "  account API key:    " << server.accountKey() << "\n"
        << "  account API secret: " << server.accountSecret() << "\n"
        << "  control prefix:     " << server.baseUrl().toString()
        << "/_sandbox/ (loopback only)\n";
    out.flush();
    return app.exec();
}
