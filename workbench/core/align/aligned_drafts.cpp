#include "align/aligned_drafts.h"
#include "po/review_marks.h"
#include "po/unit_record.h"
#include "review/review_record.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

namespace wb {

QString joinedUnitText(const SegmentedDocument &doc, const QList<int> &units)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{(/?)(\\d+)(/?)\\}"));
    QStringList parts;
    int offset = 0;
    for (int index : units) {
        const QString &text = doc.units[index].text;
        int highest = 0;
        QString shifted;
        qsizetype last = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const int number = m.captured(2).toInt();
            highest = std::max(highest, number);
            shifted += text.mid(last, m.capturedStart() - last);
            shifted += QStringLiteral("{%1%2%3}").arg(m.captured(1)).arg(number + offset).arg(m.captured(3));
            last = m.capturedEnd();
        }
        shifted += text.mid(last);
        parts.append(shifted.trimmed());
        offset += highest;
    }
    return parts.join(QLatin1Char(' '));
}

AlignmentFill fillFromAlignment(PoCatalog &catalog, const SegmentedDocument &source, const SegmentedDocument &target,
                                const DocumentAlignment &alignment, double minScore, const QString &fileName,
                                const QString &by, const QDateTime &at)
{
    AlignmentFill fill;
    for (const AlignedLink &link : alignment.links) {
        if (link.sourceUnits.isEmpty())
            continue;
        const qsizetype index = catalog.indexOfContext(source.units[link.sourceUnits.first()].id);
        if (index < 0)
            continue;
        PoEntry &entry = catalog.entries[index];
        if (!entry.msgstr.isEmpty()) {
            ++fill.alreadyTranslated;
            continue;
        }
        if (link.isOmission() || link.score < minScore)
            continue; // counted as left empty below
        entry.msgstr = joinedUnitText(target, link.targetUnits);
        setReviewState(entry, UnitState::Draft, by, at);
        entry.fuzzy = true;
        const bool low = link.score < kLowConfidenceScore;
        recordHistory(entry, QStringLiteral("aligned"), by, at,
                      QJsonObject{{QStringLiteral("score"), std::round(link.score * 100) / 100},
                                  {QStringLiteral("file"), fileName},
                                  {QStringLiteral("low_confidence"), low}});
        ++fill.filled;
        if (low) {
            ++fill.lowConfidence;
            fill.lowConfidenceUnits.append(entry.context);
        }
    }
    for (const PoEntry &entry : std::as_const(catalog.entries))
        if (!entry.obsolete && entry.msgstr.isEmpty())
            ++fill.leftEmpty;
    if (fill.filled > 0)
        catalog.stampRevision(by, at);
    return fill;
}

std::optional<double> alignedScoreOf(const PoEntry &entry)
{
    const QList<QJsonObject> history = recordOf(entry)->lines(recordKeyword::kHistory); // "score" is not in HistoryEvent
    if (history.isEmpty() || history.last().value(QLatin1String("action")).toString() != QLatin1String("aligned"))
        return std::nullopt;
    return history.last().value(QLatin1String("score")).toDouble();
}

} // namespace wb
