// SPDX-License-Identifier: GPL-3.0-or-later
// Shared plumbing of the API area classes.
#include "api/AreaApi.h"

namespace otadmin {

AreaApi::AreaApi(RestClient *client, QObject *parent) : QObject(parent), m_client(client) { }

Validation AreaApi::firstError(std::initializer_list<Validation> checks)
{
    for (const Validation &check : checks) {
        if (check)
            return check;
    }
    return std::nullopt;
}

ApiReply *AreaApi::reject(const FieldError &error, Idempotency idempotency)
{
    return m_client->reject(error, idempotency);
}

} // namespace otadmin
