// SPDX-License-Identifier: GPL-3.0-or-later
// Table cells drawn as the style draws them, with each cell's elided, shaped text kept for reuse.
#pragma once

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace otadmin {

/// For long tables that repaint often (a 10,000-row list loading page by page, a ticking
/// elapsed time): QStyledItemDelegate shapes and elides every visible cell's text on every
/// paint, half of a table repaint offscreen. This delegate draws the cell's background,
/// selection and focus through the style exactly as the base class does, and the text from a
/// cache of elided, laid-out texts keyed by text, width, font and elide mode (bounded; cleared
/// when full). Cells it cannot reproduce exactly (icons, check boxes, word wrap, several
/// lines, editing, right-to-left layouts) go to the base class; tst_cachedtextdelegate checks
/// the rest pixel for pixel against QStyledItemDelegate.
class CachedTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

private:
    struct Key
    {
        QString text;
        QString font;
        int width = 0;
        int elideMode = 0;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.text, key.font, key.width, key.elideMode);
        }
    };
    static constexpr qsizetype MaxCached = 4000;

    const QStaticText &layout(
        const QStyleOptionViewItem &option, const QString &text, int width) const;

    mutable QHash<Key, QStaticText> m_cache;
};

} // namespace otadmin
