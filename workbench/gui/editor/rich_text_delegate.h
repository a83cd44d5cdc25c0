#pragma once
#include <QStyledItemDelegate>

namespace wb::gui {

/// Paints the source and target columns as rich text (chips, underlined terms) that wraps
/// to the column width.
class RichTextDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace wb::gui
