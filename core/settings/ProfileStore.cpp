// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileStore: reads and writes the documented QSettings keys only.
#include "settings/ProfileStore.h"

#include <QLoggingCategory>
#include <QSettings>

#include <algorithm>

namespace otadmin {

namespace {

Q_LOGGING_CATEGORY(lcProfiles, "otadmin.profiles")

const QString SchemaKey = QStringLiteral("schemaVersion");
const QString ActiveKey = QStringLiteral("activeProfile");
const QString ArrayKey = QStringLiteral("profiles");
const QString NameKey = QStringLiteral("name");
const QString KindKey = QStringLiteral("kind");
const QString ApiKeyKey = QStringLiteral("apiKey");
const QString ApiUrlKey = QStringLiteral("apiUrl");
const QString ColorKey = QStringLiteral("color");

bool lessByName(const Profile &a, const Profile &b)
{
    const int ci = QString::compare(a.name, b.name, Qt::CaseInsensitive);
    return ci != 0 ? ci < 0 : a.name < b.name;
}

FieldError duplicateName(const QString &name)
{
    return FieldError {
        QStringLiteral("name"), QStringLiteral("a profile named \"%1\" already exists").arg(name)};
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    Q_ASSERT(m_settings);
    load();
    if (m_settings->value(SchemaKey, 0).toInt() < SchemaVersion) {
        m_settings->setValue(SchemaKey, SchemaVersion);
        m_settings->sync();
    }
}

void ProfileStore::load()
{
    m_profiles.clear();
    const int count = m_settings->beginReadArray(ArrayKey);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile p;
        p.name = m_settings->value(NameKey).toString();
        const auto kind = profileKindFromString(
            m_settings->value(KindKey, toString(ProfileKind::Project)).toString());
        p.apiKey = m_settings->value(ApiKeyKey).toString();
        p.apiUrl = QUrl(m_settings->value(ApiUrlKey).toString(), QUrl::StrictMode);
        p.color = m_settings->value(ColorKey).toString();
        if (!kind) {
            qCWarning(lcProfiles, "Skipping stored profile %d: unknown kind", i);
            continue;
        }
        p.kind = *kind;
        if (const auto error = p.validate()) {
            qCWarning(
                lcProfiles, "Skipping stored profile %d: %s", i, qPrintable(error->toString()));
            continue;
        }
        if (indexOf(p.name) >= 0) {
            qCWarning(lcProfiles, "Skipping stored profile %d: duplicate name", i);
            continue;
        }
        m_profiles.append(p);
    }
    m_settings->endArray();
    std::sort(m_profiles.begin(), m_profiles.end(), lessByName);
    m_active = m_settings->value(ActiveKey).toString();
}

void ProfileStore::save()
{
    m_settings->remove(ArrayKey);
    m_settings->beginWriteArray(ArrayKey, int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        const Profile &p = m_profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(NameKey, p.name);
        m_settings->setValue(KindKey, toString(p.kind));
        m_settings->setValue(ApiKeyKey, p.apiKey);
        m_settings->setValue(ApiUrlKey, p.apiUrl.toString(QUrl::FullyEncoded));
        m_settings->setValue(ColorKey, p.color);
    }
    m_settings->endArray();
    m_settings->setValue(ActiveKey, m_active);
    m_settings->sync();
}

qsizetype ProfileStore::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            return i;
    }
    return -1;
}

QList<Profile> ProfileStore::profiles() const
{
    return m_profiles;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    const auto i = indexOf(name);
    if (i < 0)
        return std::nullopt;
    return m_profiles.at(i);
}

Validation ProfileStore::add(const Profile &profile)
{
    if (auto error = profile.validate())
        return error;
    if (indexOf(profile.name) >= 0)
        return duplicateName(profile.name);
    m_profiles.append(profile);
    std::sort(m_profiles.begin(), m_profiles.end(), lessByName);
    save();
    Q_EMIT profilesChanged();
    return std::nullopt;
}

Validation ProfileStore::update(const QString &name, const Profile &profile)
{
    const auto i = indexOf(name);
    if (i < 0) {
        return FieldError {
            QStringLiteral("name"), QStringLiteral("there is no profile named \"%1\"").arg(name)};
    }
    if (auto error = profile.validate())
        return error;
    if (profile.name != name && indexOf(profile.name) >= 0)
        return duplicateName(profile.name);
    if (m_profiles.at(i) == profile)
        return std::nullopt;
    m_profiles[i] = profile;
    std::sort(m_profiles.begin(), m_profiles.end(), lessByName);
    const bool activeRenamed = m_active == name && profile.name != name;
    if (activeRenamed)
        m_active = profile.name;
    save();
    Q_EMIT profilesChanged();
    if (activeRenamed)
        Q_EMIT activeProfileChanged(m_active);
    return std::nullopt;
}

bool ProfileStore::remove(const QString &name)
{
    const auto i = indexOf(name);
    if (i < 0)
        return false;
    m_profiles.removeAt(i);
    const bool wasActive = m_active == name;
    if (wasActive)
        m_active.clear();
    save();
    Q_EMIT profilesChanged();
    if (wasActive)
        Q_EMIT activeProfileChanged(QString());
    return true;
}

QString ProfileStore::activeProfileName() const
{
    return indexOf(m_active) >= 0 ? m_active : QString();
}

bool ProfileStore::setActiveProfileName(const QString &name)
{
    if (!name.isEmpty() && indexOf(name) < 0)
        return false;
    if (activeProfileName() == name && m_active == name)
        return true;
    m_active = name;
    m_settings->setValue(ActiveKey, m_active);
    m_settings->sync();
    Q_EMIT activeProfileChanged(m_active);
    return true;
}

} // namespace otadmin
