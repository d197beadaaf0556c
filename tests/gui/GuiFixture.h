// SPDX-License-Identifier: GPL-3.0-or-later
// The real MainWindow on a fresh in-process sandbox, for GUI tests driven by object names.
#pragma once

#include "AppContext.h"
#include "MainWindow.h"
#include "SandboxServer.h"
#include "credentials/MemoryCredentialStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QWidget>
#include <memory>

namespace otadmin::test {

/// Create one per test function (init()/cleanup()). Settings live in a temporary INI file,
/// secrets in a MemoryCredentialStore; the sandbox uses short lifecycles (60 ms). The window
/// is shown offscreen and the "Sandbox" project profile (and "Sandbox account") is added as
/// a transient profile; activateProject()/activateAccount() switch to them and wait.
class GuiFixture
{
public:
    GuiFixture();
    /// The same on a sandbox with this configuration (e.g. chosen secrets for canary tests).
    explicit GuiFixture(const sandbox::SandboxConfig &config);
    ~GuiFixture();

    bool isReady() const { return m_ready; }
    sandbox::SandboxServer &server() { return *m_server; }
    AppContext &context() { return *m_context; }
    MainWindow &window() { return *m_window; }
    QSettings &settings() { return *m_settings; }
    MemoryCredentialStore &credentials() { return m_credentials; }

    /// Activates a profile and waits until the workspace uses it (false on failure/timeout).
    bool activateProject();
    bool activateAccount();
    /// Shows the panel with this object name; false when it is hidden for the profile.
    bool showPanel(const QString &objectName);
    /// What quitting the app does: destroys the window, then the context (whose clipboard
    /// clears a copied secret). Settings, credentials and the sandbox stay for inspection;
    /// nothing but those three accessors may be used afterwards.
    void quit();

    /// The descendant of the window with this object name and type (dialogs opened from the
    /// window are its children), or null. Panels reuse names ("filterEdit", "emptyState"), so
    /// a visible match wins over one on a hidden panel. Panels the window has not built yet (it
    /// builds them on first use) are built first, so their widgets are found too.
    template<typename T>
    T *find(const QString &objectName) const
    {
        m_window->panels();
        const QList<T *> all = m_window->findChildren<T *>(objectName);
        for (T *candidate : all) {
            if (auto *widget = qobject_cast<QWidget *>(candidate); widget && widget->isVisible())
                return candidate;
        }
        return all.value(0);
    }

private:
    bool activate(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    MemoryCredentialStore m_credentials;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    bool m_ready = false;
};

} // namespace otadmin::test
