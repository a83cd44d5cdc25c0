#include "review_panel.h"
#include "i18n.h"
#include "ui_terms.h"
#include "po/po_catalog.h"
#include "review/review_record.h"
#include "text/text_diff.h"

namespace wb::gui {

void ReviewPanel::showEntry(const PoEntry *entry, const QString &currentTarget)
{
    if (!entry) {
        clear();
        return;
    }
    QString html;
    if (const auto previous = previousTargetOf(*entry)) {
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(ui("Reviewer's correction"), diffHtml(wordDiff(*previous, currentTarget)));
    }
    const QList<ReviewComment> comments = commentsOf(*entry);
    if (!comments.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4>").arg(ui("Comments"));
        for (const ReviewComment &c : comments) {
            // A rejection's comment is recorded in English ("Rejected: reason"): say it in the interface's language.
            static const QString rejected = QStringLiteral("Rejected: ");
            const QString text = c.text.startsWith(rejected) ? ui("Rejected:") + QLatin1Char(' ') + c.text.mid(rejected.size()) : c.text;
            html += QStringLiteral("<p><b>%1</b> <small>%2</small><br>%3</p>")
                        .arg(c.by.toHtmlEscaped(), c.at.toLocalTime().toString(Qt::ISODate), text.toHtmlEscaped());
        }
    }
    const QList<ReviewError> errors = errorsOf(*entry);
    if (!errors.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(ui("Errors"));
        for (const ReviewError &e : errors)
            html += QStringLiteral("<li>%1 (%2)%3 \u2014 %4 %5</li>")
                        .arg(uiTerm(e.category), uiTerm(e.severity),
                             e.words.isEmpty() ? QString() : QStringLiteral(" \u00AB%1\u00BB").arg(e.words.toHtmlEscaped()),
                             e.by.toHtmlEscaped(), e.note.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    const QList<HistoryEvent> history = historyOf(*entry);
    if (!history.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(ui("History"));
        for (const HistoryEvent &h : history)
            html += QStringLiteral("<li>%1 %2 \u2014 %3</li>").arg(h.at.toLocalTime().toString(Qt::ISODate), h.by.toHtmlEscaped(), uiTerm(h.action));
        html += QStringLiteral("</ul>");
    }
    setHtml(html.isEmpty() ? ui("Not reviewed yet.") : html);
}

} // namespace wb::gui
