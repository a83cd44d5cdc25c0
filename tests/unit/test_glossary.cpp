// Termbases in and out: TBX v3 (DCA and DCT), TBX 2008, TSV and CSV.
#include "glossary/tbx_format.h"
#include "glossary/term_table.h"
#include "project/added_terms.h"
#include "project/project_context.h"
#include "test_support.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace wb;

namespace {
QString tbxSample(const QString &relative)
{
    return test::sharedDir() + QStringLiteral("/reference-data/samples/tbx/") + relative;
}
QString mini() { return test::dataDir() + QStringLiteral("/glossary/mini.tbx"); }
} // namespace

TEST(Tbx, ReadsConceptsTermsStatusesAndNotes)
{
    auto termbase = loadTbx(mini());
    ASSERT_TRUE(termbase.ok()) << qPrintable(termbase.error().toString());
    ASSERT_EQ(termbase->concepts.size(), 6);
    const Concept *marrow = termbase->findConcept(QStringLiteral("c-bone-marrow"));
    ASSERT_NE(marrow, nullptr);
    EXPECT_EQ(marrow->subjectField, QStringLiteral("hematology"));
    EXPECT_EQ(marrow->definitions.value(QStringLiteral("en")), QStringLiteral("Soft, spongy tissue inside most bones."));
    const QList<Term> spanish = marrow->termsIn(QStringLiteral("es"));
    ASSERT_EQ(spanish.size(), 2);
    EXPECT_EQ(spanish[0].text, QStringLiteral("médula ósea"));
    EXPECT_EQ(spanish[0].status, TermStatus::Preferred);
    EXPECT_EQ(spanish[0].gender, QStringLiteral("feminine"));
    EXPECT_EQ(spanish[1].status, TermStatus::Deprecated);
    EXPECT_EQ(spanish[1].note, QStringLiteral("Forbidden: means spinal cord."));
    const Concept *all = termbase->findConcept(QStringLiteral("c-all"));
    EXPECT_TRUE(all->termsIn(QStringLiteral("en"))[2].isAcronym());
}

TEST(Tbx, WrittenTbxIsValidAgainstTheTbxCoreSchemaAndReadsBack)
{
    auto termbase = loadTbx(mini());
    ASSERT_TRUE(termbase.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.tbx"));
    test::writeAll(path, writeTbx(*termbase));
    const auto xmllint = test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--relaxng"),
                                                               test::sharedDir() + QStringLiteral("/reference-data/schemas/tbx/TBXcoreStructV03.rng"), path});
    EXPECT_EQ(xmllint.exitCode, 0) << xmllint.err.constData();
    auto back = loadTbx(path);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->concepts.size(), termbase->concepts.size());
    for (qsizetype i = 0; i < back->concepts.size(); ++i) {
        EXPECT_EQ(back->concepts[i].terms, termbase->concepts[i].terms) << qPrintable(back->concepts[i].id);
        EXPECT_EQ(back->concepts[i].definitions, termbase->concepts[i].definitions);
    }
}

TEST(Tbx, ReadsTheOfficialTbxBasicExamplesInBothStyles)
{
    for (const char *name : {"ltac-tbx-basic-dialect/Example_Astronomy_DCA_VALID.tbx", "ltac-tbx-basic-dialect/Example_Astronomy_DCT_VALID.tbx"}) {
        auto termbase = loadTbx(tbxSample(QLatin1String(name)));
        ASSERT_TRUE(termbase.ok()) << name << ": " << qPrintable(termbase.error().toString());
        ASSERT_FALSE(termbase->concepts.isEmpty()) << name;
        const Term *open = termbase->concepts.first().preferred(QStringLiteral("en"));
        ASSERT_NE(open, nullptr) << name;
        EXPECT_EQ(open->text, QStringLiteral("open cluster")) << name;
        EXPECT_EQ(open->partOfSpeech, QStringLiteral("noun")) << name;
        const QList<Term> english = termbase->concepts.first().termsIn(QStringLiteral("en"));
        EXPECT_TRUE(std::any_of(english.cbegin(), english.cend(), [](const Term &t) { return t.status == TermStatus::Superseded; })) << name;
    }
}

