// The bundled PDQ summary: nothing of the NCI text is lost on the way into units, and
// the Spanish catalog in the repository is in step with the English source.
#include "model/placeholder_text.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

const QString kSummary = QStringLiteral("/source-content/en/adult-all-treatment.md");
const QString kCatalog = QStringLiteral("/locales/es/adult-all-treatment.po");

// Page debris in the seed that the Markdown deliberately leaves out (seed README).
const QStringList kDebrisLines = {QStringLiteral("Skip to main content"),
                                  QStringLiteral("An official website of the United States government"),
                                  QStringLiteral("Español"), QStringLiteral("Email"), QStringLiteral("Updated:")};

QStringList seedSentences()
{
    const QString seed = QString::fromUtf8(test::readAll(test::sharedDir() + QStringLiteral("/seed/adult-all-treatment-pdq.en.txt")));
    auto icu = SentenceSegmenter::create(QStringLiteral("en"), {}); // raw ICU: an independent cut
    EXPECT_TRUE(icu.ok());
    QStringList sentences;
    for (QString line : seed.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        if (line.startsWith(QStringLiteral("•")))
            line = line.mid(1).trimmed();
        if (line.startsWith(QStringLiteral("Enlarge")))
            line = line.mid(7);
        if (line.isEmpty() || kDebrisLines.contains(line))
            continue;
        int start = 0;
        QList<int> cuts = (*icu)->boundaries(line);
        cuts.append(int(line.size()));
        for (int cut : cuts) {
            sentences.append(line.mid(start, cut - start).trimmed());
            start = cut;
        }
    }
    return sentences;
}

} // namespace

TEST(BundledSummary, EverySentenceOfTheSeedBodyReachesATranslationUnit)
{
    auto segmenter = loadSegmenter(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"), QStringLiteral("en"));
    ASSERT_TRUE(segmenter.ok());
    auto doc = segmentFile(test::sourceDir() + kSummary, **segmenter);
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(doc->warnings.isEmpty());
    QStringList unitPlainTexts;
    for (const SourceUnit &unit : doc->units) {
        // A bare address is a link of its own (GFM) behind a placeholder; readers see it.
        QString text = unit.text;
        for (const Placeholder &ph : unit.placeholders)
            if (ph.label.startsWith(QLatin1String("link http")))
                text.replace(QStringLiteral("{%1/}").arg(ph.number), ph.label.mid(5));
        unitPlainTexts.append(plainTextOf(text));
    }

    const QStringList sentences = seedSentences();
    ASSERT_GT(sentences.size(), 350);
    int missing = 0;
    for (const QString &sentence : sentences) {
        const bool found = std::any_of(unitPlainTexts.cbegin(), unitPlainTexts.cend(),
                                       [&](const QString &unit) { return unit.contains(sentence); });
        if (!found) {
            ++missing;
            ADD_FAILURE() << "not in any unit: " << qPrintable(sentence);
        }
    }
    EXPECT_EQ(missing, 0);
}

TEST(BundledSummary, FiguresAreImagesWithTranslatableAltText)
{
    auto segmenter = loadSegmenter(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"), QStringLiteral("en"));
    auto doc = segmentFile(test::sourceDir() + kSummary, **segmenter);
    ASSERT_TRUE(doc.ok());
    const auto altUnits = std::count_if(doc->units.cbegin(), doc->units.cend(),
                                        [](const SourceUnit &u) { return u.kind == QLatin1String("image alt text"); });
    EXPECT_GE(altUnits, 9); // nine figures, several sentences each
    const auto headings = std::count_if(doc->units.cbegin(), doc->units.cend(),
                                        [](const SourceUnit &u) { return u.kind.startsWith(QLatin1String("heading")); });
    EXPECT_EQ(headings, 42);
}

TEST(BundledSummary, CommittedSpanishCatalogIsInStepWithTheSource)
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    QDir().mkpath(dir.filePath(QStringLiteral("locales/es")));
    for (const QString &name : {QStringLiteral("adult-all-treatment.md"), QStringLiteral("segmentation.srx")})
        ASSERT_TRUE(QFile::copy(test::sourceDir() + QStringLiteral("/source-content/en/") + name,
                                dir.filePath(QStringLiteral("source-content/en/") + name)));
    const QString po = dir.filePath(QStringLiteral("locales/es/adult-all-treatment.po"));
    ASSERT_TRUE(QFile::copy(test::sourceDir() + kCatalog, po));
    const auto r = test::runCli({QStringLiteral("update"), QStringLiteral("--project"), dir.path(), QStringLiteral("--locale"), QStringLiteral("es")});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_TRUE(r.out.contains("already up to date")) << "run `workbench update --project . --locale es` and commit: " << r.out.constData();
}

TEST(BundledSummary, CommittedCatalogPassesGettextChecks)
{
    const auto r = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                                        test::sourceDir() + kCatalog});
    EXPECT_EQ(r.exitCode, 0) << r.err.constData();
}

