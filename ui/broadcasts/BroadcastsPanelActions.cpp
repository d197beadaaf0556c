// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastsPanel's actions: start, stop, layout, streams, copy, export and the context menu.
#include "broadcasts/BroadcastsPanel.h"

#include "AppContext.h"
#include "api/BroadcastsApi.h"
#include "api/ModerationApi.h"
#include "api/StartReconciler.h"
#include "api/Workspace.h"
#include "broadcasts/BroadcastEditDialogs.h"
#include "broadcasts/BroadcastFeed.h"
#include "broadcasts/StartBroadcastDialog.h"
#include "common/Confirm.h"
#include "common/LayoutChooser.h"
#include "common/LiveTableProxy.h"
#include "common/MessageBanner.h"
#include "common/SecureClipboard.h"
#include "common/StyleIcons.h"
#include "models/BroadcastListModel.h"
#include "models/Format.h"
#include "models/TableExport.h"
#include "types/Stream.h"

#include <QAction>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTableView>

namespace otadmin {

void BroadcastsPanel::createActions()
{
    auto make = [this](QAction *&action, const QString &name, const QString &text,
                    const QString &icon, QStyle::StandardPixmap fallback) {
        action = new QAction(themeIcon(icon, this, fallback), text, this);
        action->setObjectName(name);
    };
    make(m_startAction, QStringLiteral("startBroadcastAction"), tr("&Start broadcast\u2026"),
        QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay);
    m_startAction->setToolTip(tr("Start a broadcast of a session to HLS and RTMP (Ctrl+N)"));
    make(m_stopAction, QStringLiteral("stopBroadcastAction"), tr("S&top broadcast\u2026"),
        QStringLiteral("media-playback-stop"), QStyle::SP_MediaStop);
    m_stopAction->setShortcut(QKeySequence::Delete);
    m_stopAction->setShortcutContext(Qt::WidgetShortcut);
    make(m_layoutAction, QStringLiteral("changeLayoutAction"), tr("Change &layout\u2026"),
        QStringLiteral("view-grid"), QStyle::SP_FileDialogDetailedView);
    make(m_addStreamAction, QStringLiteral("addStreamAction"), tr("&Add stream\u2026"),
        QStringLiteral("list-add"), QStyle::SP_FileDialogNewFolder);
    make(m_removeStreamAction, QStringLiteral("removeStreamAction"), tr("&Remove stream\u2026"),
        QStringLiteral("list-remove"), QStyle::SP_DialogDiscardButton);
    make(m_copyIdAction, QStringLiteral("copyIdAction"), tr("&Copy ID"),
        QStringLiteral("edit-copy"), QStyle::SP_FileDialogContentsView);
    m_copyIdAction->setShortcut(QKeySequence::Copy);
    m_copyIdAction->setShortcutContext(Qt::WidgetShortcut);
    make(m_copyHlsAction, QStringLiteral("copyHlsAction"), tr("Copy &HLS URL"),
        QStringLiteral("edit-copy"), QStyle::SP_FileDialogContentsView);
    make(m_exportCsvAction, QStringLiteral("exportCsvAction"), tr("Export as &CSV\u2026"),
        QStringLiteral("document-save-as"), QStyle::SP_DialogSaveButton);
    make(m_exportJsonAction, QStringLiteral("exportJsonAction"), tr("Export as &JSON\u2026"),
        QStringLiteral("document-save-as"), QStyle::SP_DialogSaveButton);
    make(m_refreshAction, QStringLiteral("refreshAction"), tr("&Refresh"),
        QStringLiteral("view-refresh"), QStyle::SP_BrowserReload);
    m_refreshAction->setToolTip(tr("Reload every broadcast (F5)"));
    m_table->addAction(m_stopAction);
    m_table->addAction(m_copyIdAction);

    connect(m_startAction, &QAction::triggered, this, [this] { openStartDialog({}); });
    connect(m_stopAction, &QAction::triggered, this, &BroadcastsPanel::confirmStop);
    connect(m_layoutAction, &QAction::triggered, this, &BroadcastsPanel::openLayoutDialog);
    connect(m_addStreamAction, &QAction::triggered, this, [this] { openStreamDialog(true); });
    connect(m_removeStreamAction, &QAction::triggered, this, [this] { openStreamDialog(false); });
    connect(m_copyIdAction, &QAction::triggered, this, [this] {
        if (const QString id = selectedId(); !id.isEmpty())
            context().clipboard()->copyText(id);
    });
    connect(m_copyHlsAction, &QAction::triggered, this, [this] {
        if (const auto b = selected(); b && !b->hlsUrl.isEmpty())
            context().clipboard()->copyText(b->hlsUrl);
    });
    connect(
        m_exportCsvAction, &QAction::triggered, this, [this] { chooseExportFile(Format::Csv); });
    connect(
        m_exportJsonAction, &QAction::triggered, this, [this] { chooseExportFile(Format::Json); });
    connect(m_refreshAction, &QAction::triggered, this, &BroadcastsPanel::refresh);
}

void BroadcastsPanel::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_startAction);
    menu.addAction(m_stopAction);
    menu.addAction(m_layoutAction);
    menu.addAction(m_addStreamAction);
    menu.addAction(m_removeStreamAction);
    menu.addSeparator();
    menu.addAction(m_copyIdAction);
    menu.addAction(m_copyHlsAction);
    menu.addSeparator();
    menu.addAction(m_exportCsvAction);
    menu.addAction(m_exportJsonAction);
    menu.addAction(m_refreshAction);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

