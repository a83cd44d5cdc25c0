// Terminology: recognition in English, enforcement in Spanish.
#include "glossary/tbx_format.h"
#include "glossary/word_list.h"
#include "qa/suppressions.h"
#include "qa/terminology_check.h"
#include "qa/term_suggestions.h"
#include "spell/hunspell_dictionary.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

namespace {

class Terminology : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        auto termbase = loadTbx(test::dataDir() + QStringLiteral("/glossary/mini.tbx"));
        ASSERT_TRUE(termbase.ok());
        auto en = HunspellDictionary::load(QStringLiteral("en_US"));
        auto es = HunspellDictionary::load(QStringLiteral("es_US"));
        ASSERT_TRUE(en.ok() && es.ok()) << "install hunspell-en-us and hunspell-es";
        s_checker = std::make_unique<TerminologyChecker>(std::make_shared<Termbase>(*termbase), QStringLiteral("en"),
                                                         QStringLiteral("es"), *en, *es);
    }
    static void TearDownTestSuite() { s_checker.reset(); }

    static QStringList recognized(const QString &text)
    {
        QStringList out;
        for (const SourceTermHit &hit : s_checker->recognize(text))
            out.append(text.mid(hit.span.start, hit.span.length));
        return out;
    }
    static QStringList checks(const QString &source, const QString &target)
    {
        QStringList out;
        for (const Finding &f : s_checker->check(source, target))
            out.append(f.check);
        return out;
    }
    static std::unique_ptr<TerminologyChecker> s_checker;
};
std::unique_ptr<TerminologyChecker> Terminology::s_checker;

} // namespace

TEST_F(Terminology, RecognizesPluralsLongestFirstAndAcronymsByCase)
{
    EXPECT_EQ(recognized(QStringLiteral("Acute lymphoblastic leukemias affect white blood cells.")),
              (QStringList{"Acute lymphoblastic leukemias", "white blood cells"}));
    EXPECT_EQ(recognized(QStringLiteral("In ALL, all stem cells change.")), (QStringList{"ALL", "stem cells"}));
    EXPECT_TRUE(recognized(QStringLiteral("All patients and all doctors.")).isEmpty());
}

TEST_F(Terminology, RecognizesTermsAcrossPlaceholdersAndWithPunctuationInside)
{
    EXPECT_EQ(recognized(QStringLiteral("The {1}bone{/1} marrow and the BCR::ABL1 fusion gene.")),
              (QStringList{"bone{/1} marrow", "BCR::ABL1 fusion gene"}));
}

TEST_F(Terminology, InflectedAndSynonymTargetsPass)
{
    EXPECT_TRUE(checks(QStringLiteral("White blood cells fight infection."), QStringLiteral("Los glóbulos blancos combaten infecciones.")).isEmpty());
    EXPECT_TRUE(checks(QStringLiteral("White blood cells fight infection."), QStringLiteral("Los leucocitos combaten infecciones.")).isEmpty());
    EXPECT_TRUE(checks(QStringLiteral("Stem cells grow."), QStringLiteral("Las células madre crecen.")).isEmpty());
    EXPECT_TRUE(checks(QStringLiteral("It is given in the bone marrow."), QStringLiteral("Se administra en la Médula Ósea.")).isEmpty());
}

TEST_F(Terminology, AcronymMayBeRenderedByExpansionOrTargetAcronym)
{
    EXPECT_TRUE(checks(QStringLiteral("ALL is treated."), QStringLiteral("La LLA se trata.")).isEmpty());
    EXPECT_TRUE(checks(QStringLiteral("ALL is treated."), QStringLiteral("La leucemia linfoblástica aguda se trata.")).isEmpty());
    EXPECT_EQ(checks(QStringLiteral("ALL is treated."), QStringLiteral("La leucemia se trata.")), QStringList{"terminology.missing"});
}

TEST_F(Terminology, ForbiddenTermIsAnErrorAtItsSpanWithTheReason)
{
    const QString target = QStringLiteral("La médula espinal produce sangre.");
    const Findings findings = s_checker->check(QStringLiteral("The bone marrow makes blood."), target);
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].check, QStringLiteral("terminology.forbidden"));
    EXPECT_EQ(findings[0].severity, Severity::Error);
    EXPECT_EQ(target.mid(findings[0].targetSpan.start, findings[0].targetSpan.length), QStringLiteral("médula espinal"));
    EXPECT_EQ(findings[0].sourceSpan, (TextSpan{4, 11}));
    EXPECT_TRUE(findings[0].message.contains(QStringLiteral("means spinal cord")));
    EXPECT_TRUE(findings[0].message.contains(QStringLiteral("use “médula ósea”")));
    EXPECT_EQ(findings[0].subject, QStringLiteral("c-bone-marrow"));
}

