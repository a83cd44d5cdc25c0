#include "memory_panel.h"
#include "editor/rich_text_delegate.h"
#include "i18n.h"
#include "models/unit_table_model.h"
#include "text/text_diff.h"
#include "tm/tm_index.h"

#include <QKeyEvent>
#include <QLocale>

namespace wb::gui {


QString memoryMatchHtml(int number, const TmMatch &match, const QString &currentSource, const Findings &findings)
{
    QString html = QStringLiteral("<b>%1.</b> <b style=\"color:%2\">%3%</b> ")
                       .arg(number)
                       .arg(match.score >= 100 ? QStringLiteral("#2e7d32") : match.score >= 85 ? QStringLiteral("#b26a00") : QStringLiteral("#8a1c1c"))
                       .arg(match.score);
    QStringList errors;
    for (const Finding &f : findings)
        if (f.severity == Severity::Error && !errors.contains(f.message))
            errors.append(f.message);
    if (!errors.isEmpty())
        html += QStringLiteral("<span style=\"color:#c62828\"><b>%1</b> %2</span> ").arg(ui("QA:"), errors.join(QStringLiteral("; ")).toHtmlEscaped());
    html += unitTextHtml(match.target);
    html += QStringLiteral("<br><small>%1</small>").arg(unitDiffHtml(wordDiff(match.source, currentSource)));
    QStringList origin;
    if (!match.origin.isEmpty())
        origin.append(match.origin.toHtmlEscaped());
    if (!match.author.isEmpty())
        origin.append(match.author.toHtmlEscaped());
    if (match.changed.isValid())
        origin.append(QLocale().toString(match.changed.toLocalTime().date(), QLocale::ShortFormat));
    if (!origin.isEmpty())
        html += QStringLiteral("<br><small style=\"color:#5f6368\">%1</small>").arg(origin.join(QStringLiteral(" \u00B7 ")));
    return html;
}

MemoryPanel::MemoryPanel(QWidget *parent) : QListWidget(parent)
{
    setWordWrap(true);
    setResizeMode(QListView::Adjust); // rows wrap to the new width
    setItemDelegate(new RichTextDelegate(this));
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { emit useRequested(row(item)); });
}

void MemoryPanel::showMatches(const QList<TmMatch> &matches, const QString &currentSource,
                              const std::function<Findings(const QString &)> &check)
{
    clear();
    int n = 0;
    for (const TmMatch &match : matches) {
        auto *item = new QListWidgetItem(this);
        const Findings findings = check ? check(match.target) : Findings{};
        item->setData(UnitTableModel::RichTextRole, memoryMatchHtml(++n, match, currentSource, findings));
        item->setData(Qt::UserRole, match.target);
        item->setText(QString::number(match.score)); // for accessibility; the delegate paints the rich text
    }
}

QString MemoryPanel::targetOf(int n) const
{
    return n < count() ? item(n)->data(Qt::UserRole).toString() : QString();
}

void MemoryPanel::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentRow() >= 0) {
        emit useRequested(currentRow());
        return;
    }
    QListWidget::keyPressEvent(event);
}

} // namespace wb::gui
