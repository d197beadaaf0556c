// SPDX-License-Identifier: GPL-3.0-or-later
// StartBroadcastDialog: the form, its validation and the options remembered per profile.
#include "broadcasts/StartBroadcastDialog.h"

#include "common/FormMemory.h"

#include "broadcasts/RtmpTargetsEditor.h"
#include "common/LayoutChooser.h"
#include "common/MessageBanner.h"
#include "models/Format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace otadmin {

StartBroadcastDialog::StartBroadcastDialog(
    QSettings *settings, const QString &profileName, QWidget *parent)
    : QDialog(parent),
      m_settings(settings),
      m_profile(profileName),
      m_banner(new MessageBanner(this)),
      m_session(new QLineEdit(this)),
      m_hls(new QGroupBox(tr("&HLS (playlist for web players)"), this)),
      m_dvr(new QCheckBox(tr("&DVR (viewers can rewind)"), m_hls)),
      m_lowLatency(new QCheckBox(tr("Lo&w latency"), m_hls)),
      m_targets(new RtmpTargetsEditor(this)),
      m_maxDuration(new QSpinBox(this)),
      m_maxDurationHint(new QLabel(this)),
      m_maxBitrate(new QSpinBox(this)),
      m_resolution(new QComboBox(this)),
      m_streamMode(new QComboBox(this)),
      m_tag(new QLineEdit(this)),
      m_hasAudio(new QCheckBox(tr("&Audio"), this)),
      m_hasVideo(new QCheckBox(tr("&Video"), this)),
      m_layout(new LayoutChooser(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("startBroadcastDialog"));
    setWindowTitle(tr("Start broadcast"));
    setMinimumWidth(900);
    m_banner->setObjectName(QStringLiteral("startBanner"));
    m_session->setObjectName(QStringLiteral("sessionIdEdit"));
    m_session->setPlaceholderText(tr("1_MX4x… (a routed session with a connected client)"));
    m_hls->setObjectName(QStringLiteral("hlsGroup"));
    m_hls->setCheckable(true);
    m_dvr->setObjectName(QStringLiteral("hlsDvrCheck"));
    m_lowLatency->setObjectName(QStringLiteral("hlsLowLatencyCheck"));
    m_lowLatency->setToolTip(tr("4–6 s behind live instead of 15–20 s; not with DVR"));
    m_targets->setObjectName(QStringLiteral("rtmpTargets"));
    m_maxDuration->setObjectName(QStringLiteral("maxDurationSpin"));
    m_maxDuration->setRange(0, 99999);
    m_maxDuration->setSpecialValueText(tr("Service default (4 h)"));
    m_maxDuration->setSuffix(tr(" s"));
    m_maxDuration->setAccessibleName(tr("Maximum duration in seconds"));
    m_maxDurationHint->setObjectName(QStringLiteral("maxDurationHint"));
    m_maxBitrate->setObjectName(QStringLiteral("maxBitrateSpin"));
    m_maxBitrate->setRange(0, 99'999'999);
    m_maxBitrate->setSingleStep(100'000);
    m_maxBitrate->setGroupSeparatorShown(true);
    m_maxBitrate->setSpecialValueText(tr("Service default"));
    m_maxBitrate->setSuffix(tr(" bit/s"));
    m_maxBitrate->setAccessibleName(tr("Maximum video bitrate in bits per second"));
    m_resolution->setObjectName(QStringLiteral("resolutionCombo"));
    m_resolution->addItem(tr("Service default (640x480)"), QString());
    for (const QString &r : resolutions())
        m_resolution->addItem(r, r);
    m_streamMode->setObjectName(QStringLiteral("streamModeCombo"));
    m_streamMode->addItem(tr("Auto — every stream of the session"), toApiString(StreamMode::Auto));
    m_streamMode->addItem(tr("Manual — only streams you add"), toApiString(StreamMode::Manual));
    m_tag->setObjectName(QStringLiteral("multiBroadcastTagEdit"));
    m_tag->setPlaceholderText(tr("optional; needed for a second broadcast of the session"));
    m_hasAudio->setObjectName(QStringLiteral("hasAudioCheck"));
    m_hasVideo->setObjectName(QStringLiteral("hasVideoCheck"));
    m_hasAudio->setChecked(true);
    m_hasVideo->setChecked(true);
    m_layout->setObjectName(QStringLiteral("layoutChooser"));
    m_error->setObjectName(QStringLiteral("validationLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f"));

    auto *hlsLayout = new QVBoxLayout(m_hls);
    hlsLayout->addWidget(m_dvr);
    hlsLayout->addWidget(m_lowLatency);
    auto *rtmpBox = new QGroupBox(tr("RTMP targets (up to %1)").arg(kMaxRtmpTargets), this);
    auto *rtmpLayout = new QVBoxLayout(rtmpBox);
    rtmpLayout->addWidget(m_targets);
    auto *left = new QVBoxLayout;
    auto *sessionForm = new QFormLayout;
    sessionForm->addRow(tr("&Session ID:"), m_session);
    left->addLayout(sessionForm);
    left->addWidget(m_hls);
    left->addWidget(rtmpBox);
    left->addStretch(1);

    auto *tracks = new QHBoxLayout;
    tracks->addWidget(m_hasAudio);
    tracks->addWidget(m_hasVideo);
    tracks->addStretch(1);
    auto *duration = new QHBoxLayout;
    duration->addWidget(m_maxDuration, 1);
    duration->addWidget(m_maxDurationHint);
    auto *optionsBox = new QGroupBox(tr("Options"), this);
    auto *form = new QFormLayout(optionsBox);
    auto *durationLabel = new QLabel(tr("Max &duration:"), optionsBox);
    durationLabel->setBuddy(m_maxDuration);
    form->addRow(durationLabel, duration);
    form->addRow(tr("Max &bitrate:"), m_maxBitrate);
    form->addRow(tr("&Resolution:"), m_resolution);
    form->addRow(tr("Stream &mode:"), m_streamMode);
    form->addRow(tr("&Tag:"), m_tag);
    form->addRow(tr("Include:"), tracks);
    auto *layoutBox = new QGroupBox(tr("Layout"), this);
    auto *layoutBoxLayout = new QVBoxLayout(layoutBox);
    layoutBoxLayout->addWidget(m_layout);
    auto *right = new QVBoxLayout;
    right->addWidget(optionsBox);
    right->addWidget(layoutBox, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("startButton"));
    m_ok->setText(tr("Start broadcast"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(columns, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, [this] {
        if (!validation())
            Q_EMIT startRequested(options());
    });
    for (QLineEdit *edit : {m_session, m_tag})
        connect(edit, &QLineEdit::textChanged, this, &StartBroadcastDialog::updateState);
    for (QCheckBox *box : {m_dvr, m_lowLatency, m_hasAudio, m_hasVideo})
        connect(box, &QCheckBox::toggled, this, &StartBroadcastDialog::updateState);
    connect(m_hls, &QGroupBox::toggled, this, &StartBroadcastDialog::updateState);
    for (QSpinBox *spin : {m_maxDuration, m_maxBitrate})
        connect(spin, &QSpinBox::valueChanged, this, &StartBroadcastDialog::updateState);
    for (QComboBox *combo : {m_resolution, m_streamMode})
        connect(combo, &QComboBox::currentIndexChanged, this, &StartBroadcastDialog::updateState);
    connect(m_targets, &RtmpTargetsEditor::changed, this, &StartBroadcastDialog::updateState);
    connect(m_layout, &LayoutChooser::layoutChanged, this, &StartBroadcastDialog::updateState);

    restoreOptions();
    updateState();
}

void StartBroadcastDialog::setSessionId(const QString &sessionId)
{
    m_session->setText(sessionId.trimmed());
}

BroadcastOptions StartBroadcastDialog::options() const
{
    BroadcastOptions o;
    o.sessionId = m_session->text().trimmed();
    if (m_hls->isChecked())
        o.hls = HlsOptions {m_dvr->isChecked(), m_lowLatency->isChecked()};
    o.rtmp = m_targets->targets();
    const Layout layout = m_layout->layout();
    if (layout != Layout {})
        o.layout = layout;
    if (m_maxDuration->value() > 0)
        o.maxDuration = m_maxDuration->value();
    if (m_maxBitrate->value() > 0)
        o.maxBitrate = m_maxBitrate->value();
    o.resolution = m_resolution->currentData().toString();
    o.streamMode =
        streamModeFromString(m_streamMode->currentData().toString()).value_or(StreamMode::Auto);
    o.multiBroadcastTag = m_tag->text().trimmed();
    o.hasAudio = m_hasAudio->isChecked();
    o.hasVideo = m_hasVideo->isChecked();
    return o;
}

Validation StartBroadcastDialog::validation() const
{
    return options().validate();
}

QString StartBroadcastDialog::describe(const FieldError &error)
{
    static const QRegularExpression rtmpField(
        QStringLiteral("^outputs\\.rtmp\\[(\\d+)\\]\\.(id|serverUrl|streamName)$"));
    QString label;
    const QString &f = error.field;
    if (const auto m = rtmpField.match(f); m.hasMatch()) {
        const QString n = QString::number(m.captured(1).toInt() + 1);
        const QString part = m.captured(2);
        label = part == u"id"      ? tr("RTMP target %1 label").arg(n)
            : part == u"serverUrl" ? tr("RTMP target %1 server URL").arg(n)
                                   : tr("RTMP target %1 stream key").arg(n);
    } else if (f == u"sessionId") {
        label = tr("Session ID");
    } else if (f == u"outputs") {
        label = tr("Outputs");
    } else if (f == u"outputs.hls.lowLatency") {
        label = tr("HLS low latency");
    } else if (f == u"outputs.rtmp") {
        label = tr("RTMP targets");
    } else if (f.startsWith(QLatin1String("layout"))) {
        label = tr("Layout");
    } else if (f == u"maxDuration") {
        label = tr("Max duration");
    } else if (f == u"maxBitrate") {
        label = tr("Max bitrate");
    } else if (f == u"resolution") {
        label = tr("Resolution");
    } else if (f == u"multiBroadcastTag") {
        label = tr("Tag");
    } else if (f == u"hasAudio" || f == u"hasVideo") {
        label = tr("Include");
    } else {
        label = f;
    }
    return tr("%1: %2").arg(label, error.message);
}

void StartBroadcastDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ok->setText(busy ? tr("Starting\u2026") : tr("Start broadcast"));
    updateState();
}

void StartBroadcastDialog::updateState()
{
    m_dvr->setEnabled(m_hls->isChecked());
    m_lowLatency->setEnabled(m_hls->isChecked());
    const int seconds = m_maxDuration->value();
    m_maxDurationHint->setText(seconds > 0 ? tr("= %1").arg(formatDuration(seconds)) : QString());
    const Validation problem = validation();
    m_error->setText(problem ? describe(*problem) : QString());
    m_error->setToolTip(problem ? problem->field : QString());
    m_error->setVisible(problem.has_value());
    m_ok->setEnabled(!problem && !m_busy);
}

FormMemory StartBroadcastDialog::memory() const
{
    return FormMemory(m_settings, m_profile, QStringLiteral("startBroadcast"));
}

void StartBroadcastDialog::rememberOptions() const
{
    if (!m_settings || m_profile.isEmpty())
        return;
    const BroadcastOptions o = options();
    FormMemory m = memory();
    QJsonArray targets;
    for (const RtmpTarget &t : o.rtmp) // labels and URLs only: a stream key is a secret
        targets.append(
            QJsonObject {{QStringLiteral("id"), t.id}, {QStringLiteral("serverUrl"), t.serverUrl}});
    m.setValue(QStringLiteral("hls"), o.hls.has_value());
    m.setValue(QStringLiteral("hlsDvr"), m_dvr->isChecked());
    m.setValue(QStringLiteral("hlsLowLatency"), m_lowLatency->isChecked());
    m.setValue(QStringLiteral("rtmpTargets"),
        QString::fromUtf8(QJsonDocument(targets).toJson(QJsonDocument::Compact)));
    m.setValue(QStringLiteral("maxDuration"), m_maxDuration->value());
    m.setValue(QStringLiteral("maxBitrate"), m_maxBitrate->value());
    m.setValue(QStringLiteral("resolution"), o.resolution);
    m.setValue(QStringLiteral("streamMode"), toApiString(o.streamMode));
    m.setValue(QStringLiteral("hasAudio"), o.hasAudio);
    m.setValue(QStringLiteral("hasVideo"), o.hasVideo);
    m.setValue(QStringLiteral("layout"),
        QString::fromUtf8(
            QJsonDocument(m_layout->layout().toJson()).toJson(QJsonDocument::Compact)));
}

void StartBroadcastDialog::restoreOptions()
{
    if (!m_settings || m_profile.isEmpty())
        return;
    const FormMemory m = memory();
    auto value = [&m](const QString &name, const QVariant &fallback) {
        return m.value(name, fallback);
    };
    m_hls->setChecked(value(QStringLiteral("hls"), true).toBool());
    m_dvr->setChecked(value(QStringLiteral("hlsDvr"), false).toBool());
    m_lowLatency->setChecked(value(QStringLiteral("hlsLowLatency"), false).toBool());
    QList<RtmpTarget> targets;
    const QJsonArray saved =
        QJsonDocument::fromJson(value(QStringLiteral("rtmpTargets"), QString()).toString().toUtf8())
            .array();
    for (const QJsonValue &v : saved) {
        const QJsonObject o = v.toObject();
        targets << RtmpTarget {o.value(QLatin1String("id")).toString(),
            o.value(QLatin1String("serverUrl")).toString(), {}, {}};
        if (targets.size() == kMaxRtmpTargets)
            break;
    }
    m_targets->setTargets(targets);
    m_maxDuration->setValue(value(QStringLiteral("maxDuration"), 0).toInt());
    m_maxBitrate->setValue(value(QStringLiteral("maxBitrate"), 0).toInt());
    const int resolution = m_resolution->findData(value(QStringLiteral("resolution"), QString()));
    m_resolution->setCurrentIndex(qMax(0, resolution));
    const int mode = m_streamMode->findData(value(QStringLiteral("streamMode"), QString()));
    m_streamMode->setCurrentIndex(qMax(0, mode));
    m_hasAudio->setChecked(value(QStringLiteral("hasAudio"), true).toBool());
    m_hasVideo->setChecked(value(QStringLiteral("hasVideo"), true).toBool());
    const auto layout = Layout::fromJson(
        QJsonDocument::fromJson(value(QStringLiteral("layout"), QString()).toString().toUtf8())
            .object());
    if (layout)
        m_layout->setLayout(*layout);
}

} // namespace otadmin