TEST_F(Terminology, OutdatedTermIsAWarningAndMissingTermAnError)
{
    EXPECT_EQ(checks(QStringLiteral("Stem cells grow."), QStringLiteral("Las células troncales crecen.")),
              QStringList{"terminology.outdated"});
    EXPECT_EQ(checks(QStringLiteral("Stem cells grow."), QStringLiteral("Las células crecen.")), QStringList{"terminology.missing"});
}

TEST_F(Terminology, FewerOccurrencesInTheTargetIsAWarning)
{
    const Findings f = s_checker->check(QStringLiteral("Acute lymphoblastic leukemia (ALL) is a cancer."),
                                        QStringLiteral("La leucemia linfoblástica aguda es un cáncer."));
    ASSERT_EQ(f.size(), 1);
    EXPECT_EQ(f[0].check, QStringLiteral("terminology.count"));
    EXPECT_EQ(f[0].severity, Severity::Warning);
    EXPECT_TRUE(checks(QStringLiteral("Acute lymphoblastic leukemia (ALL) is a cancer."),
                       QStringLiteral("La leucemia linfoblástica aguda (LLA) es un cáncer.")).isEmpty());
}

TEST(Suppressions, StoredInThePoSurviveReloadAndDropWhenTextChanges)
{
    PoEntry entry;
    entry.context = QStringLiteral("u1");
    entry.msgid = QStringLiteral("Stem cells grow.");
    entry.msgstr = QStringLiteral("Las células troncales crecen.");
    addSuppression(entry, Suppression{QStringLiteral("terminology.outdated"), QStringLiteral("c-stem-cell"), QStringLiteral("Rosa"),
                                      QDateTime::currentDateTimeUtc(), QStringLiteral("quoted from a 2010 consent form")});
    Finding outdated;
    outdated.check = QStringLiteral("terminology.outdated");
    outdated.subject = QStringLiteral("c-stem-cell");
    EXPECT_TRUE(isSuppressed(outdated, suppressionsOf(entry)));
    outdated.subject = QStringLiteral("c-other");
    EXPECT_FALSE(isSuppressed(outdated, suppressionsOf(entry)));

    PoCatalog catalog;
    catalog.header = QStringLiteral("Content-Type: text/plain; charset=UTF-8\n");
    catalog.entries = {entry};
    QTemporaryDir dir;
    ASSERT_TRUE(catalog.write(dir.filePath(QStringLiteral("s.po"))).ok());
    auto back = PoCatalog::read(dir.filePath(QStringLiteral("s.po")));
    ASSERT_TRUE(back.ok());
    PoEntry reloaded = back->entries.first();
    ASSERT_EQ(suppressionsOf(reloaded).size(), 1);
    EXPECT_EQ(suppressionsOf(reloaded).first().reason, QStringLiteral("quoted from a 2010 consent form"));

    reloaded.msgstr = QStringLiteral("Las células troncales crecen rápido.");
    EXPECT_TRUE(suppressionsOf(reloaded).isEmpty());
    EXPECT_TRUE(pruneStaleSuppressions(reloaded));
    EXPECT_FALSE(reloaded.translatorComments.contains(QStringLiteral("qa-ignore")));
}

TEST(WordList, SpanishGlossaryWordsGetPluralAndGenderFlags)
{
    auto termbase = loadTbx(test::dataDir() + QStringLiteral("/glossary/mini.tbx"));
    auto es = HunspellDictionary::load(QStringLiteral("es_US"));
    ASSERT_TRUE(termbase.ok() && es.ok());
    const QByteArray list = hunspellWordList(*termbase, QStringLiteral("es"), **es);
    EXPECT_TRUE(list.contains("linfoblástico/GS\n")) << list.constData();
    EXPECT_TRUE(list.contains("intratecal/S\n")) << list.constData();
    EXPECT_FALSE(list.contains("médula")) << "known words stay out";
    // With the list added, Hunspell knows the inflections.
    QTemporaryDir dir;
    test::writeAll(dir.filePath(QStringLiteral("medical.dic")), list);
    ASSERT_TRUE((*es)->addWordList(dir.filePath(QStringLiteral("medical.dic"))).ok());
    EXPECT_TRUE((*es)->spell(QStringLiteral("linfoblásticas")));
    EXPECT_TRUE((*es)->spell(QStringLiteral("intratecales")));
    EXPECT_EQ((*es)->stem(QStringLiteral("linfoblásticas")), QStringLiteral("linfoblástico"));
}

TEST_F(Terminology, AMissingTermIsAnErrorOnlyForPatientSafetyCriticalConcepts)
{
    const auto severityOf = [](const QString &source, const QString &target) {
        const Findings found = s_checker->check(source, target);
        return found.size() == 1 && found[0].check == QLatin1String("terminology.missing") ? severityName(found[0].severity)
                                                                                           : QStringLiteral("none");
    };
    // bone marrow carries <admin type="projectSubset">patient-safety-critical</admin>.
    EXPECT_EQ(severityOf(QStringLiteral("The bone marrow makes blood."), QStringLiteral("El tuétano produce sangre.")),
              QStringLiteral("error"));
    // A rephrased ordinary term is worth a look, not a blocked release.
    EXPECT_EQ(severityOf(QStringLiteral("Stem cells grow."), QStringLiteral("Las células crecen.")), QStringLiteral("warning"));
}

