// SPDX-License-Identifier: GPL-3.0-or-later
// CreateProjectDialog: the name form of "New project".
#include "projects/CreateProjectDialog.h"

#include "common/MessageBanner.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace otadmin {

CreateProjectDialog::CreateProjectDialog(const QString &accountName, QWidget *parent)
    : QDialog(parent),
      m_banner(new MessageBanner(this)),
      m_name(new QLineEdit(this)),
      m_validation(new QLabel(this))
{
    setObjectName(QStringLiteral("createProjectDialog"));
    setWindowTitle(tr("New project"));
    m_banner->setObjectName(QStringLiteral("createProjectBanner"));
    m_name->setObjectName(QStringLiteral("projectNameEdit"));
    m_name->setPlaceholderText(tr("optional, e.g. Customer Acme"));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #da4453;"));
    m_validation->hide();
    auto *text = new QLabel(tr("The project is created in \u201c%1\u201d with its own API key "
                               "and secret.")
                                .arg(accountName),
        this);
    text->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_validation);
    layout->addWidget(buttons);
    setMinimumWidth(420);

    connect(m_name, &QLineEdit::textChanged, this, &CreateProjectDialog::updateValidation);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!options().validate() && m_create->isEnabled())
            Q_EMIT createRequested(options());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ProjectCreateOptions CreateProjectDialog::options() const
{
    ProjectCreateOptions options;
    options.name = m_name->text().trimmed();
    return options;
}

void CreateProjectDialog::updateValidation()
{
    const Validation bad = options().validate();
    m_validation->setText(bad ? tr("Name: %1").arg(bad->message) : QString());
    m_validation->setVisible(bool(bad));
    m_create->setEnabled(!bad);
}

} // namespace otadmin