bool BroadcastsPanel::exportTo(const QString &path, Format format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(format == Format::Csv ? exportCsv(*m_proxy) : exportJson(*m_proxy));
    return file.commit();
}

void BroadcastsPanel::chooseExportFile(Format format)
{
    const bool csv = format == Format::Csv;
    auto *dialog = new QFileDialog(this, tr("Export broadcasts"), QString(),
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->selectFile(csv ? QStringLiteral("broadcasts.csv") : QStringLiteral("broadcasts.json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        if (exportTo(path, format))
            banner()->showMessage(MessageBanner::Kind::Positive,
                tr("Exported %n broadcast(s) to %1.", nullptr, m_proxy->rowCount()).arg(path));
        else
            banner()->showError(
                tr("Could not write %1. Choose a folder you can write to.").arg(path));
    });
    m_dialogs << dialog;
    dialog->open();
}

void BroadcastsPanel::closeDialogs()
{
    for (const QPointer<QWidget> &dialog : std::as_const(m_dialogs)) {
        if (dialog)
            dialog->close();
    }
    m_dialogs.clear();
}

void BroadcastsPanel::openStartDialog(const QString &sessionId)
{
    const auto &profile = workspace()->profile();
    if (!profile || profile->kind != ProfileKind::Project)
        return;
    if (m_startDialog) {
        if (!sessionId.isEmpty())
            m_startDialog->setSessionId(sessionId);
        m_startDialog->raise();
        m_startDialog->activateWindow();
        return;
    }
    auto *dialog = new StartBroadcastDialog(context().settings(), profile->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSessionId(sessionId.isEmpty() ? m_feed->sessionFilter() : sessionId);
    connect(dialog, &StartBroadcastDialog::startRequested, this,
        [this, dialog](const BroadcastOptions &options) { startBroadcast(dialog, options); });
    m_startDialog = dialog;
    m_dialogs << dialog;
    dialog->open();
}

void BroadcastsPanel::startBroadcast(StartBroadcastDialog *dialog, const BroadcastOptions &options)
{
    // Never retried: a lost answer or a 409 is looked up with one list call instead.
    auto *reconciler = StartReconciler::startBroadcast(workspace()->broadcasts(), options);
    QPointer<StartBroadcastDialog> form = dialog;
    form->banner()->dismiss();
    form->setBusy(true);
    const quint64 generation = workspace()->generation();
    const std::optional<Layout> layout = options.layout;
    connect(reconciler, &StartReconciler::finished, this, [=, this] {
        if (generation != workspace()->generation())
            return;
        if (form)
            form->setBusy(false);
        if (reconciler->isSuccess()) {
            const auto b = reconciler->result().value<Broadcast>();
            if (!reconciler->isReconciled())
                m_layouts.insert(b.id, layout.value_or(Layout {}));
            m_feed->follow(b.id);
            selectBroadcast(b.id);
            if (reconciler->isReconciled())
                banner()->showMessage(MessageBanner::Kind::Information, reconciler->note());
            if (form) {
                form->rememberOptions();
                form->accept();
            }
            return;
        }
        MessageBanner *target = form ? form->banner() : banner();
        if (reconciler->isOutcomeUnknown())
            target->showMessage(MessageBanner::Kind::Warning,
                tr("%1 The broadcast may have started anyway and the list could not tell. "
                   "Refresh the broadcasts before you start again.")
                    .arg(reconciler->error().userMessage()));
        else
            target->showApiError(reconciler->error());
    });
}

void BroadcastsPanel::confirmStop()
{
    const auto b = selected();
    if (!b || b->status != BroadcastStatus::Started)
        return;
    const QString id = b->id;
    const QString question = tr("Stop broadcast %1 of session %2 in %3?")
                                 .arg(describe(*b), elideMiddle(b->sessionId, 6), profileName());
    const QString details = tr("Stopping ends the live show on every output (%1) now. Viewers "
                               "lose the stream, and a stopped broadcast cannot be resumed.")
                                .arg(BroadcastListModel::targetsSummary(*b));
    QMessageBox *box = confirmDestructive(
        this, question, details, tr("Stop broadcast"), [this, id] { stopBroadcast(id); });
    m_dialogs << QPointer<QWidget>(box);
}

void BroadcastsPanel::stopBroadcast(const QString &id)
{
    BroadcastsApi *api = workspace()->broadcasts();
    m_feed->expectStop(id);
    track(
        api->stop(id), nullptr, {}, [this, id] { stopBroadcast(id); }, nullptr,
        [this, api, id](ApiReply &reply) {
            const auto kind = reply.error().kind();
            if (kind != ApiError::Kind::NotFound && kind != ApiError::Kind::Conflict)
                return;
            // 404/409: unknown or already stopped (§6.3); the get shows which.
            banner()->showMessage(MessageBanner::Kind::Information,
                tr("Broadcast %1 was already stopped.").arg(elideMiddle(id)));
            track(api->get(id), nullptr, {});
        });
}

void BroadcastsPanel::openLayoutDialog()
{
    const auto b = selected();
    if (!b || b->status != BroadcastStatus::Started)
        return;
    const QString id = b->id;
    auto *dialog = new ChangeLayoutDialog(describe(*b), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const auto known = m_layouts.constFind(id); known != m_layouts.cend())
        dialog->chooser()->setLayout(*known);
    QPointer<ChangeLayoutDialog> guard = dialog;
    connect(
        dialog, &ChangeLayoutDialog::layoutChosen, this, [this, id, guard](const Layout &layout) {
            if (!guard)
                return;
            // PUT is idempotent: Retry presses OK again.
            track(
                workspace()->broadcasts()->setLayout(id, layout), guard->okButton(),
                [guard](ApiReply &) {
                    if (guard)
                        guard->accept();
                },
                [guard] {
                    if (guard)
                        guard->okButton()->click();
                },
                guard->banner());
        });
    m_dialogs << dialog;
    dialog->open();
}

void BroadcastsPanel::openStreamDialog(bool add)
{
    const auto b = selected();
    if (!b || b->status != BroadcastStatus::Started || b->streamMode != StreamMode::Manual)
        return;
    const QString id = b->id;
    const auto op = add ? StreamSelectionChange::Op::Add : StreamSelectionChange::Op::Remove;
    auto *dialog = new StreamChangeDialog(op, describe(*b), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<StreamChangeDialog> guard = dialog;
    if (add) {
        // Offer what the session publishes now; typing an ID still works if this fails.
        track(
            workspace()->moderation()->listStreams(b->sessionId), nullptr,
            [guard](ApiReply &reply) {
                QList<std::pair<QString, QString>> streams;
                for (const Stream &s : reply.resultAs<StreamList>().items)
                    streams.append({s.id, s.name.isEmpty() ? s.videoType : s.name});
                if (guard)
                    guard->setStreamChoices(streams);
            },
            {}, dialog->banner());
    } else {
        QList<std::pair<QString, QString>> streams;
        for (const StreamInclusion &s : b->streams)
            streams.append({s.streamId, QString()});
        dialog->setStreamChoices(streams);
    }
    connect(dialog, &StreamChangeDialog::changeChosen, this,
        [this, id, guard](const StreamSelectionChange &change) {
            if (!guard)
                return;
            BroadcastsApi *api = workspace()->broadcasts();
            track(
                api->changeStreams(id, change), guard->okButton(),
                [this, api, id, guard](ApiReply &) {
                    track(api->get(id), nullptr, {}); // the streams list changed
                    if (guard)
                        guard->accept();
                },
                [guard] {
                    if (guard)
                        guard->okButton()->click();
                },
                guard->banner());
        });
    m_dialogs << dialog;
    dialog->open();
}

} // namespace otadmin
