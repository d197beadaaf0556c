// SPDX-License-Identifier: GPL-3.0-or-later
// SessionHistoryModel: the on-disk list of sessions created from this app.
#include "models/SessionHistoryModel.h"

#include "models/Format.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace otadmin {

namespace {

constexpr int kFormatVersion = 1;
// A history is a few hundred entries at most; anything far larger is not ours.
constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;

QJsonObject toJson(const SessionHistoryEntry &e)
{
    QJsonObject o {
        {QStringLiteral("sessionId"), e.sessionId},
        {QStringLiteral("label"), e.label},
        {QStringLiteral("mediaMode"), toApiString(e.mediaMode)},
        {QStringLiteral("archiveMode"), toApiString(e.archiveMode)},
        {QStringLiteral("createdAt"), e.createdAtMs},
        {QStringLiteral("e2ee"), e.e2ee},
    };
    if (!e.archiveName.isEmpty())
        o.insert(QStringLiteral("archiveName"), e.archiveName);
    if (!e.archiveResolution.isEmpty())
        o.insert(QStringLiteral("archiveResolution"), e.archiveResolution);
    if (!e.location.isEmpty())
        o.insert(QStringLiteral("location"), e.location);
    return o;
}

std::optional<SessionHistoryEntry> fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    SessionHistoryEntry e;
    e.sessionId = o.value(QLatin1String("sessionId")).toString();
    if (e.sessionId.isEmpty())
        return std::nullopt;
    e.label = o.value(QLatin1String("label")).toString().left(SessionHistoryModel::MaxLabelLength);
    e.mediaMode = o.value(QLatin1String("mediaMode")).toString() == QLatin1String("relayed")
        ? MediaMode::Relayed
        : MediaMode::Routed;
    e.archiveMode = o.value(QLatin1String("archiveMode")).toString() == QLatin1String("always")
        ? ArchiveMode::Always
        : ArchiveMode::Manual;
    e.archiveName = o.value(QLatin1String("archiveName")).toString();
    e.archiveResolution = o.value(QLatin1String("archiveResolution")).toString();
    e.location = o.value(QLatin1String("location")).toString();
    e.e2ee = o.value(QLatin1String("e2ee")).toBool();
    e.createdAtMs = qint64(o.value(QLatin1String("createdAt")).toDouble());
    return e;
}

} // namespace

SessionHistoryEntry SessionHistoryEntry::from(
    const SessionInfo &info, const SessionOptions &options, qint64 createdAtMs)
{
    SessionHistoryEntry e;
    e.sessionId = info.sessionId;
    e.mediaMode = options.mediaMode;
    e.archiveMode = options.archiveMode;
    e.archiveName = options.archiveName;
    e.archiveResolution = options.archiveResolution;
    e.location = options.location;
    e.e2ee = options.e2ee;
    e.createdAtMs = createdAtMs;
    return e;
}

SessionHistoryModel::SessionHistoryModel(QObject *parent)
    : KeyedTableModel<SessionHistoryEntry>(
        [](const SessionHistoryEntry &e) { return e.sessionId; }, parent)
{
}

bool SessionHistoryModel::load(const QString &path)
{
    clear();
    m_path = path;
    m_loadError.clear();
    m_saveError.clear();
    if (path.isEmpty() || !QFileInfo::exists(path))
        return true;

    QFile file(path);
    QString problem;
    QList<SessionHistoryEntry> entries;
    if (!file.open(QIODevice::ReadOnly)) {
        problem = file.errorString();
    } else if (file.size() > kMaxFileBytes) {
        problem = tr("the file is larger than %1").arg(formatBytes(kMaxFileBytes));
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        const QJsonObject root = doc.object();
        if (parseError.error != QJsonParseError::NoError)
            problem = parseError.errorString();
        else if (!doc.isObject() || !root.value(QLatin1String("sessions")).isArray())
            problem = tr("it does not hold a list of sessions");
        else if (root.value(QLatin1String("version")).toInt() > kFormatVersion)
            problem = tr("it was written by a newer version of the app");
        else {
            for (const QJsonValue &value : root.value(QLatin1String("sessions")).toArray()) {
                if (auto entry = fromJson(value))
                    entries.append(*entry);
            }
        }
    }
    file.close();
    if (!problem.isEmpty()) {
        const QString aside = path + QStringLiteral(".corrupt");
        QFile::remove(aside);
        const bool moved = QFile::rename(path, aside);
        m_loadError = moved
            ? tr("The session history could not be read (%1). It was moved to %2 and a new "
                 "history was started.")
                  .arg(problem, QDir::toNativeSeparators(aside))
            : tr("The session history could not be read (%1).").arg(problem);
        if (!moved)
            m_path.clear(); // never overwrite a file we could not read
        return false;
    }
    replaceAll(beginRefresh(), entries);
    return true;
}

