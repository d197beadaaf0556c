// SPDX-License-Identifier: GPL-3.0-or-later
// Copies tokens and secrets so that they leave the clipboard again (RELIABILITY G-SEC-11).
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

class QClipboard;
class QMimeData;

namespace otadmin {

/// copySecret() puts text on the clipboard with the password-manager hints (KDE
/// "x-kde-passwordManagerHint: secret", Windows "ExcludeClipboardContentFromMonitorProcessing"
/// and "CanIncludeInClipboardHistory" = 0, macOS "org.nspasteboard.ConcealedType") and clears it
/// after clearAfterSecs() seconds — only if the clipboard still holds exactly that text, so
/// whatever the user copied since survives. It is also cleared on destruction (quit).
/// copyText() is for non-secret values (IDs, URLs): plain, never cleared.
class SecureClipboard : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultClearSecs = 30;
    static constexpr int MinClearSecs = 10;
    static constexpr int MaxClearSecs = 300;

    explicit SecureClipboard(QObject *parent = nullptr);
    /// For tests and tools: one "second" of the clear delay lasts `secondLength` (e.g. 10 ms,
    /// so that the shortest delay, MinClearSecs, passes in 100 ms). The app uses the other
    /// constructor, where a second is a second.
    explicit SecureClipboard(std::chrono::milliseconds secondLength, QObject *parent = nullptr);
    ~SecureClipboard() override;

    void copySecret(const QString &text);
    void copyText(const QString &text);

    /// Clamped to MinClearSecs…MaxClearSecs.
    void setClearAfterSecs(int secs);
    int clearAfterSecs() const { return m_clearSecs; }
    /// True while a copied secret waits to be cleared.
    bool isPending() const { return m_timer.isActive(); }
    /// Clears now if the clipboard still holds the copied secret.
    void clearNow();

    /// The MIME data copySecret() puts on the clipboard (for tests and drag sources).
    static QMimeData *secretMimeData(const QString &text);

Q_SIGNALS:
    /// After a copied secret was removed from the clipboard.
    void secretCleared();

private:
    QTimer m_timer;
    QString m_secret;
    int m_clearSecs = DefaultClearSecs;
    int m_secondMSecs = 1000;
};

} // namespace otadmin
