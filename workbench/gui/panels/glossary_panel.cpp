#include "glossary_panel.h"
#include "i18n.h"
#include "qa/terminology_check.h"

namespace wb::gui {

QString spanishPlural(const QString &term)
{
    static const QStringList linkWords = {QStringLiteral("de"), QStringLiteral("del"), QStringLiteral("la"), QStringLiteral("el"),
                                          QStringLiteral("y"), QStringLiteral("en"), QStringLiteral("con"), QStringLiteral("por"),
                                          QStringLiteral("para"), QStringLiteral("a")};
    QStringList words = term.split(QLatin1Char(' '));
    bool afterPreposition = false;
    for (QString &w : words) {
        const bool link = linkWords.contains(w.toLower());
        const bool invariable = w != w.toLower() || w.endsWith(QLatin1Char('s')) || w.endsWith(QLatin1Char('x'));
        // Only the head noun and the words agreeing with it inflect, not a complement
        // after "de" ("trasplante de células madre" -> "trasplantes de células madre").
        if (!link && !invariable && !afterPreposition) {
            if (w.endsWith(QLatin1Char('z')))
                w = w.chopped(1) + QStringLiteral("ces");
            else if (QStringLiteral("aeiouáéó").contains(w.back()))
                w += QLatin1Char('s');
            else
                w += QStringLiteral("es");
        }
        if (link)
            afterPreposition = true;
    }
    return words.join(QLatin1Char(' '));
}

GlossaryPanel::GlossaryPanel(QWidget *parent) : QListWidget(parent)
{
    setWordWrap(true);
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit insertRequested(item->data(Qt::UserRole).toString());
    });
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        emit insertRequested(item->data(Qt::UserRole).toString());
    });
}

void GlossaryPanel::showHits(const QList<SourceTermHit> &hits, const QString &source)
{
    clear();
    int n = 0;
    for (const SourceTermHit &hit : hits) {
        if (hit.acceptable.isEmpty())
            continue;
        const QString inSource = source.mid(hit.span.start, hit.span.length);
        const QString preferred = hit.acceptable.first()->text;
        const bool plural = inSource.toLower() != hit.sourceTerm->text.toLower() && inSource.endsWith(QLatin1Char('s'))
                            && !hit.sourceTerm->isAcronym();
        const QString insertion = plural ? spanishPlural(preferred) : preferred;
        QStringList others;
        for (const Term *t : hit.acceptable.mid(1))
            others.append(t->text);
        QStringList never;
        for (const Term *t : hit.unacceptable)
            never.append(t->text);
        QString label = QStringLiteral("%1. %2 \u2192 %3").arg(++n).arg(inSource, insertion);
        if (!others.isEmpty())
            label += QStringLiteral("   (%1: %2)").arg(ui("also"), others.join(QStringLiteral(", ")));
        if (!never.isEmpty())
            label += QStringLiteral("\n    %1: %2").arg(ui("never"), never.join(QStringLiteral(", ")));
        auto *item = new QListWidgetItem(label, this);
        item->setData(Qt::UserRole, insertion);
        item->setToolTip(hit.termConcept->definitions.value(QStringLiteral("en")));
    }
}

QString GlossaryPanel::insertionFor(int n) const
{
    return n < count() ? item(n)->data(Qt::UserRole).toString() : QString();
}

} // namespace wb::gui
