// SPDX-License-Identifier: GPL-3.0-or-later
// The SIP panel: dial a SIP endpoint into a session, follow the calls, send DTMF tones.
#pragma once

#include "common/Panel.h"

class QAction;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace otadmin {

class IdField;
class SipCallModel;
class SipDialForm;
class SipDtmfBox;
struct SipCallRecord;

/// The service cannot list SIP calls, so the table holds the calls dialled from this app in
/// this run (SipApi::sipCallStarted), for the active profile. A call ends by
/// force-disconnecting its connection ("Hang up").
class SipPanel : public Panel
{
    Q_OBJECT

public:
    explicit SipPanel(AppContext &context, QWidget *parent = nullptr);

    static QString areaTitle() { return tr("SIP"); }
    QString title() const override { return areaTitle(); }
    void startPrimaryAction() override;

    SipCallModel *model() const { return m_model; }

public Q_SLOTS:
    /// Prefills the form's session ID (e.g. "Dial SIP…" on a session) and focuses the URI.
    void dialForSession(const QString &sessionId);

protected:
    void profileActivated(const Profile &profile) override;

private:
    QWidget *buildCallsPane();
    void dial();
    void sendDtmf();
    void hangUp();
    void copySelectedId();
    void selectionChanged();
    void updateDtmfTargets();
    void updateSummary();
    std::optional<SipCallRecord> selectedCall() const;
    void showContextMenu(const QPoint &pos);

    SipCallModel *m_model;
    QSortFilterProxyModel *m_proxy;
    SipDialForm *m_form;
    QStackedWidget *m_callsStack;
    QTableView *m_table;
    QWidget *m_details;
    IdField *m_callId;
    IdField *m_connectionId;
    IdField *m_streamId;
    IdField *m_sessionId;
    QPushButton *m_hangUp;
    SipDtmfBox *m_dtmf;
    QAction *m_copyAction;
    QAction *m_hangUpAction;
    QString m_profileName;
};

} // namespace otadmin
