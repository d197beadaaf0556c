// SPDX-License-Identifier: GPL-3.0-or-later
// SecureClipboard: secrets on the clipboard for a limited time.
#include "common/SecureClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace otadmin {

SecureClipboard::SecureClipboard(QObject *parent)
    : SecureClipboard(std::chrono::milliseconds(1000), parent)
{
}

SecureClipboard::SecureClipboard(std::chrono::milliseconds secondLength, QObject *parent)
    : QObject(parent), m_secondMSecs(qMax(1, int(secondLength.count())))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecureClipboard::clearNow);
}

SecureClipboard::~SecureClipboard()
{
    clearNow();
}

QMimeData *SecureClipboard::secretMimeData(const QString &text)
{
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
#if defined(Q_OS_WIN)
    mime->setData(
        QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArrayLiteral("1"));
    mime->setData(QStringLiteral("CanIncludeInClipboardHistory"), QByteArray(4, '\0'));
    mime->setData(QStringLiteral("CanUploadToCloudClipboard"), QByteArray(4, '\0'));
#elif defined(Q_OS_MACOS)
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), text.toUtf8());
#endif
    return mime;
}

void SecureClipboard::copySecret(const QString &text)
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard || text.isEmpty())
        return;
    m_secret = text;
    clipboard->setMimeData(secretMimeData(text), QClipboard::Clipboard);
    if (clipboard->supportsSelection())
        clipboard->setMimeData(secretMimeData(text), QClipboard::Selection);
    m_timer.start(m_clearSecs * m_secondMSecs);
}

void SecureClipboard::copyText(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text, QClipboard::Clipboard);
}

void SecureClipboard::setClearAfterSecs(int secs)
{
    m_clearSecs = qBound(MinClearSecs, secs, MaxClearSecs);
}

void SecureClipboard::clearNow()
{
    m_timer.stop();
    if (m_secret.isEmpty())
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    bool cleared = false;
    if (clipboard) {
        if (clipboard->text(QClipboard::Clipboard) == m_secret) {
            clipboard->clear(QClipboard::Clipboard);
            cleared = true;
        }
        if (clipboard->supportsSelection() && clipboard->text(QClipboard::Selection) == m_secret) {
            clipboard->clear(QClipboard::Selection);
            cleared = true;
        }
    }
    m_secret.clear();
    if (cleared)
        Q_EMIT secretCleared();
}

} // namespace otadmin
