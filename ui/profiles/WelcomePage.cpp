// SPDX-License-Identifier: GPL-3.0-or-later
// WelcomePage: the two ways to start.
#include "profiles/WelcomePage.h"

#include "AppContext.h"
#include "ProfileController.h"
#include "SandboxLauncher.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace otadmin {

WelcomePage::WelcomePage(AppContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("<h1>Welcome to OpenTok Admin</h1>"), this);
    auto *text = new QLabel(tr("Manage OpenTok (Vonage Video) sessions, archives, broadcasts, "
                               "SIP calls and projects.\n\nTry every feature on a local sandbox "
                               "first, or add your project's API key; its secret is kept in "
                               "your system's keychain."),
        this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    auto *sandbox = new QPushButton(tr("Try the &sandbox"), this);
    sandbox->setObjectName(QStringLiteral("trySandboxButton"));
    sandbox->setDefault(true);
    auto *add = new QPushButton(tr("&Add a project\u2026"), this);
    add->setObjectName(QStringLiteral("addProjectButton"));
    m_error->setObjectName(QStringLiteral("welcomeError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    auto *textRow = new QHBoxLayout; // stretches, not an alignment: see the width note below
    textRow->addStretch(1);
    textRow->addWidget(text);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(16);
    layout->addWidget(sandbox, 0, Qt::AlignHCenter);
    layout->addWidget(add, 0, Qt::AlignHCenter);
    layout->addWidget(m_error, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    // A word-wrapped label placed with an alignment flag gets no height-for-width and is
    // clipped; a fixed width between stretches keeps its full height.
    text->setFixedWidth(520);

    connect(sandbox, &QPushButton::clicked, this, &WelcomePage::trySandbox);
    connect(add, &QPushButton::clicked, this, &WelcomePage::addProfileRequested);
}

void WelcomePage::trySandbox()
{
    QString error;
    if (!m_context.sandbox()->start(&error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_context.profiles()->activate(QString::fromLatin1(SandboxLauncher::ProjectProfileName));
}

} // namespace otadmin
