#include "rich_text_delegate.h"
#include "models/unit_table_model.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QTextDocument>
#include <QTreeView>

namespace wb::gui {
namespace {

void layout(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index, int width)
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(3);
    doc.setHtml(index.data(UnitTableModel::RichTextRole).toString());
    doc.setTextWidth(width);
}

int columnWidth(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (const auto *view = qobject_cast<const QTreeView *>(option.widget))
        return view->header()->sectionSize(index.column());
    // A list (memory, concordance): one column as wide as the view.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

} // namespace

void RichTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    QTextDocument doc;
    layout(doc, option, index, option.rect.width());
    painter->save();
    painter->translate(option.rect.topLeft());
    QAbstractTextDocumentLayout::PaintContext context;
    if (option.state & QStyle::State_Selected)
        context.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
    painter->setClipRect(QRect(QPoint(0, 0), option.rect.size()));
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize RichTextDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QTextDocument doc;
    const int width = std::max(80, columnWidth(option, index));
    layout(doc, option, index, width);
    return QSize(width, int(std::ceil(doc.size().height())));
}

} // namespace wb::gui
