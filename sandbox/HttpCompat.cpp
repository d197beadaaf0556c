// SPDX-License-Identifier: GPL-3.0-or-later
// QtHttpServer version differences behind one small interface.
#include "HttpCompat.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace otadmin::sandbox::http {

void installCatchAll(QHttpServer &server, QObject *context, CatchAll handler)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    server.setMissingHandler(
        context, [handler](const QHttpServerRequest &request, QHttpServerResponder &responder) {
            handler(request, responder);
        });
#else
    Q_UNUSED(context);
    server.setMissingHandler(
        [handler](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handler(request, responder);
        });
#endif
}

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get:
        return "GET";
    case M::Put:
        return "PUT";
    case M::Delete:
        return "DELETE";
    case M::Post:
        return "POST";
    case M::Head:
        return "HEAD";
    case M::Options:
        return "OPTIONS";
    case M::Patch:
        return "PATCH";
    case M::Connect:
        return "CONNECT";
    case M::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

Request toRequest(const QHttpServerRequest &request)
{
    Request r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.url().query(QUrl::FullyEncoded);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    const auto headers = request.headers().toListOfPairs();
#else
    const auto headers = request.headers();
#endif
    for (const auto &header : headers) {
        const QByteArray name = header.first.toLower();
        // Repeated headers are joined as HTTP allows.
        if (r.headers.contains(name))
            r.headers[name] += ", " + header.second;
        else
            r.headers.insert(name, header.second);
    }
    r.body = request.body();
    r.peer = request.remoteAddress();
    return r;
}

void writeReply(QHttpServerResponder &responder, const Reply &reply,
    const QList<QPair<QByteArray, QByteArray>> &extraHeaders)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!reply.contentType.isEmpty())
        headers.append({"Content-Type", reply.contentType});
    headers += reply.headers;
    headers += extraHeaders;
    const auto status = static_cast<QHttpServerResponder::StatusCode>(reply.status);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders h;
    for (const auto &header : headers)
        h.append(QByteArrayView(header.first), QByteArrayView(header.second));
    responder.write(reply.body, h, status);
#else
    // 6.4's write() only takes an initializer_list of headers, so write the parts by hand;
    // writeBody() ends the header block and Content-Length is ours to send.
    responder.writeStatusLine(status);
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
#endif
}

} // namespace otadmin::sandbox::http
