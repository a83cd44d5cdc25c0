// Text written in decomposed Unicode (NFD, as macOS editors and some converters write it)
// is the same text as its precomposed (NFC) twin: every reader gives NFC, and every match
// compares one key, textKey (NFC plus ICU case folding).
#include "glossary/tbx_format.h"
#include "project/project_context.h"
#include "glossary/term_table.h"
#include "interchange/xliff_format.h"
#include "markdown/markdown_source.h"
#include "po/po_catalog.h"
#include "po/review_marks.h"
#include "qa/suppressions.h"
#include "review/review_record.h"
#include "qa/check_suite.h"
#include "qa/terminology_check.h"
#include "spell/hunspell_dictionary.h"
#include "test_support.h"
#include "text/text_key.h"
#include "tm/tmx_format.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

const QString kMarrow = QStringLiteral("La médula ósea produce glóbulos blancos.");

QString nfd(const QString &text)
{
    return text.normalized(QString::NormalizationForm_D);
}

QByteArray nfdUtf8(const QString &text)
{
    return nfd(text).toUtf8();
}

QStringList checksOf(const Findings &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(f.check + QLatin1Char(' ') + f.message);
    return out;
}

} // namespace

TEST(TextKey, NfcComposesAndLeavesComposedTextAsItIs)
{
    EXPECT_EQ(toNfc(QStringLiteral("Me\u0301dula")), QStringLiteral("M\u00E9dula"));
    EXPECT_EQ(toNfc(kMarrow), kMarrow);
    EXPECT_EQ(toNfcUtf8(nfdUtf8(kMarrow)), kMarrow.toUtf8());
    const QByteArray withBom = "\xEF\xBB\xBF" + kMarrow.toUtf8();
    EXPECT_EQ(toNfcUtf8(withBom), withBom);
    EXPECT_EQ(toNfcUtf8("\xEF\xBB\xBF" + nfdUtf8(kMarrow)), withBom);
}

TEST(TextKey, OneKeyWhateverTheCaseAndTheEncoding)
{
    EXPECT_EQ(textKey(QStringLiteral("MÉDULA")), textKey(nfd(QStringLiteral("médula"))));
    EXPECT_EQ(textKey(QStringLiteral("médula")), QStringLiteral("médula"));
    // Full case folding, which lowercasing is not: "ß" is "ss", a final sigma is a sigma.
    EXPECT_EQ(textKey(QStringLiteral("Straße")), textKey(QStringLiteral("STRASSE")));
    EXPECT_EQ(textKey(QStringLiteral("ΣΊΣΥΦΟΣ")), textKey(QStringLiteral("σίσυφος")));
}

TEST(NfcAtRead, APoCatalogReadsComposed)
{
    const QByteArray po = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                          "msgctxt \"u\"\nmsgid \"" + nfdUtf8(QStringLiteral("Médula")) + "\"\nmsgstr \"" + nfdUtf8(kMarrow) + "\"\n";
    auto catalog = PoCatalog::fromBytes(po, QStringLiteral("nfd.po"));
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
    EXPECT_EQ(catalog->entries.value(0).msgid, QStringLiteral("Médula"));
    EXPECT_EQ(catalog->entries.value(0).msgstr, kMarrow);
}

TEST(NfcAtRead, ADecomposedMarkdownFileGivesTheUnitsOfItsComposedTwin)
{
    const QString markdown = QStringLiteral("# Médula ósea\n\nLa médula ósea produce *glóbulos* blancos. Añádalo.\n");
    const SegmentedDocument composed = test::segmentBytes(markdown.toUtf8());
    const SegmentedDocument decomposed = test::segmentBytes(nfdUtf8(markdown));
    EXPECT_EQ(test::unitTexts(decomposed), test::unitTexts(composed));
    ASSERT_EQ(decomposed.units.size(), composed.units.size());
    for (qsizetype i = 0; i < composed.units.size(); ++i)
        EXPECT_EQ(decomposed.units[i].id, composed.units[i].id);
    EXPECT_EQ(decomposed.source->bytes(), markdown.toUtf8()); // what the export splices into
}

