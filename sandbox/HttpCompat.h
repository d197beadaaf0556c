// SPDX-License-Identifier: GPL-3.0-or-later
// The only place that knows QtHttpServer's API differences between 6.4 and 6.8+ (missing
// handler context, header types, dynamic response headers).
#pragma once

#include "Router.h"

#include <functional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;

namespace otadmin::sandbox::http {

using CatchAll = std::function<void(const QHttpServerRequest &, QHttpServerResponder &)>;

// Every request reaches `handler` (no QHttpServer routes are registered at all).
void installCatchAll(QHttpServer &server, QObject *context, CatchAll handler);

// Copies what the sandbox needs out of the server's request object.
Request toRequest(const QHttpServerRequest &request);

// Status line, headers (plus Content-Type, Content-Length) and body in one go.
void writeReply(QHttpServerResponder &responder, const Reply &reply,
    const QList<QPair<QByteArray, QByteArray>> &extraHeaders);

} // namespace otadmin::sandbox::http
