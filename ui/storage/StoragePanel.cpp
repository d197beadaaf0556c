// SPDX-License-Identifier: GPL-3.0-or-later
// StoragePanel: the last known upload target, the form to set it, and removal.
#include "storage/StoragePanel.h"

#include "AppContext.h"
#include "api/StorageApi.h"
#include "api/Workspace.h"
#include "common/Confirm.h"
#include "common/FormMemory.h"
#include "common/MessageBanner.h"
#include "models/Format.h"
#include "net/ApiReply.h"
#include "storage/StorageForm.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace otadmin {

namespace {
const QString FormName = QStringLiteral("storage");
const QString StateKey = QStringLiteral("state");
const QString ChangedAtKey = QStringLiteral("changedAt");
} // namespace

StoragePanel::StoragePanel(AppContext &context, QWidget *parent)
    : Panel(context, parent),
      m_form(new StorageForm(this)),
      m_current(new QLabel(this)),
      m_currentNote(new QLabel(this)),
      m_refresh(new QPushButton(tr("&Refresh"), this)),
      m_save(new QPushButton(tr("&Save upload target"), this)),
      m_delete(new QPushButton(tr("Remove upload target…"), this))
{
    setObjectName(QStringLiteral("storagePanel"));
    m_current->setObjectName(QStringLiteral("storageCurrent"));
    m_current->setWordWrap(true);
    m_current->setTextFormat(Qt::RichText);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_currentNote->setObjectName(QStringLiteral("storageCurrentNote"));
    m_currentNote->setWordWrap(true);
    m_currentNote->setForegroundRole(QPalette::PlaceholderText);
    m_refresh->setObjectName(QStringLiteral("storageRefresh"));
    m_refresh->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    m_refresh->setToolTip(tr("Read again what this app last saved or removed (F5)"));
    m_save->setObjectName(QStringLiteral("storageSave"));
    m_save->setDefault(true);
    m_delete->setObjectName(QStringLiteral("storageDelete"));
    m_delete->setIcon(QIcon::fromTheme(QStringLiteral("edit-delete")));

    auto *intro = new QLabel(tr("Where this project's finished archives are uploaded: an Amazon "
                                "S3 (or S3-compatible) bucket or an Azure container. Without a "
                                "target they stay in the OpenTok cloud."),
        this);
    intro->setObjectName(QStringLiteral("emptyState"));
    intro->setWordWrap(true);

    auto *currentBox = new QGroupBox(tr("Current upload target"), this);
    currentBox->setObjectName(QStringLiteral("storageCurrentBox"));
    auto *currentLayout = new QVBoxLayout(currentBox);
    auto *currentRow = new QHBoxLayout;
    currentRow->addWidget(m_current, 1);
    currentRow->addWidget(m_refresh, 0, Qt::AlignTop);
    currentLayout->addLayout(currentRow);
    currentLayout->addWidget(m_currentNote);

    auto *formBox = new QGroupBox(tr("Set the upload target"), this);
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addWidget(m_form);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    formLayout->addLayout(buttons);

    auto *column = new QWidget(this);
    column->setMaximumWidth(760);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(intro);
    columnLayout->addWidget(currentBox);
    columnLayout->addWidget(formBox);
    columnLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(column);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    contentLayout()->addWidget(scroll, 1);

    StorageApi *storage = workspace()->storage();
    connect(storage, &StorageApi::storageChanged, this, &StoragePanel::recordChanged);
    connect(storage, &StorageApi::storageDeleted, this, &StoragePanel::recordDeleted);
    connect(m_form, &StorageForm::validityChanged, m_save, &QPushButton::setEnabled);
    connect(m_save, &QPushButton::clicked, this, &StoragePanel::save);
    connect(m_delete, &QPushButton::clicked, this, &StoragePanel::confirmRemove);
    connect(m_refresh, &QPushButton::clicked, this, &StoragePanel::refresh);
    m_save->setEnabled(!m_form->validation());
    showCurrent();
}

void StoragePanel::refresh()
{
    showCurrent();
}

void StoragePanel::startPrimaryAction()
{
    if (auto *first = m_form->findChild<QWidget *>(QStringLiteral("storageType")))
        first->setFocus();
}