void SessionHistoryModel::save()
{
    if (m_path.isEmpty())
        return;
    QJsonArray sessions;
    for (const SessionHistoryEntry &e : items())
        sessions.append(toJson(e));
    const QJsonObject root {
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("sessions"), sessions},
    };
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (file.open(QIODevice::WriteOnly)
        && file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) >= 0 && file.commit()) {
        m_saveError.clear();
        return;
    }
    m_saveError = tr("The session history could not be saved to %1: %2")
                      .arg(QDir::toNativeSeparators(m_path), file.errorString());
    Q_EMIT saveFailed(m_saveError);
}

void SessionHistoryModel::add(const SessionHistoryEntry &entry)
{
    upsert(entry);
    save();
}

bool SessionHistoryModel::forget(const QString &sessionId)
{
    if (!removeById(sessionId))
        return false;
    save();
    return true;
}

bool SessionHistoryModel::setLabel(const QString &sessionId, const QString &label)
{
    const int row = rowOf(sessionId);
    if (row < 0)
        return false;
    return setData(index(row, LabelColumn), label, Qt::EditRole);
}

int SessionHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionHistoryEntry &e = at(index.row());
    if (role == ModelRole::Id)
        return e.sessionId;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case LabelColumn:
            return e.label;
        case SessionIdColumn:
            return elideMiddle(e.sessionId, 10);
        case MediaModeColumn:
            return e.e2ee ? tr("%1, e2ee").arg(toApiString(e.mediaMode)) : toApiString(e.mediaMode);
        case ArchiveModeColumn:
            return toApiString(e.archiveMode);
        case CreatedColumn:
            return formatLocalTime(e.createdAtMs);
        }
        break;
    case Qt::EditRole:
        if (column == LabelColumn)
            return e.label;
        break;
    case Qt::ToolTipRole:
        if (column == SessionIdColumn)
            return e.sessionId;
        if (column == CreatedColumn)
            return formatUtcTime(e.createdAtMs);
        if (column == ArchiveModeColumn && e.archiveMode == ArchiveMode::Always) {
            QStringList parts;
            if (!e.archiveName.isEmpty())
                parts << tr("name: %1").arg(e.archiveName);
            if (!e.archiveResolution.isEmpty())
                parts << tr("resolution: %1").arg(e.archiveResolution);
            return parts.join(QLatin1Char('\n'));
        }
        if (column == MediaModeColumn && !e.location.isEmpty())
            return tr("location hint: %1").arg(e.location);
        if (column == LabelColumn)
            return tr("Double-click to rename (kept on this computer only)");
        break;
    case ModelRole::Sort:
        if (column == CreatedColumn)
            return e.createdAtMs;
        if (column == SessionIdColumn)
            return e.sessionId;
        return data(index, Qt::DisplayRole).toString().toLower();
    case ModelRole::Export:
        switch (column) {
        case SessionIdColumn:
            return e.sessionId;
        case CreatedColumn:
            return formatUtcTime(e.createdAtMs);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

bool SessionHistoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != LabelColumn || role != Qt::EditRole)
        return false;
    SessionHistoryEntry entry = at(index.row());
    const QString label = value.toString().simplified().left(MaxLabelLength);
    if (label == entry.label)
        return true;
    entry.label = label;
    upsert(entry); // emits dataChanged for the row
    save();
    return true;
}

Qt::ItemFlags SessionHistoryModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = KeyedTableModel<SessionHistoryEntry>::flags(index);
    if (index.isValid() && index.column() == LabelColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant SessionHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel<SessionHistoryEntry>::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn:
        return tr("Label");
    case SessionIdColumn:
        return tr("Session ID");
    case MediaModeColumn:
        return tr("Media mode");
    case ArchiveModeColumn:
        return tr("Archive mode");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

} // namespace otadmin
