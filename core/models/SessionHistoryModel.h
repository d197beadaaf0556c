// SPDX-License-Identifier: GPL-3.0-or-later
// The sessions created from this app, kept on disk per profile because the API cannot list them.
#pragma once

#include "models/KeyedTableModel.h"
#include "types/Session.h"

#include <QString>

namespace otadmin {

/// One session created here. Holds nothing secret: IDs, the options used and a label.
struct SessionHistoryEntry
{
    QString sessionId;
    /// Free text chosen by the user (may be empty); only ever stored locally.
    QString label;
    MediaMode mediaMode = MediaMode::Routed;
    ArchiveMode archiveMode = ArchiveMode::Manual;
    QString archiveName;
    QString archiveResolution;
    QString location;
    bool e2ee = false;
    /// When the app received the answer, Unix **milliseconds** (the API's `create_dt` is
    /// free text, not a timestamp).
    qint64 createdAtMs = 0;

    static SessionHistoryEntry from(
        const SessionInfo &info, const SessionOptions &options, qint64 createdAtMs);
};

/// Rows of SessionHistoryEntry, written as JSON to filePath() after every change (QSaveFile,
/// so a crash never leaves half a file). The label column is editable (Qt::EditRole).
/// Removing a row only forgets it here: sessions cannot be deleted on the service.
class SessionHistoryModel : public KeyedTableModel<SessionHistoryEntry>
{
    Q_OBJECT

public:
    enum Column
    {
        LabelColumn,
        SessionIdColumn,
        MediaModeColumn,
        ArchiveModeColumn,
        CreatedColumn,
        ColumnCount
    };

    explicit SessionHistoryModel(QObject *parent = nullptr);

    /// Empties the model, then reads `path` (a missing file is an empty history). An
    /// unreadable or corrupt file is moved aside to `<path>.corrupt` — never silently
    /// overwritten — and loadError() says what happened; the history then starts empty.
    /// An empty path detaches the model from disk (nothing is saved).
    bool load(const QString &path);
    QString filePath() const { return m_path; }
    /// Why the last load() failed; empty after a successful one.
    QString loadError() const { return m_loadError; }
    /// Why the last save failed (disk full, no permission); empty when it worked.
    QString saveError() const { return m_saveError; }

    /// Adds (or replaces) an entry and saves.
    void add(const SessionHistoryEntry &entry);
    /// Forgets an entry and saves. False when the ID is unknown.
    bool forget(const QString &sessionId);
    /// Changes the label and saves. False when the ID is unknown.
    bool setLabel(const QString &sessionId, const QString &label);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Longest label kept, in characters (longer input is cut).
    static constexpr int MaxLabelLength = 200;

Q_SIGNALS:
    /// After a failed write; `message` says why.
    void saveFailed(const QString &message);

private:
    void save();

    QString m_path;
    QString m_loadError;
    QString m_saveError;
};

} // namespace otadmin
