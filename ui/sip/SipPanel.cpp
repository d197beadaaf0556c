// SPDX-License-Identifier: GPL-3.0-or-later
// SipPanel: dial form, calls table with details, DTMF.
#include "sip/SipPanel.h"

#include "AppContext.h"
#include "api/ModerationApi.h"
#include "api/SipApi.h"
#include "api/Workspace.h"
#include "auth/ClientToken.h"
#include "common/Confirm.h"
#include "common/FormMemory.h"
#include "common/IdField.h"
#include "common/MessageBanner.h"
#include "common/SecureClipboard.h"
#include "common/StatusBadge.h"
#include "models/Format.h"
#include "models/SipCallModel.h"
#include "net/ApiReply.h"
#include "sip/SipDialForm.h"
#include "sip/SipDtmfBox.h"

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace otadmin {

namespace {
const QString DialForm = QStringLiteral("sipDial");
}

SipPanel::SipPanel(AppContext &context, QWidget *parent)
    : Panel(context, parent),
      m_model(new SipCallModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_form(new SipDialForm(this))
{
    setObjectName(QStringLiteral("sipPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelRole::Sort);

    auto *formBox = new QGroupBox(tr("Dial a phone or SIP endpoint into a session"), this);
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(m_form);
    formLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("sipFormScroll"));
    scroll->setWidget(formBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(380);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(buildCallsPane());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    contentLayout()->addWidget(splitter, 1);

    SipApi *sip = workspace()->sip();
    connect(sip, &SipApi::sipCallStarted, this, [this](const QString &sessionId, const SipCall &c) {
        m_model->addCall(sessionId, c, this->context().clock().nowMSecs());
    });
    connect(workspace()->moderation(), &ModerationApi::connectionDisconnected, m_model,
        &SipCallModel::markDisconnected);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SipPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SipPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SipPanel::updateSummary);
    connect(m_form, &SipDialForm::dialRequested, this, &SipPanel::dial);
    connect(m_dtmf, &SipDtmfBox::sendRequested, this, &SipPanel::sendDtmf);
    connect(m_form, &SipDialForm::validityChanged, this, &SipPanel::updateDtmfTargets);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SipPanel::selectionChanged);
    updateSummary();
    selectionChanged();
}

QWidget *SipPanel::buildCallsPane()
{
    auto *pane = new QWidget(this);
    auto *heading = new QLabel(tr("<b>Calls dialled in this run</b>"), pane);
    m_callsStack = new QStackedWidget(pane);
    auto *empty = new QLabel(tr("No SIP calls yet. Fill in the form and press Dial: the SIP "
                                "leg joins the session as a connection with a stream.\n\n"
                                "The service cannot list SIP calls, so only the calls dialled "
                                "here appear."),
        pane);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setMargin(24);

    m_table = new QTableView(pane);
    m_table->setObjectName(QStringLiteral("sipCalls"));
    m_table->setAccessibleName(tr("SIP calls"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SipCallModel::DialedAt, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SipCallModel::Uri, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(SipCallModel::Uri, 200);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(SipCallModel::Status, new StatusBadgeDelegate(m_table));
    m_table->setFont(monospaceFont());
    m_callsStack->addWidget(empty);
    m_callsStack->addWidget(m_table);

    m_details = new QGroupBox(tr("Selected call"), pane);
    m_details->setObjectName(QStringLiteral("sipCallDetails"));
    auto *details = new QFormLayout(m_details);
    const auto idField = [this](const QString &name) {
        auto *field = new IdField(context().clipboard(), m_details);
        field->setObjectName(name);
        field->setKeep(12);
        return field;
    };
    m_callId = idField(QStringLiteral("sipCallId"));
    m_connectionId = idField(QStringLiteral("sipConnectionId"));
    m_streamId = idField(QStringLiteral("sipStreamId"));
    m_sessionId = idField(QStringLiteral("sipCallSessionId"));
    details->addRow(tr("Call ID:"), m_callId);
    details->addRow(tr("Connection ID:"), m_connectionId);
    details->addRow(tr("Stream ID:"), m_streamId);
    details->addRow(tr("Session ID:"), m_sessionId);
    m_hangUp = new QPushButton(tr("&Hang up…"), m_details);
    m_hangUp->setObjectName(QStringLiteral("sipHangUp"));
    m_hangUp->setIcon(QIcon::fromTheme(QStringLiteral("call-stop")));
    m_hangUp->setToolTip(tr("Force-disconnects the SIP leg's connection from the session."));
    auto *hangUpRow = new QHBoxLayout;
    hangUpRow->addWidget(m_hangUp);
    hangUpRow->addStretch(1);
    details->addRow(hangUpRow);
    connect(m_hangUp, &QPushButton::clicked, this, &SipPanel::hangUp);

    m_dtmf = new SipDtmfBox(pane);

    m_copyAction = new QAction(tr("Copy call ID"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyAction, &QAction::triggered, this, &SipPanel::copySelectedId);
    m_hangUpAction = new QAction(tr("Hang up…"), this);
    m_hangUpAction->setShortcut(QKeySequence::Delete);
    m_hangUpAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_hangUpAction, &QAction::triggered, this, &SipPanel::hangUp);
    m_table->addAction(m_copyAction);
    m_table->addAction(m_hangUpAction);
    connect(m_table, &QTableView::customContextMenuRequested, this, &SipPanel::showContextMenu);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_callsStack, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_dtmf);
    return pane;
}

void SipPanel::startPrimaryAction()
{
    m_form->focusFirstEmpty();
}

void SipPanel::dialForSession(const QString &sessionId)
{
    m_form->setSessionId(sessionId);
    m_form->focusFirstEmpty();
    updateDtmfTargets();
}

void SipPanel::profileActivated(const Profile &profile)
{
    Panel::profileActivated(profile);
    m_model->clear();
    m_profileName = profile.name;
    m_form->clearSecrets();
    m_form->setSessionId({});
    m_form->restore(FormMemory(context().settings(), m_profileName, DialForm));
    selectionChanged();
}

void SipPanel::dial()
{
    SipDialOptions options = m_form->options();
    const QString connectionData = m_form->tokenConnectionData();
    if (options.token.isEmpty() && !connectionData.isEmpty()) {
        // Custom connection data: sign the token here, as SipApi would with "sip=<uri>".
        RestClient *client = workspace()->client();
        ClientTokenOptions tokenOptions;
        tokenOptions.connectionData = connectionData;
        const ClientTokenResult token = generateClientToken(client->projectCredentials().apiKey,
            client->projectCredentials().apiSecret, options.sessionId, tokenOptions,
            client->clock(), client->random());
        if (!token.ok()) {
            FieldError error = token.error.value_or(FieldError {{}, tr("could not be signed")});
            error.field.prepend(QStringLiteral("token."));
            banner()->showError(
                tr("The token was not signed: %1").arg(SipDialForm::describe(error)));
            return;
        }
        options.token = token.token;
    }
    ApiReply *reply = workspace()->sip()->dial(options);
    m_form->setBusy(true);
    connect(reply, &ApiReply::finished, m_form, [form = m_form] { form->setBusy(false); });
    const QString uri = options.uri;
    track(
        reply, nullptr,
        [this, uri](ApiReply &r) {
            const auto call = r.resultAs<SipCall>();
            m_model->setUri(call.id, uri);
            FormMemory memory(context().settings(), m_profileName, DialForm);
            m_form->remember(memory);
            const int row = m_model->rowOf(call.id);
            if (row >= 0)
                m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
            banner()->showMessage(MessageBanner::Kind::Positive,
                tr("Dialled %1: it joined as connection %2.")
                    .arg(uri, elideMiddle(call.connectionId)));
        },
        {}, nullptr,
        [this](ApiReply &r) {
            if (r.isOutcomeUnknown())
                banner()->showError(tr("%1 The call may have been placed anyway: look at the "
                                       "session's connections before dialling again.")
                                        .arg(banner()->text()));
        });
}

void SipPanel::sendDtmf()
{
    const QString digits = m_dtmf->digits();
    const auto call = selectedCall();
    SipApi *sip = workspace()->sip();
    ApiReply *reply = nullptr;
    QString target;
    if (m_dtmf->toCall() && call) {
        reply = sip->playDtmfToConnection(call->sessionId, call->call.connectionId, digits);
        target = tr("call %1").arg(call->uri.isEmpty() ? elideMiddle(call->call.id) : call->uri);
    } else {
        const QString session = call ? call->sessionId : m_form->sessionId();
        reply = sip->playDtmf(session, digits);
        target = tr("every SIP call of the session");
    }
    m_dtmf->setBusy(true);
    connect(reply, &ApiReply::finished, m_dtmf, [box = m_dtmf] { box->setBusy(false); });
    track(reply, nullptr, [this, digits, target](ApiReply &) {
        banner()->showMessage(
            MessageBanner::Kind::Positive, tr("Sent tones %1 to %2.").arg(digits, target));
    });
}

void SipPanel::hangUp()
{
    const auto call = selectedCall();
    if (!call || call->ended)
        return;
    const QString who = call->uri.isEmpty() ? tr("SIP call") : call->uri;
    confirmDestructive(this,
        tr("Hang up %1 (%2) in %3?").arg(who, elideMiddle(call->call.id), m_profileName),
        tr("The SIP leg's connection is force-disconnected from the session."), tr("Hang up"),
        [this, sessionId = call->sessionId, connectionId = call->call.connectionId] {
            track(workspace()->moderation()->forceDisconnect(sessionId, connectionId), m_hangUp,
                [this](ApiReply &) {
                    banner()->showMessage(
                        MessageBanner::Kind::Positive, tr("The SIP call was hung up."));
                });
        });
}

void SipPanel::copySelectedId()
{
    if (const auto call = selectedCall())
        context().clipboard()->copyText(call->call.id);
}

std::optional<SipCallRecord> SipPanel::selectedCall() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->find(rows.first().data(ModelRole::Id).toString());
}

void SipPanel::selectionChanged()
{
    const auto call = selectedCall();
    m_details->setVisible(call.has_value());
    if (call) {
        m_callId->setValue(call->call.id);
        m_connectionId->setValue(call->call.connectionId);
        m_streamId->setValue(call->call.streamId);
        m_sessionId->setValue(call->sessionId);
        m_hangUp->setEnabled(!call->ended);
    }
    m_copyAction->setEnabled(call.has_value());
    m_hangUpAction->setEnabled(call && !call->ended);
    updateDtmfTargets();
}

void SipPanel::updateDtmfTargets()
{
    const auto call = selectedCall();
    if (call && !call->ended) {
        const QString label = call->uri.isEmpty() ? elideMiddle(call->call.id) : call->uri;
        m_dtmf->setTargets(label, call->sessionId);
    } else {
        m_dtmf->setTargets({}, call ? call->sessionId : m_form->sessionId());
    }
}

void SipPanel::updateSummary()
{
    m_callsStack->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
    const int active = m_model->activeCount();
    setSummary(active > 0 ? tr("%n connected", nullptr, active) : QString());
    if (m_table->selectionModel())
        selectionChanged();
}

void SipPanel::showContextMenu(const QPoint &pos)
{
    if (!m_table->indexAt(pos).isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_copyAction);
    if (const auto call = selectedCall()) {
        menu->addAction(tr("Copy connection ID"), this,
            [this, id = call->call.connectionId] { context().clipboard()->copyText(id); });
        menu->addAction(tr("Send tones to this call"), this, [this] {
            if (auto *digits = m_dtmf->findChild<QWidget *>(QStringLiteral("dtmfDigits")))
                digits->setFocus();
        });
    }
    menu->addSeparator();
    menu->addAction(m_hangUpAction);
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

} // namespace otadmin
