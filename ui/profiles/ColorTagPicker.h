// SPDX-License-Identifier: GPL-3.0-or-later
// Picks a profile's colour tag: none, a few named presets, or any colour.
#pragma once

#include <QIcon>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QToolButton;

namespace otadmin {

/// A row of swatches: "No tag", red (production), amber (staging), green (sandbox), blue
/// (development), grey, and "Custom…" (a non-modal QColorDialog, objectName
/// "customColorDialog"). Swatch buttons are named "colorPreset_<name>" ("none", "red", ...).
class ColorTagPicker : public QWidget
{
    Q_OBJECT

public:
    struct Preset
    {
        const char *name; // object name suffix
        const char *color; // "#rrggbb", empty for none
        const char *label; // for people (translated at use)
    };
    static const QList<Preset> &presets();

    explicit ColorTagPicker(QWidget *parent = nullptr);

    /// "#rrggbb" (lower case) or empty for no tag.
    QString color() const { return m_color; }
    void setColor(const QString &color);

Q_SIGNALS:
    void colorChanged(const QString &color);

private:
    void chooseCustom();
    void apply(const QString &color);

    QButtonGroup *m_group;
    QToolButton *m_custom;
    QLabel *m_value;
    QString m_color;
};

/// A round swatch of `color` (outlined; hollow when `color` is empty or invalid).
QIcon colorTagIcon(const QString &color, const QColor &outline, int size = 14);

} // namespace otadmin
