// SPDX-License-Identifier: GPL-3.0-or-later
// The archive upload target form: S3 (or S3-compatible) or Azure, plus the fallback.
#pragma once

#include "types/Storage.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace otadmin {

class FormMemory;

/// target() is what the form says; validation() what is wrong with it (StorageTarget's field
/// names). The access key, secret key and account key are secrets: password echo, never
/// written by remember(), emptied by clearSecrets() after every save.
class StorageForm : public QWidget
{
    Q_OBJECT

public:
    explicit StorageForm(QWidget *parent = nullptr);

    StorageTarget target() const;
    Validation validation() const;
    /// "Bucket must be 3–63 characters…" — the field in words, then the problem.
    static QString describe(const FieldError &error);

    /// The non-secret fields of `target` only (type, bucket, endpoint, sse, account name,
    /// container, domain, fallback).
    static void remember(FormMemory &memory, const StorageTarget &target);
    /// What remember() wrote, without secrets; nullopt when nothing was remembered.
    static std::optional<StorageTarget> remembered(const FormMemory &memory);
    void restore(const FormMemory &memory);
    void clearSecrets();

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void updateState();
    QLineEdit *lineEdit(const QString &objectName, const QString &placeholder);
    QLineEdit *secretEdit(const QString &objectName, const QString &accessibleName);

    QComboBox *m_type;
    QLineEdit *m_bucket;
    QLineEdit *m_accessKey;
    QLineEdit *m_secretKey;
    QLineEdit *m_endpoint;
    QComboBox *m_sse;
    QLineEdit *m_accountName;
    QLineEdit *m_accountKey;
    QLineEdit *m_container;
    QLineEdit *m_domain;
    QComboBox *m_fallback;
    QLabel *m_error;
    bool m_valid = false;
};

/// "S3 bucket 'my-archives'" / "Azure container 'archives' of account 'acme'" (no secrets).
QString describeTarget(const StorageTarget &target);

} // namespace otadmin
