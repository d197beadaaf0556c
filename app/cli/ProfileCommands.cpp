// SPDX-License-Identifier: GPL-3.0-or-later
// profile list|add|remove: saved profiles (QSettings) with their secrets in the OS keychain.
#include "CliCredentials.h"
#include "CliOutput.h"
#include "CliParse.h"
#include "settings/AppSettings.h"

#include "credentials/KeychainCredentialStore.h"
#include "settings/ProfileStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

#include <cstdio>
#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace otadmin::cli {

namespace {

/// The secret from standard input: one line. On a terminal, asks for it without echo.
QByteArray readSecretFromStdin()
{
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO)) {
        std::fputs(qPrintable(tr("Secret (not shown): ")), stderr);
        std::fflush(stderr);
        termios saved {};
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        const QByteArray line = readStdinLine();
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
        return line.trimmed();
    }
#endif
    return readStdinLine().trimmed();
}

QJsonObject toJson(const Profile &profile, bool active)
{
    return {{QStringLiteral("name"), profile.name},
        {QStringLiteral("kind"), toString(profile.kind)},
        {QStringLiteral("apiKey"), profile.apiKey},
        {QStringLiteral("apiUrl"), profile.effectiveApiUrl().toString()},
        {QStringLiteral("color"), profile.color}, {QStringLiteral("active"), active}};
}

void profileList(Invocation &inv)
{
    QSettings *settings = createAppSettings(inv.client());
    ProfileStore store(settings);
    QJsonArray array;
    QList<QJsonObject> rows;
    for (const Profile &profile : store.profiles()) {
        const QJsonObject json = toJson(profile, profile.name == store.activeProfileName());
        array.append(json);
        rows << json;
    }
    if (inv.json())
        CliOutput::json(array);
    else
        CliOutput::table({QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("apiKey"),
                             QStringLiteral("apiUrl")},
            rows);
    inv.finish(ExitSuccess);
}

void profileAdd(Invocation &inv)
{
    auto *settings = createAppSettings(inv.client());
    auto *store = new ProfileStore(settings, inv.client());
    Profile profile;
    profile.name = inv.arg(0);
    const auto kind = profileKindFromString(inv.value(QStringLiteral("kind")));
    if (!kind) {
        inv.usageError(tr("--kind is project or account, not \u201c%1\u201d")
                           .arg(inv.value(QStringLiteral("kind"))));
        return;
    }
    profile.kind = *kind;
    profile.apiKey = inv.value(QStringLiteral("api-key"));
    if (inv.isSet(QStringLiteral("api-url")))
        profile.apiUrl = QUrl(inv.value(QStringLiteral("api-url")), QUrl::StrictMode);
    profile.color = inv.value(QStringLiteral("color"));
    if (const Validation error = profile.validate()) {
        inv.usageError(error->toString());
        return;
    }
    if (store->contains(profile.name)) {
        inv.usageError(
            tr("a profile \u201c%1\u201d already exists; remove it first").arg(profile.name));
        return;
    }
    const QByteArray secret = readSecretFromStdin();
    if (secret.isEmpty()) {
        inv.usageError(tr("the secret is read from standard input, and none was given"));
        return;
    }
    auto *keychain = new KeychainCredentialStore(inv.client());
    CredentialReply *reply = keychain->writeSecret(credentialKey(profile), secret);
    QObject::connect(
        reply, &CredentialReply::finished, inv.client(), [&inv, reply, store, keychain, profile] {
            if (!reply->isSuccess()) {
                inv.failure(tr("the secret could not be saved in the keychain (%1): %2")
                                .arg(keychain->backendName(), reply->errorMessage()));
                return;
            }
            if (const Validation error = store->add(profile)) {
                inv.usageError(error->toString());
                return;
            }
            inv.printDone(tr("Profile %1 saved; its secret is in %2.")
                              .arg(profile.name, keychain->backendName()),
                toJson(profile, false));
            inv.finish(ExitSuccess);
        });
}

void profileRemove(Invocation &inv)
{
    auto *settings = createAppSettings(inv.client());
    auto *store = new ProfileStore(settings, inv.client());
    const std::optional<Profile> profile = store->profile(inv.arg(0));
    if (!profile) {
        inv.usageError(tr("there is no profile \u201c%1\u201d").arg(inv.arg(0)));
        return;
    }
    // Profiles with the same kind, key and URL share one keychain entry: keep it for the others.
    bool shared = false;
    for (const Profile &other : store->profiles())
        shared = shared
            || (other.name != profile->name && credentialKey(other) == credentialKey(*profile));
    const auto removeProfile = [&inv, store, profile] {
        store->remove(profile->name);
        inv.printDone(tr("Profile %1 removed.").arg(profile->name),
            {{QStringLiteral("name"), profile->name}, {QStringLiteral("removed"), true}});
        inv.finish(ExitSuccess);
    };
    if (shared) {
        removeProfile();
        return;
    }
    auto *keychain = new KeychainCredentialStore(inv.client());
    CredentialReply *reply = keychain->deleteSecret(credentialKey(*profile));
    QObject::connect(
        reply, &CredentialReply::finished, inv.client(), [&inv, reply, keychain, removeProfile] {
            if (!reply->isSuccess()) {
                inv.failure(tr("the secret could not be deleted from the keychain (%1): %2; the "
                               "profile is kept, try again")
                                .arg(keychain->backendName(), reply->errorMessage()));
                return;
            }
            removeProfile();
        });
}

} // namespace

QList<Command> profileCommands()
{
    const QString area = QStringLiteral("profile");
    const QString where = tr("Profiles live in the settings shared with the desktop app "
                             "($XDG_CONFIG_HOME/OpenTok Admin/opentok-admin.ini), secrets in the "
                             "OS keychain.");
    Command list = makeCommand(
        area, QStringLiteral("list"), {}, 0, 0, tr("List saved profiles (no secrets). ") + where);
    list.scope = Scope::None;
    list.local = true;
    list.examples = {QStringLiteral("profile list"), QStringLiteral("--json profile list")};
    list.run = profileList;

    Command add = makeCommand(area, QStringLiteral("add"), QStringLiteral("NAME"), 1, 1,
        tr("Save a profile; its secret is read from standard input into the OS keychain. ")
            + where);
    add.scope = Scope::None;
    add.local = true;
    add.options = {
        valueOption(QStringLiteral("kind"), tr("project or account."), QStringLiteral("KIND"),
            QStringLiteral("project")),
        valueOption(QStringLiteral("api-key"), tr("The project key (or the account key)."),
            QStringLiteral("KEY")),
        valueOption(QStringLiteral("color"), tr("Tag colour #rrggbb for the desktop app."),
            QStringLiteral("COLOR")),
    };
    add.secretNotes = {tr("The API secret: one line on standard input (asked for without echo "
                          "on a terminal). Never on the command line.")};
    add.examples = {
        QStringLiteral("profile add prod --kind project --api-key 12345678 < secret.txt"),
        QStringLiteral("profile add billing --kind account --api-key 87654321"),
        QStringLiteral("profile add local --kind project --api-key 12345678 --api-url "
                       "http://127.0.0.1:8080 < secret.txt"),
        QStringLiteral("--profile prod archive list"),
    };
    add.run = profileAdd;

    Command remove = makeCommand(area, QStringLiteral("remove"), QStringLiteral("NAME"), 1, 1,
        tr("Delete a profile and its secret in the OS keychain."));
    remove.scope = Scope::None;
    remove.local = true;
    remove.examples = {QStringLiteral("profile remove prod")};
    remove.run = profileRemove;

    return {list, add, remove};
}

} // namespace otadmin::cli