TEST(Tbx, ReadsTbx2008WithObsoleteAndDoNotTranslateTerms)
{
    auto termbase = loadTbx(tbxSample(QStringLiteral("weblate-fr-extended-metadata.tbx")));
    ASSERT_TRUE(termbase.ok()) << qPrintable(termbase.error().toString());
    ASSERT_EQ(termbase->concepts.size(), 2);
    EXPECT_EQ(termbase->concepts[0].termsIn(QStringLiteral("fr")).first().status, TermStatus::Superseded);
    const Term *kept = termbase->concepts[1].preferred(QStringLiteral("fr"));
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->text, QStringLiteral("SYS_ERR_406"));
}

TEST(Tbx, BadFilesNameTheProblemAndLine)
{
    auto malformed = loadTbx(tbxSample(QStringLiteral("ltac-tbx-test-files/poorly_formed_xml.tbx")));
    ASSERT_FALSE(malformed.ok());
    EXPECT_GT(malformed.error().line, 0);
    EXPECT_TRUE(malformed.error().message.startsWith(QStringLiteral("malformed XML")));

    auto noLanguage = readTbx(R"(<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">
<termSec><term>orphan</term></termSec></conceptEntry></body></text></tbx>)", QStringLiteral("x.tbx"));
    ASSERT_FALSE(noLanguage.ok());
    EXPECT_EQ(noLanguage.error().line, 2);
    EXPECT_TRUE(noLanguage.error().message.contains(QStringLiteral("no language")));

    auto wrongRoot = readTbx("<xliff version=\"2.0\"/>", QStringLiteral("x.tbx"));
    ASSERT_FALSE(wrongRoot.ok());
    EXPECT_TRUE(wrongRoot.error().message.contains(QStringLiteral("not <tbx>")));
}

TEST(TermTable, TsvAndCsvRoundTripEveryField)
{
    auto termbase = loadTbx(mini());
    ASSERT_TRUE(termbase.ok());
    for (TableFormat format : {TableFormat::Tsv, TableFormat::Csv}) {
        const QByteArray table = writeTermTable(*termbase, format);
        auto back = readTermTable(table, format, QStringLiteral("t"));
        ASSERT_TRUE(back.ok()) << qPrintable(back.error().toString());
        ASSERT_EQ(back->concepts.size(), termbase->concepts.size());
        for (qsizetype i = 0; i < back->concepts.size(); ++i) {
            EXPECT_EQ(back->concepts[i].terms, termbase->concepts[i].terms);
            EXPECT_EQ(back->concepts[i].definitions, termbase->concepts[i].definitions);
            EXPECT_EQ(back->concepts[i].subjectField, termbase->concepts[i].subjectField);
        }
    }
    // CSV quotes what needs quoting.
    EXPECT_TRUE(writeTermTable(*termbase, TableFormat::Csv).contains("\"Soft, spongy tissue inside most bones.\""));
}

TEST(TermTable, HandWrittenCsvWithQuotesAndMissingColumns)
{
    auto table = readTermTable("term,concept,language,status\n\"glóbulo \"\"blanco\"\"\",c1,es,preferred\nwhite blood cell,c1,en,\n",
                               TableFormat::Csv, QStringLiteral("hand.csv"));
    ASSERT_TRUE(table.ok()) << qPrintable(table.error().toString());
    ASSERT_EQ(table->concepts.size(), 1);
    EXPECT_EQ(table->concepts[0].terms[0].text, QStringLiteral("glóbulo \"blanco\""));
    EXPECT_EQ(table->concepts[0].terms[1].status, TermStatus::Preferred);

    auto noLanguage = readTermTable("concept\tlanguage\tterm\nc1\t\tbone marrow\n", TableFormat::Tsv, QStringLiteral("t.tsv"));
    ASSERT_FALSE(noLanguage.ok());
    EXPECT_EQ(noLanguage.error().line, 2);
    EXPECT_TRUE(noLanguage.error().message.contains(QStringLiteral("no language")));
}

