// SPDX-License-Identifier: GPL-3.0-or-later
// Rows 1-2 of scripts/bench: client tokens/s, REST JWTs/s and parsing a 1000-archive page.
#include "SandboxState.h"
#include "auth/ClientToken.h"
#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "auth/RestJwt.h"
#include "types/Archive.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace otadmin;

namespace {

/// Calls `op` in batches until `seconds` have passed; returns calls per second. One thread.
template<typename Op>
double perSecond(double seconds, Op op)
{
    QElapsedTimer timer;
    timer.start();
    qint64 calls = 0;
    do {
        for (int i = 0; i < 64; ++i)
            op();
        calls += 64;
    } while (timer.nsecsElapsed() < qint64(seconds * 1e9));
    return double(calls) / (double(timer.nsecsElapsed()) / 1e9);
}

/// 1000 available archives as the sandbox serves them (about 0.5 MB): a §5.6 list page.
QByteArray archivePage(const QString &apiKey, const QString &sessionId)
{
    QJsonArray items;
    const qint64 now = 1700000000000;
    for (int i = 0; i < 1000; ++i) {
        sandbox::Archive a;
        a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        a.projectKey = apiKey;
        a.sessionId = sessionId;
        a.status = QStringLiteral("available");
        a.name = QStringLiteral("Weekly town hall %1").arg(i);
        a.createdAt = now - i * 60000;
        a.size = 96000000 + i;
        a.duration = 3600 + i;
        a.url = QStringLiteral("https://tokbox.com.archive2.s3.amazonaws.com/%1/%2/archive.mp4"
                               "?Expires=1700000600&Signature=%3")
                    .arg(apiKey, a.id, QString::fromLatin1(a.id.toLatin1().toBase64().left(28)));
        items.append(a.toJson());
    }
    return QJsonDocument(
        QJsonObject {{QStringLiteral("count"), 1000}, {QStringLiteral("items"), items}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    double seconds = 2.0;
    QString inputsPath;
    QString pageOut;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--seconds")
            seconds = args[i + 1].toDouble();
        else if (args[i] == u"--inputs")
            inputsPath = args[i + 1];
        else if (args[i] == u"--page-out")
            pageOut = args[i + 1];
    }
    QFile file(inputsPath);
    if (inputsPath.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr,
            "usage: bench_tokens --inputs bench/inputs.json [--seconds S] "
            "[--page-out FILE]\n");
        return 2;
    }
    const QJsonObject in = QJsonDocument::fromJson(file.readAll()).object();
    const QString apiKey = in.value(u"apiKey").toString();
    const QByteArray secret = in.value(u"apiSecret").toString().toUtf8();
    const QString sessionId = in.value(u"sessionId").toString();
    const SystemClock clock;
    SystemRandomSource &random = SystemRandomSource::shared();

    ClientTokenOptions options;
    options.role = roleFromName(in.value(u"role").toString()).value_or(TokenRole::Publisher);
    options.expireTimeSecs = clock.nowSecs() + in.value(u"expireInSecs").toInteger();
    options.connectionData = in.value(u"data").toString();

    bool failed = false;
    ClientTokenOptions jwtOptions = options;
    jwtOptions.format = TokenFormat::Jwt;
    ClientTokenOptions t1Options = options;
    t1Options.format = TokenFormat::T1;
    const double jwt = perSecond(seconds, [&] {
        failed = failed
            || !generateClientToken(apiKey, secret, sessionId, jwtOptions, clock, random).ok();
    });
    const double t1 = perSecond(seconds, [&] {
        failed = failed
            || !generateClientToken(apiKey, secret, sessionId, t1Options, clock, random).ok();
    });
    const double rest = perSecond(seconds, [&] {
        failed =
            failed || RestJwt::mint(apiKey, secret, IssuerType::Project, clock, random).isEmpty();
    });

    const QByteArray page = archivePage(apiKey, sessionId);
    if (!pageOut.isEmpty()) {
        QFile out(pageOut);
        if (!out.open(QIODevice::WriteOnly) || out.write(page) != page.size())
            return 1;
    }
    // The same steps as a list reply: bytes -> QJsonDocument -> ArchiveList value types.
    std::vector<double> ms;
    QElapsedTimer budget;
    budget.start();
    do {
        QElapsedTimer t;
        t.start();
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        const auto list = ArchiveList::fromJson(doc.object());
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        failed = failed || !list || list->items.size() != 1000;
    } while (ms.size() < 5 || budget.nsecsElapsed() < qint64(seconds * 1e9));
    std::sort(ms.begin(), ms.end());

    std::printf("client_jwt_per_s %.0f\n", jwt);
    std::printf("client_t1_per_s %.0f\n", t1);
    std::printf("rest_jwt_per_s %.0f\n", rest);
    std::printf("page_bytes %lld\n", static_cast<long long>(page.size()));
    std::printf("page_parse_ms %.3f\n", ms[ms.size() / 2]);
    if (failed)
        std::fprintf(stderr, "bench_tokens: a token or the page failed to build/parse\n");
    return failed ? 1 : 0;
}
