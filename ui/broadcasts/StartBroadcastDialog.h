// SPDX-License-Identifier: GPL-3.0-or-later
// The "Start broadcast" form: every BroadcastOptions field, validated as you type.
#pragma once

#include "types/Broadcast.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace otadmin {

class FormMemory;

class LayoutChooser;
class MessageBanner;
class RtmpTargetsEditor;

/// Non-modal (open()). OK ("startButton") stays disabled while validation() names a problem
/// (shown in "validationLabel"); pressing it emits startRequested and the owner reports back
/// with setBusy()/banner()/accept(). The last options are remembered per profile under
/// forms/<profile>/startBroadcast/ by rememberOptions() — RTMP labels and server URLs, but
/// never stream names (stream keys are secrets), nor the session ID or tag.
class StartBroadcastDialog : public QDialog
{
    Q_OBJECT

public:
    StartBroadcastDialog(
        QSettings *settings, const QString &profileName, QWidget *parent = nullptr);

    void setSessionId(const QString &sessionId);
    BroadcastOptions options() const;
    /// BroadcastOptions::validate() of options(), plus unreadable inputs.
    Validation validation() const;
    /// "Max duration: must be between …": the field as the form labels it, then the problem.
    static QString describe(const FieldError &error);

    MessageBanner *banner() const { return m_banner; }
    RtmpTargetsEditor *targetsEditor() const { return m_targets; }
    /// While a start runs: inputs stay, OK is disabled and says "Starting…".
    void setBusy(bool busy);
    void rememberOptions() const;

Q_SIGNALS:
    void startRequested(const otadmin::BroadcastOptions &options);

private:
    void restoreOptions();
    void updateState();
    FormMemory memory() const;

    QSettings *m_settings;
    QString m_profile;
    MessageBanner *m_banner;
    QLineEdit *m_session;
    QGroupBox *m_hls;
    QCheckBox *m_dvr;
    QCheckBox *m_lowLatency;
    RtmpTargetsEditor *m_targets;
    QSpinBox *m_maxDuration;
    QLabel *m_maxDurationHint;
    QSpinBox *m_maxBitrate;
    QComboBox *m_resolution;
    QComboBox *m_streamMode;
    QLineEdit *m_tag;
    QCheckBox *m_hasAudio;
    QCheckBox *m_hasVideo;
    LayoutChooser *m_layout;
    QLabel *m_error;
    QPushButton *m_ok;
    bool m_busy = false;
};

} // namespace otadmin
