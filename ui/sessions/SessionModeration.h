// SPDX-License-Identifier: GPL-3.0-or-later
// What an operator does to a live session: signal, disconnect, mute, layout classes, tokens.
#pragma once

#include "types/Stream.h"

#include <QObject>
#include <QStringList>
#include <functional>

class QWidget;

namespace otadmin {

class ApiReply;
class AppContext;
class MessageBanner;
class StreamListModel;

/// Opens the confirmations and dialogs (non-modal, parented to `dialogParent`) and makes the
/// ModerationApi calls through `track`. Destructive actions confirm first and name the
/// object, the session and the profile. Success is reported in the panel's banner; the
/// models follow through ModerationApi's signals. Nothing here is retried automatically
/// except the idempotent "stop muting new streams".
class SessionModeration : public QObject
{
    Q_OBJECT

public:
    using Track = std::function<void(ApiReply *reply, QWidget *trigger,
        std::function<void(ApiReply &)> onSuccess, std::function<void()> retry,
        MessageBanner *banner)>;

    /// The session an action is about: its ID and how to name it to people.
    struct Target
    {
        QString sessionId;
        QString title;
    };

    SessionModeration(AppContext &context, QWidget *dialogParent, MessageBanner *panelBanner,
        Track track, QObject *parent = nullptr);

    void openTokenDialog(const Target &session);
    /// `connectionId` empty: to every connection (the dialog lets the user change it).
    void sendSignal(
        const Target &session, const QStringList &connectionIds, const QString &connectionId);
    void disconnect(const Target &session, const QString &connectionId, QWidget *trigger);
    void muteStreams(const Target &session, const QList<Stream> &streams, QWidget *trigger);
    void muteAll(const Target &session, const QList<Stream> &streams);
    void stopMutingNewStreams(const Target &session, QWidget *trigger);
    void editLayoutClasses(const Target &session, const QList<Stream> &streams);

Q_SIGNALS:
    /// After a successful force disconnect (the connection's streams end with it).
    void connectionDisconnected(const QString &sessionId, const QString &connectionId);

private:
    QString profileName() const;
    void showDone(const QString &text);

    AppContext &m_context;
    QWidget *m_dialogParent;
    MessageBanner *m_banner;
    Track m_track;
};

} // namespace otadmin
