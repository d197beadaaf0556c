// SPDX-License-Identifier: GPL-3.0-or-later
// "Layout classes": sets the class list of one or more streams (hooks of custom layouts).
#pragma once

#include "types/Stream.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace otadmin {

class MessageBanner;

/// One space-separated class list applied to every chosen stream (empty clears them).
/// Validated with validateStreamClassChanges as the user types. Apply emits applyRequested.
class StreamClassesDialog : public QDialog
{
    Q_OBJECT

public:
    StreamClassesDialog(const QList<Stream> &streams, QWidget *parent = nullptr);

    QList<StreamClassChange> changes() const;
    MessageBanner *banner() const { return m_banner; }
    QPushButton *applyButton() const { return m_apply; }

Q_SIGNALS:
    void applyRequested(const QList<otadmin::StreamClassChange> &changes);

private:
    void updateState();

    QStringList m_streamIds;
    MessageBanner *m_banner;
    QLineEdit *m_classes;
    QLabel *m_validation;
    QPushButton *m_apply;
};

} // namespace otadmin
