// SPDX-License-Identifier: GPL-3.0-or-later
// The "Start archive" form: every option of ArchiveOptions, validated as you type.
#pragma once

#include "types/Archive.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace otadmin {

class FormMemory;

class AppContext;
class LayoutChooser;
class MessageBanner;

/// Opened with open(). The Start button stays disabled until ArchiveOptions::validate()
/// passes; the reason, naming the field, shows under the form. Options that apply to composed
/// archives only are disabled (and not sent) for individual output. Start goes through
/// StartReconciler (RELIABILITY G-REL-7): after a lost answer or a 409 it looks the session's
/// running archive up and reports that one. Failures stay in the dialog's banner; on success
/// the options are remembered for the profile (forms/<profile>/startArchive/…), archiveStarted
/// fires and the dialog closes.
class StartArchiveDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StartArchiveDialog(AppContext &context, QWidget *parent = nullptr);

    void setSessionId(const QString &sessionId);
    ArchiveOptions options() const;
    /// What is wrong with options(), with the field named for people; empty when valid.
    QString problem() const;
    bool isStarting() const { return m_starting; }

Q_SIGNALS:
    /// `note` explains a reconciled start ("already running…"), empty otherwise.
    void archiveStarted(const otadmin::Archive &archive, const QString &note);

private:
    void buildForm();
    void updateState();
    void start();
    void restoreOptions();
    void rememberOptions(const ArchiveOptions &options);
    FormMemory memory() const;

    AppContext &m_context;
    MessageBanner *m_banner;
    QLineEdit *m_session;
    QLineEdit *m_name;
    QComboBox *m_outputMode;
    QComboBox *m_streamMode;
    QCheckBox *m_hasAudio;
    QCheckBox *m_hasVideo;
    QGroupBox *m_composed;
    QComboBox *m_resolution;
    LayoutChooser *m_layout;
    QCheckBox *m_useBitrate;
    QSpinBox *m_bitrate;
    QCheckBox *m_useQuantization;
    QSpinBox *m_quantization;
    QLineEdit *m_tag;
    QCheckBox *m_transcription;
    QLineEdit *m_language;
    QCheckBox *m_summary;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QPushButton *m_start;
    bool m_starting = false;
};

} // namespace otadmin
