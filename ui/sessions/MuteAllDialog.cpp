// SPDX-License-Identifier: GPL-3.0-or-later
// MuteAllDialog: choose the streams to spare, then mute the rest.
#include "sessions/MuteAllDialog.h"

#include "common/MessageBanner.h"
#include "models/Format.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace otadmin {

MuteAllDialog::MuteAllDialog(const QString &question, const QList<Stream> &streams, QWidget *parent)
    : QDialog(parent), m_banner(new MessageBanner(this)), m_keep(new QListWidget(this))
{
    setObjectName(QStringLiteral("muteAllDialog"));
    setWindowTitle(tr("Mute all streams"));
    m_banner->setObjectName(QStringLiteral("dialogBanner"));
    auto *text = new QLabel(question, this);
    text->setWordWrap(true);
    QFont bold = text->font();
    bold.setBold(true);
    text->setFont(bold);
    auto *details = new QLabel(tr("Streams published later are muted too, until you choose "
                                  "\u201cStop muting new streams\u201d. Publishers can unmute "
                                  "themselves."),
        this);
    details->setWordWrap(true);
    auto *keepLabel = new QLabel(tr("&Keep these streams unmuted:"), this);
    keepLabel->setBuddy(m_keep);
    m_keep->setObjectName(QStringLiteral("muteExcludeList"));
    for (const Stream &stream : streams) {
        const QString name = stream.name.isEmpty() ? tr("(no name)") : stream.name;
        auto *item = new QListWidgetItem(
            tr("%1 — %2 (%3)").arg(name, elideMiddle(stream.id, 8), stream.videoType), m_keep);
        item->setData(Qt::UserRole, stream.id);
        item->setToolTip(stream.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    if (streams.isEmpty())
        keepLabel->setText(tr("No stream is published now; new streams will be muted."));
    m_keep->setVisible(!streams.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_mute = buttons->addButton(tr("Mute all"), QDialogButtonBox::DestructiveRole);
    m_mute->setObjectName(QStringLiteral("muteAllConfirmButton"));
    m_mute->setAutoDefault(false);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mute, &QPushButton::clicked, this, [this] { Q_EMIT muteRequested(options()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(text);
    layout->addWidget(details);
    layout->addWidget(keepLabel);
    layout->addWidget(m_keep, 1);
    layout->addWidget(buttons);
    resize(520, streams.isEmpty() ? 200 : 360);
}

MuteAllOptions MuteAllDialog::options() const
{
    MuteAllOptions options;
    options.active = true;
    for (int row = 0; row < m_keep->count(); ++row) {
        if (m_keep->item(row)->checkState() == Qt::Checked)
            options.excludedStreamIds << m_keep->item(row)->data(Qt::UserRole).toString();
    }
    return options;
}

} // namespace otadmin
