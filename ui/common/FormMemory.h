// SPDX-License-Identifier: GPL-3.0-or-later
// Remembered form values per profile, under forms/<profile>/<form>/<key> in the app settings.
#pragma once

#include <QString>
#include <QVariant>

class QSettings;

namespace otadmin {

/// A view of one form's remembered values for one profile. Never give it a secret: the
/// settings file is plain text. The profile name is percent-encoded so that a '/' in it does
/// not open a settings group.
class FormMemory
{
public:
    FormMemory(QSettings *settings, const QString &profileName, const QString &form);

    QVariant value(const QString &key, const QVariant &fallback = {}) const;
    void setValue(const QString &key, const QVariant &value);
    void remove(const QString &key);
    bool contains(const QString &key) const;

private:
    QString path(const QString &key) const;

    QSettings *m_settings;
    QString m_prefix;
};

} // namespace otadmin
