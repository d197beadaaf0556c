// SPDX-License-Identifier: GPL-3.0-or-later
// PreferencesDialog: settings that apply live.
#include "profiles/PreferencesDialog.h"

#include "AppContext.h"
#include "common/SecureClipboard.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace otadmin {

PreferencesDialog::PreferencesDialog(AppContext &context, QWidget *parent)
    : QDialog(parent), m_context(context), m_clearSecs(new QSpinBox(this))
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_clearSecs->setObjectName(QStringLiteral("clipboardClearSpin"));
    m_clearSecs->setRange(SecureClipboard::MinClearSecs, SecureClipboard::MaxClearSecs);
    m_clearSecs->setSuffix(tr(" s"));
    m_clearSecs->setAccessibleName(tr("Clear copied secrets after, in seconds"));
    m_clearSecs->setValue(context.clipboard()->clearAfterSecs());
    auto *hint = new QLabel(tr("Secrets and tokens you copy are removed from the clipboard "
                               "after this delay, unless you copied something else since. "
                               "They are also removed when the app quits."),
        this);
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Clear copied &secrets after:"), m_clearSecs);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_clearSecs, &QSpinBox::valueChanged, this, [this](int secs) {
        m_context.clipboard()->setClearAfterSecs(secs);
        m_context.settings()->setValue(QLatin1String(ClipboardClearKey), secs);
    });
}

} // namespace otadmin
