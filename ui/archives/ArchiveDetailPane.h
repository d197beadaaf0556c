// SPDX-License-Identifier: GPL-3.0-or-later
// Every field of the selected archive, with copyable IDs and the download URL's buttons.
#pragma once

#include "types/Archive.h"

#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

namespace otadmin {

class IdField;
class SecureClipboard;
class StatusBadge;

/// setArchive() shows one archive (nullopt: a hint to select one). Running archives show the
/// elapsed time; call refreshElapsed() every second. The URL row has Copy and Open buttons;
/// Open asks the owner (openUrlRequested) because the link expires after ~10 minutes and the
/// panel fetches a fresh one first. The password of an encrypted archive is never shown,
/// only copied (as a secret).
class ArchiveDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ArchiveDetailPane(SecureClipboard *clipboard, QWidget *parent = nullptr);

    void setArchive(const std::optional<Archive> &archive);
    /// `now` in Unix ms, for the elapsed time of a running archive.
    void refreshElapsed(qint64 nowMSecs);

Q_SIGNALS:
    void openUrlRequested(const QString &archiveId);

private:
    QLabel *addValue(const QString &label, const char *objectName);
    IdField *addId(const QString &label, const char *objectName);

    SecureClipboard *m_clipboard;
    std::optional<Archive> m_archive;
    QStackedWidget *m_pages;
    QFormLayout *m_form;
    QLabel *m_name;
    StatusBadge *m_status;
    QLabel *m_reason;
    IdField *m_id;
    IdField *m_session;
    IdField *m_project;
    QLabel *m_created;
    QLabel *m_duration;
    QLabel *m_size;
    QLabel *m_output;
    QLabel *m_streamMode;
    QLabel *m_resolution;
    QLabel *m_tracks;
    QLabel *m_quality;
    QLabel *m_tag;
    QLabel *m_transcription;
    QLabel *m_streams;
    QLineEdit *m_url;
    QToolButton *m_copyUrl;
    QToolButton *m_openUrl;
    QLabel *m_urlNote;
    QToolButton *m_copyPassword;
};

} // namespace otadmin
