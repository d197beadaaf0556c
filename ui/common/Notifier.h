// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications (system tray where available) for events that happen while you look away.
#pragma once

#include <QObject>
#include <QStringList>

class QSystemTrayIcon;

namespace otadmin {

/// One per application. notify() shows a tray balloon when the platform has a system tray
/// and always records the message in history() (the status bar and tests read it), so an
/// archive that fails is never silent even without a tray.
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
    QStringList m_history;
};

} // namespace otadmin
