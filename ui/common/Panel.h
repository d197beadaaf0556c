// SPDX-License-Identifier: GPL-3.0-or-later
// Base of the area panels: a header with title, busy bar and banner, and the shared call helper.
#pragma once

#include "settings/Profile.h"

#include <QIcon>
#include <QWidget>
#include <functional>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace otadmin {

class ApiReply;
class AppContext;
class MessageBanner;
class Workspace;

/// One per area. MainWindow calls refresh() (F5), startPrimaryAction() (Ctrl+N) and
/// focusFilter() (Ctrl+F) on the visible panel, and shows summary() next to the panel's name
/// in the sidebar. Subclasses put their widgets into contentLayout().
class Panel : public QWidget
{
    Q_OBJECT

public:
    Panel(AppContext &context, QWidget *parent = nullptr);

    virtual QString title() const = 0;
    /// The area icon bundled with the app for the panel named `panelObjectName`
    /// (":/icons/areas/<name without 'Panel', lower-case>.png", with "@2x" and "@3x" for
    /// high-DPI screens, rendered at build time from resources/icons/areas/), so the sidebar
    /// looks the same on every desktop. MainWindow reads each once, before the panel is built.
    static QIcon areaIcon(const QString &panelObjectName);
    /// Which profiles the panel works with: project profiles for the media areas, account
    /// profiles for Projects, both for the request log. MainWindow hides the others.
    virtual bool isAvailableFor(ProfileKind kind) const { return isAreaFor(kind); }
    /// What isAvailableFor() answers, before the panel exists; subclasses hide it with theirs.
    static bool isAreaFor(ProfileKind kind) { return kind == ProfileKind::Project; }
    /// For a panel built after a profile was activated (MainWindow builds panels on first
    /// use): runs profileActivated() for the active profile, unless this panel already saw it.
    void followActiveProfile();
    virtual void refresh() { }
    virtual void startPrimaryAction() { }
    virtual void focusFilter() { }

    /// Short live state for the sidebar ("2 recording"); empty for none.
    QString summary() const { return m_summary; }
    MessageBanner *banner() const { return m_banner; }
    /// Number of calls started through track() that have not finished.
    int busyCount() const { return m_busy; }

Q_SIGNALS:
    void summaryChanged(const QString &summary);
    /// Ask MainWindow to show another panel (e.g. "Start archive" from Sessions).
    void panelRequested(const QString &objectName);

protected:
    AppContext &context() const { return m_context; }
    Workspace *workspace() const;
    QVBoxLayout *contentLayout() const { return m_content; }
    void setSummary(const QString &summary);

    /// Called after the workspace switched to `profile` (models are already cleared by their
    /// owners' connections). Default: hide the banner.
    virtual void profileActivated(const Profile &profile);

    /// Follows one call: `trigger` (may be null) is disabled and the busy bar shows until it
    /// finishes. On success `onSuccess` runs; on failure the error goes to `banner` (the
    /// panel's own when null) with a Retry button when `retry` is given and the reply says
    /// retrying is safe, and `onFailure` runs when given. An answer for an earlier profile
    /// (the workspace generation moved on) is dropped.
    void track(ApiReply *reply, QWidget *trigger, std::function<void(ApiReply &)> onSuccess,
        std::function<void()> retry = {}, MessageBanner *banner = nullptr,
        std::function<void(ApiReply &)> onFailure = {});
    /// While the panel shows progress of its own for the calls it tracks (e.g. "Loading
    /// archives… 3,000 of 10,000"), the busy bar stays hidden: one indicator, and not a
    /// second, animated one repainting the window sixty times a second while a long list
    /// loads.
    void setShowsOwnProgress(bool shows);

private:
    AppContext &m_context;
    QLabel *m_title;
    QProgressBar *m_busyBar;
    MessageBanner *m_banner;
    QVBoxLayout *m_content;
    QString m_summary;
    int m_busy = 0;
    bool m_ownProgress = false;
    quint64 m_seenGeneration = 0; // the workspace generation profileActivated() last ran for
};

} // namespace otadmin
