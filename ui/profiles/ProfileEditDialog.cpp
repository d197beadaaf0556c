// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileEditDialog: the profile form; saving goes through ProfileSaver.
#include "profiles/ProfileEditDialog.h"

#include "AppContext.h"
#include "common/MessageBanner.h"
#include "credentials/CredentialStore.h"
#include "net/RestClient.h"
#include "profiles/ColorTagPicker.h"
#include "profiles/ProfileSaver.h"
#include "settings/ProfileStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>

namespace otadmin {

ProfileEditDialog::ProfileEditDialog(
    AppContext &context, const std::optional<Profile> &original, QWidget *parent)
    : QDialog(parent),
      m_context(context),
      m_original(original),
      m_saver(new ProfileSaver(context.profileStore(), context.credentials(), this)),
      m_banner(new MessageBanner(this)),
      m_name(new QLineEdit(this)),
      m_kind(new QComboBox(this)),
      m_apiKeyLabel(new QLabel(this)),
      m_apiKey(new QLineEdit(this)),
      m_apiUrl(new QLineEdit(this)),
      m_secret(new QLineEdit(this)),
      m_showSecret(new QToolButton(this)),
      m_secretHint(new QLabel(this)),
      m_color(new ColorTagPicker(this)),
      m_validation(new QLabel(this))
{
    setObjectName(QStringLiteral("profileEditDialog"));
    setWindowTitle(
        original ? tr("Edit profile \u201c%1\u201d").arg(original->name) : tr("Add profile"));
    m_banner->setObjectName(QStringLiteral("profileEditBanner"));
    m_name->setObjectName(QStringLiteral("profileNameEdit"));
    m_name->setMaxLength(Profile::MaxNameLength);
    m_name->setPlaceholderText(tr("e.g. Production"));
    m_kind->setObjectName(QStringLiteral("profileKindCombo"));
    m_kind->addItem(tr("Project \u2014 sessions, archives, broadcasts"),
        QVariant::fromValue(int(ProfileKind::Project)));
    m_kind->addItem(
        tr("Account \u2014 administer projects"), QVariant::fromValue(int(ProfileKind::Account)));
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setMaxLength(Profile::MaxApiKeyLength);
    m_apiUrl->setObjectName(QStringLiteral("apiUrlEdit"));
    m_apiUrl->setPlaceholderText(QString::fromLatin1(RestClient::DefaultBaseUrl));
    m_apiUrl->setAccessibleName(tr("API URL"));
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Secret"));
    m_showSecret->setObjectName(QStringLiteral("showSecretButton"));
    m_showSecret->setText(tr("Show"));
    m_showSecret->setCheckable(true);
    m_showSecret->setAccessibleName(tr("Show secret"));
    m_secretHint->setObjectName(QStringLiteral("secretHint"));
    m_secretHint->setWordWrap(true);
    QFont small = m_secretHint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_secretHint->setFont(small);
    const CredentialStore *store = context.credentials();
    m_secretHint->setText((original ? tr("Leave empty to keep the saved secret. ") : QString())
        + (store->isPersistent()
                ? tr("Saved in %1, never in the settings file.").arg(store->backendName())
                : tr("Kept in %1: it is gone when the app quits.").arg(store->backendName())));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #da4453;"));

    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_showSecret);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(m_apiKeyLabel, m_apiKey);
    m_apiKeyLabel->setBuddy(m_apiKey);
    form->addRow(tr("API &URL:"), m_apiUrl);
    auto *secretLabel = new QLabel(tr("&Secret:"), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(secretLabel, secretRow);
    form->addRow(QString(), m_secretHint);
    form->addRow(tr("Colour tag:"), m_color);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_validation);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    if (original) {
        m_name->setText(original->name);
        m_kind->setCurrentIndex(original->kind == ProfileKind::Account ? 1 : 0);
        m_apiKey->setText(original->apiKey);
        m_apiUrl->setText(original->apiUrl.toString());
        m_color->setColor(original->color);
    }
    updateKindTexts();

