// SPDX-License-Identifier: GPL-3.0-or-later
// The peer of rows 3-4 of scripts/bench: a bare Qt Widgets window, built like opentok-admin.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <sys/resource.h>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Bare window"));
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(1100, 720);
    window.show();
    if (args.contains(QStringLiteral("--quit-after-shown")))
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    const int rc = app.exec();
    if (args.contains(QStringLiteral("--print-peak-rss"))) {
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("peak_rss_kb %ld\n", usage.ru_maxrss);
    }
    return rc;
}
