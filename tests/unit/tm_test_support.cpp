#include "tm_test_support.h"
#include "test_support.h"
#include "tm/tmx_format.h"

#include <gtest/gtest.h>

namespace wb::test {

QList<TmUnit> sampleTmUnits()
{
    const QString path = sharedDir() + QStringLiteral("/reference-data/samples/tmx/openxliff-java_en-es.tmx");
    auto units = readTmx(readAll(path), path, QStringLiteral("es"));
    EXPECT_TRUE(units.ok());
    return units ? *units : QList<TmUnit>();
}

int compareWithFullScan(TmIndex &index, const QList<TmUnit> &units, qsizetype known, QRandomGenerator &random)
{
    const QStringList extra = {QStringLiteral("file"), QStringLiteral("the"), QStringLiteral("not"), QStringLiteral("XLIFF"), QStringLiteral("2")};
    int compared = 0;
    for (int i = 0; i < 150; ++i) {
        // A unit's source with a word dropped, added or replaced.
        QStringList words = units[int(random.bounded(int(known)))].source.split(QLatin1Char(' '));
        const int at = int(random.bounded(words.size()));
        switch (random.bounded(3)) {
        case 0: if (words.size() > 1) words.removeAt(at); break;
        case 1: words.insert(at, extra[int(random.bounded(extra.size()))]); break;
        default: words[at] = extra[int(random.bounded(extra.size()))]; break;
        }
        const QString query = words.join(QLatin1Char(' '));
        for (int minimum : {50, 70}) {
            const QList<TmMatch> fast = index.lookup(query, minimum, 5);
            const QList<TmMatch> slow = index.lookupByScanning(query, minimum, 5);
            if (fast.size() != slow.size()) {
                ADD_FAILURE() << qPrintable(query) << ": " << fast.size() << " matches through the index, " << slow.size() << " by scanning";
                return compared;
            }
            for (qsizetype k = 0; k < fast.size(); ++k)
                if (fast[k].score != slow[k].score || fast[k].entry != slow[k].entry) { // ties too: the newest unit first
                    ADD_FAILURE() << qPrintable(query) << " rank " << k << ": " << fast[k].score << " (unit " << fast[k].entry
                                  << ") through the index, " << slow[k].score << " (unit " << slow[k].entry << ") by scanning";
                    return compared;
                }
            if (!slow.isEmpty())
                ++compared;
        }
    }
    return compared;
}

} // namespace wb::test
