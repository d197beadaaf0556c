// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveLayoutDialog and ArchiveStreamsDialog.
#include "archives/ArchiveEditDialogs.h"

#include "api/ArchivesApi.h"
#include "common/IdField.h"
#include "common/LayoutChooser.h"
#include "common/MessageBanner.h"
#include "models/Format.h"
#include "net/ApiReply.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace otadmin {

namespace {

QString archiveLabel(const Archive &archive)
{
    return archive.name.isEmpty()
        ? elideMiddle(archive.id, 4)
        : QStringLiteral("'%1' (%2)").arg(archive.name, elideMiddle(archive.id, 4));
}

QPushButton *addButtons(QDialog *dialog, QVBoxLayout *layout, const QString &okText)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    return ok;
}

/// Sends the call, keeps the dialog open on failure, closes it on success.
void follow(QDialog *dialog, ApiReply *reply, QPushButton *ok, MessageBanner *banner,
    std::function<void()> onSuccess)
{
    ok->setEnabled(false);
    banner->dismiss();
    QObject::connect(reply, &ApiReply::finished, dialog, [=] {
        ok->setEnabled(true);
        if (reply->isSuccess()) {
            onSuccess();
            dialog->accept();
        } else if (reply->error().kind() != ApiError::Kind::Cancelled) {
            banner->showApiError(reply->error());
        }
    });
}

} // namespace

