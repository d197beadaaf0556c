// SPDX-License-Identifier: GPL-3.0-or-later
// IdField: monospace, middle-elided IDs with a copy button.
#include "common/IdField.h"

#include "common/SecureClipboard.h"
#include "common/StyleIcons.h"
#include "models/Format.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace otadmin {

QFont monospaceFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(QGuiApplication::font().pointSizeF());
    return font;
}

IdField::IdField(SecureClipboard *clipboard, QWidget *parent)
    : QWidget(parent),
      m_clipboard(clipboard),
      m_label(new QLabel(this)),
      m_copy(new QToolButton(this))
{
    m_label->setFont(monospaceFont());
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setIcon(
        themeIcon(QStringLiteral("edit-copy"), this, QStyle::SP_FileDialogContentsView));
    m_copy->setAutoRaise(true);
    m_copy->setToolTip(tr("Copy"));
    m_copy->setAccessibleName(tr("Copy"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_copy);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        if (m_value.isEmpty())
            return;
        if (m_clipboard)
            m_secret ? m_clipboard->copySecret(m_value) : m_clipboard->copyText(m_value);
        else
            QGuiApplication::clipboard()->setText(m_value);
        Q_EMIT copied();
    });
    refresh();
}

void IdField::setValue(const QString &value)
{
    m_value = value;
    refresh();
}

void IdField::setKeep(int keep)
{
    m_keep = keep;
    refresh();
}

void IdField::refresh()
{
    m_label->setText(m_value.isEmpty() ? QStringLiteral("—") : elideMiddle(m_value, m_keep));
    m_label->setToolTip(m_value);
    m_copy->setEnabled(!m_value.isEmpty());
    m_copy->setToolTip(m_value.isEmpty() ? tr("Copy") : tr("Copy %1").arg(m_value));
}

} // namespace otadmin
