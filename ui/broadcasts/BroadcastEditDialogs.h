// SPDX-License-Identifier: GPL-3.0-or-later
// Small dialogs that change a running broadcast: its layout, and its streams (manual mode).
#pragma once

#include "types/Common.h"
#include "types/Layout.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace otadmin {

class LayoutChooser;
class MessageBanner;

/// "Change layout" of one broadcast. OK ("applyLayoutButton") emits layoutChosen; the owner
/// sends it and accepts the dialog on success or shows the error in banner().
class ChangeLayoutDialog : public QDialog
{
    Q_OBJECT

public:
    ChangeLayoutDialog(const QString &broadcastLabel, QWidget *parent = nullptr);

    MessageBanner *banner() const { return m_banner; }
    QPushButton *okButton() const { return m_ok; }
    LayoutChooser *chooser() const { return m_chooser; }

Q_SIGNALS:
    void layoutChosen(const otadmin::Layout &layout);

private:
    void updateState();

    MessageBanner *m_banner;
    LayoutChooser *m_chooser;
    QPushButton *m_ok;
};

/// Add a stream to, or remove one from, a manual-mode broadcast. The stream box is editable
/// and offers the session's published streams (add) or the broadcast's streams (remove).
class StreamChangeDialog : public QDialog
{
    Q_OBJECT

public:
    StreamChangeDialog(
        StreamSelectionChange::Op op, const QString &broadcastLabel, QWidget *parent = nullptr);

    /// Offers these stream IDs (with a description shown next to each).
    void setStreamChoices(const QList<std::pair<QString, QString>> &streams);
    StreamSelectionChange change() const;
    MessageBanner *banner() const { return m_banner; }
    QPushButton *okButton() const { return m_ok; }

Q_SIGNALS:
    void changeChosen(const otadmin::StreamSelectionChange &change);

private:
    void updateState();

    StreamSelectionChange::Op m_op;
    MessageBanner *m_banner;
    QComboBox *m_stream;
    QCheckBox *m_audio;
    QCheckBox *m_video;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace otadmin