ArchiveLayoutDialog::ArchiveLayoutDialog(ArchivesApi *api, const Archive &archive, QWidget *parent)
    : QDialog(parent),
      m_api(api),
      m_archiveId(archive.id),
      m_banner(new MessageBanner(this)),
      m_layout(new LayoutChooser(this))
{
    setObjectName(QStringLiteral("archiveLayoutDialog"));
    setWindowTitle(tr("Change layout of %1").arg(archiveLabel(archive)));
    m_banner->setObjectName(QStringLiteral("layoutBanner"));
    m_layout->setObjectName(QStringLiteral("layoutChooser"));
    auto *intro = new QLabel(
        tr("The new layout applies from now on; what was recorded so far keeps its layout."), this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addWidget(m_layout);
    m_ok = addButtons(this, layout, tr("&Change layout"));
    connect(m_ok, &QPushButton::clicked, this, &ArchiveLayoutDialog::apply);
    connect(m_layout, &LayoutChooser::layoutChanged, this,
        [this] { m_ok->setEnabled(!m_layout->validation()); });
}

void ArchiveLayoutDialog::apply()
{
    if (m_layout->validation())
        return;
    follow(this, m_api->setLayout(m_archiveId, m_layout->layout()), m_ok, m_banner,
        [this] { Q_EMIT changed(m_archiveId); });
}

ArchiveStreamsDialog::ArchiveStreamsDialog(
    ArchivesApi *api, const Archive &archive, QWidget *parent)
    : QDialog(parent),
      m_api(api),
      m_archiveId(archive.id),
      m_banner(new MessageBanner(this)),
      m_stream(new QComboBox(this)),
      m_add(new QRadioButton(tr("&Add or change"), this)),
      m_remove(new QRadioButton(tr("&Remove"), this)),
      m_hasAudio(new QCheckBox(tr("A&udio"), this)),
      m_hasVideo(new QCheckBox(tr("&Video"), this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("archiveStreamsDialog"));
    setWindowTitle(tr("Streams of %1").arg(archiveLabel(archive)));
    m_banner->setObjectName(QStringLiteral("streamsBanner"));
    m_stream->setObjectName(QStringLiteral("streamIdCombo"));
    m_stream->setAccessibleName(tr("Stream ID"));
    m_stream->setEditable(true);
    m_stream->setFont(monospaceFont());
    m_stream->lineEdit()->setPlaceholderText(tr("Stream ID from the session"));
    for (const StreamInclusion &stream : archive.streams)
        m_stream->addItem(stream.streamId);
    m_stream->setCurrentText(QString());
    m_add->setObjectName(QStringLiteral("addStreamRadio"));
    m_remove->setObjectName(QStringLiteral("removeStreamRadio"));
    m_add->setChecked(true);
    m_hasAudio->setObjectName(QStringLiteral("streamAudioCheck"));
    m_hasVideo->setObjectName(QStringLiteral("streamVideoCheck"));
    m_hasAudio->setChecked(true);
    m_hasVideo->setChecked(true);
    m_problem->setObjectName(QStringLiteral("validationLabel"));
    m_problem->setStyleSheet(QStringLiteral("color: #c5221f"));
    m_problem->setWordWrap(true);

    QStringList included;
    for (const StreamInclusion &s : archive.streams)
        included << QStringLiteral("%1 (%2)").arg(elideMiddle(s.streamId, 6),
            s.hasAudio && s.hasVideo ? tr("audio and video")
                                     : (s.hasAudio ? tr("audio only") : tr("video only")));
    auto *current =
        new QLabel(included.isEmpty() ? tr("No stream is included yet.")
                                      : tr("Included: %1").arg(included.join(QStringLiteral(", "))),
            this);
    current->setObjectName(QStringLiteral("includedStreams"));
    current->setWordWrap(true);

    auto *operation = new QHBoxLayout;
    operation->addWidget(m_add);
    operation->addWidget(m_remove);
    operation->addStretch(1);
    auto *tracks = new QHBoxLayout;
    tracks->addWidget(m_hasAudio);
    tracks->addWidget(m_hasVideo);
    tracks->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Stream ID:"), m_stream);
    form->addRow(tr("Action:"), operation);
    form->addRow(tr("Record:"), tracks);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(current);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    m_ok = addButtons(this, layout, tr("&Apply"));
    connect(m_ok, &QPushButton::clicked, this, &ArchiveStreamsDialog::apply);
    connect(m_stream, &QComboBox::currentTextChanged, this, &ArchiveStreamsDialog::updateState);
    for (QAbstractButton *button :
        std::initializer_list<QAbstractButton *> {m_add, m_remove, m_hasAudio, m_hasVideo})
        connect(button, &QAbstractButton::toggled, this, &ArchiveStreamsDialog::updateState);
    updateState();
}

void ArchiveStreamsDialog::offerStreams(const QList<std::pair<QString, QString>> &streams)
{
    const QString typed = m_stream->currentText();
    for (const auto &[id, name] : streams) {
        if (m_stream->findText(id) < 0) {
            m_stream->addItem(id);
            m_stream->setItemData(m_stream->count() - 1, name, Qt::ToolTipRole);
        }
    }
    m_stream->setCurrentText(typed);
}

StreamSelectionChange ArchiveStreamsDialog::change() const
{
    StreamSelectionChange change;
    change.op =
        m_add->isChecked() ? StreamSelectionChange::Op::Add : StreamSelectionChange::Op::Remove;
    change.streamId = m_stream->currentText().trimmed();
    change.hasAudio = m_hasAudio->isChecked();
    change.hasVideo = m_hasVideo->isChecked();
    return change;
}

void ArchiveStreamsDialog::updateState()
{
    m_hasAudio->setEnabled(m_add->isChecked());
    m_hasVideo->setEnabled(m_add->isChecked());
    const StreamSelectionChange c = change();
    QString why;
    if (const Validation bad = c.validate())
        why = tr("Stream ID %1").arg(bad->message);
    else if (c.op == StreamSelectionChange::Op::Add && !c.hasAudio && !c.hasVideo)
        why = tr("Record audio, video or both (or remove the stream)");
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_ok->setEnabled(why.isEmpty());
}

void ArchiveStreamsDialog::apply()
{
    const StreamSelectionChange c = change();
    if (c.validate())
        return;
    follow(this, m_api->changeStreams(m_archiveId, c), m_ok, m_banner,
        [this] { Q_EMIT changed(m_archiveId); });
}

} // namespace otadmin
