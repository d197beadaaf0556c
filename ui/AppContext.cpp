// SPDX-License-Identifier: GPL-3.0-or-later
// AppContext: builds the shared objects of the GUI.
#include "AppContext.h"

#include "ProfileController.h"
#include "SandboxLauncher.h"
#include "api/Workspace.h"
#include "auth/Clock.h"
#include "auth/RandomSource.h"
#include "common/Notifier.h"
#include "common/SecureClipboard.h"
#include "settings/ProfileStore.h"

#include <QNetworkAccessManager>
#include <QSettings>

namespace otadmin {

AppContext::AppContext(QSettings *settings, CredentialStore *credentials, Clock *clock,
    RandomSource *random, QObject *parent)
    : QObject(parent),
      m_settings(settings),
      m_credentials(credentials),
      m_clock(clock ? clock : &SystemClock::shared()),
      m_random(random ? random : &SystemRandomSource::shared()),
      m_network(new QNetworkAccessManager(this)),
      m_workspace(new Workspace(m_network, *m_clock, *m_random, this)),
      m_profileStore(new ProfileStore(settings, this)),
      m_profiles(new ProfileController(m_profileStore, credentials, m_workspace, this)),
      m_notifier(new Notifier(this)),
      m_clipboard(new SecureClipboard(this)),
      m_sandbox(new SandboxLauncher(m_profiles, this))
{
    m_clipboard->setClearAfterSecs(
        settings
            ->value(QStringLiteral("clipboard/clearAfterSecs"), SecureClipboard::DefaultClearSecs)
            .toInt());
}

AppContext::~AppContext()
{
    // The workspace cancels its running calls when it goes, which touches their network
    // replies: it must go before the network access manager (children go in creation order).
    delete m_sandbox;
    delete m_profiles;
    delete m_workspace;
}

} // namespace otadmin
