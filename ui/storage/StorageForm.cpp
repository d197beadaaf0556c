// SPDX-License-Identifier: GPL-3.0-or-later
// StorageForm: S3 and Azure pages, fallback, validation as you type.
#include "storage/StorageForm.h"

#include "common/FormMemory.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace otadmin {

namespace {
const QString S3 = QStringLiteral("s3");
const QString Azure = QStringLiteral("azure");
} // namespace

StorageForm::StorageForm(QWidget *parent)
    : QWidget(parent),
      m_type(new QComboBox(this)),
      m_bucket(lineEdit(QStringLiteral("storageBucket"), tr("my-archive-bucket"))),
      m_accessKey(secretEdit(QStringLiteral("storageAccessKey"), tr("Access key"))),
      m_secretKey(secretEdit(QStringLiteral("storageSecretKey"), tr("Secret key"))),
      m_endpoint(lineEdit(QStringLiteral("storageEndpoint"),
          tr("optional, for S3-compatible providers; default https://s3.amazonaws.com"))),
      m_sse(new QComboBox(this)),
      m_accountName(lineEdit(QStringLiteral("storageAccountName"), tr("myaccount"))),
      m_accountKey(secretEdit(QStringLiteral("storageAccountKey"), tr("Account key"))),
      m_container(lineEdit(QStringLiteral("storageContainer"), tr("archives"))),
      m_domain(
          lineEdit(QStringLiteral("storageDomain"), tr("optional; default blob.core.windows.net"))),
      m_fallback(new QComboBox(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("storageForm"));
    m_type->setObjectName(QStringLiteral("storageType"));
    m_type->setAccessibleName(tr("Storage type"));
    m_type->addItem(tr("Amazon S3 or S3-compatible"), S3);
    m_type->addItem(tr("Microsoft Azure Blob Storage"), Azure);
    m_sse->setObjectName(QStringLiteral("storageSse"));
    m_sse->setAccessibleName(tr("Server-side encryption"));
    m_sse->addItem(tr("Provider default (not sent)"), QString());
    m_sse->addItem(tr("S3-managed keys (s3)"), QStringLiteral("s3"));
    m_sse->addItem(tr("No encryption (none)"), QStringLiteral("none"));
    m_fallback->setObjectName(QStringLiteral("storageFallback"));
    m_fallback->setAccessibleName(tr("If an upload fails"));
    m_fallback->addItem(tr("Do not keep the archive (none)"), int(StorageTarget::Fallback::None));
    m_fallback->addItem(
        tr("Keep it in the OpenTok cloud (opentok)"), int(StorageTarget::Fallback::OpenTok));
    m_error->setObjectName(QStringLiteral("storageError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Bucket:"), m_bucket);
    form->addRow(tr("&Access key:"), m_accessKey);
    form->addRow(tr("&Secret key:"), m_secretKey);
    form->addRow(tr("&Endpoint:"), m_endpoint);
    form->addRow(tr("E&ncryption:"), m_sse);
    form->addRow(tr("Account &name:"), m_accountName);
    form->addRow(tr("Account &key:"), m_accountKey);
    form->addRow(tr("&Container:"), m_container);
    form->addRow(tr("&Domain:"), m_domain);
    form->addRow(tr("If an upload &fails:"), m_fallback);
    form->addRow(m_error);

    const auto showType = [this, form] {
        const bool s3 = m_type->currentData().toString() != Azure;
        for (QWidget *field : {static_cast<QWidget *>(m_bucket),
                 static_cast<QWidget *>(m_accessKey), static_cast<QWidget *>(m_secretKey),
                 static_cast<QWidget *>(m_endpoint), static_cast<QWidget *>(m_sse)})
            form->setRowVisible(field, s3);
        for (QLineEdit *field : {m_accountName, m_accountKey, m_container, m_domain})
            form->setRowVisible(field, !s3);
        updateState();
    };
    connect(m_type, &QComboBox::currentIndexChanged, this, showType);
    showType();
    for (QLineEdit *edit : {m_bucket, m_accessKey, m_secretKey, m_endpoint, m_accountName,
             m_accountKey, m_container, m_domain})
        connect(edit, &QLineEdit::textChanged, this, &StorageForm::updateState);
    connect(m_sse, &QComboBox::currentIndexChanged, this, &StorageForm::updateState);
    updateState();
}

