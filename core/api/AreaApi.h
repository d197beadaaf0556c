// SPDX-License-Identifier: GPL-3.0-or-later
// Common base of the API area classes: validate, send, announce success as a typed signal.
#pragma once

#include "net/ApiReply.h"
#include "net/ApiRequest.h"
#include "net/RestClient.h"
#include "types/FieldError.h"

#include <QObject>
#include <QPointer>

#include <initializer_list>

namespace otadmin {

/// Each area (sessions, moderation, archives, ...) is one subclass with one method per
/// endpoint. A method validates its input first — bad input returns a reply that fails with
/// a Validation error naming the field, and nothing is sent — then sends the request. On
/// success the area emits a past-tense signal with the typed result *before* the reply's
/// other listeners run, so models are up to date when a caller's slot looks at them.
class AreaApi : public QObject
{
    Q_OBJECT
public:
    explicit AreaApi(RestClient *client, QObject *parent = nullptr);
    RestClient *client() const { return m_client; }

protected:
    /// The first error of a list of checks, in order (each check is evaluated).
    static Validation firstError(std::initializer_list<Validation> checks);

    ApiReply *reject(const FieldError &error, Idempotency idempotency);

    template<typename OnSuccess>
    ApiReply *send(const ApiRequest &request, ResponseParser parser, OnSuccess onSuccess)
    {
        ApiReply *reply = m_client->send(request, std::move(parser));
        connect(reply, &ApiReply::finished, this, [reply, onSuccess = std::move(onSuccess)] {
            if (reply->isSuccess())
                onSuccess(*reply);
        });
        return reply;
    }

    QString projectPath(std::initializer_list<QString> segments) const
    {
        return m_client->projectPath(segments);
    }

private:
    QPointer<RestClient> m_client;
};

} // namespace otadmin