TEST(BundledGlossary, IsValidTbxCoveringTheSummary)
{
    for (const char *name : {"en-es-medical.tbx", "pdq-patient.tbx"}) {
        const QString tbx = test::sourceDir() + QStringLiteral("/glossary/") + QLatin1String(name);
        const auto xmllint = test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--relaxng"),
                                                                   test::sharedDir() + QStringLiteral("/reference-data/schemas/tbx/TBXcoreStructV03.rng"), tbx});
        EXPECT_EQ(xmllint.exitCode, 0) << name << ": " << xmllint.err.constData();
    }
    const auto lookup = test::runCli({QStringLiteral("glossary"), QStringLiteral("lookup"),
                                      QStringLiteral("Acute lymphoblastic leukemia (ALL) is a type of cancer in which the bone marrow makes "
                                                     "too many lymphocytes (a type of white blood cell)."),
                                      QStringLiteral("--project"), test::sourceDir()});
    ASSERT_EQ(lookup.exitCode, 0) << lookup.err.constData();
    for (const char *expected : {"Acute lymphoblastic leukemia -> leucemia linfoblástica aguda", "ALL -> ", "bone marrow -> médula ósea",
                                 "never: médula espinal", "lymphocytes -> linfocito", "white blood cell -> glóbulo blanco"})
        EXPECT_TRUE(lookup.out.contains(expected)) << expected << "\n" << lookup.out.constData();
}

// The TSV and the Hunspell word list are generated from the TBX, never edited by hand.
TEST(BundledGlossary, GeneratedFilesAreInStepWithTheTbx)
{
    // Each glossary, its TSV and its word list (scripts/generate-glossary-files).
    const QList<QPair<QString, QString>> derived = {{QStringLiteral("en-es-medical"), QStringLiteral("medical-glossary")},
                                                    {QStringLiteral("pdq-patient"), QStringLiteral("pdq-glossary")}};
    for (const auto &[glossary, wordList] : derived) {
        QTemporaryDir dir;
        const QString tbx = test::sourceDir() + QStringLiteral("/glossary/") + glossary + QStringLiteral(".tbx");
        ASSERT_EQ(test::runCli({QStringLiteral("glossary"), QStringLiteral("export"), tbx, QStringLiteral("-o"), dir.filePath(QStringLiteral("g.tsv"))}).exitCode, 0);
        ASSERT_EQ(test::runCli({QStringLiteral("glossary"), QStringLiteral("wordlist"), tbx, QStringLiteral("--locale"), QStringLiteral("es"),
                                QStringLiteral("-o"), dir.filePath(QStringLiteral("w.dic"))}).exitCode, 0);
        EXPECT_EQ(test::readAll(dir.filePath(QStringLiteral("g.tsv"))),
                  test::readAll(test::sourceDir() + QStringLiteral("/glossary/") + glossary + QStringLiteral(".tsv")))
            << qPrintable(glossary) << ": run scripts/generate-glossary-files and commit";
        EXPECT_EQ(test::readAll(dir.filePath(QStringLiteral("w.dic"))),
                  test::readAll(test::sourceDir() + QStringLiteral("/locales/es/") + wordList + QStringLiteral(".dic")))
            << qPrintable(glossary) << ": run scripts/generate-glossary-files and commit";
    }
}
