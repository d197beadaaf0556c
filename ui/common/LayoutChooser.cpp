// SPDX-License-Identifier: GPL-3.0-or-later
// LayoutChooser: drawn layout thumbnails, the screenshare rule and the custom stylesheet.
#include "common/LayoutChooser.h"

#include "common/IdField.h"
#include "common/LayoutThumbnail.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalBlocker>

namespace otadmin {

namespace {
constexpr Layout::Type AllTypes[] = {Layout::Type::BestFit, Layout::Type::Pip,
    Layout::Type::VerticalPresentation, Layout::Type::HorizontalPresentation, Layout::Type::Custom};
constexpr QSize ThumbSize(80, 45);
constexpr QSize GridSize(102, 86);

QString typeLabel(Layout::Type type)
{
    switch (type) {
    case Layout::Type::BestFit:
        return LayoutChooser::tr("Best fit");
    case Layout::Type::Pip:
        return LayoutChooser::tr("Picture-in-\npicture");
    case Layout::Type::VerticalPresentation:
        return LayoutChooser::tr("Vertical\npresentation");
    case Layout::Type::HorizontalPresentation:
        return LayoutChooser::tr("Horizontal\npresentation");
    case Layout::Type::Custom:
        return LayoutChooser::tr("Custom");
    }
    return {};
}

QListWidget *thumbnailList(
    const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setViewMode(QListView::IconMode);
    list->setFlow(QListView::LeftToRight);
    list->setWrapping(false);
    list->setMovement(QListView::Static);
    list->setResizeMode(QListView::Adjust);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setIconSize(ThumbSize);
    list->setGridSize(GridSize);
    list->setWordWrap(true);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    list->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // One row of thumbnails, plus room for a horizontal scroll bar in narrow dialogs.
    list->setFixedHeight(GridSize.height() + 2 * list->frameWidth()
        + list->horizontalScrollBar()->sizeHint().height() + 4);
    list->setMinimumWidth(GridSize.width() * 3);
    return list;
}

QString itemName(const QListWidget *list)
{
    const auto selected = list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(Qt::UserRole).toString();
}

void selectByName(QListWidget *list, const QString &name)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        if (item->data(Qt::UserRole).toString() == name) {
            list->setCurrentItem(item);
            item->setSelected(true);
            list->scrollToItem(item);
            return;
        }
    }
}

/// Ctrl+click can deselect in single selection; an empty choice is never what the user meant.
void keepOneSelected(QListWidget *list)
{
    QObject::connect(list, &QListWidget::itemSelectionChanged, list, [list] {
        if (list->selectedItems().isEmpty() && list->currentItem())
            list->currentItem()->setSelected(true);
    });
}
} // namespace

LayoutChooser::LayoutChooser(QWidget *parent)
    : QWidget(parent),
      m_type(thumbnailList(QStringLiteral("layoutType"), tr("Layout"), this)),
      m_typeCaption(new QLabel(this)),
      m_screenshare(
          thumbnailList(QStringLiteral("layoutScreenshareType"), tr("Screenshare layout"), this)),
      m_screenshareCaption(new QLabel(this)),
      m_stylesheet(new QPlainTextEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("layoutChooser"));
    m_typeCaption->setObjectName(QStringLiteral("layoutTypeCaption"));
    m_screenshareCaption->setObjectName(QStringLiteral("layoutScreenshareCaption"));
    m_stylesheet->setObjectName(QStringLiteral("layoutStylesheet"));
    m_stylesheet->setAccessibleName(tr("Custom layout stylesheet"));
    m_error->setObjectName(QStringLiteral("layoutError"));

    for (Layout::Type type : AllTypes) {
        auto *item = new QListWidgetItem(typeLabel(type), m_type);
        item->setData(Qt::UserRole, toApiString(type));
        item->setToolTip(layoutDescription(type));
        item->setData(Qt::AccessibleTextRole, QString(typeLabel(type)).replace(u'\n', u' '));
    }
    auto *none = new QListWidgetItem(tr("No change"), m_screenshare);
    none->setData(Qt::UserRole, QString());
    none->setToolTip(tr("Keep the best-fit grid while someone shares a screen."));
    for (Layout::Type type : AllTypes) {
        if (type == Layout::Type::Custom)
            continue;
        auto *item = new QListWidgetItem(typeLabel(type), m_screenshare);
        item->setData(Qt::UserRole, toApiString(type));
        item->setToolTip(tr("While someone shares a screen: %1").arg(layoutDescription(type)));
        item->setData(Qt::AccessibleTextRole, QString(typeLabel(type)).replace(u'\n', u' '));
    }
    paintIcons();
    m_type->item(0)->setSelected(true);
    m_type->setCurrentRow(0);
    m_screenshare->item(0)->setSelected(true);
    m_screenshare->setCurrentRow(0);
    keepOneSelected(m_type);
    keepOneSelected(m_screenshare);

    m_typeCaption->setWordWrap(true);
    m_typeCaption->setForegroundRole(QPalette::PlaceholderText);
    m_screenshareCaption->setWordWrap(true);
    m_screenshareCaption->setForegroundRole(QPalette::PlaceholderText);
    m_stylesheet->setFont(monospaceFont());
    m_stylesheet->setTabChangesFocus(true);
    m_stylesheet->setPlaceholderText(
        tr("stream.instructor { position: absolute; width: 100%; height: 50%; }"));
    m_stylesheet->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c5221f"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *typeLabelWidget = new QLabel(tr("&Layout:"), this);
    typeLabelWidget->setBuddy(m_type);
    form->addRow(typeLabelWidget, m_type);
    form->addRow(QString(), m_typeCaption);
    auto *shareLabel = new QLabel(tr("&While sharing:"), this);
    shareLabel->setBuddy(m_screenshare);
    form->addRow(shareLabel, m_screenshare);
    form->addRow(QString(), m_screenshareCaption);
    auto *sheetLabel = new QLabel(tr("S&tylesheet:"), this);
    sheetLabel->setBuddy(m_stylesheet);
    form->addRow(sheetLabel, m_stylesheet);
    form->addRow(m_error);

    connect(m_type, &QListWidget::itemSelectionChanged, this, &LayoutChooser::updateState);
    connect(m_screenshare, &QListWidget::itemSelectionChanged, this, &LayoutChooser::updateState);
    connect(m_stylesheet, &QPlainTextEdit::textChanged, this, &LayoutChooser::updateState);
    updateState();
}

