// SPDX-License-Identifier: GPL-3.0-or-later
// LayoutChooser: layout type, stylesheet and screenshare rule.
#include "common/LayoutChooser.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>

namespace otadmin {

namespace {
constexpr Layout::Type AllTypes[] = {Layout::Type::BestFit, Layout::Type::Pip,
    Layout::Type::VerticalPresentation, Layout::Type::HorizontalPresentation, Layout::Type::Custom};

QString typeLabel(Layout::Type type)
{
    switch (type) {
    case Layout::Type::BestFit:
        return LayoutChooser::tr("Best fit");
    case Layout::Type::Pip:
        return LayoutChooser::tr("Picture-in-picture");
    case Layout::Type::VerticalPresentation:
        return LayoutChooser::tr("Vertical presentation");
    case Layout::Type::HorizontalPresentation:
        return LayoutChooser::tr("Horizontal presentation");
    case Layout::Type::Custom:
        return LayoutChooser::tr("Custom (stylesheet)");
    }
    return {};
}
} // namespace

LayoutChooser::LayoutChooser(QWidget *parent)
    : QWidget(parent),
      m_type(new QComboBox(this)),
      m_screenshare(new QComboBox(this)),
      m_stylesheet(new QPlainTextEdit(this)),
      m_error(new QLabel(this))
{
    m_type->setObjectName(QStringLiteral("layoutType"));
    m_screenshare->setObjectName(QStringLiteral("layoutScreenshareType"));
    m_stylesheet->setObjectName(QStringLiteral("layoutStylesheet"));
    m_error->setObjectName(QStringLiteral("layoutError"));
    for (Layout::Type type : AllTypes)
        m_type->addItem(typeLabel(type), toApiString(type));
    m_screenshare->addItem(tr("No change while screensharing"), QString());
    for (Layout::Type type : AllTypes) {
        if (type != Layout::Type::Custom)
            m_screenshare->addItem(typeLabel(type), toApiString(type));
    }
    m_stylesheet->setPlaceholderText(tr("stream.instructor { position: absolute; ... }"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Layout:"), m_type);
    form->addRow(tr("&Screenshare:"), m_screenshare);
    form->addRow(tr("S&tylesheet:"), m_stylesheet);
    form->addRow(m_error);

    connect(m_type, &QComboBox::currentIndexChanged, this, &LayoutChooser::updateState);
    connect(m_screenshare, &QComboBox::currentIndexChanged, this, &LayoutChooser::updateState);
    connect(m_stylesheet, &QPlainTextEdit::textChanged, this, &LayoutChooser::updateState);
    updateState();
}

Layout LayoutChooser::layout() const
{
    Layout layout;
    layout.type =
        layoutTypeFromString(m_type->currentData().toString()).value_or(Layout::Type::BestFit);
    if (layout.type == Layout::Type::Custom)
        layout.stylesheet = m_stylesheet->toPlainText();
    const QString screenshare = m_screenshare->currentData().toString();
    if (!screenshare.isEmpty())
        layout.screenshareType = layoutTypeFromString(screenshare);
    return layout;
}

void LayoutChooser::setLayout(const Layout &layout)
{
    m_type->setCurrentIndex(m_type->findData(toApiString(layout.type)));
    m_stylesheet->setPlainText(layout.stylesheet);
    m_screenshare->setCurrentIndex(
        layout.screenshareType ? m_screenshare->findData(toApiString(*layout.screenshareType)) : 0);
    updateState();
}

Validation LayoutChooser::validation() const
{
    Validation bad = layout().validate();
    if (bad)
        bad->field.prepend(QStringLiteral("layout."));
    return bad;
}

void LayoutChooser::updateState()
{
    const Layout current = layout();
    m_stylesheet->setEnabled(current.type == Layout::Type::Custom);
    m_screenshare->setEnabled(current.type == Layout::Type::BestFit);
    const Validation bad = current.validate();
    m_error->setText(bad ? bad->message : QString());
    m_error->setVisible(bool(bad));
    Q_EMIT layoutChanged();
}

} // namespace otadmin