TEST(NfcAtRead, XliffTmxTbxAndTermTablesReadComposed)
{
    const QByteArray target = nfdUtf8(kMarrow);
    const auto xliff2 = readXliff("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"es\">"
                                  "<file id=\"f\"><unit id=\"u\"><segment><source>The bone marrow.</source><target>" + target
                                      + "</target></segment></unit></file></xliff>",
                                  QStringLiteral("nfd.xlf"));
    ASSERT_TRUE(xliff2.ok()) << qPrintable(xliff2.error().toString());
    EXPECT_EQ(xliff2->files.value(0).units.value(0).target, kMarrow);

    const auto xliff12 = readXliff("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file source-language=\"en\" "
                                   "target-language=\"es\" datatype=\"plaintext\" original=\"doc.md\"><body><trans-unit id=\"u\">"
                                   "<source>The bone marrow.</source><target>" + target + "</target><note>" + target
                                       + "</note></trans-unit></body></file></xliff>",
                                   QStringLiteral("nfd.xlf"));
    ASSERT_TRUE(xliff12.ok()) << qPrintable(xliff12.error().toString());
    const XliffUnit unit = xliff12->files.value(0).units.value(0);
    EXPECT_EQ(unit.target, kMarrow);
    EXPECT_EQ(unit.notes.value(0).text, kMarrow);

    const auto tmx = readTmx("<tmx version=\"1.4\"><header srclang=\"en\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" "
                             "o-tmf=\"x\" creationtool=\"x\" creationtoolversion=\"1\"/><body><tu><tuv xml:lang=\"en\"><seg>The bone "
                             "marrow.</seg></tuv><tuv xml:lang=\"es\"><seg>" + target + "</seg></tuv></tu></body></tmx>",
                             QStringLiteral("nfd.tmx"), QStringLiteral("es"));
    ASSERT_TRUE(tmx.ok()) << qPrintable(tmx.error().toString());
    EXPECT_EQ(tmx->value(0).target, kMarrow);

    const auto tbx = readTbx("<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" xml:lang=\"en\"><text><body><conceptEntry id=\"c\">"
                             "<langSec xml:lang=\"es\"><termSec><term>" + nfdUtf8(QStringLiteral("médula ósea"))
                                 + "</term></termSec></langSec></conceptEntry></body></text></tbx>",
                             QStringLiteral("nfd.tbx"));
    ASSERT_TRUE(tbx.ok()) << qPrintable(tbx.error().toString());
    EXPECT_EQ(tbx->concepts.value(0).terms.value(0).text, QStringLiteral("médula ósea"));

    const auto tsv = readTermTable("concept\tlanguage\tterm\nc\tes\t" + nfdUtf8(QStringLiteral("médula ósea")) + "\n",
                                   TableFormat::Tsv, QStringLiteral("nfd.tsv"));
    ASSERT_TRUE(tsv.ok()) << qPrintable(tsv.error().toString());
    EXPECT_EQ(tsv->concepts.value(0).terms.value(0).text, QStringLiteral("médula ósea"));
}

// The defect as a translator met it: two correct sentences, saved decomposed by a macOS
// editor, were reported misspelled and missing their glossary terms.
TEST(NfcChecks, ADecomposedCatalogGetsTheFindingsOfItsComposedTwin)
{
    auto suite = ProjectContext::atFolder(test::sourceDir(), QStringLiteral("en"), QStringLiteral("es"))->loadCheckSuite();
    ASSERT_TRUE(suite.ok()) << qPrintable(suite.error().toString());
    const QList<std::pair<QString, QString>> units = {
        {QStringLiteral("The bone marrow makes white blood cells."), kMarrow},
        {QStringLiteral("Acute lymphoblastic leukemia is a type of cancer in which the bone marrow makes too many lymphocytes."),
         QStringLiteral("La leucemia linfoblástica aguda es un tipo de cáncer por el que la médula ósea produce demasiados linfocitos.")}};
    auto findingsOf = [&](auto encode) {
        QByteArray po = "msgid \"\"\nmsgstr \"Language: es\\nContent-Type: text/plain; charset=UTF-8\\n\"\n";
        for (qsizetype i = 0; i < units.size(); ++i)
            po += "\nmsgctxt \"u" + QByteArray::number(i) + "\"\nmsgid \"" + units[i].first.toUtf8() + "\"\nmsgstr \""
                  + encode(units[i].second) + "\"\n";
        auto catalog = PoCatalog::fromBytes(po, QStringLiteral("doc.po"));
        EXPECT_TRUE(catalog.ok());
        QStringList found;
        for (const PoEntry &entry : catalog->entries)
            found += checksOf((*suite)->checkUnit(entry));
        return found;
    };
    const QStringList composed = findingsOf([](const QString &t) { return t.toUtf8(); });
    EXPECT_EQ(composed, QStringList());
    EXPECT_EQ(findingsOf(nfdUtf8), composed);
}