TEST(Glossary, PatientSafetyCriticalConceptsSurviveTbxAndTsv)
{
    auto termbase = loadTbx(mini());
    ASSERT_TRUE(termbase.ok());
    const Concept *marrow = termbase->findConcept(QStringLiteral("c-bone-marrow"));
    ASSERT_NE(marrow, nullptr);
    EXPECT_TRUE(marrow->isCritical());
    EXPECT_FALSE(termbase->findConcept(QStringLiteral("c-stem-cell"))->isCritical());

    const QByteArray tbx = writeTbx(*termbase, QStringLiteral("en"));
    EXPECT_TRUE(tbx.contains(R"(<admin type="projectSubset">patient-safety-critical</admin>)"));
    auto again = readTbx(tbx, QStringLiteral("again.tbx"));
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->findConcept(QStringLiteral("c-bone-marrow"))->isCritical());

    auto table = readTermTable(writeTermTable(*termbase, TableFormat::Tsv), TableFormat::Tsv, QStringLiteral("t.tsv"));
    ASSERT_TRUE(table.ok());
    EXPECT_TRUE(table->findConcept(QStringLiteral("c-bone-marrow"))->isCritical());
    EXPECT_FALSE(table->findConcept(QStringLiteral("c-stem-cell"))->isCritical());
}

// A term a translator adds: a TBX of its own in the project (valid against TBX core), its TSV,
// and the Hunspell word list of its new words; the same source again gets a second target.
TEST(AddedTerms, WrittenToTheProjectTbxAndTheFilesMadeFromIt)
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    const QDateTime at(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC);
    auto first = addTermToProject(*ProjectContext::atFolder(dir.path()), AddedTerm{QStringLiteral("en"), QStringLiteral("red  marrow"), QStringLiteral("es"),
                                                        QStringLiteral("médula roja"), QStringLiteral("Ana"), at});
    ASSERT_TRUE(first.ok()) << qPrintable(first.error().toString());
    auto second = addTermToProject(*ProjectContext::atFolder(dir.path()), AddedTerm{QStringLiteral("en"), QStringLiteral("Red marrow"), QStringLiteral("es"),
                                                         QStringLiteral("médula hematopoyética"), QStringLiteral("Ana"), at});
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->id, first->id);
    const QString tbx = addedTermsPath(dir.path());
    const auto xmllint = test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--relaxng"),
                                                               test::sharedDir() + QStringLiteral("/reference-data/schemas/tbx/TBXcoreStructV03.rng"), tbx});
    EXPECT_EQ(xmllint.exitCode, 0) << xmllint.err.constData();
    auto back = loadTbx(tbx);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back->concepts.size(), 1);
    QStringList spanish;
    for (const Term &t : back->concepts[0].termsIn(QStringLiteral("es")))
        spanish.append(t.text);
    EXPECT_EQ(spanish, (QStringList{"médula roja", "médula hematopoyética"}));
    EXPECT_EQ(back->concepts[0].termsIn(QStringLiteral("en")).first().text, QStringLiteral("red marrow"));
    EXPECT_TRUE(test::readAll(dir.filePath(QStringLiteral("glossary/added-terms.tsv"))).contains("red marrow"));
    const QByteArray dic = test::readAll(dir.filePath(QStringLiteral("locales/es/added-terms-glossary.dic")));
    EXPECT_TRUE(dic.contains("hematopoyético/")) << dic.constData(); // es_US lacks it: its stem with affix flags
    EXPECT_FALSE(addTermToProject(*ProjectContext::atFolder(dir.path()), AddedTerm{QStringLiteral("en"), QStringLiteral(" "), QStringLiteral("es"),
                                                        QStringLiteral("x"), QStringLiteral("Ana"), at}).ok());

    // A project whose only glossary file is the added terms still has the built-in glossaries.
    ResourceUses used;
    auto glossary = ProjectContext::atFolder(dir.path())->loadGlossary({}, &used);
    ASSERT_TRUE(glossary.ok());
    EXPECT_GT(glossary->get()->concepts.size(), 1000);
    EXPECT_TRUE(glossary->get()->findConcept(first->id));
    EXPECT_EQ(used.last().origin, QStringLiteral("project"));
    EXPECT_EQ(used.first().origin, QStringLiteral("built-in"));
}