TEST_F(Terminology, TermsInsideNamesAndAddressesTheTargetKeepsAreNotDemanded)
{
    EXPECT_TRUE(checks(QStringLiteral("Call the Bone Marrow Foundation."), QStringLiteral("Llame a la Bone Marrow Foundation.")).isEmpty());
    EXPECT_TRUE(checks(QStringLiteral("See marrow.org/bone-marrow today."), QStringLiteral("Vea hoy marrow.org/bone-marrow.")).isEmpty());
    // A name the target translates is checked as usual.
    EXPECT_EQ(checks(QStringLiteral("Call the Bone Marrow Foundation."), QStringLiteral("Llame a la Fundación del Tuétano.")),
              QStringList{"terminology.missing"});
}

// What the glossary panel offers: one entry per concept however the source writes it, the
// acronym where the source uses the acronym, the plural where the source has the plural.
TEST_F(Terminology, SuggestionsFollowTheSourceAndNameEachConceptOnce)
{
    const QString source = QStringLiteral("Bone marrow makes white blood cells. In ALL, the bone marrow and bone marrow white blood cells change.");
    const QList<TermSuggestion> s = termSuggestions(s_checker->recognize(source), source, QStringLiteral("es"));
    QStringList shown;
    for (const TermSuggestion &t : s)
        shown.append(t.inSource + QStringLiteral(" -> ") + t.insertion);
    EXPECT_EQ(shown, (QStringList{"Bone marrow -> médula ósea", "white blood cells -> glóbulos blancos", "ALL -> LLA"}));
    EXPECT_EQ(s[0].never, QStringList{"médula espinal"});
    EXPECT_EQ(s[2].others, QStringList{"leucemia linfoblástica aguda"});

    const QString spelledOut = QStringLiteral("Acute lymphoblastic leukemia is a cancer.");
    const QList<TermSuggestion> full = termSuggestions(s_checker->recognize(spelledOut), spelledOut, QStringLiteral("es"));
    ASSERT_FALSE(full.isEmpty());
    EXPECT_EQ(full[0].insertion, QStringLiteral("leucemia linfoblástica aguda"));
    EXPECT_EQ(full[0].others, QStringList{"LLA"});
}

TEST(TermInsertion, CapitalizedOnlyWhereASentenceStarts)
{
    const QString es = QStringLiteral("es");
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("médula ósea"), QString(), es), QStringLiteral("Médula ósea"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("médula ósea"), QStringLiteral("  "), es), QStringLiteral("Médula ósea"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("médula ósea"), QStringLiteral("Se cura. "), es), QStringLiteral("Médula ósea"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("médula ósea"), QStringLiteral("¿"), es), QStringLiteral("Médula ósea"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("médula ósea"), QStringLiteral("Es cierto. «"), es), QStringLiteral("Médula ósea"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("médula ósea"), QStringLiteral("La "), es), QStringLiteral("médula ósea"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("médula ósea"), QStringLiteral("afecta a la ("), es), QStringLiteral("médula ósea"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("LLA"), QString(), es), QStringLiteral("LLA"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("ijssel"), QString(), QStringLiteral("nl")), QStringLiteral("IJssel")); // ICU's Dutch titlecase
    // Placeholders are not text: "{1}" at the start of a unit still starts the sentence.
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("{1}"), es), QStringLiteral("Leucemia"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("Fin. {2}"), es), QStringLiteral("Leucemia"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("la {1}"), es), QStringLiteral("leucemia"));
    // Abbreviations end in a period inside a sentence; an ellipsis ends one.
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("tipos de cáncer, p. ej. "), es), QStringLiteral("leucemia"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("en los EE. UU. "), es), QStringLiteral("leucemia"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("la Dra. "), es), QStringLiteral("leucemia"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("No se sabe\u2026 "), es), QStringLiteral("Leucemia"));
    EXPECT_EQ(fitToSentenceStart(QStringLiteral("leucemia"), QStringLiteral("Es una dosis. "), es), QStringLiteral("Leucemia")); // "dosis" is no abbreviation
    // A term whose case is part of it stays as it is.
    for (const char *term : {"pH", "mTOR", "mg", "β-bloqueante"})
        EXPECT_EQ(fitToSentenceStart(QString::fromUtf8(term), QString(), es), QString::fromUtf8(term));
    EXPECT_EQ(spanishPlural(QStringLiteral("trasplante de célula madre")), QStringLiteral("trasplantes de célula madre"));
    EXPECT_EQ(spanishPlural(QStringLiteral("nariz")), QStringLiteral("narices"));
    EXPECT_EQ(spanishPlural(QStringLiteral("infección urinaria")), QStringLiteral("infecciones urinarias"));
    EXPECT_EQ(spanishPlural(QStringLiteral("radiación")), QStringLiteral("radiaciones"));
}