Layout::Type LayoutChooser::currentType() const
{
    return layoutTypeFromString(itemName(m_type)).value_or(Layout::Type::BestFit);
}

std::optional<Layout::Type> LayoutChooser::currentScreenshare() const
{
    const QString name = itemName(m_screenshare);
    return name.isEmpty() ? std::nullopt : layoutTypeFromString(name);
}

Layout LayoutChooser::layout() const
{
    Layout layout;
    layout.type = currentType();
    if (layout.type == Layout::Type::Custom)
        layout.stylesheet = m_stylesheet->toPlainText();
    layout.screenshareType = currentScreenshare();
    return layout;
}

void LayoutChooser::setLayout(const Layout &layout)
{
    {
        const QSignalBlocker typeBlocker(m_type);
        const QSignalBlocker shareBlocker(m_screenshare);
        const QSignalBlocker sheetBlocker(m_stylesheet);
        selectByName(m_type, toApiString(layout.type));
        selectByName(m_screenshare,
            layout.screenshareType ? toApiString(*layout.screenshareType) : QString());
        m_stylesheet->setPlainText(layout.stylesheet);
    }
    updateState();
}

void LayoutChooser::selectType(Layout::Type type)
{
    selectByName(m_type, toApiString(type));
}

void LayoutChooser::selectScreenshareType(std::optional<Layout::Type> type)
{
    selectByName(m_screenshare, type ? toApiString(*type) : QString());
}

Validation LayoutChooser::validation() const
{
    Validation bad = layout().validate();
    if (bad)
        bad->field.prepend(QStringLiteral("layout."));
    return bad;
}

void LayoutChooser::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        paintIcons();
}

void LayoutChooser::paintIcons()
{
    const QPalette pal = palette();
    for (int row = 0; row < m_type->count(); ++row) {
        QListWidgetItem *item = m_type->item(row);
        const auto type = layoutTypeFromString(item->data(Qt::UserRole).toString());
        if (type)
            item->setIcon(QIcon(layoutThumbnail(*type, false, pal, ThumbSize)));
    }
    for (int row = 0; row < m_screenshare->count(); ++row) {
        QListWidgetItem *item = m_screenshare->item(row);
        const auto type = layoutTypeFromString(item->data(Qt::UserRole).toString());
        item->setIcon(QIcon(type ? layoutThumbnail(*type, true, pal, ThumbSize)
                                 : sameLayoutThumbnail(pal, ThumbSize)));
    }
}

void LayoutChooser::updateState()
{
    const Layout current = layout();
    m_typeCaption->setText(layoutDescription(current.type));
    m_stylesheet->setEnabled(current.type == Layout::Type::Custom);
    // A rule chosen before the type changed stays reachable, so the user can clear it.
    m_screenshare->setEnabled(
        current.type == Layout::Type::BestFit || current.screenshareType.has_value());
    if (current.type == Layout::Type::BestFit)
        m_screenshareCaption->setText(current.screenshareType
                ? tr("While someone shares a screen, the shared screen is the large stream.")
                : tr("The grid stays as it is while someone shares a screen."));
    else
        m_screenshareCaption->setText(tr("A screenshare layout applies to best fit only."));
    const Validation bad = validation();
    QString field;
    if (bad)
        field = bad->field.endsWith(QLatin1String("stylesheet"))    ? tr("Stylesheet")
            : bad->field.endsWith(QLatin1String("screenshareType")) ? tr("Screenshare layout")
                                                                    : bad->field;
    m_error->setText(bad ? tr("%1 %2.").arg(field, bad->message) : QString());
    m_error->setVisible(bool(bad));
    Q_EMIT layoutChanged();
}

} // namespace otadmin
