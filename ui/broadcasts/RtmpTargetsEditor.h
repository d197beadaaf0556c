// SPDX-License-Identifier: GPL-3.0-or-later
// Rows of RTMP targets (label, server URL, stream key) for the start-broadcast form.
#pragma once

#include "types/Broadcast.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace otadmin {

/// Each row has the object names rtmpId<i>, rtmpUrl<i>, rtmpStream<i> and rtmpRemove<i>
/// (i from 0, renumbered after a removal); "addRtmpButton" adds a row. More than
/// kMaxRtmpTargets rows can be added so that the form can say why it cannot start; the
/// stream key field hides what is typed (it is a secret).
class RtmpTargetsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RtmpTargetsEditor(QWidget *parent = nullptr);

    QList<RtmpTarget> targets() const;
    /// Replaces every row (used to restore remembered labels and URLs, without keys).
    void setTargets(const QList<RtmpTarget> &targets);
    int count() const { return int(m_rows.size()); }
    void addTarget(const RtmpTarget &target = {});
    void removeTarget(int row);
    /// The input of `field` ("id", "serverUrl", "streamName") in `row`, or null.
    QLineEdit *field(int row, const QString &field) const;

Q_SIGNALS:
    void changed();

private:
    struct Row
    {
        QLineEdit *id;
        QLineEdit *url;
        QLineEdit *stream;
        QToolButton *remove;
    };
    void relayout();

    QGridLayout *m_grid;
    QLabel *m_empty;
    QPushButton *m_add;
    QList<Row> m_rows;
};

} // namespace otadmin
