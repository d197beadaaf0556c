// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastDetailPane: the selected broadcast's fields and its per-target table.
#include "broadcasts/BroadcastDetailPane.h"

#include "common/IdField.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "common/StyleIcons.h"
#include "models/BroadcastListModel.h"
#include "models/Format.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

namespace {
enum RtmpColumn
{
    RtmpId,
    RtmpUrl,
    RtmpKey,
    RtmpStatusColumn,
    RtmpColumnCount
};

QString streamModeText(const std::optional<StreamMode> &mode)
{
    if (!mode)
        return BroadcastDetailPane::tr("unknown");
    return *mode == StreamMode::Manual ? BroadcastDetailPane::tr("manual")
                                       : BroadcastDetailPane::tr("auto");
}
} // namespace

BroadcastDetailPane::BroadcastDetailPane(SecureClipboard *clipboard, QWidget *parent)
    : QWidget(parent),
      m_clipboard(clipboard),
      m_stack(new QStackedWidget(this)),
      m_id(new IdField(clipboard, this)),
      m_session(new IdField(clipboard, this)),
      m_status(new StatusBadge(this)),
      m_created(new QLabel(this)),
      m_settings(new QLabel(this)),
      m_tag(new QLabel(this)),
      m_layout(new QLabel(this)),
      m_hlsUrl(new QLabel(this)),
      m_hlsStatus(new StatusBadge(this)),
      m_copyHls(new QToolButton(this)),
      m_rtmp(new QTableWidget(0, RtmpColumnCount, this)),
      m_streams(new QLabel(this))
{
    setObjectName(QStringLiteral("broadcastDetail"));
    m_id->setObjectName(QStringLiteral("detailId"));
    m_session->setObjectName(QStringLiteral("detailSession"));
    m_session->setKeep(8);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    m_created->setObjectName(QStringLiteral("detailCreated"));
    m_settings->setObjectName(QStringLiteral("detailSettings"));
    m_settings->setWordWrap(true);
    m_tag->setObjectName(QStringLiteral("detailTag"));
    m_layout->setObjectName(QStringLiteral("detailLayout"));
    m_layout->setWordWrap(true);
    m_hlsUrl->setObjectName(QStringLiteral("hlsUrlLabel"));
    m_hlsUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hlsUrl->setWordWrap(true);
    m_hlsUrl->setFont(monospaceFont());
    m_hlsStatus->setObjectName(QStringLiteral("hlsStatusBadge"));
    m_copyHls->setObjectName(QStringLiteral("copyHlsButton"));
    m_copyHls->setIcon(
        themeIcon(QStringLiteral("edit-copy"), this, QStyle::SP_FileDialogContentsView));
    m_copyHls->setAutoRaise(true);
    m_copyHls->setToolTip(tr("Copy the HLS URL"));
    m_copyHls->setAccessibleName(tr("Copy the HLS URL"));
    m_streams->setObjectName(QStringLiteral("detailStreams"));
    m_streams->setWordWrap(true);

    m_rtmp->setObjectName(QStringLiteral("rtmpTable"));
    m_rtmp->setAccessibleName(tr("RTMP targets"));
    m_rtmp->setHorizontalHeaderLabels({tr("ID"), tr("Server URL"), tr("Stream key"), tr("Status")});
    m_rtmp->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rtmp->setSelectionMode(QAbstractItemView::NoSelection);
    m_rtmp->verticalHeader()->hide();
    m_rtmp->horizontalHeader()->setSectionResizeMode(RtmpUrl, QHeaderView::Stretch);
    m_rtmp->horizontalHeader()->setSectionResizeMode(RtmpId, QHeaderView::ResizeToContents);
    m_rtmp->horizontalHeader()->setSectionResizeMode(RtmpKey, QHeaderView::ResizeToContents);
    m_rtmp->horizontalHeader()->setSectionResizeMode(
        RtmpStatusColumn, QHeaderView::ResizeToContents);
    m_rtmp->setItemDelegateForColumn(RtmpStatusColumn, new StatusBadgeDelegate(m_rtmp));
    m_rtmp->setMinimumHeight(110);

    auto *hint = new QLabel(tr("Select a broadcast to see its outputs and settings."), this);
    hint->setObjectName(QStringLiteral("detailHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);

    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Broadcast:"), m_id);
    form->addRow(tr("Session:"), m_session);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addStretch(1);
    form->addRow(tr("Status:"), statusRow);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Settings:"), m_settings);
    form->addRow(tr("Tag:"), m_tag);
    form->addRow(tr("Layout:"), m_layout);

    auto *hlsBox = new QGroupBox(tr("HLS"), page);
    hlsBox->setObjectName(QStringLiteral("hlsBox"));
    auto *hlsRow = new QHBoxLayout(hlsBox);
    hlsRow->addWidget(m_hlsStatus);
    hlsRow->addWidget(m_hlsUrl, 1);
    hlsRow->addWidget(m_copyHls);

    auto *rtmpBox = new QGroupBox(tr("RTMP targets"), page);
    m_rtmpBox = rtmpBox;
    rtmpBox->setObjectName(QStringLiteral("rtmpBox"));
    auto *rtmpLayout = new QVBoxLayout(rtmpBox);
    rtmpLayout->addWidget(m_rtmp);

    // Facts on the left, outputs on the right: the pane sits below a wide table.
    auto *facts = new QVBoxLayout;
    facts->addLayout(form);
    facts->addWidget(m_streams);
    facts->addStretch(1);
    auto *outputs = new QVBoxLayout;
    outputs->addWidget(hlsBox);
    outputs->addWidget(rtmpBox, 1);
    auto *pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(facts, 2);
    pageLayout->addLayout(outputs, 3);

    m_stack->addWidget(hint);
    m_stack->addWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_copyHls, &QToolButton::clicked, this, [this] {
        if (m_broadcast && !m_broadcast->hlsUrl.isEmpty() && m_clipboard)
            m_clipboard->copyText(m_broadcast->hlsUrl);
    });
    setBroadcast(std::nullopt);
}

void BroadcastDetailPane::setBroadcast(const std::optional<Broadcast> &broadcast)
{
    m_broadcast = broadcast;
    if (!broadcast) {
        m_stack->setCurrentIndex(0);
        return;
    }
    const Broadcast &b = *broadcast;
    m_stack->setCurrentIndex(1);
    m_id->setValue(b.id);
    m_session->setValue(b.sessionId);
    m_status->setStatus(b.statusString);
    m_created->setText(formatLocalTime(b.createdAt));
    m_created->setToolTip(formatUtcTime(b.createdAt));

    QStringList settings;
    settings << (b.resolution.isEmpty() ? tr("default resolution") : b.resolution);
    if (b.maxDuration)
        settings << tr("max %1").arg(formatDuration(*b.maxDuration));
    settings << tr("%1 stream mode").arg(streamModeText(b.streamMode));
    if (!b.hasAudio)
        settings << tr("no audio");
    if (!b.hasVideo)
        settings << tr("no video");
    if (b.hlsSettings && b.hlsSettings->dvr)
        settings << tr("HLS DVR");
    if (b.hlsSettings && b.hlsSettings->lowLatency)
        settings << tr("HLS low latency");
    m_settings->setText(settings.join(QStringLiteral(" \u00b7 ")));
    m_tag->setText(b.multiBroadcastTag.isEmpty() ? tr("none") : b.multiBroadcastTag);

    const bool hls = !b.hlsUrl.isEmpty();
    m_hlsUrl->setText(hls ? b.hlsUrl : tr("No HLS output."));
    m_hlsUrl->setToolTip(b.hlsUrl);
    m_hlsStatus->setVisible(hls && !b.hlsStatus.isEmpty());
    m_hlsStatus->setStatus(b.hlsStatus);
    m_copyHls->setEnabled(hls);
    fillTargets(b);

    if (b.streamMode == StreamMode::Manual) {
        QStringList streams;
        for (const StreamInclusion &s : b.streams) {
            QStringList tracks;
            if (s.hasAudio)
                tracks << tr("audio");
            if (s.hasVideo)
                tracks << tr("video");
            streams << tr("%1 (%2)").arg(s.streamId, tracks.join(QStringLiteral(", ")));
        }
        m_streams->setText(streams.isEmpty()
                ? tr("Manual stream mode: no streams added yet — use Add stream.")
                : tr("Manual stream mode, streams: %1").arg(streams.join(QStringLiteral("; "))));
        m_streams->show();
    } else {
        m_streams->hide();
    }
}

void BroadcastDetailPane::setLayoutText(const QString &text)
{
    m_layout->setText(text);
}

void BroadcastDetailPane::fillTargets(const Broadcast &b)
{
    m_rtmp->setRowCount(int(b.rtmp.size()));
    for (int row = 0; row < b.rtmp.size(); ++row) {
        const RtmpTarget &t = b.rtmp.at(row);
        auto *id = new QTableWidgetItem(t.id.isEmpty() ? tr("—") : t.id);
        auto *url = new QTableWidgetItem(t.serverUrl);
        url->setToolTip(t.serverUrl);
        auto *key = new QTableWidgetItem(BroadcastListModel::maskStreamName(t.streamName));
        key->setToolTip(tr("The stream key is a secret and is not shown."));
        key->setFont(monospaceFont());
        // A stopped broadcast feeds no target, whatever each one reported last.
        const bool stopped = b.status != BroadcastStatus::Started;
        QString status = t.state() == RtmpStatus::Other ? QStringLiteral("failed") : t.status;
        QString text = t.status.isEmpty() ? tr("unknown") : t.status;
        if (stopped) {
            status = QStringLiteral("stopped");
            text = tr("stopped");
        }
        auto *badge = new QTableWidgetItem(text);
        badge->setData(ModelRole::Status, status);
        badge->setToolTip(tr("Last reported: %1").arg(t.status));
        m_rtmp->setItem(row, RtmpId, id);
        m_rtmp->setItem(row, RtmpUrl, url);
        m_rtmp->setItem(row, RtmpKey, key);
        m_rtmp->setItem(row, RtmpStatusColumn, badge);
    }
    m_rtmpBox->setVisible(!b.rtmp.isEmpty());
}

} // namespace otadmin
