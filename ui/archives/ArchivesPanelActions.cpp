// SPDX-License-Identifier: GPL-3.0-or-later
// ArchivesPanel's actions: start, stop, delete, layout, streams, copy, open and export.
#include "AppContext.h"
#include "api/ArchivesApi.h"
#include "api/CallBatch.h"
#include "api/ModerationApi.h"
#include "api/Workspace.h"
#include "archives/ArchiveEditDialogs.h"
#include "archives/ArchiveFollower.h"
#include "archives/ArchivePager.h"
#include "archives/ArchivesPanel.h"
#include "archives/StartArchiveDialog.h"
#include "common/Confirm.h"
#include "common/LiveTableProxy.h"
#include "common/MessageBanner.h"
#include "common/SecureClipboard.h"
#include "common/StyleIcons.h"
#include "models/ArchiveListModel.h"
#include "models/Format.h"
#include "models/TableExport.h"
#include "net/ApiReply.h"
#include "types/Stream.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QPointer>
#include <QSaveFile>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace otadmin {

namespace {
QString describe(const Archive &a)
{
    return a.name.isEmpty()
        ? ArchivesPanel::tr("the unnamed archive (%1)").arg(elideMiddle(a.id, 4))
        : ArchivesPanel::tr("archive '%1' (%2)").arg(a.name, elideMiddle(a.id, 4));
}
// Only a final archive with a file (here or in the project's storage) can be deleted.
bool isDeletable(ArchiveStatus status)
{
    return status == ArchiveStatus::Available || status == ArchiveStatus::Uploaded;
}
} // namespace

