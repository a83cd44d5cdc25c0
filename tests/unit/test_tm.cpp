// Translation memory: scores a translator can trust, retrieval that never misses the best
// match, TMX in and out, and the SQLite store.
#include "common/text_file.h"
#include "tm/tm_index.h"
#include "tm/tm_store.h"
#include "tm/tmx_format.h"
#include "test_support.h"
#include "tm_test_support.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

QList<TmUnit> sampleUnits()
{
    return test::sampleTmUnits();
}

TmUnit unit(const QString &source, const QString &target)
{
    TmUnit u;
    u.source = source;
    u.target = target;
    return u;
}

int bestScore(TmIndex &index, const QString &text)
{
    const QList<TmMatch> m = index.lookup(text, 1, 1);
    return m.isEmpty() ? 0 : m.first().score;
}

} // namespace

TEST(TmScore, OnlySurfaceDifferencesScoreJustBelow100)
{
    TmIndex index(QStringLiteral("en"));
    index.add(unit(QStringLiteral("The bone marrow makes {1}blood cells{/1}."), QStringLiteral("La médula ósea produce {1}células sanguíneas{/1}.")));
    EXPECT_EQ(bestScore(index, QStringLiteral("The bone marrow makes {1}blood cells{/1}.")), 100);
    EXPECT_EQ(bestScore(index, QStringLiteral("The Bone Marrow makes {1}blood cells{/1}.")), 99);   // case
    EXPECT_EQ(bestScore(index, QStringLiteral("The bone marrow makes {1}blood cells{/1}")), 99);    // punctuation
    EXPECT_EQ(bestScore(index, QStringLiteral("The bone marrow makes blood cells.")), 99);          // placeholders
    EXPECT_EQ(bestScore(index, QStringLiteral("the bone marrow makes blood cells")), 97);           // all three
}

TEST(TmScore, ChangedNumbersAndNegationsNeverScoreHigh)
{
    TmIndex index(QStringLiteral("en"));
    index.add(unit(QStringLiteral("Take 5 mg of the drug every day for two weeks."), QStringLiteral("Tome 5 mg del medicamento cada día durante dos semanas.")));
    index.add(unit(QStringLiteral("The cancer has spread to the brain."), QStringLiteral("El cáncer se diseminó al encéfalo.")));
    EXPECT_LE(bestScore(index, QStringLiteral("Take 50 mg of the drug every day for two weeks.")), 74);
    EXPECT_LE(bestScore(index, QStringLiteral("The cancer has not spread to the brain.")), 74);
    EXPECT_GE(bestScore(index, QStringLiteral("Take 5 mg of the drug every day for three weeks.")), 50);
}

TEST(TmScore, SameTextInTheSameContextIs101)
{
    TmIndex index(QStringLiteral("en"));
    TmUnit u = unit(QStringLiteral("Key Points"), QStringLiteral("Puntos importantes"));
    u.previousSource = QStringLiteral("Stages of Acute Lymphoblastic Leukemia");
    u.nextSource = QStringLiteral("There is no standard staging system for ALL.");
    index.add(u);
    EXPECT_EQ(index.lookup(QStringLiteral("Key Points"), 50, 1, u.previousSource, u.nextSource).first().score, 101);
    EXPECT_EQ(index.lookup(QStringLiteral("Key Points"), 50, 1, QStringLiteral("Other"), u.nextSource).first().score, 100);
}

TEST(TmIndexTest, MatchesShowWhatChanged)
{
    TmIndex index(QStringLiteral("en"));
    index.add(unit(QStringLiteral("Red marrow contains blood stem cells."), QStringLiteral("La médula roja contiene células madre sanguíneas.")));
    const TmMatch m = index.lookup(QStringLiteral("Red marrow contains many blood stem cells."), 50, 1).first();
    ASSERT_EQ(m.diff.size(), 3);
    EXPECT_EQ(m.diff[1].kind, DiffPiece::Kind::Added);
    EXPECT_EQ(m.diff[1].text, QStringLiteral("many "));
}

