// SPDX-License-Identifier: GPL-3.0-or-later
// Drives one logical request through its attempts: signing, deadline, size cap, retries, logging.
#pragma once

#include "net/ApiReply.h"
#include "net/ApiRequest.h"

#include <QObject>

namespace otadmin {

class RestClient;

/// Internal to RestClient: created by RestClient::send() as a child of the reply it completes.
/// Each attempt mints a fresh JWT; reads are retried per the client's RetryPolicy within the
/// overall deadline; the reply finishes exactly once.
void startRequest(RestClient *client, ApiReply *reply, ApiRequest request, ResponseParser parser);

} // namespace otadmin
