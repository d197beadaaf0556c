// SPDX-License-Identifier: GPL-3.0-or-later
// BroadcastListModel: columns, roles and the targets summary of the broadcasts table.
#include "models/BroadcastListModel.h"

#include "models/Format.h"
#include "net/Redactor.h"

#include <QDateTime>
#include <QStringList>

namespace otadmin {

namespace {
constexpr int StreamKeyVisibleChars = 4;
constexpr int StreamKeyMinLengthForHint = 12;

bool hasHls(const Broadcast &b)
{
    return !b.hlsUrl.isEmpty() || b.hlsSettings.has_value();
}
} // namespace

BroadcastListModel::BroadcastListModel(QObject *parent)
    : KeyedTableModel<Broadcast>([](const Broadcast &b) { return b.id; }, parent),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

int BroadcastListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
bool isStarted(const Broadcast &b)
{
    return b.status == BroadcastStatus::Started;
}
} // namespace

int BroadcastListModel::runningCount() const
{
    return int(std::count_if(items().cbegin(), items().cend(), isStarted));
}

void BroadcastListModel::touchRunning()
{
    touchColumnWhere(ElapsedColumn, isStarted);
}

QString BroadcastListModel::targetsSummary(const Broadcast &b)
{
    QStringList parts;
    if (hasHls(b))
        parts << tr("HLS");
    if (!b.rtmp.isEmpty()) {
        int live = 0, connecting = 0, offline = 0, other = 0;
        for (const RtmpTarget &t : b.rtmp) {
            switch (t.state()) {
            case RtmpStatus::Live:
                ++live;
                break;
            case RtmpStatus::Connecting:
                ++connecting;
                break;
            case RtmpStatus::Offline:
                ++offline;
                break;
            case RtmpStatus::Other:
                ++other;
                break;
            }
        }
        QStringList states;
        if (live)
            states << tr("%1 live").arg(live);
        if (connecting)
            states << tr("%1 connecting").arg(connecting);
        if (offline)
            states << tr("%1 offline").arg(offline);
        if (other)
            states << tr("%1 failed").arg(other);
        QString rtmp = tr("%1 RTMP").arg(b.rtmp.size());
        // Once stopped, the targets' last states no longer describe anything live.
        if (!states.isEmpty() && b.status == BroadcastStatus::Started)
            rtmp += QStringLiteral(": ") + states.join(QStringLiteral(", "));
        parts << rtmp;
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString BroadcastListModel::outputState(const Broadcast &b)
{
    if (b.status != BroadcastStatus::Started)
        return {};
    QStringList states;
    if (!b.hlsStatus.isEmpty())
        states << b.hlsStatus;
    for (const RtmpTarget &t : b.rtmp)
        states << t.status;
    if (states.isEmpty())
        return {};
    bool connecting = false;
    for (const QString &s : std::as_const(states)) {
        if (s != u"connecting" && s != u"live" && s != u"ready")
            return QStringLiteral("offline");
        connecting = connecting || s == u"connecting";
    }
    return connecting ? QStringLiteral("connecting") : QStringLiteral("live");
}

QString BroadcastListModel::maskStreamName(const QString &streamName)
{
    if (streamName.size() < StreamKeyMinLengthForHint)
        return QString::fromLatin1(Redactor::Placeholder);
    return QString(4, QChar(0x2022)) + streamName.right(StreamKeyVisibleChars);
}

qint64 BroadcastListModel::elapsedSeconds(const Broadcast &b) const
{
    if (b.createdAt <= 0)
        return -1;
    const qint64 end = b.status == BroadcastStatus::Started ? m_now() : b.updatedAt;
    return end <= 0 ? -1 : qMax<qint64>(0, (end - b.createdAt) / 1000);
}

QVariant BroadcastListModel::display(const Broadcast &b, int column) const
{
    switch (column) {
    case IdColumn:
        return elideMiddle(b.id);
    case SessionColumn:
        return elideMiddle(b.sessionId, 6);
    case StatusColumn:
        return b.statusString;
    case TargetsColumn:
        return targetsSummary(b);
    case CreatedColumn:
        return formatLocalTime(b.createdAt);
    case ElapsedColumn:
        return formatDuration(elapsedSeconds(b));
    case ResolutionColumn:
        return b.resolution;
    case MaxDurationColumn:
        return b.maxDuration ? formatDuration(*b.maxDuration) : QString();
    case HlsUrlColumn:
        return b.hlsUrl;
    }
    return {};
}

QVariant BroadcastListModel::sortValue(const Broadcast &b, int column) const
{
    switch (column) {
    case CreatedColumn:
        return b.createdAt;
    case ElapsedColumn:
        return elapsedSeconds(b);
    case MaxDurationColumn:
        return b.maxDuration.value_or(0);
    case ResolutionColumn: {
        const QStringList parts = b.resolution.split(QLatin1Char('x'));
        return parts.size() == 2 ? parts[0].toLongLong() * parts[1].toLongLong() : 0;
    }
    case IdColumn:
        return b.id;
    case SessionColumn:
        return b.sessionId;
    default:
        return display(b, column);
    }
}

QVariant BroadcastListModel::exportValue(const Broadcast &b, int column) const
{
    switch (column) {
    case IdColumn:
        return b.id;
    case SessionColumn:
        return b.sessionId;
    case CreatedColumn:
        return formatUtcTime(b.createdAt);
    case ElapsedColumn:
        return elapsedSeconds(b) < 0 ? QVariant() : QVariant(elapsedSeconds(b));
    case MaxDurationColumn:
        return b.maxDuration ? QVariant(*b.maxDuration) : QVariant();
    default:
        return display(b, column);
    }
}

QString BroadcastListModel::toolTip(const Broadcast &b, int column) const
{
    switch (column) {
    case IdColumn:
        return b.multiBroadcastTag.isEmpty() ? b.id
                                             : tr("%1\nTag: %2").arg(b.id, b.multiBroadcastTag);
    case SessionColumn:
        return b.sessionId;
    case CreatedColumn:
        return formatUtcTime(b.createdAt);
    case ElapsedColumn:
        return b.updatedAt > 0
            ? tr("Updated %1 (%2)").arg(formatLocalTime(b.updatedAt), formatUtcTime(b.updatedAt))
            : QString();
    case TargetsColumn: {
        QStringList lines;
        if (hasHls(b))
            lines << tr("HLS: %1").arg(b.hlsStatus.isEmpty() ? tr("requested") : b.hlsStatus);
        for (const RtmpTarget &t : b.rtmp) {
            const QString label = t.id.isEmpty() ? tr("RTMP") : tr("RTMP '%1'").arg(t.id);
            lines << tr("%1: %2 \u2014 %3").arg(label, t.serverUrl, t.status);
        }
        return lines.join(QLatin1Char('\n'));
    }
    case MaxDurationColumn:
        return b.maxDuration ? tr("%1 seconds").arg(*b.maxDuration) : QString();
    case HlsUrlColumn:
        return b.hlsUrl;
    default:
        return {};
    }
}

QVariant BroadcastListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Broadcast &b = at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(b, column);
    case Qt::ToolTipRole:
        return toolTip(b, column);
    case ModelRole::Id:
        return b.id;
    case ModelRole::Sort:
        return sortValue(b, column);
    case ModelRole::Status:
        return column == StatusColumn ? b.statusString : QString();
    case ModelRole::Export:
        return exportValue(b, column);
    case OutputStateRole:
        return outputState(b);
    case ModelRole::Running:
        return isStarted(b);
    case ModelRole::Attention: {
        const QString state = outputState(b);
        return state == QLatin1String("offline") ? state : QString();
    }
    default:
        return {};
    }
}

QVariant BroadcastListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("ID");
    case SessionColumn:
        return tr("Session");
    case StatusColumn:
        return tr("Status");
    case TargetsColumn:
        return tr("Outputs");
    case CreatedColumn:
        return tr("Created");
    case ElapsedColumn:
        return tr("Elapsed");
    case ResolutionColumn:
        return tr("Resolution");
    case MaxDurationColumn:
        return tr("Max duration");
    case HlsUrlColumn:
        return tr("HLS URL");
    }
    return {};
}

} // namespace otadmin
