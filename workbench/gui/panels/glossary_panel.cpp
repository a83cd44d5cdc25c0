#include "glossary_panel.h"
#include "i18n.h"
#include "qa/term_suggestions.h"

#include <QKeyEvent>

namespace wb::gui {

GlossaryPanel::GlossaryPanel(QWidget *parent) : QListWidget(parent)
{
    setWordWrap(true);
    // A double-click or Enter inserts, never a single click (not even where the desktop's
    // style activates items on a single click, as KDE's can).
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        emit insertRequested(item->data(Qt::UserRole).toString());
    });
}

void GlossaryPanel::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem()) {
        emit insertRequested(currentItem()->data(Qt::UserRole).toString());
        return;
    }
    QListWidget::keyPressEvent(event);
}

void GlossaryPanel::showSuggestions(const QList<TermSuggestion> &suggestions)
{
    clear();
    int n = 0;
    for (const TermSuggestion &s : suggestions) {
        QString label = QStringLiteral("%1. %2 \u2192 %3").arg(++n).arg(s.inSource, s.insertion);
        if (!s.others.isEmpty())
            label += QStringLiteral("   (%1: %2)").arg(ui("also"), s.others.join(QStringLiteral(", ")));
        if (!s.never.isEmpty())
            label += QStringLiteral("\n    %1: %2").arg(ui("never"), s.never.join(QStringLiteral(", ")));
        auto *item = new QListWidgetItem(label, this);
        item->setData(Qt::UserRole, s.insertion);
        item->setToolTip(s.definition);
    }
}

QString GlossaryPanel::insertionFor(int n) const
{
    return n < count() ? item(n)->data(Qt::UserRole).toString() : QString();
}

} // namespace wb::gui
