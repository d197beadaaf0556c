// SPDX-License-Identifier: GPL-3.0-or-later
// Status badges: text on a coloured pill (never colour alone), in tables and detail panes.
#pragma once

#include <QColor>
#include <QLabel>
#include <QStyledItemDelegate>

namespace otadmin {

/// The badge colour of a status keyword ("started", "available", "failed", "live", ...).
/// Running states are blue, good final states green, waiting states amber, failures red,
/// everything else grey.
QColor statusColor(const QString &status);
/// True for states that need attention (failed, expired, offline...): their rows are tinted.
bool isFailureStatus(const QString &status);

/// Paints ModelRole::Status of a cell as a badge with its display text.
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

/// A badge for detail panes and forms.
class StatusBadge : public QLabel
{
    Q_OBJECT

public:
    explicit StatusBadge(QWidget *parent = nullptr);
    /// `text` empty: the status keyword itself.
    void setStatus(const QString &status, const QString &text = {});
    QString status() const { return m_status; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_status;
};

} // namespace otadmin
