// SPDX-License-Identifier: GPL-3.0-or-later
// Remembered form values per profile, under forms/<profile>/<form>/<key> (never a secret).
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace otadmin {

class FormMemory
{
public:
    FormMemory(QSettings *settings, const QString &profileName, const QString &form)
        : m_settings(settings), m_prefix(QStringLiteral("forms/%1/%2/").arg(profileName, form))
    {
    }

    QVariant value(const QString &key, const QVariant &fallback = {}) const
    {
        return m_settings ? m_settings->value(m_prefix + key, fallback) : fallback;
    }
    void setValue(const QString &key, const QVariant &value)
    {
        if (m_settings)
            m_settings->setValue(m_prefix + key, value);
    }

private:
    QSettings *m_settings;
    QString m_prefix;
};

} // namespace otadmin
