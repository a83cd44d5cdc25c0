#include "stats/catalog_stats.h"
#include "model/placeholder_text.h"
#include "stats/word_count.h"

namespace wb {
void CatalogStats::add(const CatalogStats &other)
{
    for (auto it = other.byState.cbegin(); it != other.byState.cend(); ++it) {
        byState[it.key()].units += it.value().units;
        byState[it.key()].words += it.value().words;
    }
}

CatalogStats::Count CatalogStats::total() const
{
    Count sum;
    for (const Count &c : byState) {
        sum.units += c.units;
        sum.words += c.words;
    }
    return sum;
}

QJsonObject CatalogStats::toJson() const
{
    QJsonObject states;
    for (UnitState s : kUnitStates) {
        const Count c = byState.value(s);
        states.insert(stateName(s), QJsonObject{{QStringLiteral("units"), c.units}, {QStringLiteral("words"), c.words}});
    }
    const Count sum = total();
    return QJsonObject{{QStringLiteral("units"), sum.units}, {QStringLiteral("words"), sum.words},
                       {QStringLiteral("states"), states}};
}

QString CatalogStats::toText() const
{
    QString out = QStringLiteral("%1 %2 %3\n").arg(QStringLiteral("state"), -14).arg(QStringLiteral("units"), 7).arg(QStringLiteral("words"), 7);
    for (UnitState s : kUnitStates) {
        const Count c = byState.value(s);
        out += QStringLiteral("%1 %2 %3\n").arg(stateName(s), -14).arg(c.units, 7).arg(c.words, 7);
    }
    const Count sum = total();
    out += QStringLiteral("%1 %2 %3\n").arg(QStringLiteral("total"), -14).arg(sum.units, 7).arg(sum.words, 7);
    return out;
}

CatalogStats catalogStats(const PoCatalog &catalog, const QString &sourceLanguage)
{
    CatalogStats stats;
    WordCounter counter(sourceLanguage);
    for (const PoEntry &entry : catalog.entries) {
        if (entry.obsolete)
            continue;
        CatalogStats::Count &c = stats.byState[stateOf(entry)];
        ++c.units;
        c.words += counter.count(entry.msgid);
    }
    return stats;
}

} // namespace wb
