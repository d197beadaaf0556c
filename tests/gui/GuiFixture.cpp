// SPDX-License-Identifier: GPL-3.0-or-later
// GuiFixture: sandbox, context and main window for one GUI test.
#include "GuiFixture.h"

#include "ProfileController.h"
#include "SandboxFixture.h"
#include "SandboxLauncher.h"
#include "api/Workspace.h"
#include "common/StyleIcons.h"

#include <QApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

namespace otadmin::test {

namespace {
/// OTADMIN_SCREENSHOT_DARK=1: Fusion with a dark palette, to look at the app as a user of a
/// dark desktop theme sees it (the app itself only follows the system palette).
void applyDarkPaletteWhenAsked()
{
    if (!qEnvironmentVariableIsSet("OTADMIN_SCREENSHOT_DARK"))
        return;
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x91));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7d, 0x81));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7d, 0x81));
    QApplication::setPalette(dark);
}
} // namespace

GuiFixture::GuiFixture() : GuiFixture(SandboxFixture::fastConfig()) { }

GuiFixture::GuiFixture(const sandbox::SandboxConfig &config)
{
    applyDarkPaletteWhenAsked();
    // As otadminGuiMain() does: every GUI test runs with the deferred standard icons.
    deferStandardIcons();
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