class NfcTerms : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        auto termbase = loadTbx(test::dataDir() + QStringLiteral("/glossary/mini.tbx"));
        auto en = HunspellDictionary::load(QStringLiteral("en_US"));
        auto es = HunspellDictionary::load(QStringLiteral("es_US"));
        ASSERT_TRUE(termbase.ok() && en.ok() && es.ok());
        s_checker = std::make_unique<TerminologyChecker>(std::make_shared<Termbase>(*termbase), QStringLiteral("en"),
                                                         QStringLiteral("es"), *en, *es);
    }
    static void TearDownTestSuite() { s_checker.reset(); }
    static std::unique_ptr<TerminologyChecker> s_checker;
};
std::unique_ptr<TerminologyChecker> NfcTerms::s_checker;

// Text that reaches a check without a reader (typed in the editor) may be decomposed, and
// folding may lengthen a word before the term ("ß" folds to "ss", "İ" to "i" and a dot):
// the finding still marks the term's own characters in the text as written.
TEST_F(NfcTerms, AForbiddenTermIsFoundInDecomposedTextAtItsOwnSpan)
{
    const QString source = QStringLiteral("The bone marrow makes white blood cells.");
    for (const QString &target : {nfd(QStringLiteral("Straße: la médula espinal también produce leucocitos.")),
                                  nfd(QStringLiteral("İSTANBUL: la médula espinal también produce leucocitos."))}) {
        const Findings findings = s_checker->check(source, target);
        const auto forbidden = std::find_if(findings.cbegin(), findings.cend(),
                                            [](const Finding &f) { return f.check == QLatin1String("terminology.forbidden"); });
        ASSERT_NE(forbidden, findings.cend()) << checksOf(findings).join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(target.mid(forbidden->targetSpan.start, forbidden->targetSpan.length), nfd(QStringLiteral("médula espinal")));
    }
}

// A catalog written decomposed before text was normalized at read fingerprinted its NFD
// text: the reviewer's approval and the accepted finding still stand for the same words,
// and an update does not prune the suppression as stale (found in review).
TEST(NfcAtRead, ApprovalsAndSuppressionsOfADecomposedCatalogStillHold)
{
    QTemporaryDir dir;
    const QDateTime at(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    PoEntry e;
    e.context = QStringLiteral("u1");
    e.msgid = QStringLiteral("The bone marrow makes blood cells.");
    e.msgstr = QStringLiteral("La médula ósea produce células sanguíneas.").normalized(QString::NormalizationForm_D);
    ASSERT_TRUE(recordTranslation(e, QStringLiteral("Ana"), at).ok());
    ASSERT_TRUE(approveUnit(e, QStringLiteral("Rosa"), at).ok());
    addSuppression(e, Suppression{QStringLiteral("terminology.missing"), QStringLiteral("c1"), QStringLiteral("Rosa"), at,
                                  QStringLiteral("the glossary's term reads wrong here")});
    PoCatalog catalog;
    catalog.header = QStringLiteral("Content-Type: text/plain; charset=UTF-8\nLanguage: es\n");
    catalog.entries = {e};
    const QString po = dir.filePath(QStringLiteral("nfd.po"));
    ASSERT_TRUE(catalog.write(po).ok());
    ASSERT_TRUE(test::readAll(po).contains(e.msgstr.toUtf8())); // on disk as the old tool wrote it

    auto read = PoCatalog::read(po);
    ASSERT_TRUE(read.ok());
    PoEntry &back = read->entries.first();
    EXPECT_EQ(back.msgstr, e.msgstr.normalized(QString::NormalizationForm_C));
    EXPECT_EQ(stateOf(back), UnitState::Approved);
    EXPECT_FALSE(changedSinceLastReview(back, QStringLiteral("Rosa")));
    EXPECT_EQ(suppressionsOf(back).size(), 1);
    EXPECT_FALSE(pruneStaleSuppressions(back));
    // An edit still ends them, as for any catalog.
    back.msgstr = QStringLiteral("La médula produce células.");
    EXPECT_EQ(stateOf(back), UnitState::Translated);
    EXPECT_TRUE(suppressionsOf(back).isEmpty());
}
