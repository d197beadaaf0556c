// SPDX-License-Identifier: GPL-3.0-or-later
// "Mute all": mutes every stream of a session (and later ones) except those the user keeps.
#pragma once

#include "types/Mute.h"
#include "types/Stream.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace otadmin {

class MessageBanner;

/// Doubles as the confirmation: the question names the session and the profile, and the
/// destructive button is not the default. Mute emits muteRequested with the exclusions.
class MuteAllDialog : public QDialog
{
    Q_OBJECT

public:
    MuteAllDialog(const QString &question, const QList<Stream> &streams, QWidget *parent = nullptr);

    MuteAllOptions options() const;
    MessageBanner *banner() const { return m_banner; }
    QPushButton *muteButton() const { return m_mute; }

Q_SIGNALS:
    void muteRequested(const otadmin::MuteAllOptions &options);

private:
    MessageBanner *m_banner;
    QListWidget *m_keep;
    QPushButton *m_mute;
};

} // namespace otadmin