    connect(m_showSecret, &QToolButton::toggled, this, [this](bool show) {
        m_secret->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
        m_showSecret->setText(show ? tr("Hide") : tr("Show"));
    });
    for (QLineEdit *edit : {m_name, m_apiKey, m_apiUrl, m_secret})
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::updateValidation);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateKindTexts();
        updateValidation();
    });
    connect(m_color, &ColorTagPicker::colorChanged, this, &ProfileEditDialog::updateValidation);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileEditDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saver, &ProfileSaver::failed, this, [this](const QString &message) {
        setBusy(false);
        m_banner->showError(message);
    });
    connect(m_saver, &ProfileSaver::saved, this,
        [this](const Profile &profile, const QString &warning) {
            setBusy(false);
            m_secret->clear();
            Q_EMIT profileSaved(profile, warning);
            accept();
        });
    updateValidation();
}

ProfileEditDialog::~ProfileEditDialog() = default;

void ProfileEditDialog::updateKindTexts()
{
    const bool account = m_kind->currentIndex() == 1;
    m_apiKeyLabel->setText(account ? tr("Account &API key:") : tr("Project &API key:"));
    m_apiKey->setPlaceholderText(
        account ? tr("the account's numeric key") : tr("the project's numeric key"));
    m_secret->setPlaceholderText(account ? tr("the account secret") : tr("the project secret"));
}

Profile ProfileEditDialog::profile() const
{
    Profile p;
    p.name = m_name->text();
    p.kind = m_kind->currentIndex() == 1 ? ProfileKind::Account : ProfileKind::Project;
    p.apiKey = m_apiKey->text().trimmed();
    const QString url = m_apiUrl->text().trimmed();
    p.apiUrl = url.isEmpty() ? QUrl() : QUrl(url, QUrl::StrictMode);
    p.color = m_color->color();
    return p;
}

Validation ProfileEditDialog::validation() const
{
    const Profile p = profile();
    if (Validation bad = p.validate())
        return bad;
    const bool renamed = !m_original || m_original->name != p.name;
    if (renamed && m_context.profileStore()->contains(p.name))
        return FieldError {QStringLiteral("name"), tr("another profile already has this name")};
    const QByteArray secret = m_secret->text().trimmed().toUtf8();
    if (!m_original && secret.isEmpty())
        return FieldError {QStringLiteral("secret"), tr("must not be empty")};
    if (secret.size() > MaxSecretBytes)
        return FieldError {QStringLiteral("secret"),
            tr("must be at most %1 bytes; no API secret is that long").arg(MaxSecretBytes)};
    return std::nullopt;
}

QString ProfileEditDialog::fieldLabel(const QString &field) const
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("apiKey"))
        return tr("API key");
    if (field == QLatin1String("apiUrl"))
        return tr("API URL");
    if (field == QLatin1String("color"))
        return tr("Colour tag");
    if (field == QLatin1String("secret"))
        return tr("Secret");
    return field;
}

void ProfileEditDialog::updateValidation()
{
    const Validation bad = validation();
    // An untouched empty form says what to do instead of showing errors.
    const bool pristine = !m_original && m_name->text().isEmpty() && m_apiKey->text().isEmpty();
    m_validation->setText(
        bad && !pristine ? tr("%1: %2").arg(fieldLabel(bad->field), bad->message) : QString());
    m_validation->setVisible(!m_validation->text().isEmpty());
    m_saveButton->setEnabled(!bad && !m_saver->isRunning());
}

void ProfileEditDialog::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_name, m_kind, m_apiKey, m_apiUrl, m_secret, m_showSecret, m_color})
        w->setEnabled(!busy);
    if (busy)
        m_saveButton->setEnabled(false);
    else
        updateValidation();
}

void ProfileEditDialog::save()
{
    if (validation() || m_saver->isRunning())
        return;
    m_banner->showMessage(MessageBanner::Kind::Information,
        tr("Saving the secret in %1\u2026").arg(m_context.credentials()->backendName()));
    setBusy(true);
    m_saver->save(m_original, profile(), m_secret->text().trimmed().toUtf8());
}

} // namespace otadmin
