// SPDX-License-Identifier: GPL-3.0-or-later
// Notifier: tray balloons plus an in-app history.
#include "common/Notifier.h"

#include "common/StyleIcons.h"

#include <QGuiApplication>
#include <QSystemTrayIcon>

namespace otadmin {

Notifier::Notifier(QObject *parent) : QObject(parent) { }

void Notifier::start()
{
    if (m_started)
        return;
    m_started = true;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        ensureApplicationIcon(); // a notification may come before the window's first paint
        m_tray = new QSystemTrayIcon(QGuiApplication::windowIcon(), this);
        m_tray->setToolTip(QGuiApplication::applicationDisplayName());
        m_tray->show();
    }
}

void Notifier::notify(const QString &title, const QString &message, Severity severity)
{
    start();
    m_history.append(title + QStringLiteral(": ") + message);
    if (m_history.size() > 200)
        m_history.removeFirst();
    if (m_tray && QSystemTrayIcon::supportsMessages()) {
        const auto icon = severity == Severity::Critical ? QSystemTrayIcon::Critical
            : severity == Severity::Warning              ? QSystemTrayIcon::Warning
                                                         : QSystemTrayIcon::Information;
        m_tray->showMessage(title, message, icon, 8000);
    }
    Q_EMIT notified(title, message, severity);
}

} // namespace otadmin