// The index must return exactly what scanning every unit returns: same scores, same order.
TEST(TmIndexTest, TopFiveIsExactlyWhatAFullScanFinds)
{
    const QList<TmUnit> units = sampleUnits();
    TmIndex index(QStringLiteral("en"));
    // Two thirds first; the rest arrive after lookups have ordered the posting lists, as
    // units confirmed in the editor do. (The same against an index loaded from its file:
    // test_tm_persistent_index.cpp.)
    const qsizetype firstPart = units.size() * 2 / 3;
    for (qsizetype i = 0; i < firstPart; ++i)
        index.add(units[i]);
    QRandomGenerator random(7);
    int compared = test::compareWithFullScan(index, units, firstPart, random);
    for (qsizetype i = firstPart; i < units.size(); ++i)
        index.add(units[i]);
    compared += test::compareWithFullScan(index, units, units.size(), random);
    index.finishLoading();
    compared += test::compareWithFullScan(index, units, units.size(), random);
    EXPECT_GT(compared, 450);
}

TEST(Tmx, InlineCodesBecomePlaceholdersAndExportsValidate)
{
    const QString path = test::sharedDir() + QStringLiteral("/reference-data/samples/tmx/okapi-compkit-ExportTest2A.tmx");
    auto units = readTmx(test::readAll(path), path, QStringLiteral("fr"));
    ASSERT_TRUE(units.ok()) << qPrintable(units.error().toString());
    ASSERT_FALSE(units->isEmpty());
    EXPECT_EQ(units->first().source, QStringLiteral("The big {1}black{/1} {2}cat{/2} sleeps."));
    EXPECT_EQ(units->first().target, QStringLiteral("Le gros {2}chat{/2} {1}noir{/1} dors."));
    QTemporaryDir dir;
    QFile::copy(test::sharedDir() + QStringLiteral("/reference-data/schemas/tmx/tmx14.dtd"), dir.filePath(QStringLiteral("tmx14.dtd")));
    const QString out = dir.filePath(QStringLiteral("out.tmx"));
    test::writeAll(out, writeTmx(*units, QStringLiteral("en")));
    const auto xmllint = test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--valid"), out});
    EXPECT_EQ(xmllint.exitCode, 0) << xmllint.err.constData();
    auto back = readTmx(test::readAll(out), out, QStringLiteral("fr"));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->first().source, units->first().source);
    EXPECT_EQ(back->first().target, units->first().target);
}

TEST(Tmx, BadFilesNameTheLine)
{
    auto noSource = readTmx("<tmx version=\"1.4\">\n<header creationtool=\"x\"/>\n<body><tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></body></tmx>",
                            QStringLiteral("x.tmx"), QStringLiteral("es"));
    ASSERT_FALSE(noSource.ok());
    EXPECT_EQ(noSource.error().line, 2);
    EXPECT_TRUE(noSource.error().message.contains(QStringLiteral("no source language")));
}

TEST(TmStoreTest, ImportIsOneTransactionWithoutDuplicatesAndConcordanceIgnoresAccents)
{
    QTemporaryDir dir;
    auto store = TmStore::open(dir.filePath(QStringLiteral("m.sqlite")));
    ASSERT_TRUE(store.ok()) << qPrintable(store.error().toString());
    const QList<TmUnit> units = sampleUnits();
    auto first = (*store)->add(units);
    ASSERT_TRUE(first.ok());
    auto second = (*store)->add(units);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(*second, 0);
    const qsizetype count = (*store)->units(QStringLiteral("en"), QStringLiteral("es"))->size();
    EXPECT_EQ(count, *first);
    auto found = (*store)->concordance(QStringLiteral("VERSION"), 50);
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(std::any_of(found->cbegin(), found->cend(), [](const TmUnit &u) { return u.target.contains(QStringLiteral("Versión")); }));
    auto accent = (*store)->concordance(QStringLiteral("version"), 50);
    EXPECT_EQ(accent->size(), found->size());
}
