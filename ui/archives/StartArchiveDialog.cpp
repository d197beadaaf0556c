// SPDX-License-Identifier: GPL-3.0-or-later
// StartArchiveDialog: the form, its validation, remembered options and the reconciled start.
#include "archives/StartArchiveDialog.h"

#include "common/FormMemory.h"

#include "AppContext.h"
#include "api/ArchivesApi.h"
#include "api/StartReconciler.h"
#include "api/Workspace.h"
#include "common/IdField.h"
#include "common/LayoutChooser.h"
#include "common/MessageBanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace otadmin {

namespace {

QString fieldLabel(const QString &field)
{
    static const QList<std::pair<QString, const char *>> labels {
        {QStringLiteral("sessionId"),
            QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Session ID")},
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Name")},
        {QStringLiteral("hasAudio"), QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Tracks")},
        {QStringLiteral("hasVideo"), QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Tracks")},
        {QStringLiteral("resolution"),
            QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Resolution")},
        {QStringLiteral("layout"), QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Layout")},
        {QStringLiteral("maxBitrate"),
            QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Max bitrate")},
        {QStringLiteral("quantizationParameter"),
            QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Quantization parameter")},
        {QStringLiteral("multiArchiveTag"),
            QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Multi-archive tag")},
        {QStringLiteral("transcriptionProperties.primaryLanguageCode"),
            QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Transcription language")},
        {QStringLiteral("transcriptionProperties"),
            QT_TRANSLATE_NOOP("otadmin::StartArchiveDialog", "Transcription")},
    };
    for (const auto &[prefix, label] : labels) {
        if (field == prefix || field.startsWith(prefix + QLatin1Char('.')))
            return StartArchiveDialog::tr(label);
    }
    return field;
}

} // namespace

StartArchiveDialog::StartArchiveDialog(AppContext &context, QWidget *parent)
    : QDialog(parent), m_context(context), m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("startArchiveDialog"));
    setWindowTitle(tr("Start archive"));
    setMinimumWidth(560);
    m_banner->setObjectName(QStringLiteral("startArchiveBanner"));
    buildForm();
    restoreOptions();
    updateState();
}

void StartArchiveDialog::buildForm()
{
    auto named = [](auto *widget, const char *objectName, const QString &accessible) {
        widget->setObjectName(QString::fromLatin1(objectName));
        widget->setAccessibleName(accessible);
        return widget;
    };
    m_session = named(new QLineEdit(this), "sessionIdEdit", tr("Session ID"));
    m_session->setFont(monospaceFont());
    m_session->setPlaceholderText(tr("1_MX4x… (the routed session to record)"));
    m_session->setClearButtonEnabled(true);
    m_name = named(new QLineEdit(this), "nameEdit", tr("Name"));
    m_name->setPlaceholderText(tr("Optional, e.g. Town hall"));
    m_outputMode = named(new QComboBox(this), "outputModeCombo", tr("Output"));
    m_outputMode->addItem(
        tr("Composed — one MP4 of all streams"), toApiString(OutputMode::Composed));
    m_outputMode->addItem(
        tr("Individual — a ZIP with one file per stream"), toApiString(OutputMode::Individual));
    m_streamMode = named(new QComboBox(this), "streamModeCombo", tr("Streams"));
    m_streamMode->addItem(
        tr("Automatic — every stream of the session"), toApiString(StreamMode::Auto));
    m_streamMode->addItem(tr("Manual — only streams you add"), toApiString(StreamMode::Manual));
    m_hasAudio = named(new QCheckBox(tr("&Audio"), this), "hasAudioCheck", tr("Record audio"));
    m_hasVideo = named(new QCheckBox(tr("&Video"), this), "hasVideoCheck", tr("Record video"));
    auto *tracks = new QHBoxLayout;
    tracks->addWidget(m_hasAudio);
    tracks->addWidget(m_hasVideo);
    tracks->addStretch(1);

    m_composed = new QGroupBox(tr("Composed output"), this);
    m_composed->setObjectName(QStringLiteral("composedGroup"));
    m_resolution = named(new QComboBox(this), "resolutionCombo", tr("Resolution"));
    m_resolution->addItem(tr("Service default (640x480)"), QString());
    for (const QString &resolution : resolutions())
        m_resolution->addItem(resolution, resolution);
    m_layout = new LayoutChooser(this);
    m_layout->setObjectName(QStringLiteral("layoutChooser"));
    m_useBitrate =
        named(new QCheckBox(tr("Max &bitrate:"), this), "maxBitrateCheck", tr("Limit the bitrate"));
    m_bitrate = named(new QSpinBox(this), "maxBitrateSpin", tr("Max bitrate"));
    m_bitrate->setRange(kMinMaxBitrate, kMaxMaxBitrate);
    m_bitrate->setSingleStep(100000);
    m_bitrate->setValue(2000000);
    m_bitrate->setSuffix(tr(" bit/s"));
    m_bitrate->setGroupSeparatorShown(true);
    m_useQuantization = named(new QCheckBox(tr("&Quantization:"), this), "quantizationCheck",
        tr("Use a quantization parameter"));
    m_quantization = named(new QSpinBox(this), "quantizationSpin", tr("Quantization parameter"));
    m_quantization->setRange(kMinQuantizationParameter, kMaxQuantizationParameter);
    m_quantization->setValue(25);
    m_quantization->setToolTip(tr("Lower is better quality (variable bitrate)"));
    auto *composedForm = new QFormLayout(m_composed);
    composedForm->addRow(tr("&Resolution:"), m_resolution);
    composedForm->addRow(m_layout);
    composedForm->addRow(m_useBitrate, m_bitrate);
    composedForm->addRow(m_useQuantization, m_quantization);

    m_tag = named(new QLineEdit(this), "multiArchiveTagEdit", tr("Multi-archive tag"));
    m_tag->setPlaceholderText(tr("Optional; tells simultaneous archives of a session apart"));
    m_transcription = named(new QCheckBox(tr("&Transcribe the recording"), this),
        "transcriptionCheck", tr("Transcription"));
    m_language = named(new QLineEdit(this), "languageEdit", tr("Transcription language"));
    m_language->setPlaceholderText(tr("Service default, or a tag such as en-US"));
    m_summary = named(new QCheckBox(tr("Add a &summary"), this), "summaryCheck", tr("Summary"));

    auto *form = new QFormLayout;
    form->addRow(tr("S&ession ID:"), m_session);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Output:"), m_outputMode);
    form->addRow(tr("S&treams:"), m_streamMode);
    form->addRow(tr("Tracks:"), tracks);
    form->addRow(m_composed);
    form->addRow(tr("Multi-archive ta&g:"), m_tag);
    form->addRow(tr("Transcription:"), m_transcription);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_summary);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("validationLabel"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c5221f"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = m_buttons->addButton(tr("&Start archive"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &StartArchiveDialog::start);
    for (QLineEdit *edit : {m_session, m_name, m_tag, m_language})
        connect(edit, &QLineEdit::textChanged, this, &StartArchiveDialog::updateState);
    for (QComboBox *combo : {m_outputMode, m_streamMode, m_resolution})
        connect(combo, &QComboBox::currentIndexChanged, this, &StartArchiveDialog::updateState);
    for (QCheckBox *check :
        {m_hasAudio, m_hasVideo, m_useBitrate, m_useQuantization, m_transcription, m_summary})
        connect(check, &QCheckBox::toggled, this, &StartArchiveDialog::updateState);
    for (QSpinBox *spin : {m_bitrate, m_quantization})
        connect(spin, &QSpinBox::valueChanged, this, &StartArchiveDialog::updateState);
    connect(m_layout, &LayoutChooser::layoutChanged, this, &StartArchiveDialog::updateState);
}

void StartArchiveDialog::setSessionId(const QString &sessionId)
{
    m_session->setText(sessionId.trimmed());
    m_session->setCursorPosition(0);
    (sessionId.isEmpty() ? m_session : m_name)->setFocus();
}

ArchiveOptions StartArchiveDialog::options() const
{
    ArchiveOptions o;
    o.sessionId = m_session->text().trimmed();
    o.name = m_name->text();
    o.outputMode =
        outputModeFromString(m_outputMode->currentData().toString()).value_or(OutputMode::Composed);
    o.streamMode =
        streamModeFromString(m_streamMode->currentData().toString()).value_or(StreamMode::Auto);
    o.hasAudio = m_hasAudio->isChecked();
    o.hasVideo = m_hasVideo->isChecked();
    if (o.outputMode == OutputMode::Composed) {
        o.resolution = m_resolution->currentData().toString();
        const Layout layout = m_layout->layout();
        if (!(layout == Layout {}))
            o.layout = layout;
        if (m_useBitrate->isChecked())
            o.maxBitrate = m_bitrate->value();
        if (m_useQuantization->isChecked())
            o.quantizationParameter = m_quantization->value();
    }
    o.multiArchiveTag = m_tag->text();
    o.hasTranscription = m_transcription->isChecked();
    if (o.hasTranscription && (!m_language->text().trimmed().isEmpty() || m_summary->isChecked()))
        o.transcriptionProperties =
            TranscriptionProperties {m_language->text().trimmed(), m_summary->isChecked()};
    return o;
}

QString StartArchiveDialog::problem() const
{
    const Validation bad = options().validate();
    return bad ? fieldLabel(bad->field) + QLatin1Char(' ') + bad->message : QString();
}

void StartArchiveDialog::updateState()
{
    const bool composed =
        m_outputMode->currentData().toString() == toApiString(OutputMode::Composed);
    m_composed->setEnabled(composed);
    m_composed->setToolTip(composed ? QString() : tr("Only composed archives have these options"));
    m_bitrate->setEnabled(m_useBitrate->isChecked());
    m_quantization->setEnabled(m_useQuantization->isChecked());
    m_language->setEnabled(m_transcription->isChecked());
    m_summary->setEnabled(m_transcription->isChecked());
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_start->setEnabled(why.isEmpty() && !m_starting);
}

FormMemory StartArchiveDialog::memory() const
{
    const auto &profile = m_context.workspace()->profile();
    return FormMemory(m_context.settings(), profile ? profile->name : QStringLiteral("default"),
        QStringLiteral("startArchive"));
}

void StartArchiveDialog::restoreOptions()
{
    FormMemory m = memory();
    auto select = [](QComboBox *combo, const QVariant &value) {
        const int index = combo->findData(value.toString());
        if (index >= 0)
            combo->setCurrentIndex(index);
    };
    select(m_outputMode, m.value(QStringLiteral("outputMode")));
    select(m_streamMode, m.value(QStringLiteral("streamMode")));
    select(m_resolution, m.value(QStringLiteral("resolution")));
    m_hasAudio->setChecked(m.value(QStringLiteral("hasAudio"), true).toBool());
    m_hasVideo->setChecked(m.value(QStringLiteral("hasVideo"), true).toBool());
    const QByteArray layout = m.value(QStringLiteral("layout")).toByteArray();
    if (const auto restored = Layout::fromJson(QJsonDocument::fromJson(layout).object()))
        m_layout->setLayout(*restored);
    const QVariant bitrate = m.value(QStringLiteral("maxBitrate"));
    m_useBitrate->setChecked(bitrate.isValid());
    if (bitrate.isValid())
        m_bitrate->setValue(bitrate.toInt());
    const QVariant quantization = m.value(QStringLiteral("quantizationParameter"));
    m_useQuantization->setChecked(quantization.isValid());
    if (quantization.isValid())
        m_quantization->setValue(quantization.toInt());
    m_transcription->setChecked(m.value(QStringLiteral("hasTranscription"), false).toBool());
    m_language->setText(m.value(QStringLiteral("primaryLanguageCode")).toString());
    m_summary->setChecked(m.value(QStringLiteral("hasSummary"), false).toBool());
}

void StartArchiveDialog::rememberOptions(const ArchiveOptions &o)
{
    FormMemory m = memory();
    m.setValue(QStringLiteral("outputMode"), toApiString(o.outputMode));
    m.setValue(QStringLiteral("streamMode"), toApiString(o.streamMode));
    m.setValue(QStringLiteral("hasAudio"), o.hasAudio);
    m.setValue(QStringLiteral("hasVideo"), o.hasVideo);
    auto put = [&](const QString &key, bool present, const QVariant &value) {
        if (present)
            m.setValue(key, value);
        else
            m.remove(key);
    };
    // Composed-only values are kept from the form, so a switch to individual does not lose them.
    put(QStringLiteral("resolution"), true, m_resolution->currentData());
    put(QStringLiteral("layout"), true,
        QJsonDocument(m_layout->layout().toJson()).toJson(QJsonDocument::Compact));
    put(QStringLiteral("maxBitrate"), m_useBitrate->isChecked(), m_bitrate->value());
    put(QStringLiteral("quantizationParameter"), m_useQuantization->isChecked(),
        m_quantization->value());
    m.setValue(QStringLiteral("hasTranscription"), o.hasTranscription);
    m.setValue(QStringLiteral("primaryLanguageCode"), m_language->text().trimmed());
    m.setValue(QStringLiteral("hasSummary"), m_summary->isChecked());
}

void StartArchiveDialog::start()
{
    const ArchiveOptions o = options();
    if (m_starting || o.validate())
        return;
    m_starting = true;
    m_banner->dismiss();
    updateState();
    Workspace *workspace = m_context.workspace();
    const quint64 generation = workspace->generation();
    StartReconciler *start = StartReconciler::startArchive(workspace->archives(), o);
    connect(start, &StartReconciler::finished, this, [this, start, o, generation, workspace] {
        m_starting = false;
        updateState();
        if (generation != workspace->generation())
            return;
        if (start->isSuccess()) {
            rememberOptions(o);
            Q_EMIT archiveStarted(start->result().value<Archive>(), start->note());
            accept();
            return;
        }
        if (start->error().kind() == ApiError::Kind::Cancelled)
            return;
        if (start->isOutcomeUnknown()) {
            m_banner->showMessage(MessageBanner::Kind::Warning,
                tr("The service did not answer, and the session's archives could not be "
                   "checked either. The archive may be recording: refresh the Archives panel "
                   "before you start it again."));
            return;
        }
        m_banner->showApiError(start->error());
    });
}

} // namespace otadmin
