#include "review/review_report.h"

#include "po/unit_record.h"
#include "stats/word_count.h"

#include <QJsonObject>
#include <QXmlStreamWriter>

namespace wb {
namespace {

QString stateColor(UnitState s)
{
    switch (s) {
    case UnitState::Untranslated: return QStringLiteral("#b0b7c3");
    case UnitState::Draft: return QStringLiteral("#f2c14e");
    case UnitState::Translated: return QStringLiteral("#5b8def");
    case UnitState::Approved: return QStringLiteral("#3bb273");
    case UnitState::Rejected: return QStringLiteral("#e15554");
    }
    return {};
}

} // namespace

double ReviewReport::scorePer1000Words() const
{
    return reviewedWords ? penaltyPoints * 1000.0 / reviewedWords : 0.0;
}

ReviewReport buildReviewReport(const QList<QPair<QString, PoCatalog>> &catalogs, const QString &sourceLanguage,
                               const QString &language, double threshold)
{
    ReviewReport report;
    report.language = language;
    report.threshold = threshold;
    WordCounter counter(sourceLanguage);
    for (const auto &[file, catalog] : catalogs) {
        report.stats.add(catalogStats(catalog, sourceLanguage));
        for (const PoEntry &e : catalog.entries) {
            if (e.obsolete)
                continue;
            const std::shared_ptr<const UnitRecord> record = recordOf(e);
            const QList<ReviewError> &errors = record->errors;
            for (const ReviewError &error : errors) {
                ++report.errors[error.category][error.severity];
                report.penaltyPoints += error.weight();
            }
            const UnitState state = stateOf(e);
            if (state == UnitState::Approved || state == UnitState::Rejected || !errors.isEmpty()) {
                ++report.reviewedUnits;
                report.reviewedWords += counter.count(e.msgid);
            }
            if (state == UnitState::Rejected) {
                const QList<HistoryEvent> &history = record->history;
                const auto last = std::find_if(history.crbegin(), history.crend(),
                                               [](const HistoryEvent &h) { return h.action == QLatin1String("rejected"); });
                report.rejected.append({file, e.context, e.msgid, e.msgstr, record->state ? record->state->reason : QString(), last != history.crend() ? last->by : QString()});
            }
        }
    }
    return report;
}

QByteArray ReviewReport::statesSvg() const
{
    QByteArray out;
    QXmlStreamWriter svg(&out);
    svg.setAutoFormatting(true);
    const int barHeight = 26, labelWidth = 120, chartWidth = 420, gap = 8;
    const int height = int(std::size(kUnitStates)) * (barHeight + gap) + 40;
    svg.writeStartDocument();
    svg.writeStartElement(QStringLiteral("svg"));
    svg.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    svg.writeAttribute(QStringLiteral("width"), QString::number(labelWidth + chartWidth + 80));
    svg.writeAttribute(QStringLiteral("height"), QString::number(height));
    svg.writeAttribute(QStringLiteral("font-family"), QStringLiteral("sans-serif"));
    svg.writeAttribute(QStringLiteral("font-size"), QStringLiteral("14"));
    svg.writeTextElement(QStringLiteral("title"), QStringLiteral("Units per state"));
    const int total = std::max(1, stats.total().units);
    int y = 10;
    for (UnitState s : kUnitStates) {
        const int units = stats.byState.value(s).units;
        const int width = units * chartWidth / total;
        svg.writeStartElement(QStringLiteral("text"));
        svg.writeAttribute(QStringLiteral("x"), QStringLiteral("0"));
        svg.writeAttribute(QStringLiteral("y"), QString::number(y + barHeight - 8));
        svg.writeCharacters(stateName(s));
        svg.writeEndElement();
        svg.writeStartElement(QStringLiteral("rect"));
        svg.writeAttribute(QStringLiteral("x"), QString::number(labelWidth));
        svg.writeAttribute(QStringLiteral("y"), QString::number(y));
        svg.writeAttribute(QStringLiteral("width"), QString::number(std::max(width, units ? 2 : 0)));
        svg.writeAttribute(QStringLiteral("height"), QString::number(barHeight));
        svg.writeAttribute(QStringLiteral("fill"), stateColor(s));
        svg.writeEndElement();
        svg.writeStartElement(QStringLiteral("text"));
        svg.writeAttribute(QStringLiteral("x"), QString::number(labelWidth + width + 6));
        svg.writeAttribute(QStringLiteral("y"), QString::number(y + barHeight - 8));
        svg.writeCharacters(QString::number(units));
        svg.writeEndElement();
        y += barHeight + gap;
    }
    svg.writeEndDocument();
    return out;
}

QString ReviewReport::toMarkdown(const QString &chartFileName) const
{
    QString md = QStringLiteral("# Review report%1 (%2)\n\n").arg(title.isEmpty() ? QString() : QStringLiteral(": ") + title, language);
    md += QStringLiteral("**Score: %1 penalty points per 1,000 words — %2** (threshold %3; %4 points over %5 reviewed source words; "
                         "minor 1, major 5, critical 25; %6 of %7 units reviewed)\n\n")
              .arg(scorePer1000Words(), 0, 'f', 2)
              .arg(verdict())
              .arg(threshold, 0, 'f', 1)
              .arg(penaltyPoints)
              .arg(reviewedWords)
              .arg(reviewedUnits)
              .arg(stats.total().units);
    md += QStringLiteral("## Units per state\n\n![Units per state](%1)\n\n| state | units | words |\n| --- | ---: | ---: |\n").arg(chartFileName);
    for (UnitState s : kUnitStates)
        md += QStringLiteral("| %1 | %2 | %3 |\n").arg(stateName(s)).arg(stats.byState.value(s).units).arg(stats.byState.value(s).words);
    md += QStringLiteral("\n## Errors by category and severity\n\n");
    if (errors.isEmpty())
        md += QStringLiteral("No errors annotated.\n");
    else {
        md += QStringLiteral("| category | minor | major | critical |\n| --- | ---: | ---: | ---: |\n");
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n").arg(it.key()).arg(it.value().value(QStringLiteral("minor")))
                      .arg(it.value().value(QStringLiteral("major"))).arg(it.value().value(QStringLiteral("critical")));
    }
    md += QStringLiteral("\n## Rejected units\n\n");
    if (rejected.isEmpty())
        md += QStringLiteral("None.\n");
    for (const Rejected &r : rejected)
        md += QStringLiteral("- `%1` (%2), by %3: %4\n  - source: %5\n  - target: %6\n").arg(r.unit, r.file, r.by, r.reason, r.source, r.target);
    return md;
}

QString ReviewReport::toHtml() const
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Review report</title>"
                                  "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}td,th{padding:.2em .6em;"
                                  "border-bottom:1px solid #ddd}.pass{color:#2e7d32}.fail{color:#c62828}</style></head><body>\n");
    html += QStringLiteral("<h1>Review report%1 (%2)</h1>\n").arg(title.isEmpty() ? QString() : QStringLiteral(": ") + title.toHtmlEscaped(), language);
    html += QStringLiteral("<p class=\"%1\"><strong>Score: %2 penalty points per 1,000 words — %3</strong> (threshold %4; %5 points over %6 reviewed source words; %7 of %8 units reviewed)</p>\n")
                .arg(passed() ? QStringLiteral("pass") : QStringLiteral("fail"))
                .arg(scorePer1000Words(), 0, 'f', 2)
                .arg(verdict())
                .arg(threshold, 0, 'f', 1).arg(penaltyPoints).arg(reviewedWords).arg(reviewedUnits).arg(stats.total().units);
    html += QStringLiteral("<h2>Units per state</h2>\n") + QString::fromUtf8(statesSvg()).section(QLatin1Char('\n'), 1) + QLatin1Char('\n');
    html += QStringLiteral("<h2>Errors by category and severity</h2>\n<table><tr><th>category</th><th>minor</th><th>major</th><th>critical</th></tr>\n");
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n").arg(it.key())
                    .arg(it.value().value(QStringLiteral("minor"))).arg(it.value().value(QStringLiteral("major")))
                    .arg(it.value().value(QStringLiteral("critical")));
    html += QStringLiteral("</table>\n<h2>Rejected units</h2>\n<ul>\n");
    for (const Rejected &r : rejected)
        html += QStringLiteral("<li><code>%1</code> (%2), by %3: %4<br>source: %5<br>target: %6</li>\n")
                    .arg(r.unit.toHtmlEscaped(), r.file.toHtmlEscaped(), r.by.toHtmlEscaped(), r.reason.toHtmlEscaped(),
                         r.source.toHtmlEscaped(), r.target.toHtmlEscaped());
    html += QStringLiteral("</ul>\n</body></html>\n");
    return html;
}

} // namespace wb
