// SPDX-License-Identifier: GPL-3.0-or-later
// StreamClassesDialog: edit the layout class list of the selected streams.
#include "sessions/StreamClassesDialog.h"

#include "common/MessageBanner.h"
#include "models/Format.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otadmin {

StreamClassesDialog::StreamClassesDialog(const QList<Stream> &streams, QWidget *parent)
    : QDialog(parent),
      m_banner(new MessageBanner(this)),
      m_classes(new QLineEdit(this)),
      m_validation(new QLabel(this))
{
    setObjectName(QStringLiteral("streamClassesDialog"));
    setWindowTitle(tr("Layout classes"));
    m_banner->setObjectName(QStringLiteral("dialogBanner"));
    QStringList names;
    for (const Stream &stream : streams) {
        m_streamIds << stream.id;
        names << (stream.name.isEmpty() ? elideMiddle(stream.id, 8) : stream.name);
    }
    const QString which = streams.size() == 1
        ? tr("Layout classes of stream %1.").arg(names.value(0))
        : tr("Layout classes of %1 streams: %2.")
              .arg(streams.size())
              .arg(names.join(QStringLiteral(", ")));
    auto *intro = new QLabel(which + QLatin1Char(' ')
            + tr("Custom layout stylesheets of composed archives and broadcasts select streams "
                 "by these classes."),
        this);
    intro->setWordWrap(true);
    m_classes->setObjectName(QStringLiteral("layoutClassesEdit"));
    m_classes->setPlaceholderText(tr("Space-separated, e.g. focus full — empty clears them"));
    if (!streams.isEmpty())
        m_classes->setText(streams.first().layoutClassList.join(QLatin1Char(' ')));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c5221f"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Classes:"), m_classes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("Set classes"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (!validateStreamClassChanges(changes()))
            Q_EMIT applyRequested(changes());
    });
    connect(m_classes, &QLineEdit::textChanged, this, &StreamClassesDialog::updateState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_validation);
    layout->addStretch(1);
    layout->addWidget(buttons);
    updateState();
    resize(480, sizeHint().height());
}

QList<StreamClassChange> StreamClassesDialog::changes() const
{
    // Split on spaces only: any other whitespace stays in a class so validation can name it.
    const QStringList classes = m_classes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<StreamClassChange> result;
    for (const QString &id : m_streamIds)
        result.append(StreamClassChange {id, classes});
    return result;
}

void StreamClassesDialog::updateState()
{
    const Validation problem = validateStreamClassChanges(changes());
    m_validation->setText(problem ? tr("Classes: %1").arg(problem->message) : QString());
    m_validation->setVisible(bool(problem));
    m_apply->setEnabled(!problem);
}

} // namespace otadmin
