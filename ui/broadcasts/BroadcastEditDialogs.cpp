// SPDX-License-Identifier: GPL-3.0-or-later
// ChangeLayoutDialog and StreamChangeDialog.
#include "broadcasts/BroadcastEditDialogs.h"

#include "common/LayoutChooser.h"
#include "common/MessageBanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otadmin {

ChangeLayoutDialog::ChangeLayoutDialog(const QString &broadcastLabel, QWidget *parent)
    : QDialog(parent), m_banner(new MessageBanner(this)), m_chooser(new LayoutChooser(this))
{
    setObjectName(QStringLiteral("changeLayoutDialog"));
    setWindowTitle(tr("Change layout"));
    m_banner->setObjectName(QStringLiteral("layoutBanner"));
    auto *intro = new QLabel(
        tr("New layout for broadcast %1. Viewers see the change at once.").arg(broadcastLabel),
        this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("applyLayoutButton"));
    m_ok->setText(tr("Apply layout"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addWidget(m_chooser, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, [this] {
        if (!m_chooser->validation())
            Q_EMIT layoutChosen(m_chooser->layout());
    });
    connect(m_chooser, &LayoutChooser::layoutChanged, this, &ChangeLayoutDialog::updateState);
    updateState();
}

void ChangeLayoutDialog::updateState()
{
    m_ok->setEnabled(!m_chooser->validation());
}

StreamChangeDialog::StreamChangeDialog(
    StreamSelectionChange::Op op, const QString &broadcastLabel, QWidget *parent)
    : QDialog(parent),
      m_op(op),
      m_banner(new MessageBanner(this)),
      m_stream(new QComboBox(this)),
      m_audio(new QCheckBox(tr("&Audio"), this)),
      m_video(new QCheckBox(tr("&Video"), this)),
      m_error(new QLabel(this))
{
    const bool add = op == StreamSelectionChange::Op::Add;
    setObjectName(QStringLiteral("streamChangeDialog"));
    setWindowTitle(add ? tr("Add stream to broadcast") : tr("Remove stream from broadcast"));
    m_banner->setObjectName(QStringLiteral("streamBanner"));
    m_stream->setObjectName(QStringLiteral("streamIdCombo"));
    m_stream->setEditable(true);
    m_stream->setInsertPolicy(QComboBox::NoInsert);
    m_stream->lineEdit()->setPlaceholderText(tr("stream ID"));
    m_audio->setObjectName(QStringLiteral("streamAudioCheck"));
    m_video->setObjectName(QStringLiteral("streamVideoCheck"));
    m_audio->setChecked(true);
    m_video->setChecked(true);
    m_error->setObjectName(QStringLiteral("streamValidationLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c5221f"));
    m_error->setWordWrap(true);

    auto *intro = new QLabel(add
            ? tr("Include a stream in broadcast %1 (manual stream mode).").arg(broadcastLabel)
            : tr("Stop including a stream in broadcast %1.").arg(broadcastLabel),
        this);
    intro->setWordWrap(true);
    auto *tracks = new QHBoxLayout;
    tracks->addWidget(m_audio);
    tracks->addWidget(m_video);
    tracks->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Stream:"), m_stream);
    if (add)
        form->addRow(tr("Include:"), tracks);
    else {
        m_audio->hide();
        m_video->hide();
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("applyStreamButton"));
    m_ok->setText(add ? tr("Add stream") : tr("Remove stream"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ok, &QPushButton::clicked, this, [this] {
        if (m_ok->isEnabled())
            Q_EMIT changeChosen(change());
    });
    connect(m_stream, &QComboBox::currentTextChanged, this, &StreamChangeDialog::updateState);
    connect(m_audio, &QCheckBox::toggled, this, &StreamChangeDialog::updateState);
    connect(m_video, &QCheckBox::toggled, this, &StreamChangeDialog::updateState);
    updateState();
}

void StreamChangeDialog::setStreamChoices(const QList<std::pair<QString, QString>> &streams)
{
    const QString typed = m_stream->currentText();
    m_stream->clear();
    for (const auto &[id, description] : streams)
        m_stream->addItem(description.isEmpty() ? id : tr("%1 — %2").arg(id, description), id);
    m_stream->setEditText(typed.isEmpty() && !streams.isEmpty() ? streams.first().first : typed);
    updateState();
}

StreamSelectionChange StreamChangeDialog::change() const
{
    StreamSelectionChange c;
    c.op = m_op;
    // A chosen entry shows "id — description"; typed text is the ID itself.
    const int index = m_stream->findText(m_stream->currentText());
    c.streamId =
        index >= 0 ? m_stream->itemData(index).toString() : m_stream->currentText().trimmed();
    c.hasAudio = m_audio->isChecked();
    c.hasVideo = m_video->isChecked();
    return c;
}

void StreamChangeDialog::updateState()
{
    Validation problem = change().validate();
    if (!problem && m_op == StreamSelectionChange::Op::Add && !m_audio->isChecked()
        && !m_video->isChecked())
        problem = FieldError {QStringLiteral("hasAudio"), tr("include audio, video or both")};
    const QString label = problem && problem->field == u"hasAudio" ? tr("Include") : tr("Stream");
    m_error->setText(problem ? tr("%1: %2").arg(label, problem->message) : QString());
    m_error->setVisible(problem.has_value());
    m_ok->setEnabled(!problem);
}

} // namespace otadmin