void ArchivesPanel::createActions()
{
    auto make = [this](const char *objectName, const QString &text, const QString &iconName,
                    QStyle::StandardPixmap fallback, void (ArchivesPanel::*slot)()) {
        auto *action = new QAction(themeIcon(iconName, this, fallback), text, this);
        action->setObjectName(QString::fromLatin1(objectName));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_start = make("actionStartArchive", tr("&Start archive\u2026"), QStringLiteral("media-record"),
        QStyle::SP_MediaPlay, &ArchivesPanel::startPrimaryAction);
    // Ctrl+N belongs to the window's "New" action, which calls startPrimaryAction().
    m_start->setToolTip(tr("Start recording a session (Ctrl+N)"));
    m_stop = make("actionStopArchive", tr("St&op"), QStringLiteral("media-playback-stop"),
        QStyle::SP_MediaStop, &ArchivesPanel::stopSelected);
    m_stop->setToolTip(tr("Stop recording the selected archive"));
    m_delete = make("actionDeleteArchive", tr("&Delete\u2026"), QStringLiteral("edit-delete"),
        QStyle::SP_TrashIcon, &ArchivesPanel::deleteSelected);
    m_delete->setToolTip(tr("Delete the selected archive and its file (Delete)"));
    m_layout = make("actionChangeLayout", tr("Change &layout\u2026"), QStringLiteral("view-grid"),
        QStyle::SP_FileDialogDetailedView, &ArchivesPanel::changeLayout);
    m_streams = make("actionChangeStreams", tr("S&treams\u2026"), QStringLiteral("list-add"),
        QStyle::SP_FileDialogListView, &ArchivesPanel::changeStreams);
    m_streams->setToolTip(tr("Add or remove a stream (manual stream mode)"));
    m_copyId = make("actionCopyArchiveId", tr("&Copy ID"), QStringLiteral("edit-copy"),
        QStyle::SP_FileDialogContentsView, &ArchivesPanel::copyId);
    m_copyUrl = make("actionCopyArchiveUrl", tr("Copy download &URL"), QStringLiteral("edit-copy"),
        QStyle::SP_FileDialogContentsView, &ArchivesPanel::copyUrl);
    m_openUrl =
        new QAction(themeIcon(QStringLiteral("document-open-remote"), this, QStyle::SP_ArrowDown),
            tr("&Download"), this);
    m_openUrl->setObjectName(QStringLiteral("actionOpenArchiveUrl"));
    m_openUrl->setToolTip(tr("Open a fresh download link in the browser"));
    connect(m_openUrl, &QAction::triggered, this, [this] {
        if (const auto a = singleSelected())
            openUrl(a->id);
    });
    m_exportCsv = new QAction(tr("Export as &CSV\u2026"), this);
    m_exportCsv->setObjectName(QStringLiteral("actionExportCsv"));
    connect(m_exportCsv, &QAction::triggered, this, [this] { chooseExportFile(Format::Csv); });
    m_exportJson = new QAction(tr("Export as &JSON\u2026"), this);
    m_exportJson->setObjectName(QStringLiteral("actionExportJson"));
    connect(m_exportJson, &QAction::triggered, this, [this] { chooseExportFile(Format::Json); });
    m_refresh = make("actionRefreshArchives", tr("&Refresh"), QStringLiteral("view-refresh"),
        QStyle::SP_BrowserReload, &ArchivesPanel::refresh);
    m_refresh->setToolTip(tr("Load the whole list again (F5)"));

    // Table-scoped keys: Delete and Ctrl+C act on the selected row.
    m_delete->setShortcut(QKeySequence::Delete);
    m_copyId->setShortcut(QKeySequence::Copy);
    for (QAction *action : {m_delete, m_copyId}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_table->addAction(action);
    }

    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("archivesToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    bar->addActions({m_start, m_stop, m_delete});
    bar->addSeparator();
    bar->addActions({m_layout, m_streams});
    bar->addSeparator();
    bar->addActions({m_copyId, m_openUrl});
    auto *exportMenu = new QMenu(this);
    exportMenu->addActions({m_exportCsv, m_exportJson});
    auto *exportButton = new QToolButton(bar);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setText(tr("&Export"));
    exportButton->setIcon(
        themeIcon(QStringLiteral("document-save-as"), this, QStyle::SP_DialogSaveButton));
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setMenu(exportMenu);
    exportButton->setToolTip(tr("Save the rows as shown to a file"));
    bar->addWidget(exportButton);
    bar->addAction(m_refresh);
    contentLayout()->addWidget(bar);
}

void ArchivesPanel::updateActions()
{
    // Counted in place (Ctrl+A on 10,000 rows, and this runs on every change to one of them).
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    int running = 0;
    int deletable = 0;
    for (const QModelIndex &row : selected) {
        const ArchiveStatus status = m_model->at(m_proxy->mapToSource(row).row()).status;
        running += ArchiveListModel::isRunning(status) ? 1 : 0;
        deletable += isDeletable(status) ? 1 : 0;
    }
    const bool bulkRunning = !m_bulk.isNull();
    m_stop->setEnabled(running > 0 && !bulkRunning);
    m_stop->setText(running > 1 ? tr("St&op %n", nullptr, running) : tr("St&op"));
    m_stop->setToolTip(running > 1 ? tr("Stop recording the %n selected archives", nullptr, running)
                                   : tr("Stop recording the selected archive"));
    m_delete->setEnabled(deletable > 0 && !bulkRunning);
    m_delete->setText(
        deletable > 1 ? tr("&Delete %n\u2026", nullptr, deletable) : tr("&Delete\u2026"));
    m_delete->setToolTip(deletable > 1
            ? tr("Delete the %n selected archives and their files (Delete)", nullptr, deletable)
            : tr("Delete the selected archive and its file (Delete)"));

    const std::optional<Archive> a = singleSelected();
    const bool aRunning = a && ArchiveListModel::isRunning(a->status);
    m_layout->setEnabled(aRunning && a->outputMode == OutputMode::Composed);
    m_streams->setEnabled(aRunning && a->streamMode == StreamMode::Manual);
    m_copyId->setEnabled(!selected.isEmpty());
    m_copyId->setText(
        selected.size() > 1 ? tr("&Copy %n IDs", nullptr, int(selected.size())) : tr("&Copy ID"));
    m_copyUrl->setEnabled(a && !a->url.isEmpty());
    m_openUrl->setEnabled(a && a->status == ArchiveStatus::Available);
}

void ArchivesPanel::showContextMenu(const QPoint &position)
{
    if (!m_table->indexAt(position).isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("archiveContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_stop, m_delete});
    menu->addSeparator();
    menu->addActions({m_layout, m_streams});
    menu->addSeparator();
    menu->addActions({m_copyId, m_copyUrl, m_openUrl});
    menu->addSeparator();
    menu->addAction(m_start);
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

void ArchivesPanel::startPrimaryAction()
{
    startArchiveForSession(m_model->sessionFilter());
}

void ArchivesPanel::startArchiveForSession(const QString &sessionId)
{
    if (!workspace()->profile())
        return;
    if (!m_startDialog) {
        m_startDialog = new StartArchiveDialog(context(), this);
        m_startDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_startDialog, &StartArchiveDialog::archiveStarted, this,
            [this](const Archive &archive, const QString &note) {
                selectArchive(archive.id);
                if (!note.isEmpty())
                    banner()->showMessage(MessageBanner::Kind::Information, note);
            });
    }
    if (!sessionId.isEmpty() || m_startDialog->options().sessionId.isEmpty())
        m_startDialog->setSessionId(sessionId);
    m_startDialog->open();
    m_startDialog->raise();
    m_startDialog->activateWindow();
}

void ArchivesPanel::stopSelected()
{
    QList<Archive> running = selectedArchives();
    running.removeIf([](const Archive &a) { return !ArchiveListModel::isRunning(a.status); });
    if (running.isEmpty() || m_bulk || !workspace()->profile())
        return;
    if (running.size() == 1) {
        stopOne(running.first().id);
        return;
    }
    const quint64 generation = workspace()->generation();
    confirmDestructive(this,
        tr("Stop %n archives in %1?", nullptr, int(running.size()))
            .arg(workspace()->profile()->name),
        tr("Each recording ends now and cannot be resumed; the files become available once "
           "processed."),
        tr("Stop"), [this, running, generation] {
            if (generation == workspace()->generation())
                runBulk(BulkAction::Stop, running);
        });
}

void ArchivesPanel::stopOne(const QString &id)
{
    ArchivesApi *api = workspace()->archives();
    track(
        api->stop(id), nullptr, [this, id](ApiReply &) { m_follower->nudge(id); }, {}, nullptr,
        [api, id](ApiReply &reply) {
            // 409: it stopped already (by itself or elsewhere): show what it is now.
            if (reply.error().kind() == ApiError::Kind::Conflict)
                api->get(id);
        });
}

void ArchivesPanel::deleteSelected()
{
    QList<Archive> deletable = selectedArchives();
    deletable.removeIf([](const Archive &a) { return !isDeletable(a.status); });
    if (deletable.isEmpty() || m_bulk || !workspace()->profile())
        return;
    const quint64 generation = workspace()->generation();
    if (deletable.size() > 1) {
        confirmDestructive(this,
            tr("Delete %n archives in %1?", nullptr, int(deletable.size()))
                .arg(workspace()->profile()->name),
            tr("Recording files kept by OpenTok are deleted from its cloud; files uploaded to "
               "your storage stay. This cannot be undone."),
            tr("Delete"), [this, deletable, generation] {
                if (generation == workspace()->generation())
                    runBulk(BulkAction::Delete, deletable);
            });
        return;
    }
    const Archive &a = deletable.first();
    const QString id = a.id;
    const QString what = describe(a);
    confirmDestructive(this, tr("Delete %1 in %2?").arg(what, workspace()->profile()->name),
        a.status == ArchiveStatus::Available
            ? tr("The recording file is deleted from the OpenTok cloud. This cannot be undone.")
            : tr("The archive is removed from the list; the uploaded file in your storage stays."),
        tr("Delete"), [this, id, what, generation] {
            if (generation != workspace()->generation())
                return;
            track(workspace()->archives()->remove(id), nullptr, [this, what](ApiReply &) {
                banner()->showMessage(MessageBanner::Kind::Positive, tr("Deleted %1.").arg(what));
            });
        });
}

void ArchivesPanel::runBulk(BulkAction action, const QList<Archive> &archives)
{
    ArchivesApi *api = workspace()->archives();
    const bool stop = action == BulkAction::Stop;
    QStringList ids;
    QStringList names; // per ID, for the failures
    for (const Archive &a : archives) {
        ids << a.id;
        names << describe(a);
    }
    auto *batch = new CallBatch(
        ids, [api, stop](const QString &id) { return stop ? api->stop(id) : api->remove(id); },
        this);
    m_bulk = batch;
    auto failures = std::make_shared<QStringList>();
    connect(batch, &CallBatch::callFinished, this,
        [this, api, stop, batch, names, failures](qsizetype index, ApiReply *reply) {
            const QString &id = batch->ids().at(index);
            if (reply->isSuccess()) {
                if (stop)
                    m_follower->nudge(id);
                return;
            }
            // 409 on a stop: it ended already (by itself or elsewhere): show what it is now.
            if (stop && reply->error().kind() == ApiError::Kind::Conflict)
                api->get(id);
            failures->append(tr("%1 \u2014 %2").arg(names.at(index), reply->error().userMessage()));
        });
    const QString doing = stop ? tr("Stopping %n archives\u2026", nullptr, int(ids.size()))
                               : tr("Deleting %n archives\u2026", nullptr, int(ids.size()));
    connect(batch, &CallBatch::progressChanged, this, [this, doing](qsizetype done) {
        banner()->showMessage(MessageBanner::Kind::Information,
            doing + QLatin1Char(' ') + tr("%1 done.").arg(QLocale().toString(done)));
    });
    connect(batch, &CallBatch::finished, this, [this, batch, stop, failures] {
        const int total = int(batch->total());
        const int succeeded = int(batch->done() - batch->failed());
        if (failures->isEmpty()) {
            banner()->showMessage(MessageBanner::Kind::Positive,
                stop ? tr("Stopped %n archives.", nullptr, total)
                     : tr("Deleted %n archives.", nullptr, total));
        } else {
            QString text = stop ? tr("Stopped %1 of %2 archives.").arg(succeeded).arg(total)
                                : tr("Deleted %1 of %2 archives.").arg(succeeded).arg(total);
            text += QLatin1Char(' ') + tr("Failed: %1").arg(failures->first());
            if (failures->size() > 1)
                text += QLatin1Char(' ')
                    + tr("(and %n more failed)", nullptr, int(failures->size() - 1));
            banner()->showMessage(
                succeeded > 0 ? MessageBanner::Kind::Warning : MessageBanner::Kind::Error, text);
        }
        batch->deleteLater();
        m_bulk = nullptr;
        updateActions();
    });
    banner()->showMessage(MessageBanner::Kind::Information, doing);
    batch->start();
    updateActions();
}

void ArchivesPanel::changeLayout()
{
    const auto a = singleSelected();
    if (!a)
        return;
    auto *dialog = new ArchiveLayoutDialog(workspace()->archives(), *a, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString what = describe(*a);
    connect(dialog, &ArchiveLayoutDialog::changed, this, [this, what] {
        banner()->showMessage(
            MessageBanner::Kind::Positive, tr("Changed the layout of %1.").arg(what));
    });
    dialog->open();
}

void ArchivesPanel::changeStreams()
{
    const auto a = singleSelected();
    if (!a)
        return;
    auto *dialog = new ArchiveStreamsDialog(workspace()->archives(), *a, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    // Offer what the session publishes now, so adding a stream needs no copied ID.
    QPointer<ArchiveStreamsDialog> guard = dialog;
    track(
        workspace()->moderation()->listStreams(a->sessionId), nullptr,
        [guard](ApiReply &reply) {
            QList<std::pair<QString, QString>> streams;
            for (const Stream &s : reply.resultAs<StreamList>().items)
                streams.append({s.id, s.name.isEmpty() ? s.videoType : s.name});
            if (guard)
                guard->offerStreams(streams);
        },
        {}, dialog->banner());
}

void ArchivesPanel::copyId()
{
    QStringList ids;
    for (const Archive &a : selectedArchives())
        ids << a.id;
    if (!ids.isEmpty())
        context().clipboard()->copyText(ids.join(QLatin1Char('\n')));
}

void ArchivesPanel::copyUrl()
{
    if (const auto a = singleSelected(); a && !a->url.isEmpty())
        context().clipboard()->copyText(a->url);
}

void ArchivesPanel::openUrl(const QString &archiveId)
{
    // The link is valid for about 10 minutes: fetch the archive for a fresh one first.
    track(workspace()->archives()->get(archiveId), m_table, [this](ApiReply &reply) {
        const auto a = reply.resultAs<Archive>();
        if (a.url.isEmpty())
            banner()->showMessage(MessageBanner::Kind::Warning,
                tr("%1 has no download link (it is %2).").arg(describe(a), a.statusString));
        else
            QDesktopServices::openUrl(QUrl(a.url));
    });
}

void ArchivesPanel::chooseExportFile(Format format)
{
    const bool csv = format == Format::Csv;
    auto *dialog =
        new QFileDialog(this, csv ? tr("Export archives as CSV") : tr("Export archives as JSON"),
            QDir::home().filePath(
                csv ? QStringLiteral("archives.csv") : QStringLiteral("archives.json")),
            csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, format](const QString &path) { exportTo(path, format); });
    dialog->open();
}

bool ArchivesPanel::exportTo(const QString &path, Format format)
{
    QSaveFile file(path);
    const QByteArray data = format == Format::Csv ? exportCsv(*m_proxy) : exportJson(*m_proxy);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        banner()->showError(
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    QString text = tr("Exported %n archive(s) to %1.", nullptr, m_proxy->rowCount())
                       .arg(QDir::toNativeSeparators(path));
    if (m_pager->isRunning())
        text += QLatin1Char(' ') + tr("The list was still loading, so some may be missing.");
    banner()->showMessage(MessageBanner::Kind::Positive, text);
    return true;
}

} // namespace otadmin
