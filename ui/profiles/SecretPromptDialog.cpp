// SPDX-License-Identifier: GPL-3.0-or-later
// SecretPromptDialog: a secret for this run only, or saved to a keychain that works.
#include "profiles/SecretPromptDialog.h"

#include "AppContext.h"
#include "ProfileController.h"
#include "common/MessageBanner.h"
#include "credentials/CredentialStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

SecretPromptDialog::SecretPromptDialog(
    AppContext &context, const Profile &profile, Mode mode, QWidget *parent)
    : QDialog(parent),
      m_context(context),
      m_profile(profile),
      m_mode(mode),
      m_banner(new MessageBanner(this)),
      m_secret(new QLineEdit(this)),
      m_show(new QToolButton(this))
{
    setObjectName(QStringLiteral("secretPromptDialog"));
    const bool runOnly = mode == Mode::RunOnly;
    setWindowTitle(runOnly ? tr("Secret for this run") : tr("Enter secret"));
    m_banner->setObjectName(QStringLiteral("secretPromptBanner"));
    const QString what =
        profile.kind == ProfileKind::Account ? tr("account secret") : tr("project secret");
    const QString backend = context.credentials()->backendName();
    auto *text = new QLabel(runOnly
            ? tr("The keychain cannot be used, so the %1 of \u201c%2\u201d (API key %3) will be "
                 "kept in memory until you quit. It is not saved anywhere; you will be asked "
                 "again next time.")
                  .arg(what, profile.name, profile.apiKey)
            : tr("No %1 is saved for \u201c%2\u201d (API key %3) in %4. Enter it to save it "
                 "there and use the profile.")
                  .arg(what, profile.name, profile.apiKey, backend),
        this);
    text->setObjectName(QStringLiteral("secretPromptText"));
    text->setWordWrap(true);
    m_secret->setObjectName(QStringLiteral("secretPromptEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Secret"));
    m_show->setObjectName(QStringLiteral("secretPromptShow"));
    m_show->setText(tr("Show"));
    m_show->setCheckable(true);
    m_show->setAccessibleName(tr("Show secret"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(m_show);
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Secret:"), this);
    label->setBuddy(m_secret);
    form->addRow(label, row);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(
        runOnly ? tr("&Use for this run") : tr("&Save and use"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("secretPromptOk"));
    m_ok->setDefault(true);
    m_ok->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(m_show, &QToolButton::toggled, this, [this](bool show) {
        m_secret->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(show ? tr("Hide") : tr("Show"));
    });
    connect(m_secret, &QLineEdit::textChanged, this, [this](const QString &secret) {
        const int bytes = int(secret.trimmed().toUtf8().size());
        m_ok->setEnabled(bytes > 0 && bytes <= MaxSecretBytes);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &SecretPromptDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SecretPromptDialog::submit()
{
    QByteArray secret = m_secret->text().trimmed().toUtf8();
    if (secret.isEmpty() || secret.size() > MaxSecretBytes)
        return;
    ProfileController *profiles = m_context.profiles();
    if (m_mode == Mode::RunOnly) {
        profiles->activateWithRunOnlySecret(m_profile.name, secret);
        secret.fill('\0');
        m_secret->clear();
        accept();
        return;
    }
    m_ok->setEnabled(false);
    m_secret->setEnabled(false);
    CredentialReply *reply = m_context.credentials()->writeSecret(credentialKey(m_profile), secret);
    secret.fill('\0');
    connect(reply, &CredentialReply::finished, this, [this, reply] {
        m_secret->setEnabled(true);
        if (!reply->isSuccess()) {
            m_ok->setEnabled(true);
            m_banner->showError(
                tr("The secret could not be saved in %1: %2")
                    .arg(m_context.credentials()->backendName(), reply->errorMessage()));
            return;
        }
        m_secret->clear();
        m_context.profiles()->activate(m_profile.name);
        accept();
    });
}

} // namespace otadmin
