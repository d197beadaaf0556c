// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveDetailPane: the selected archive's fields.
#include "archives/ArchiveDetailPane.h"

#include "common/IdField.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "common/StyleIcons.h"
#include "models/ArchiveListModel.h"
#include "models/Format.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

ArchiveDetailPane::ArchiveDetailPane(SecureClipboard *clipboard, QWidget *parent)
    : QWidget(parent), m_clipboard(clipboard), m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("archiveDetail"));
    setMinimumWidth(240);
    auto *hint = new QLabel(tr("Select an archive to see its details."), this);
    hint->setObjectName(QStringLiteral("detailHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *body = new QWidget;
    m_form = new QFormLayout(body);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLabel(body);
    m_name->setObjectName(QStringLiteral("detailName"));
    m_name->setWordWrap(true);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);
    m_form->addRow(m_name);
    m_status = new StatusBadge(body);
    m_status->setObjectName(QStringLiteral("detailStatus"));
    m_form->addRow(tr("Status:"), m_status);
    m_reason = addValue(tr("Reason:"), "detailReason");
    m_id = addId(tr("Archive ID:"), "detailId");
    m_session = addId(tr("Session ID:"), "detailSession");
    m_project = addId(tr("Project:"), "detailProject");
    m_created = addValue(tr("Created:"), "detailCreated");
    m_duration = addValue(tr("Duration:"), "detailDuration");
    m_size = addValue(tr("Size:"), "detailSize");
    m_output = addValue(tr("Output:"), "detailOutput");
    m_resolution = addValue(tr("Resolution:"), "detailResolution");
    m_streamMode = addValue(tr("Streams:"), "detailStreamMode");
    m_tracks = addValue(tr("Tracks:"), "detailTracks");
    m_quality = addValue(tr("Quality:"), "detailQuality");
    m_tag = addValue(tr("Multi-archive tag:"), "detailTag");
    m_transcription = addValue(tr("Transcription:"), "detailTranscription");
    m_streams = addValue(tr("Included streams:"), "detailStreams");
    m_streams->setFont(monospaceFont());

    m_url = new QLineEdit(body);
    m_url->setObjectName(QStringLiteral("detailUrl"));
    m_url->setAccessibleName(tr("Download URL"));
    m_url->setReadOnly(true);
    m_copyUrl = new QToolButton(body);
    m_copyUrl->setObjectName(QStringLiteral("copyUrlButton"));
    m_copyUrl->setIcon(
        themeIcon(QStringLiteral("edit-copy"), this, QStyle::SP_FileDialogContentsView));
    m_copyUrl->setToolTip(tr("Copy the download URL"));
    m_copyUrl->setAccessibleName(tr("Copy the download URL"));
    m_openUrl = new QToolButton(body);
    m_openUrl->setObjectName(QStringLiteral("openUrlButton"));
    m_openUrl->setIcon(
        themeIcon(QStringLiteral("document-open-remote"), this, QStyle::SP_ArrowDown));
    m_openUrl->setToolTip(tr("Download in the browser (fetches a fresh link first)"));
    m_openUrl->setAccessibleName(tr("Open the download URL"));
    auto *urlRow = new QHBoxLayout;
    urlRow->setSpacing(2);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_copyUrl);
    urlRow->addWidget(m_openUrl);
    m_form->addRow(tr("Download:"), urlRow);
    m_urlNote =
        new QLabel(tr("Links are valid for about 10 minutes; Open fetches a fresh one."), body);
    m_urlNote->setWordWrap(true);
    m_urlNote->setEnabled(false);
    m_form->addRow(QString(), m_urlNote);
    m_copyPassword = new QToolButton(body);
    m_copyPassword->setObjectName(QStringLiteral("copyPasswordButton"));
    m_copyPassword->setText(tr("Copy password"));
    m_copyPassword->setToolTip(tr("The archive is encrypted; the copied password leaves the "
                                  "clipboard again after a while"));
    m_form->addRow(tr("Encryption:"), m_copyPassword);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_pages->addWidget(hint);
    m_pages->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_copyUrl, &QToolButton::clicked, this, [this] {
        if (m_archive && !m_archive->url.isEmpty())
            m_clipboard->copyText(m_archive->url);
    });
    connect(m_openUrl, &QToolButton::clicked, this, [this] {
        if (m_archive)
            Q_EMIT openUrlRequested(m_archive->id);
    });
    connect(m_copyPassword, &QToolButton::clicked, this, [this] {
        if (m_archive && !m_archive->password.isEmpty())
            m_clipboard->copySecret(m_archive->password);
    });
    setArchive(std::nullopt);
}

