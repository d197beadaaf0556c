// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications (system tray where available) for events that happen while you look away.
#pragma once

#include <QObject>
#include <QStringList>

class QSystemTrayIcon;

namespace otadmin {

/// One per application. notify() shows a tray balloon when the platform has a system tray
/// and always records the message in history() (the status bar and tests read it), so an
/// archive that fails is never silent even without a tray. The tray is set up by start() or
/// the first notify(), whichever comes first: on Linux looking for it talks to the session
/// bus, which the main window leaves until after its first paint.
class Notifier : public QObject
{
    Q_OBJECT

public:
    enum class Severity
    {
        Information,
        Warning,
        Critical
    };

    explicit Notifier(QObject *parent = nullptr);

    /// Shows the tray icon where the platform has a system tray. Runs once; later calls do
    /// nothing.
    void start();
    bool isStarted() const { return m_started; }
    void notify(
        const QString &title, const QString &message, Severity severity = Severity::Information);
    /// "title: message" of every notification, oldest first (bounded to the last 200).
    QStringList history() const { return m_history; }
    bool hasTray() const { return m_tray != nullptr; }

Q_SIGNALS:
    void notified(
        const QString &title, const QString &message, otadmin::Notifier::Severity severity);

private:
    QSystemTrayIcon *m_tray = nullptr;
    bool m_started = false;
    QStringList m_history;
};

} // namespace otadmin
