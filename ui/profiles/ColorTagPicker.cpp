// SPDX-License-Identifier: GPL-3.0-or-later
// ColorTagPicker: preset swatches and a custom colour.
#include "profiles/ColorTagPicker.h"

#include <QButtonGroup>
#include <QColorDialog>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

namespace otadmin {

const QList<ColorTagPicker::Preset> &ColorTagPicker::presets()
{
    static const QList<Preset> all {
        {"none", "", QT_TRANSLATE_NOOP("otadmin::ColorTagPicker", "No tag")},
        {"red", "#d32f2f", QT_TRANSLATE_NOOP("otadmin::ColorTagPicker", "Red \u2014 production")},
        {"amber", "#f59f00", QT_TRANSLATE_NOOP("otadmin::ColorTagPicker", "Amber \u2014 staging")},
        {"green", "#2e9d4f", QT_TRANSLATE_NOOP("otadmin::ColorTagPicker", "Green \u2014 sandbox")},
        {"blue", "#1e6fd9",
            QT_TRANSLATE_NOOP("otadmin::ColorTagPicker", "Blue \u2014 development")},
        {"grey", "#7f8c8d", QT_TRANSLATE_NOOP("otadmin::ColorTagPicker", "Grey")},
    };
    return all;
}

QIcon colorTagIcon(const QString &color, const QColor &outline, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(outline);
    painter.setBrush(QColor::isValidColorName(color) ? QColor(color) : QColor(Qt::transparent));
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    return QIcon(pixmap);
}

ColorTagPicker::ColorTagPicker(QWidget *parent)
    : QWidget(parent),
      m_group(new QButtonGroup(this)),
      m_custom(new QToolButton(this)),
      m_value(new QLabel(this))
{
    setObjectName(QStringLiteral("colorTagPicker"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    const QColor outline = palette().color(QPalette::WindowText);
    m_group->setExclusive(true);
    for (const Preset &preset : presets()) {
        auto *button = new QToolButton(this);
        const QString label = QCoreApplication::translate("otadmin::ColorTagPicker", preset.label);
        button->setObjectName(QStringLiteral("colorPreset_") + QLatin1String(preset.name));
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setIcon(colorTagIcon(QLatin1String(preset.color), outline, 18));
        button->setIconSize(QSize(18, 18));
        button->setToolTip(label);
        button->setAccessibleName(label);
        button->setProperty("tagColor", QLatin1String(preset.color));
        m_group->addButton(button);
        layout->addWidget(button);
        connect(button, &QToolButton::clicked, this,
            [this, color = QString::fromLatin1(preset.color)] { apply(color); });
    }
    m_custom->setObjectName(QStringLiteral("customColorButton"));
    m_custom->setText(tr("Custom\u2026"));
    m_custom->setCheckable(true);
    m_custom->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_custom->setToolTip(tr("Choose any colour"));
    m_group->addButton(m_custom);
    layout->addWidget(m_custom);
    m_value->setObjectName(QStringLiteral("colorValue"));
    layout->addWidget(m_value);
    layout->addStretch(1);
    connect(m_custom, &QToolButton::clicked, this, &ColorTagPicker::chooseCustom);
    setColor({});
}

void ColorTagPicker::setColor(const QString &color)
{
    const QString normalized = color.toLower();
    m_color = normalized;
    bool preset = false;
    for (QAbstractButton *button : m_group->buttons()) {
        if (button != m_custom && button->property("tagColor").toString() == normalized) {
            button->setChecked(true);
            preset = true;
        }
    }
    m_custom->setChecked(!preset);
    m_custom->setIcon(
        preset ? QIcon() : colorTagIcon(normalized, palette().color(QPalette::WindowText), 18));
    m_value->setText(normalized);
}

void ColorTagPicker::apply(const QString &color)
{
    const QString before = m_color;
    setColor(color);
    if (m_color != before)
        Q_EMIT colorChanged(m_color);
}

void ColorTagPicker::chooseCustom()
{
    // Until a colour is picked, the current one stays checked.
    setColor(m_color);
    auto *dialog = new QColorDialog(
        QColor::isValidColorName(m_color) ? QColor(m_color) : QColor(Qt::gray), this);
    dialog->setObjectName(QStringLiteral("customColorDialog"));
    dialog->setWindowTitle(tr("Profile colour"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this,
        [this](const QColor &color) { apply(color.name(QColor::HexRgb)); });
    dialog->setModal(false); // the profile form stays usable beside it
    dialog->show();
}

} // namespace otadmin
