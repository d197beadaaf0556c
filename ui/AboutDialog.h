// SPDX-License-Identifier: GPL-3.0-or-later
// About OpenTok Admin: version, the Qt and QtKeychain it runs on, and the license.
#pragma once

#include <QDialog>

namespace otadmin {

class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// "OpenTok Admin 0.1.0 · Qt 6.4.2 (built with 6.4.2) · QtKeychain 0.13.2".
    static QString versionLine();
};

} // namespace otadmin