QLineEdit *StorageForm::lineEdit(const QString &objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

QLineEdit *StorageForm::secretEdit(const QString &objectName, const QString &accessibleName)
{
    QLineEdit *edit = lineEdit(objectName, tr("required; sent once, not kept by this app"));
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

StorageTarget StorageForm::target() const
{
    StorageTarget t;
    t.type = m_type->currentData().toString() == Azure ? StorageTarget::Type::Azure
                                                       : StorageTarget::Type::S3;
    if (t.type == StorageTarget::Type::S3) {
        t.bucket = m_bucket->text().trimmed();
        t.accessKey = m_accessKey->text().trimmed();
        t.secretKey = m_secretKey->text().trimmed();
        t.endpoint = m_endpoint->text().trimmed();
        t.sse = m_sse->currentData().toString();
    } else {
        t.accountName = m_accountName->text().trimmed();
        t.accountKey = m_accountKey->text().trimmed();
        t.container = m_container->text().trimmed();
        t.domain = m_domain->text().trimmed();
    }
    t.fallback = StorageTarget::Fallback(m_fallback->currentData().toInt());
    return t;
}

Validation StorageForm::validation() const
{
    return target().validate();
}

QString StorageForm::describe(const FieldError &error)
{
    static const QList<QPair<QString, const char *>> names {
        {QStringLiteral("config.bucket"), QT_TR_NOOP("Bucket")},
        {QStringLiteral("config.accessKey"), QT_TR_NOOP("Access key")},
        {QStringLiteral("config.secretKey"), QT_TR_NOOP("Secret key")},
        {QStringLiteral("config.endpoint"), QT_TR_NOOP("Endpoint")},
        {QStringLiteral("config.sse"), QT_TR_NOOP("Encryption")},
        {QStringLiteral("config.accountName"), QT_TR_NOOP("Account name")},
        {QStringLiteral("config.accountKey"), QT_TR_NOOP("Account key")},
        {QStringLiteral("config.container"), QT_TR_NOOP("Container")},
        {QStringLiteral("config.domain"), QT_TR_NOOP("Domain")},
    };
    QString name = error.field;
    for (const auto &[field, label] : names) {
        if (field == error.field)
            name = tr(label);
    }
    return tr("%1 %2.").arg(name, error.message);
}

void StorageForm::remember(FormMemory &memory, const StorageTarget &t)
{
    const bool s3 = t.type == StorageTarget::Type::S3;
    memory.setValue(QStringLiteral("type"), s3 ? S3 : Azure);
    if (s3) {
        memory.setValue(QStringLiteral("bucket"), t.bucket);
        memory.setValue(QStringLiteral("endpoint"), t.endpoint);
        memory.setValue(QStringLiteral("sse"), t.sse);
    } else {
        memory.setValue(QStringLiteral("accountName"), t.accountName);
        memory.setValue(QStringLiteral("container"), t.container);
        memory.setValue(QStringLiteral("domain"), t.domain);
    }
    memory.setValue(QStringLiteral("fallback"),
        t.fallback == StorageTarget::Fallback::OpenTok ? QStringLiteral("opentok")
                                                       : QStringLiteral("none"));
}

std::optional<StorageTarget> StorageForm::remembered(const FormMemory &memory)
{
    if (!memory.contains(QStringLiteral("type")))
        return std::nullopt;
    StorageTarget t;
    t.type = memory.value(QStringLiteral("type")).toString() == Azure ? StorageTarget::Type::Azure
                                                                      : StorageTarget::Type::S3;
    t.bucket = memory.value(QStringLiteral("bucket")).toString();
    t.endpoint = memory.value(QStringLiteral("endpoint")).toString();
    t.sse = memory.value(QStringLiteral("sse")).toString();
    t.accountName = memory.value(QStringLiteral("accountName")).toString();
    t.container = memory.value(QStringLiteral("container")).toString();
    t.domain = memory.value(QStringLiteral("domain")).toString();
    t.fallback = memory.value(QStringLiteral("fallback")).toString() == QLatin1String("opentok")
        ? StorageTarget::Fallback::OpenTok
        : StorageTarget::Fallback::None;
    return t;
}

void StorageForm::restore(const FormMemory &memory)
{
    m_type->setCurrentIndex(std::max(0, m_type->findData(memory.value(QStringLiteral("type")))));
    m_bucket->setText(memory.value(QStringLiteral("bucket")).toString());
    m_endpoint->setText(memory.value(QStringLiteral("endpoint")).toString());
    m_sse->setCurrentIndex(std::max(0, m_sse->findData(memory.value(QStringLiteral("sse")))));
    m_accountName->setText(memory.value(QStringLiteral("accountName")).toString());
    m_container->setText(memory.value(QStringLiteral("container")).toString());
    m_domain->setText(memory.value(QStringLiteral("domain")).toString());
    const bool keep =
        memory.value(QStringLiteral("fallback")).toString() == QLatin1String("opentok");
    m_fallback->setCurrentIndex(m_fallback->findData(
        int(keep ? StorageTarget::Fallback::OpenTok : StorageTarget::Fallback::None)));
    clearSecrets();
}

void StorageForm::clearSecrets()
{
    m_accessKey->clear();
    m_secretKey->clear();
    m_accountKey->clear();
}

void StorageForm::updateState()
{
    const Validation bad = validation();
    m_error->setText(bad ? describe(*bad) : QString());
    m_error->setVisible(bool(bad));
    if (m_valid != !bad) {
        m_valid = !bad;
        Q_EMIT validityChanged(m_valid);
    }
}

QString describeTarget(const StorageTarget &target)
{
    if (target.type == StorageTarget::Type::S3) {
        QString text = StorageForm::tr("Amazon S3 bucket \u201c%1\u201d").arg(target.bucket);
        if (!target.endpoint.isEmpty())
            text = StorageForm::tr("S3-compatible bucket \u201c%1\u201d at %2")
                       .arg(target.bucket, target.endpoint);
        return text;
    }
    QString text = StorageForm::tr("Azure container \u201c%1\u201d of account \u201c%2\u201d")
                       .arg(target.container, target.accountName);
    if (!target.domain.isEmpty())
        text += StorageForm::tr(" (%1)").arg(target.domain);
    return text;
}

} // namespace otadmin
