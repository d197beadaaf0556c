// SPDX-License-Identifier: GPL-3.0-or-later
// The detail pane of the selected broadcast: IDs, settings, HLS URL and every RTMP target.
#pragma once

#include "types/Broadcast.h"

#include <QWidget>
#include <optional>

class QLabel;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace otadmin {

class IdField;
class SecureClipboard;
class StatusBadge;

/// Shows one broadcast (or a hint when none is selected). RTMP stream names are stream keys:
/// they appear only masked (BroadcastListModel::maskStreamName) and cannot be copied.
class BroadcastDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit BroadcastDetailPane(SecureClipboard *clipboard, QWidget *parent = nullptr);

    void setBroadcast(const std::optional<Broadcast> &broadcast);
    /// The service does not report a broadcast's layout: the owner says what it knows.
    void setLayoutText(const QString &text);
    std::optional<Broadcast> broadcast() const { return m_broadcast; }

private:
    void fillTargets(const Broadcast &b);

    SecureClipboard *m_clipboard;
    std::optional<Broadcast> m_broadcast;
    QStackedWidget *m_stack;
    IdField *m_id;
    IdField *m_session;
    StatusBadge *m_status;
    QLabel *m_created;
    QLabel *m_settings;
    QLabel *m_tag;
    QLabel *m_layout;
    QLabel *m_hlsUrl;
    StatusBadge *m_hlsStatus;
    QToolButton *m_copyHls;
    QTableWidget *m_rtmp;
    QWidget *m_rtmpBox = nullptr;
    QLabel *m_streams;
};

} // namespace otadmin
