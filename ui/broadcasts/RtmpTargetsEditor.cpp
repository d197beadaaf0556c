// SPDX-License-Identifier: GPL-3.0-or-later
// RtmpTargetsEditor: add/remove rows of RTMP targets.
#include "broadcasts/RtmpTargetsEditor.h"
#include "common/StyleIcons.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

RtmpTargetsEditor::RtmpTargetsEditor(QWidget *parent)
    : QWidget(parent),
      m_grid(new QGridLayout),
      m_empty(new QLabel(tr("No RTMP targets: the broadcast goes to HLS only."), this)),
      m_add(new QPushButton(tr("&Add RTMP target"), this))
{
    m_add->setObjectName(QStringLiteral("addRtmpButton"));
    m_add->setToolTip(tr("Up to %1 targets, e.g. YouTube, Twitch, Facebook").arg(kMaxRtmpTargets));
    m_empty->setObjectName(QStringLiteral("rtmpEmpty"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->addWidget(new QLabel(tr("Label (optional)"), this), 0, 0);
    m_grid->addWidget(new QLabel(tr("Server URL"), this), 0, 1);
    m_grid->addWidget(new QLabel(tr("Stream key"), this), 0, 2);
    m_grid->setColumnStretch(1, 3);
    m_grid->setColumnStretch(2, 2);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addLayout(m_grid);
    layout->addLayout(addRow);

    connect(m_add, &QPushButton::clicked, this, [this] {
        addTarget();
        m_rows.last().url->setFocus();
    });
    relayout();
}

QList<RtmpTarget> RtmpTargetsEditor::targets() const
{
    QList<RtmpTarget> targets;
    for (const Row &row : m_rows)
        targets << RtmpTarget {
            row.id->text().trimmed(), row.url->text().trimmed(), row.stream->text(), {}};
    return targets;
}

void RtmpTargetsEditor::setTargets(const QList<RtmpTarget> &targets)
{
    while (!m_rows.isEmpty())
        removeTarget(int(m_rows.size()) - 1);
    for (const RtmpTarget &target : targets)
        addTarget(target);
}

void RtmpTargetsEditor::addTarget(const RtmpTarget &target)
{
    Row row {new QLineEdit(target.id, this), new QLineEdit(target.serverUrl, this),
        new QLineEdit(target.streamName, this), new QToolButton(this)};
    row.id->setPlaceholderText(tr("youtube"));
    row.id->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 14);
    row.url->setPlaceholderText(tr("rtmps://a.rtmp.youtube.com/live2"));
    row.stream->setPlaceholderText(tr("stream key"));
    row.stream->setEchoMode(QLineEdit::Password);
    row.stream->setToolTip(tr("The stream key is a secret: it is sent once and never saved."));
    row.remove->setIcon(
        themeIcon(QStringLiteral("list-remove"), this, QStyle::SP_DialogDiscardButton));
    row.remove->setAutoRaise(true);
    for (QLineEdit *edit : {row.id, row.url, row.stream})
        connect(edit, &QLineEdit::textChanged, this, &RtmpTargetsEditor::changed);
    QToolButton *remove = row.remove;
    connect(remove, &QToolButton::clicked, this, [this, remove] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).remove == remove) {
                removeTarget(i);
                return;
            }
        }
    });
    m_rows.append(row);
    relayout();
    Q_EMIT changed();
}

void RtmpTargetsEditor::removeTarget(int index)
{
    if (index < 0 || index >= m_rows.size())
        return;
    const Row row = m_rows.takeAt(index);
    for (QWidget *w : {static_cast<QWidget *>(row.id), static_cast<QWidget *>(row.url),
             static_cast<QWidget *>(row.stream), static_cast<QWidget *>(row.remove)}) {
        m_grid->removeWidget(w);
        w->deleteLater();
    }
    relayout();
    Q_EMIT changed();
}

QLineEdit *RtmpTargetsEditor::field(int row, const QString &field) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    const Row &r = m_rows.at(row);
    if (field == u"id")
        return r.id;
    if (field == u"serverUrl")
        return r.url;
    if (field == u"streamName")
        return r.stream;
    return nullptr;
}

void RtmpTargetsEditor::relayout()
{
    // Take every row out first: adding a widget that is still in the grid warns.
    for (const Row &row : std::as_const(m_rows)) {
        for (QWidget *w : {static_cast<QWidget *>(row.id), static_cast<QWidget *>(row.url),
                 static_cast<QWidget *>(row.stream), static_cast<QWidget *>(row.remove)})
            m_grid->removeWidget(w);
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const QString n = QString::number(i);
        const QString human = QString::number(i + 1);
        row.id->setObjectName(QStringLiteral("rtmpId") + n);
        row.url->setObjectName(QStringLiteral("rtmpUrl") + n);
        row.stream->setObjectName(QStringLiteral("rtmpStream") + n);
        row.remove->setObjectName(QStringLiteral("rtmpRemove") + n);
        row.id->setAccessibleName(tr("RTMP target %1 label").arg(human));
        row.url->setAccessibleName(tr("RTMP target %1 server URL").arg(human));
        row.stream->setAccessibleName(tr("RTMP target %1 stream key").arg(human));
        row.remove->setAccessibleName(tr("Remove RTMP target %1").arg(human));
        row.remove->setToolTip(tr("Remove RTMP target %1").arg(human));
        m_grid->addWidget(row.id, i + 1, 0);
        m_grid->addWidget(row.url, i + 1, 1);
        m_grid->addWidget(row.stream, i + 1, 2);
        m_grid->addWidget(row.remove, i + 1, 3);
    }
    const bool empty = m_rows.isEmpty();
    m_empty->setVisible(empty);
    for (int column = 0; column < 3; ++column) {
        if (QLayoutItem *item = m_grid->itemAtPosition(0, column); item && item->widget())
            item->widget()->setVisible(!empty);
    }
}

} // namespace otadmin
