// SPDX-License-Identifier: GPL-3.0-or-later
// First start with no profile: "Try the sandbox" or "Add a project".
#pragma once

#include <QWidget>

class QLabel;

namespace otadmin {

class AppContext;

class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(AppContext &context, QWidget *parent = nullptr);

Q_SIGNALS:
    void addProfileRequested();

private:
    void trySandbox();

    AppContext &m_context;
    QLabel *m_error;
};

} // namespace otadmin
