// SPDX-License-Identifier: GPL-3.0-or-later
// GuiFixture: sandbox, context and main window for one GUI test.
#include "GuiFixture.h"

#include "ProfileController.h"
#include "SandboxFixture.h"
#include "SandboxLauncher.h"
#include "api/Workspace.h"

#include <QSignalSpy>
#include <QTest>

namespace otadmin::test {

GuiFixture::GuiFixture() : GuiFixture(SandboxFixture::fastConfig()) { }

GuiFixture::GuiFixture(const sandbox::SandboxConfig &config)
{
    m_settings = std::make_unique<QSettings>(
        m_dir.filePath(QStringLiteral("opentok-admin.ini")), QSettings::IniFormat);
    m_server = std::make_unique<sandbox::SandboxServer>(config);
    if (!m_dir.isValid() || !m_server->listen())
        return;
    m_context = std::make_unique<AppContext>(m_settings.get(), &m_credentials);
    Profile project;
    project.name = QString::fromLatin1(SandboxLauncher::ProjectProfileName);
    project.apiKey = m_server->apiKey();
    project.apiUrl = m_server->baseUrl();
    project.color = QString::fromLatin1(SandboxLauncher::TagColor);
    Profile account = project;
    account.name = QString::fromLatin1(SandboxLauncher::AccountProfileName);
    account.kind = ProfileKind::Account;
    account.apiKey = m_server->accountKey();
    m_context->profiles()->addTransient(project, m_server->apiSecret().toUtf8());
    m_context->profiles()->addTransient(account, m_server->accountSecret().toUtf8());
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    m_ready = QTest::qWaitForWindowExposed(m_window.get());
}

GuiFixture::~GuiFixture()
{
    quit();
}

void GuiFixture::quit()
{
    m_window.reset();
    m_context.reset();
}

bool GuiFixture::activate(const QString &name)
{
    ProfileController *profiles = m_context->profiles();
    QSignalSpy activated(profiles, &ProfileController::activated);
    profiles->activate(name);
    if (activated.isEmpty() && !activated.wait(5000))
        return false;
    return profiles->activeName() == name;
}

bool GuiFixture::activateProject()
{
    return activate(QString::fromLatin1(SandboxLauncher::ProjectProfileName));
}

bool GuiFixture::activateAccount()
{
    return activate(QString::fromLatin1(SandboxLauncher::AccountProfileName));
}

bool GuiFixture::showPanel(const QString &objectName)
{
    return m_window->showPanel(objectName);
}

} // namespace otadmin::test
