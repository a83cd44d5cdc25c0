#include "po/review_marks.h"
#include "stats/catalog_stats.h"
#include "stats/word_count.h"

#include <QJsonObject>
#include <gtest/gtest.h>

using namespace wb;

TEST(WordCount, CountsWordsAndNumbersNotPunctuation)
{
    WordCounter counter(QStringLiteral("en"));
    EXPECT_EQ(counter.count(QStringLiteral("Acute lymphoblastic leukemia (ALL) is a cancer.")), 7);
    // ICU counts each group of a phone number as a number.
    EXPECT_EQ(counter.count(QStringLiteral("5% or fewer of the cells — 1-800-422-6237.")), 10);
    EXPECT_EQ(counter.count(QStringLiteral("   ")), 0);
}

TEST(CatalogStats, UnitsAndWordsPerStateWithPlaceholdersLeftOut)
{
    PoCatalog catalog;
    PoEntry untranslated{QStringLiteral("a"), QStringLiteral("See {1}Finding Cancer Care{/1}."), {}, {}, {}, {}, {}, {}, false, false, {}, {}, {}};
    PoEntry translated = untranslated;
    translated.context = QStringLiteral("b");
    translated.msgid = QStringLiteral("Two words.");
    translated.msgstr = QStringLiteral("Dos palabras.");
    PoEntry approved = translated;
    approved.context = QStringLiteral("c");
    setReviewState(approved, UnitState::Approved, QStringLiteral("r"), QDateTime::currentDateTimeUtc());
    PoEntry obsolete = translated;
    obsolete.obsolete = true;
    catalog.entries = {untranslated, translated, approved, obsolete};

    const CatalogStats stats = catalogStats(catalog, QStringLiteral("en"));
    EXPECT_EQ(stats.byState.value(UnitState::Untranslated).units, 1);
    EXPECT_EQ(stats.byState.value(UnitState::Untranslated).words, 4);
    EXPECT_EQ(stats.byState.value(UnitState::Translated).words, 2);
    EXPECT_EQ(stats.byState.value(UnitState::Approved).units, 1);
    EXPECT_EQ(stats.total().units, 3);
    const QJsonObject json = stats.toJson();
    EXPECT_EQ(json.value(QStringLiteral("units")).toInt(), 3);
    EXPECT_EQ(json.value(QStringLiteral("states")).toObject().value(QStringLiteral("approved")).toObject()
                  .value(QStringLiteral("words")).toInt(), 2);
}
