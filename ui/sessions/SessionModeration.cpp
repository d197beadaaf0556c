// SPDX-License-Identifier: GPL-3.0-or-later
// SessionModeration: confirmations, dialogs and calls of the session's moderation actions.
#include "sessions/SessionModeration.h"

#include "AppContext.h"
#include "api/ModerationApi.h"
#include "api/Workspace.h"
#include "common/Confirm.h"
#include "common/MessageBanner.h"
#include "models/Format.h"
#include "net/ApiReply.h"
#include "sessions/MuteAllDialog.h"
#include "sessions/SignalDialog.h"
#include "sessions/StreamClassesDialog.h"
#include "sessions/TokenDialog.h"

#include <QPointer>
#include <QPushButton>

namespace otadmin {

SessionModeration::SessionModeration(AppContext &context, QWidget *dialogParent,
    MessageBanner *panelBanner, Track track, QObject *parent)
    : QObject(parent),
      m_context(context),
      m_dialogParent(dialogParent),
      m_banner(panelBanner),
      m_track(std::move(track))
{
}

QString SessionModeration::profileName() const
{
    const auto &profile = m_context.workspace()->profile();
    return profile ? profile->name : QString();
}

void SessionModeration::showDone(const QString &text)
{
    m_banner->showMessage(MessageBanner::Kind::Positive, text);
}

void SessionModeration::openTokenDialog(const Target &session)
{
    auto *dialog = new TokenDialog(m_context, session.sessionId, session.title, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void SessionModeration::sendSignal(
    const Target &session, const QStringList &connectionIds, const QString &connectionId)
{
    auto *dialog = new SignalDialog(
        session.title, connectionIds, m_context.settings(), profileName(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!connectionId.isEmpty())
        dialog->setTargetConnection(connectionId);
    connect(dialog, &SignalDialog::sendRequested, this,
        [this, dialog, session](const QString &target, const SignalPayload &payload) {
            ModerationApi *moderation = m_context.workspace()->moderation();
            ApiReply *reply = target.isEmpty()
                ? moderation->sendSignal(session.sessionId, payload)
                : moderation->sendSignalToConnection(session.sessionId, target, payload);
            // No Retry: a repeated signal would be delivered twice.
            m_track(
                reply, dialog->sendButton(),
                [this, safe = QPointer(dialog), session, target](ApiReply &) {
                    if (safe) {
                        safe->remember();
                        safe->accept();
                    }
                    showDone(target.isEmpty()
                            ? tr("Signal sent to every connection of %1.").arg(session.title)
                            : tr("Signal sent to connection %1.").arg(elideMiddle(target, 8)));
                },
                nullptr, dialog->banner());
        });
    dialog->open();
}

void SessionModeration::disconnect(
    const Target &session, const QString &connectionId, QWidget *trigger)
{
    QPointer<QWidget> button = trigger;
    confirmDestructive(m_dialogParent,
        tr("Disconnect connection %1 from %2 in %3?")
            .arg(elideMiddle(connectionId, 8), session.title, profileName()),
        tr("The client leaves the session at once. It can join again with a valid token."),
        tr("Disconnect"), [this, session, connectionId, button] {
            m_track(
                m_context.workspace()->moderation()->forceDisconnect(
                    session.sessionId, connectionId),
                button,
                [this, session, connectionId](ApiReply &) {
                    showDone(
                        tr("Connection %1 was disconnected.").arg(elideMiddle(connectionId, 8)));
                    Q_EMIT connectionDisconnected(session.sessionId, connectionId);
                },
                nullptr, nullptr);
        });
}

void SessionModeration::muteStreams(
    const Target &session, const QList<Stream> &streams, QWidget *trigger)
{
    if (streams.isEmpty())
        return;
    QString what;
    if (streams.size() == 1) {
        const Stream &stream = streams.first();
        what = stream.name.isEmpty()
            ? tr("stream %1").arg(elideMiddle(stream.id, 8))
            : tr("stream \u2018%1\u2019 (%2)").arg(stream.name, elideMiddle(stream.id, 8));
    } else {
        what = tr("%1 streams").arg(streams.size());
    }
    QPointer<QWidget> button = trigger;
    confirmDestructive(m_dialogParent,
        tr("Mute the audio of %1 in %2 in %3?").arg(what, session.title, profileName()),
        tr("Participants stop hearing it until its publisher unmutes."), tr("Mute"),
        [this, session, streams, what, button] {
            for (const Stream &stream : streams) {
                m_track(
                    m_context.workspace()->moderation()->muteStream(session.sessionId, stream.id),
                    button,
                    [this, what](ApiReply &) { showDone(tr("Muted the audio of %1.").arg(what)); },
                    nullptr, nullptr);
            }
        });
}

void SessionModeration::muteAll(const Target &session, const QList<Stream> &streams)
{
    auto *dialog =
        new MuteAllDialog(tr("Mute every stream of %1 in %2?").arg(session.title, profileName()),
            streams, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MuteAllDialog::muteRequested, this,
        [this, dialog, session](const MuteAllOptions &options) {
            m_track(
                m_context.workspace()->moderation()->muteAll(session.sessionId, options),
                dialog->muteButton(),
                [this, safe = QPointer(dialog), session](ApiReply &) {
                    if (safe)
                        safe->accept();
                    showDone(tr("Every stream of %1 is muted, and new streams will be too.")
                                 .arg(session.title));
                },
                nullptr, dialog->banner());
        });
    dialog->open();
}

void SessionModeration::stopMutingNewStreams(const Target &session, QWidget *trigger)
{
    MuteAllOptions options;
    options.active = false;
    QPointer<QWidget> button = trigger;
    m_track(
        m_context.workspace()->moderation()->muteAll(session.sessionId, options), trigger,
        [this, session](ApiReply &) {
            showDone(tr("New streams in %1 are no longer muted.").arg(session.title));
        },
        [this, session, button] { stopMutingNewStreams(session, button); }, nullptr);
}

void SessionModeration::editLayoutClasses(const Target &session, const QList<Stream> &streams)
{
    if (streams.isEmpty())
        return;
    auto *dialog = new StreamClassesDialog(streams, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StreamClassesDialog::applyRequested, this,
        [this, dialog, session](const QList<StreamClassChange> &changes) {
            // The streams table follows ModerationApi::streamClassesChanged.
            m_track(
                m_context.workspace()->moderation()->setStreamClasses(session.sessionId, changes),
                dialog->applyButton(),
                [safe = QPointer(dialog)](ApiReply &) {
                    if (safe)
                        safe->accept();
                },
                nullptr, dialog->banner());
        });
    dialog->open();
}

} // namespace otadmin
