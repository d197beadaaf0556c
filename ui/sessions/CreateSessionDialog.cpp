// SPDX-License-Identifier: GPL-3.0-or-later
// CreateSessionDialog: the form behind "New session…".
#include "sessions/CreateSessionDialog.h"

#include "common/FormMemory.h"
#include "common/MessageBanner.h"
#include "types/Common.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otadmin {

namespace {

const QString kForm = QStringLiteral("createSession");

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("archiveMode"))
        return CreateSessionDialog::tr("Archive mode");
    if (field == QLatin1String("e2ee"))
        return CreateSessionDialog::tr("End-to-end encryption");
    if (field == QLatin1String("archiveName"))
        return CreateSessionDialog::tr("Auto-archive name");
    if (field == QLatin1String("archiveResolution"))
        return CreateSessionDialog::tr("Auto-archive resolution");
    if (field == QLatin1String("location"))
        return CreateSessionDialog::tr("Location hint");
    return field;
}

} // namespace

CreateSessionDialog::CreateSessionDialog(
    QSettings *settings, const QString &profileName, QWidget *parent)
    : QDialog(parent),
      m_settings(settings),
      m_profileName(profileName),
      m_banner(new MessageBanner(this)),
      m_label(new QLineEdit(this)),
      m_mediaMode(new QComboBox(this)),
      m_archiveMode(new QComboBox(this)),
      m_archiveName(new QLineEdit(this)),
      m_archiveResolution(new QComboBox(this)),
      m_location(new QLineEdit(this)),
      m_e2ee(new QCheckBox(tr("Encrypt media end to end (routed only)"), this)),
      m_validation(new QLabel(this))
{
    setObjectName(QStringLiteral("createSessionDialog"));
    setWindowTitle(tr("New session in %1").arg(profileName));
    m_banner->setObjectName(QStringLiteral("dialogBanner"));

    m_label->setObjectName(QStringLiteral("sessionLabelEdit"));
    m_label->setPlaceholderText(tr("Optional, e.g. Town hall — kept on this computer only"));
    m_label->setMaxLength(200);
    m_mediaMode->setObjectName(QStringLiteral("mediaModeCombo"));
    m_mediaMode->addItem(tr("Routed — through the Media Router (archiving, broadcasts, SIP)"),
        int(MediaMode::Routed));
    m_mediaMode->addItem(tr("Relayed — peer to peer"), int(MediaMode::Relayed));
    m_archiveMode->setObjectName(QStringLiteral("archiveModeCombo"));
    m_archiveMode->addItem(tr("Manual — start archives yourself"), int(ArchiveMode::Manual));
    m_archiveMode->addItem(tr("Always — archive automatically"), int(ArchiveMode::Always));
    m_archiveName->setObjectName(QStringLiteral("archiveNameEdit"));
    m_archiveName->setPlaceholderText(tr("Optional, up to 80 characters"));
    m_archiveResolution->setObjectName(QStringLiteral("archiveResolutionCombo"));
    m_archiveResolution->addItem(tr("Service default (640x480)"), QString());
    for (const QString &resolution : resolutions())
        m_archiveResolution->addItem(resolution, resolution);
    m_location->setObjectName(QStringLiteral("locationEdit"));
    m_location->setPlaceholderText(tr("Optional IPv4 address, e.g. 203.0.113.7"));
    m_location->setToolTip(tr("Chooses the media region near this address. Without it the "
                              "region follows the first client that connects."));
    m_e2ee->setObjectName(QStringLiteral("e2eeCheck"));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c5221f"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Media mode:"), m_mediaMode);
    form->addRow(tr("&Archive mode:"), m_archiveMode);
    form->addRow(tr("Auto-archive &name:"), m_archiveName);
    form->addRow(tr("Auto-archive &resolution:"), m_archiveResolution);
    form->addRow(tr("Location &hint:"), m_location);
    form->addRow(QString(), m_e2ee);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create session"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this] {
        if (!options().validate())
            Q_EMIT createRequested(options(), label());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_validation);
    layout->addWidget(buttons);

    restore();
    for (QComboBox *combo : {m_mediaMode, m_archiveMode, m_archiveResolution})
        connect(combo, &QComboBox::currentIndexChanged, this, &CreateSessionDialog::updateState);
    for (QLineEdit *edit : {m_archiveName, m_location})
        connect(edit, &QLineEdit::textChanged, this, &CreateSessionDialog::updateState);
    connect(m_e2ee, &QCheckBox::toggled, this, &CreateSessionDialog::updateState);
    updateState();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

SessionOptions CreateSessionDialog::options() const
{
    SessionOptions o;
    o.mediaMode = MediaMode(m_mediaMode->currentData().toInt());
    o.archiveMode = ArchiveMode(m_archiveMode->currentData().toInt());
    // The auto-archive fields only count with archive mode "always" (they are disabled else).
    if (o.archiveMode == ArchiveMode::Always) {
        o.archiveName = m_archiveName->text().trimmed();
        o.archiveResolution = m_archiveResolution->currentData().toString();
    }
    o.location = m_location->text().trimmed();
    o.e2ee = m_e2ee->isChecked();
    return o;
}

QString CreateSessionDialog::label() const
{
    return m_label->text().simplified();
}

void CreateSessionDialog::updateState()
{
    const bool always = ArchiveMode(m_archiveMode->currentData().toInt()) == ArchiveMode::Always;
    m_archiveName->setEnabled(always);
    m_archiveResolution->setEnabled(always);
    const Validation problem = options().validate();
    m_validation->setText(
        problem ? tr("%1: %2").arg(fieldLabel(problem->field), problem->message) : QString());
    m_validation->setVisible(bool(problem));
    m_create->setEnabled(!problem);
}

void CreateSessionDialog::restore()
{
    const FormMemory memory(m_settings, m_profileName, kForm);
    const auto select = [](QComboBox *combo, const QVariant &data) {
        const int index = combo->findData(data);
        if (index >= 0)
            combo->setCurrentIndex(index);
    };
    select(m_mediaMode,
        memory.value(QStringLiteral("mediaMode")).toString() == QLatin1String("relayed")
            ? int(MediaMode::Relayed)
            : int(MediaMode::Routed));
    select(m_archiveMode,
        memory.value(QStringLiteral("archiveMode")).toString() == QLatin1String("always")
            ? int(ArchiveMode::Always)
            : int(ArchiveMode::Manual));
    m_archiveName->setText(memory.value(QStringLiteral("archiveName")).toString());
    select(m_archiveResolution, memory.value(QStringLiteral("archiveResolution"), QString()));
    m_location->setText(memory.value(QStringLiteral("location")).toString());
    m_e2ee->setChecked(memory.value(QStringLiteral("e2ee"), false).toBool());
}

void CreateSessionDialog::remember()
{
    FormMemory memory(m_settings, m_profileName, kForm);
    const SessionOptions o = options();
    memory.setValue(QStringLiteral("mediaMode"), toApiString(o.mediaMode));
    memory.setValue(QStringLiteral("archiveMode"), toApiString(o.archiveMode));
    memory.setValue(QStringLiteral("archiveName"), m_archiveName->text().trimmed());
    memory.setValue(
        QStringLiteral("archiveResolution"), m_archiveResolution->currentData().toString());
    memory.setValue(QStringLiteral("location"), o.location);
    memory.setValue(QStringLiteral("e2ee"), o.e2ee);
}

} // namespace otadmin
