// SPDX-License-Identifier: GPL-3.0-or-later
// GuiFixture plus the Broadcasts panel's test helpers: sessions, journal, starts, RTMP rows.
#pragma once

#include "GuiFixture.h"
#include "api/BroadcastsApi.h"
#include "api/Workspace.h"
#include "broadcasts/BroadcastsPanel.h"
#include "broadcasts/StartBroadcastDialog.h"
#include "common/Notifier.h"
#include "models/BroadcastListModel.h"

#include <QLineEdit>
#include <QTest>
#include <memory>

namespace otadmin::test {

inline constexpr int BroadcastTimeout = 10000;
/// The stream key the helpers use; it must never show up in settings, exports or messages.
inline const QString TestStreamKey = QStringLiteral("yt-secret-key-0001");

class BroadcastsFixture : public GuiFixture
{
public:
    BroadcastsPanel *panel()
    {
        return qobject_cast<BroadcastsPanel *>(window().panel(QStringLiteral("broadcastsPanel")));
    }
    BroadcastListModel *model() { return panel()->model(); }

    QString routedSession()
    {
        const QString session = server().createSession(true);
        server().addConnection(session);
        return session;
    }

    /// Journal entries with this method whose path ends with `suffix`.
    QList<sandbox::JournalEntry> requests(const QByteArray &method, const QString &suffix)
    {
        QList<sandbox::JournalEntry> found;
        for (const sandbox::JournalEntry &e : server().journal()) {
            if (e.method == method && e.path.endsWith(suffix))
                found << e;
        }
        return found;
    }

    /// Starts through the app's own BroadcastsApi (the panel sees it via broadcastChanged).
    QString startViaApi(const QString &session, int rtmpTargets = 0, int maxDuration = 0)
    {
        BroadcastOptions options;
        options.sessionId = session;
        options.hls = HlsOptions {};
        for (int i = 0; i < rtmpTargets; ++i)
            options.rtmp << RtmpTarget {QStringLiteral("t%1").arg(i),
                QStringLiteral("rtmp://live.example/app"), TestStreamKey, {}};
        if (maxDuration > 0)
            options.maxDuration = maxDuration;
        auto id = std::make_shared<QString>();
        ApiReply *reply = context().workspace()->broadcasts()->start(options);
        QObject::connect(reply, &ApiReply::finished, reply,
            [reply, id] { *id = reply->resultAs<Broadcast>().id; });
        if (!QTest::qWaitFor([id] { return !id->isEmpty(); }, BroadcastTimeout))
            return {};
        return *id;
    }

    StartBroadcastDialog *openStartDialog(const QString &session)
    {
        panel()->startBroadcastForSession(session);
        return find<StartBroadcastDialog>(QStringLiteral("startBroadcastDialog"));
    }

    void fillTarget(int row, const QString &id, const QString &url, const QString &key)
    {
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("rtmpId%1").arg(row)), id);
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("rtmpUrl%1").arg(row)), url);
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("rtmpStream%1").arg(row)), key);
    }

    bool allTargetsLive(const QString &id)
    {
        const auto b = model()->find(id);
        if (!b || b->rtmp.isEmpty())
            return false;
        return std::all_of(b->rtmp.cbegin(), b->rtmp.cend(),
            [](const RtmpTarget &t) { return t.state() == RtmpStatus::Live; });
    }

    bool notified(const QString &title)
    {
        const QStringList history = context().notifier()->history();
        return std::any_of(history.cbegin(), history.cend(),
            [&](const QString &line) { return line.startsWith(title + QStringLiteral(":")); });
    }
};

} // namespace otadmin::test
