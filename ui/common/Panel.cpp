// SPDX-License-Identifier: GPL-3.0-or-later
// Panel: header, busy bar, banner and call tracking shared by the area panels.
#include "common/Panel.h"

#include "AppContext.h"
#include "api/Workspace.h"
#include "common/MessageBanner.h"
#include "net/ApiReply.h"

#include <QGuiApplication>
#include <QImageReader>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QtMath>

namespace otadmin {

Panel::Panel(AppContext &context, QWidget *parent)
    : QWidget(parent),
      m_context(context),
      m_title(new QLabel(this)),
      m_busyBar(new QProgressBar(this)),
      m_banner(new MessageBanner(this)),
      m_content(new QVBoxLayout)
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("panelTitle"));
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumHeight(4);
    m_busyBar->setTextVisible(false);
    m_busyBar->setAccessibleName(tr("Working"));
    // Keep the space so the layout does not jump when calls start and end.
    QSizePolicy keep = m_busyBar->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busyBar->setSizePolicy(keep);
    m_busyBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_title);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_banner);
    layout->addLayout(m_content, 1);

    connect(workspace(), &Workspace::profileActivated, this, [this](const Profile &profile) {
        m_seenGeneration = workspace()->generation();
        profileActivated(profile);
    });
    // title() is virtual: read it once the subclass is fully constructed.
    QMetaObject::invokeMethod(
        this, [this] { m_title->setText(title()); }, Qt::QueuedConnection);
}

QIcon Panel::areaIcon(const QString &panelObjectName)
{
    QString area = panelObjectName;
    area.chop(area.endsWith(QLatin1String("Panel")) ? 5 : 0);
    const QString base = QStringLiteral(":/icons/areas/") + area.toLower();
    // Read as the PNGs they are. QIcon(fileName) would ask every image format plugin whether it
    // reads the file, loading them all on the GUI thread before the first paint (~1.5 ms) while
    // the launcher's warm-up thread is still on the fonts (docs/performance.md).
    QIcon icon;
    const auto add = [&icon](const QString &fileName, int scale) {
        QImageReader reader(fileName, "png");
        reader.setAutoDetectImageFormat(false);
        QImage image = reader.read();
        if (image.isNull())
            return;
        image.setDevicePixelRatio(scale);
        icon.addPixmap(QPixmap::fromImage(std::move(image)));
    };
    add(base + QStringLiteral(".png"), 1);
    // Like QIcon(fileName): the "@2x" or "@3x" file for the application's scale too, unless
    // the user turned that off for every Qt application.
    const int scale = qBound(1, qCeil(qApp->devicePixelRatio()), 3);
    if (scale > 1 && !qEnvironmentVariableIsSet("QT_HIGHDPI_DISABLE_2X_IMAGE_LOADING"))
        add(base + QStringLiteral("@%1x.png").arg(scale), scale);
    return icon;
}

void Panel::followActiveProfile()
{
    const Workspace *ws = workspace();
    if (!ws->profile() || m_seenGeneration == ws->generation())
        return;
    m_seenGeneration = ws->generation();
    profileActivated(*ws->profile());
}

Workspace *Panel::workspace() const
{
    return m_context.workspace();
}

void Panel::setSummary(const QString &summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    Q_EMIT summaryChanged(summary);
}

void Panel::profileActivated(const Profile &)
{
    m_banner->dismiss();
}

void Panel::setShowsOwnProgress(bool shows)
{
    m_ownProgress = shows;
    m_busyBar->setVisible(m_busy > 0 && !shows);
}

void Panel::track(ApiReply *reply, QWidget *trigger, std::function<void(ApiReply &)> onSuccess,
    std::function<void()> retry, MessageBanner *banner, std::function<void(ApiReply &)> onFailure)
{
    QPointer<QWidget> button = trigger;
    QPointer<MessageBanner> target = banner ? banner : m_banner;
    if (button)
        button->setEnabled(false);
    ++m_busy;
    m_busyBar->setVisible(!m_ownProgress);
    const quint64 generation = workspace()->generation();
    connect(reply, &ApiReply::finished, this,
        [this, reply, button, target, generation, onSuccess = std::move(onSuccess),
            retry = std::move(retry), onFailure = std::move(onFailure)] {
            if (button)
                button->setEnabled(true);
            if (--m_busy == 0)
                m_busyBar->hide();
            if (generation != workspace()->generation())
                return;
            if (reply->isSuccess()) {
                if (target && target->kind() == MessageBanner::Kind::Error)
                    target->dismiss();
                if (onSuccess)
                    onSuccess(*reply);
                return;
            }
            if (reply->error().kind() == ApiError::Kind::Cancelled)
                return;
            if (target)
                target->showApiError(reply->error(), reply->isRetrySafe() ? retry : nullptr);
            if (onFailure)
                onFailure(*reply);
        });
}

} // namespace otadmin
