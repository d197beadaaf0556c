// SPDX-License-Identifier: GPL-3.0-or-later
// Dialogs that change a running archive: its layout (§5.7) and its streams (§5.8).
#pragma once

#include "types/Archive.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;

namespace otadmin {

class ArchivesApi;
class LayoutChooser;
class MessageBanner;

/// "Change layout" of a composed archive. Opened with open(); sends setLayout on OK, shows a
/// failure in its own banner and stays open, closes on success (`changed` fires first).
class ArchiveLayoutDialog : public QDialog
{
    Q_OBJECT

public:
    ArchiveLayoutDialog(ArchivesApi *api, const Archive &archive, QWidget *parent = nullptr);

Q_SIGNALS:
    void changed(const QString &archiveId);

private:
    void apply();

    ArchivesApi *m_api;
    QString m_archiveId;
    MessageBanner *m_banner;
    LayoutChooser *m_layout;
    QPushButton *m_ok;
};

/// "Add or remove a stream" of a manual-mode archive: a stream ID (the archive's included
/// streams are offered), add with audio/video or remove. Validated as you type with
/// StreamSelectionChange::validate(); failures stay in the dialog's banner.
class ArchiveStreamsDialog : public QDialog
{
    Q_OBJECT

public:
    ArchiveStreamsDialog(ArchivesApi *api, const Archive &archive, QWidget *parent = nullptr);

    StreamSelectionChange change() const;
    /// Adds the session's published streams (ID, name) to the choices; typing an ID still works.
    void offerStreams(const QList<std::pair<QString, QString>> &streams);
    MessageBanner *banner() const { return m_banner; }

Q_SIGNALS:
    void changed(const QString &archiveId);

private:
    void updateState();
    void apply();

    ArchivesApi *m_api;
    QString m_archiveId;
    MessageBanner *m_banner;
    QComboBox *m_stream;
    QRadioButton *m_add;
    QRadioButton *m_remove;
    QCheckBox *m_hasAudio;
    QCheckBox *m_hasVideo;
    QPushButton *m_ok;
    QLabel *m_problem;
};

} // namespace otadmin
