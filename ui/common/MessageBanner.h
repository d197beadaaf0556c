// SPDX-License-Identifier: GPL-3.0-or-later
// An inline message strip (error, warning, information, success) shown next to what it is about.
#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace otadmin {

class ApiError;

/// Hidden until show*() is called. An error may offer a Retry button (only where sending again
/// is safe); the close button hides it. Replaces the KeePassXC-style MessageWidget: no modal
/// box for things a banner can say.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Error,
        Warning,
        Information,
        Positive
    };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);

    /// `retry` empty: no Retry button.
    void showMessage(Kind kind, const QString &text, std::function<void()> retry = {});
    void showError(const QString &text, std::function<void()> retry = {})
    {
        showMessage(Kind::Error, text, std::move(retry));
    }
    /// Like showMessage(), with a button labelled `actionText` (objectName "bannerRetry", as
    /// Retry) that runs `action`, e.g. "Enter secret for this run\u2026".
    void showAction(
        Kind kind, const QString &text, const QString &actionText, std::function<void()> action);
    /// The label of the action button ("Retry" unless showAction() named another).
    QString actionText() const;
    /// The API error's sentence plus the server's own message when it adds something.
    void showApiError(const ApiError &error, std::function<void()> retry = {});
    void dismiss();

    Kind kind() const { return m_kind; }
    QString text() const;
    bool hasRetry() const;

Q_SIGNALS:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QToolButton *m_close;
    std::function<void()> m_retryAction;
    Kind m_kind = Kind::Information;
};

} // namespace otadmin