void StoragePanel::profileActivated(const Profile &profile)
{
    Panel::profileActivated(profile);
    m_profileName = profile.name;
    m_form->restore(FormMemory(context().settings(), m_profileName, FormName));
    showCurrent();
}

void StoragePanel::save()
{
    if (m_form->validation())
        return;
    const StorageTarget target = m_form->target();
    track(
        workspace()->storage()->set(target), m_save,
        [this, target](ApiReply &) {
            m_form->clearSecrets();
            banner()->showMessage(MessageBanner::Kind::Positive,
                tr("Archives of %1 are now uploaded to the %2. The keys were sent to the "
                   "service and are not kept here.")
                    .arg(m_profileName, describeTarget(target)));
        },
        [this] { save(); });
}

void StoragePanel::confirmRemove()
{
    const FormMemory memory(context().settings(), m_profileName, FormName);
    const auto known = StorageForm::remembered(memory);
    const bool isSet = memory.value(StateKey).toString() == QLatin1String("set");
    const QString what = known && isSet
        ? tr("Remove the archive upload target (%1) in %2?")
              .arg(describeTarget(*known), m_profileName)
        : tr("Remove the archive upload target in %1?").arg(m_profileName);
    confirmDestructive(this, what,
        tr("Archives stopped from now on stay in the OpenTok cloud. Archives already uploaded "
           "stay where they are."),
        tr("Remove target"), [this] { remove(); });
}

void StoragePanel::remove()
{
    track(
        workspace()->storage()->remove(), m_delete,
        [this](ApiReply &) {
            banner()->showMessage(MessageBanner::Kind::Positive,
                tr("%1 has no upload target now: archives stay in the OpenTok cloud.")
                    .arg(m_profileName));
        },
        [this] { remove(); });
}

void StoragePanel::recordChanged(const StorageTarget &target)
{
    FormMemory memory(context().settings(), m_profileName, FormName);
    StorageForm::remember(memory, target);
    memory.setValue(StateKey, QStringLiteral("set"));
    memory.setValue(ChangedAtKey, context().clock().nowMSecs());
    showCurrent();
}

void StoragePanel::recordDeleted()
{
    FormMemory memory(context().settings(), m_profileName, FormName);
    memory.setValue(StateKey, QStringLiteral("deleted"));
    memory.setValue(ChangedAtKey, context().clock().nowMSecs());
    showCurrent();
}

void StoragePanel::showCurrent()
{
    const FormMemory memory(context().settings(), m_profileName, FormName);
    const QString state = memory.value(StateKey).toString();
    const qint64 at = memory.value(ChangedAtKey).toLongLong();
    const auto known = StorageForm::remembered(memory);
    const QString when = tr("<span title=\"%1\">%2</span>")
                             .arg(formatUtcTime(at), formatLocalTime(at).toHtmlEscaped());
    if (state == QLatin1String("set") && known) {
        const bool s3 = known->type == StorageTarget::Type::S3;
        QString text = tr("<b>%1</b>").arg(describeTarget(*known).toHtmlEscaped());
        if (s3 && !known->sse.isEmpty())
            text += tr("<br>Server-side encryption: %1").arg(known->sse.toHtmlEscaped());
        text += tr("<br>%1: ●●●●●● (sent to the service, not kept here)")
                    .arg(s3 ? tr("Access key and secret key") : tr("Account key"));
        text += known->fallback == StorageTarget::Fallback::OpenTok
            ? tr("<br>If an upload fails: the archive is kept in the OpenTok cloud.")
            : tr("<br>If an upload fails: the archive is not kept.");
        text += tr("<br>Saved from this app on %1.").arg(when);
        m_current->setText(text);
        setSummary(s3 ? tr("S3") : tr("Azure"));
    } else if (state == QLatin1String("deleted")) {
        m_current->setText(tr("<b>None</b> — archives stay in the OpenTok cloud.<br>Removed "
                              "from this app on %1.")
                               .arg(when));
        setSummary({});
    } else {
        m_current->setText(tr("<b>Not known.</b> Nothing was saved or removed from this app "
                              "for %1 yet.")
                               .arg(m_profileName.toHtmlEscaped()));
        setSummary({});
    }
    m_currentNote->setText(tr("The OpenTok API can set and remove the upload target but cannot "
                              "report it, so this is what this app last did. A change made "
                              "elsewhere (another computer, an SDK) does not show here."));
}

} // namespace otadmin
