// SPDX-License-Identifier: GPL-3.0-or-later
// MessageBanner: inline messages with an optional Retry button.
#include "common/MessageBanner.h"

#include "common/StyleIcons.h"
#include "net/ApiError.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace otadmin {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent),
      m_icon(new QLabel(this)),
      m_text(new QLabel(this)),
      m_retry(new QPushButton(tr("&Retry"), this)),
      m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("banner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("bannerRetry"));
    m_close->setObjectName(QStringLiteral("bannerClose"));
    m_close->setIcon(standardIcon(this, QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->setToolTip(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        auto action = m_retryAction;
        dismiss();
        if (action)
            action();
    });
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, std::function<void()> retry)
{
    m_kind = kind;
    m_text->setText(text);
    m_retry->setText(tr("&Retry"));
    m_retryAction = std::move(retry);
    m_retry->setVisible(bool(m_retryAction));
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (kind == Kind::Error)
        icon = QStyle::SP_MessageBoxCritical;
    else if (kind == Kind::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (kind == Kind::Positive)
        icon = QStyle::SP_DialogApplyButton;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(standardIcon(this, icon).pixmap(size, size));
    m_icon->setAccessibleName(QVariant::fromValue(kind).toString());
    applyPalette();
    show();
}

void MessageBanner::showAction(
    Kind kind, const QString &text, const QString &actionText, std::function<void()> action)
{
    showMessage(kind, text, std::move(action));
    m_retry->setText(actionText);
    layout()->activate(); // the longer label must not wait for the next layout pass
}

QString MessageBanner::actionText() const
{
    return m_retry->text();
}

void MessageBanner::showApiError(const ApiError &error, std::function<void()> retry)
{
    QString text = error.userMessage();
    const QString server = error.serverMessage();
    if (!server.isEmpty() && !text.contains(server))
        text += QLatin1Char('\n') + tr("The service said: \u201c%1\u201d").arg(server);
    showError(text, std::move(retry));
}

void MessageBanner::dismiss()
{
    const bool wasVisible = !isHidden();
    m_retryAction = {};
    hide();
    if (wasVisible)
        Q_EMIT dismissed();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

bool MessageBanner::hasRetry() const
{
    return bool(m_retryAction);
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !isHidden())
        applyPalette();
}

void MessageBanner::applyPalette()
{
    // A tint of the kind's colour over the window colour, so it works in light and dark mode.
    QColor accent;
    switch (m_kind) {
    case Kind::Error:
        accent = QColor(0xda, 0x44, 0x53);
        break;
    case Kind::Warning:
        accent = QColor(0xf6, 0x74, 0x00);
        break;
    case Kind::Information:
        accent = QColor(0x3d, 0xae, 0xe9);
        break;
    case Kind::Positive:
        accent = QColor(0x27, 0xae, 0x60);
        break;
    }
    QPalette pal = parentWidget() ? parentWidget()->palette() : palette();
    const QColor base = pal.color(QPalette::Window);
    const auto mix = [](const QColor &a, const QColor &b, double t) {
        return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
            a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t);
    };
    pal.setColor(QPalette::Window, mix(base, accent, 0.2));
    setPalette(pal);
}

} // namespace otadmin