QLabel *ArchiveDetailPane::addValue(const QString &label, const char *objectName)
{
    auto *value = new QLabel;
    value->setObjectName(QString::fromLatin1(objectName));
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

IdField *ArchiveDetailPane::addId(const QString &label, const char *objectName)
{
    auto *field = new IdField(m_clipboard);
    field->setObjectName(QString::fromLatin1(objectName));
    field->setAccessibleName(label);
    m_form->addRow(label, field);
    return field;
}

void ArchiveDetailPane::setArchive(const std::optional<Archive> &archive)
{
    m_archive = archive;
    m_pages->setCurrentIndex(archive ? 1 : 0);
    if (!archive)
        return;
    const Archive &a = *archive;
    m_name->setText(a.name.isEmpty() ? tr("(no name)") : a.name);
    m_status->setStatus(a.statusString);
    m_reason->setText(a.reason);
    m_form->setRowVisible(m_reason, !a.reason.isEmpty());
    m_id->setValue(a.id);
    m_session->setValue(a.sessionId);
    m_project->setValue(a.projectId);
    m_created->setText(formatLocalTime(a.createdAt));
    m_created->setToolTip(formatUtcTime(a.createdAt));
    m_size->setText(a.size > 0 ? tr("%1 (%L2 bytes)").arg(formatBytes(a.size)).arg(a.size)
                               : tr("not yet known"));
    m_output->setText(a.outputMode ? toApiString(*a.outputMode) : tr("unknown"));
    m_resolution->setText(a.resolution);
    m_form->setRowVisible(m_resolution, !a.resolution.isEmpty());
    m_streamMode->setText(a.streamMode == StreamMode::Manual ? tr("manual — only added streams")
                                                             : tr("automatic — every stream"));
    m_tracks->setText(a.hasAudio && a.hasVideo
            ? tr("audio and video")
            : (a.hasAudio ? tr("audio only") : tr("video only")));
    QString quality;
    if (a.maxBitrate)
        quality = tr("at most %L1 bit/s").arg(*a.maxBitrate);
    else if (a.quantizationParameter)
        quality = tr("quantization parameter %1").arg(*a.quantizationParameter);
    m_quality->setText(quality);
    m_form->setRowVisible(m_quality, !quality.isEmpty());
    m_tag->setText(a.multiArchiveTag);
    m_form->setRowVisible(m_tag, !a.multiArchiveTag.isEmpty());
    QString transcription;
    if (a.hasTranscription) {
        transcription = tr("yes");
        if (a.transcriptionProperties && !a.transcriptionProperties->primaryLanguageCode.isEmpty())
            transcription += QStringLiteral(", ") + a.transcriptionProperties->primaryLanguageCode;
        if (a.transcriptionProperties && a.transcriptionProperties->hasSummary)
            transcription += tr(", with summary");
    }
    m_transcription->setText(transcription);
    m_form->setRowVisible(m_transcription, a.hasTranscription);
    QStringList streams;
    for (const StreamInclusion &s : a.streams)
        streams << QStringLiteral("%1  %2%3")
                       .arg(elideMiddle(s.streamId, 8),
                           s.hasAudio ? QStringLiteral("A") : QStringLiteral("-"),
                           s.hasVideo ? QStringLiteral("V") : QStringLiteral("-"));
    m_streams->setText(streams.join(QLatin1Char('\n')));
    m_form->setRowVisible(m_streams, a.streamMode == StreamMode::Manual);
    if (a.streamMode == StreamMode::Manual && streams.isEmpty())
        m_streams->setText(tr("none yet"));
    m_url->setText(a.url);
    m_url->setCursorPosition(0);
    m_url->setToolTip(a.url);
    const bool canDownload = a.status == ArchiveStatus::Available;
    m_copyUrl->setEnabled(!a.url.isEmpty());
    m_openUrl->setEnabled(canDownload);
    if (a.url.isEmpty())
        m_url->setPlaceholderText(a.status == ArchiveStatus::Uploaded
                ? tr("Delivered to your upload storage")
                : tr("Available once the archive is processed"));
    m_form->setRowVisible(m_urlNote, canDownload);
    m_form->setRowVisible(m_copyPassword, !a.password.isEmpty());
    refreshElapsed(QDateTime::currentMSecsSinceEpoch());
}

void ArchiveDetailPane::refreshElapsed(qint64 nowMSecs)
{
    if (!m_archive)
        return;
    const Archive &a = *m_archive;
    if (ArchiveListModel::isRunning(a.status) && a.createdAt > 0)
        m_duration->setText(
            tr("%1 so far").arg(formatDuration(qMax<qint64>(0, (nowMSecs - a.createdAt) / 1000))));
    else
        m_duration->setText(formatDuration(a.duration));
}

} // namespace otadmin
