// SPDX-License-Identifier: GPL-3.0-or-later
// FormMemory: per-profile keys of remembered form values.
#include "common/FormMemory.h"

#include <QSettings>
#include <QUrl>

namespace otadmin {

FormMemory::FormMemory(QSettings *settings, const QString &profileName, const QString &form)
    : m_settings(settings),
      m_prefix(QStringLiteral("forms/%1/%2/")
                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(profileName, " ")), form))
{
}

QString FormMemory::path(const QString &key) const
{
    return m_prefix + key;
}

QVariant FormMemory::value(const QString &key, const QVariant &fallback) const
{
    return m_settings ? m_settings->value(path(key), fallback) : fallback;
}

void FormMemory::setValue(const QString &key, const QVariant &value)
{
    if (m_settings)
        m_settings->setValue(path(key), value);
}

void FormMemory::remove(const QString &key)
{
    if (m_settings)
        m_settings->remove(path(key));
}

bool FormMemory::contains(const QString &key) const
{
    return m_settings && m_settings->contains(path(key));
}

} // namespace otadmin
