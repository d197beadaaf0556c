// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI honours the system proxy (https_proxy): HTTPS goes through a CONNECT tunnel only.
#include "CliRunner.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace otadmin::test;

class TestCliProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void httpsGoesThroughTheSystemProxy()
    {
        SandboxFixture fixture;
        QVERIFY(fixture.isListening());
        CliRunner cli(fixture);

        // A proxy that records what it is sent and refuses the tunnel: enough to show that
        // the CLI asked it for a CONNECT, and that nothing else went out in clear.
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        QByteArray seen;
        connect(&proxy, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = proxy.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&seen, socket] {
                seen += socket->readAll();
                if (seen.contains("\r\n\r\n")) {
                    socket->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
                    socket->disconnectFromHost();
                }
            });
        });

        QProcessEnvironment env = cli.env();
        env.insert(QStringLiteral("https_proxy"),
            QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort()));
        env.remove(QStringLiteral("no_proxy"));
        env.remove(QStringLiteral("NO_PROXY"));
        const CliResult result =
            cli.run({QStringLiteral("--api-url"), QStringLiteral("https://api.proxied.invalid"),
                        QStringLiteral("archive"), QStringLiteral("list")},
                {}, env);
        QCOMPARE(result.code, 1); // the proxy refused the tunnel: a network error
        QVERIFY2(seen.startsWith("CONNECT api.proxied.invalid:443 HTTP/1.1\r\n"), seen.constData());
        QVERIFY(!seen.contains("X-OPENTOK-AUTH"));
        QVERIFY(!seen.contains("eyJ"));
        QVERIFY(!seen.contains(fixture.server().apiSecret().toUtf8()));
        QVERIFY(!seen.contains("/v2/project"));
        QCOMPARE(fixture.server().requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliProxy)
#include "tst_cli_proxy.moc"
