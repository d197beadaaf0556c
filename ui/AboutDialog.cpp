// SPDX-License-Identifier: GPL-3.0-or-later
// AboutDialog: version, libraries and license.
#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace otadmin {

QString AboutDialog::versionLine()
{
    return tr("OpenTok Admin %1 \u00b7 Qt %2 (built with %3) \u00b7 QtKeychain %4")
        .arg(QStringLiteral(OTADMIN_VERSION), QString::fromLatin1(qVersion()),
            QStringLiteral(QT_VERSION_STR), QStringLiteral(OTADMIN_QTKEYCHAIN_VERSION));
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About OpenTok Admin"));
    auto *title = new QLabel(
        QStringLiteral("<h2>OpenTok Admin %1</h2>").arg(QStringLiteral(OTADMIN_VERSION)), this);
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setText(tr("<p>Run the OpenTok (Vonage Video) REST API by clicking: sessions and "
                     "tokens, moderation, archives, broadcasts, SIP, archive storage and "
                     "projects.</p>"
                     "<p>%1</p>"
                     "<p>Secrets are kept only in the operating system's keychain.</p>"
                     "<p>Copyright \u00a9 2026 the OpenTok Admin developers.<br>"
                     "Licensed under the GNU General Public License, version 3 or later "
                     "(GPL-3.0-or-later). This program comes with ABSOLUTELY NO WARRANTY.</p>"
                     "<p>OpenTok and Vonage are trademarks of their owners; this tool is not "
                     "affiliated with them.</p>")
                      .arg(versionLine().toHtmlEscaped()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace otadmin
