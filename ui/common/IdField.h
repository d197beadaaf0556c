// SPDX-License-Identifier: GPL-3.0-or-later
// An ID shown in monospace, elided in the middle, full value in the tooltip, with a copy button.
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace otadmin {

class SecureClipboard;

class IdField : public QWidget
{
    Q_OBJECT

public:
    /// `clipboard` may be null (then QClipboard is used directly). `secret` values are copied
    /// through SecureClipboard::copySecret and are cleared after the delay.
    explicit IdField(SecureClipboard *clipboard = nullptr, QWidget *parent = nullptr);

    void setValue(const QString &value);
    QString value() const { return m_value; }
    void setSecret(bool secret) { m_secret = secret; }
    /// Characters kept at each end before eliding (default 10).
    void setKeep(int keep);

Q_SIGNALS:
    void copied();

private:
    void refresh();

    SecureClipboard *m_clipboard;
    QLabel *m_label;
    QToolButton *m_copy;
    QString m_value;
    int m_keep = 10;
    bool m_secret = false;
};

/// The platform's fixed-width font at the application's point size.
QFont monospaceFont();

} // namespace otadmin
