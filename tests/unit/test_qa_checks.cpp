// Each QA check fires on the error it is for, says where, and stays quiet on correct text.
#include "qa/check_suite.h"
#include "project/project_context.h"
#include "qa/consistency_check.h"
#include "qa/foreign_text.h"
#include "qa/negation_check.h"
#include "qa/number_check.h"
#include "qa/publishing_check.h"
#include "qa/text_checks.h"
#include "spell/hunspell_dictionary.h"
#include "spell/spell_checker.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace wb;

namespace {

// A language's file as the bundled project has it (its own, else the built-in one).
QString languageFile(const char *language, const char *name)
{
    return ProjectContext::atFolder(test::sourceDir())->languageFile(QString::fromLatin1(language), QString::fromLatin1(name), true);
}


QStringList ids(const Findings &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out.append(f.check);
    return out;
}

class QaChecks : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        auto suite = ProjectContext::atFolder(test::sourceDir(), QStringLiteral("en"), QStringLiteral("es"))->loadCheckSuite();
        ASSERT_TRUE(suite.ok()) << qPrintable(suite.error().toString());
        s_suite = *suite;
    }
    static void TearDownTestSuite() { s_suite.reset(); }
    static QStringList all(const QString &source, const QString &target)
    {
        PoEntry e;
        e.context = QStringLiteral("u");
        e.msgid = source;
        e.msgstr = target;
        return ids(s_suite->checkUnit(e));
    }
    static std::shared_ptr<CheckSuite> s_suite;
};
std::shared_ptr<CheckSuite> QaChecks::s_suite;

} // namespace

TEST(NumberCheck, LocaleFormatsAndSpelledOutNumbersMatch)
{
    NumberChecker numbers(QStringLiteral("en"), QStringLiteral("es"), languageFile("en", "number-words.txt"), languageFile("es", "number-words.txt"));
    EXPECT_TRUE(numbers.check(QStringLiteral("5% or fewer of 1,000 cells"), QStringLiteral("5 % o menos de 1.000 células")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("3.5 mg"), QStringLiteral("3,5 mg")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("1,000 cells"), QStringLiteral("1000 células")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("There are two types."), QStringLiteral("Hay dos tipos.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("There are two types."), QStringLiteral("Hay 2 tipos.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("Four to five days"), QStringLiteral("De cuatro a cinco días")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("chromosomes 9 and 22"), QStringLiteral("los cromosomas 9 y 22")).isEmpty());
}

TEST(NumberCheck, ChangedDosesPercentagesAndPhoneDigitsAreErrorsAtTheirSpan)
{
    NumberChecker numbers(QStringLiteral("en"), QStringLiteral("es"), languageFile("en", "number-words.txt"), languageFile("es", "number-words.txt"));
    const QString target = QStringLiteral("El 50 % de las células.");
    const Findings changed = numbers.check(QStringLiteral("5% of the cells."), target);
    ASSERT_EQ(ids(changed), QStringList{"numbers.changed"});
    EXPECT_EQ(target.mid(changed[0].targetSpan.start, changed[0].targetSpan.length), QStringLiteral("50"));
    EXPECT_EQ(changed[0].sourceSpan, (TextSpan{0, 1}));
    EXPECT_EQ(changed[0].message, QStringLiteral("number “5” of the source is “50” in the target"));
    EXPECT_EQ(ids(numbers.check(QStringLiteral("Up to 5 days."), QStringLiteral("Hasta días."))), QStringList{"numbers.missing"});
    EXPECT_EQ(ids(numbers.check(QStringLiteral("Up to days."), QStringLiteral("Hasta 5 días."))), QStringList{"numbers.extra"});

    EXPECT_EQ(ids(numbers.check(QStringLiteral("Call 1-800-422-6237."), QStringLiteral("Llame al 1-800-422-6273."))),
              QStringList{"numbers.code"});
    EXPECT_TRUE(numbers.check(QStringLiteral("Call 1-800-422-6237."), QStringLiteral("Llame al 1-800-422-6237.")).isEmpty());
    // A spelled-out number that became another one is a changed number, as digits are.
    const Findings spelled = numbers.check(QStringLiteral("There are two types."), QStringLiteral("Hay tres tipos."));
    ASSERT_EQ(ids(spelled), QStringList{"numbers.changed"});
    EXPECT_EQ(spelled[0].message, QStringLiteral("the source says “two” (2); the target says “tres”"));
    EXPECT_EQ(ids(numbers.check(QStringLiteral("There are two types."), QStringLiteral("Hay varios tipos."))),
              QStringList{"numbers.word"});
    // Placeholders are not numbers.
    EXPECT_TRUE(numbers.check(QStringLiteral("See {1}this{/1}."), QStringLiteral("Vea {1}esto{/1}.")).isEmpty());
}

TEST(NumberCheck, ReadsOnceTwiceBothAndHalfAndTellsArticlesFromTheNumberOne)
{
    // The built-in lists (locales/LANG/number-words.txt) are used without a project.
    NumberChecker numbers(QStringLiteral("en"), QStringLiteral("es"), languageFile("en", "number-words.txt"), languageFile("es", "number-words.txt"));
    EXPECT_TRUE(numbers.check(QStringLiteral("Both kidneys were removed."), QStringLiteral("Se extirparon ambos riñones.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("Take it twice a day."), QStringLiteral("Tómelo dos veces al día.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("Half of the patients."), QStringLiteral("La mitad de los pacientes.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("Once a day."), QStringLiteral("Una vez al día.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("A dozen eggs."), QStringLiteral("Una docena de huevos.")).isEmpty());
    EXPECT_EQ(ids(numbers.check(QStringLiteral("Take it twice a day."), QStringLiteral("Tómelo tres veces al día."))),
              QStringList{"numbers.changed"});
    EXPECT_EQ(ids(numbers.check(QStringLiteral("Both kidneys were removed."), QStringLiteral("Se extirpó un riñón."))),
              QStringList{"numbers.word"});
    // "un médico" renders "a doctor", so it cannot also render "one".
    const QString target = QStringLiteral("Dos o más pruebas las hace un médico.");
    const Findings lost = numbers.check(QStringLiteral("One or more tests are done by a doctor."), target);
    ASSERT_EQ(ids(lost), QStringList{"numbers.changed"});
    EXPECT_EQ(target.mid(lost[0].targetSpan.start, lost[0].targetSpan.length), QStringLiteral("Dos"));
    // Without an article in the source, "una" may well be the number.
    EXPECT_TRUE(numbers.check(QStringLiteral("Take one tablet."), QStringLiteral("Tome una tableta.")).isEmpty());
}

TEST(TextChecks, MarkupPlaceholdersAndTypedMarkdown)
{
    EXPECT_EQ(ids(checkMarkup(QStringLiteral("See {1}care{/1}."), QStringLiteral("Vea {1}atención."))), QStringList{"markup.placeholders"});
    EXPECT_EQ(ids(checkMarkup(QStringLiteral("{1}a {2}b{/2}{/1}"), QStringLiteral("{1}a {2}b{/1}{/2}"))), QStringList{"markup.placeholders"});
    EXPECT_TRUE(checkMarkup(QStringLiteral("{1}a {2}b{/2}{/1}"), QStringLiteral("{2}b{/2} {1}a{/1}")).isEmpty());
    const Findings typed = checkMarkup(QStringLiteral("The bone marrow."), QStringLiteral("La **médula ósea**."));
    ASSERT_EQ(ids(typed), QStringList{"markup.typed"});
    EXPECT_EQ(typed[0].targetSpan, (TextSpan{3, 2}));
}

TEST(TextChecks, SpanishInvertedMarksIncludingEmbeddedQuestions)
{
    EXPECT_TRUE(checkPunctuation(QStringLiteral("Is it serious?"), QStringLiteral("¿Es grave?"), QStringLiteral("es")).isEmpty());
    EXPECT_TRUE(checkPunctuation(QStringLiteral("If you have a fever, should you call?"),
                                 QStringLiteral("Si tiene fiebre, ¿debe llamar?"), QStringLiteral("es")).isEmpty());
    const Findings missing = checkPunctuation(QStringLiteral("Is it serious?"), QStringLiteral("Es grave?"), QStringLiteral("es"));
    ASSERT_EQ(ids(missing), QStringList{"punctuation.inverted"});
    EXPECT_EQ(missing[0].targetSpan, (TextSpan{8, 1}));
    EXPECT_EQ(ids(checkPunctuation(QStringLiteral("Wow!"), QStringLiteral("¡Vaya"), QStringLiteral("es"))),
              (QStringList{"punctuation.inverted", "punctuation.final"}));
    EXPECT_EQ(ids(checkPunctuation(QStringLiteral("It grows."), QStringLiteral("Crece:"), QStringLiteral("es"))), QStringList{"punctuation.final"});
    // Quotes and brackets are looked through at the end.
    EXPECT_TRUE(checkPunctuation(QStringLiteral("It is called the \"Philadelphia chromosome.\""),
                                 QStringLiteral("Se llama \"cromosoma Filadelfia.\""), QStringLiteral("es")).isEmpty());
}

TEST(TextChecks, WhitespaceLengthAndUntranslated)
{
    EXPECT_EQ(ids(checkWhitespace(QStringLiteral("A b."), QStringLiteral("Un  b. "))), (QStringList{"whitespace.double", "whitespace.edges"}));
    EXPECT_EQ(ids(checkWhitespace(QStringLiteral("A, b."), QStringLiteral("Un , b."))), QStringList{"whitespace.before-punctuation"});
    EXPECT_TRUE(checkWhitespace(QStringLiteral("A b."), QStringLiteral("Un b.")).isEmpty());
    EXPECT_EQ(ids(checkLength(QStringLiteral("The bone marrow makes blood cells every day."), QStringLiteral("Sí."))), QStringList{"length"});
    EXPECT_TRUE(checkLength(QStringLiteral("The bone marrow makes blood cells every day."),
                            QStringLiteral("La médula ósea produce células sanguíneas todos los días.")).isEmpty());
    auto never = [](const QString &) { return false; };
    auto always = [](const QString &) { return true; };
    EXPECT_EQ(ids(checkUntranslated(QStringLiteral("Bone marrow."), QStringLiteral("Bone marrow."), never)), QStringList{"untranslated.copy"});
    EXPECT_TRUE(checkUntranslated(QStringLiteral("Otitis externa"), QStringLiteral("Otitis externa"), always).isEmpty());
}

namespace {
PoEntry unit(const QString &id, const QString &source, const QString &target)
{
    PoEntry e;
    e.context = id;
    e.msgid = source;
    e.msgstr = target;
    return e;
}
} // namespace

TEST(Consistency, NamesTheOtherUnitForADifferentTranslationOrAReusedOne)
{
    PoCatalog catalog;
    catalog.entries = {unit(QStringLiteral("a"), QStringLiteral("Bone marrow."), QStringLiteral("Médula ósea.")),
                       unit(QStringLiteral("b"), QStringLiteral("Spinal cord."), QStringLiteral("Médula espinal."))};
    ConsistencyIndex index;
    index.add(catalog);

    // Same source (case and final stop aside), another translation: points at unit a.
    const Findings differs = index.check(unit(QStringLiteral("c"), QStringLiteral("bone marrow"), QStringLiteral("Tuétano")));
    ASSERT_EQ(differs.size(), 1);
    EXPECT_EQ(differs[0].check, QStringLiteral("consistency.source"));
    EXPECT_EQ(differs[0].subject, QStringLiteral("a"));
    EXPECT_TRUE(differs[0].message.contains(QStringLiteral("Médula ósea.")));

    // The translation of "Spinal cord." reused for "Bone marrow": points at unit b.
    const Findings reused = index.check(unit(QStringLiteral("d"), QStringLiteral("Bone marrow."), QStringLiteral("Médula espinal.")));
    QStringList checks;
    for (const Finding &f : reused)
        checks.append(f.check + QLatin1Char(':') + f.subject);
    EXPECT_EQ(checks, QStringList({QStringLiteral("consistency.source:a"), QStringLiteral("consistency.target:b")}));

    // The unit itself, and a consistent repeat, raise nothing.
    EXPECT_TRUE(index.check(catalog.entries[0]).isEmpty());
    EXPECT_TRUE(index.check(unit(QStringLiteral("e"), QStringLiteral("Bone marrow."), QStringLiteral("Médula  ósea."))).isEmpty());
}

TEST_F(QaChecks, SpellingFlagsMisspellingsButNotMedicalWordsAcronymsAddressesOrUnits)
{
    EXPECT_TRUE(all(QStringLiteral("Intrathecal chemotherapy for lymphoblastic leukemia."),
                    QStringLiteral("Quimioterapia intratecal para la leucemia linfoblástica.")).isEmpty());
    EXPECT_TRUE(all(QStringLiteral("The lymphoblasts are checked at https://www.cancer.gov, 5 mg, NCI."),
                    QStringLiteral("Los linfoblastos se revisan en https://www.cancer.gov, 5 mg, NCI.")).isEmpty());
    const QStringList found = all(QStringLiteral("Intrathecal chemotherapy."), QStringLiteral("Quimioterapia intratecall."));
    EXPECT_EQ(found, (QStringList{"spelling", "terminology.missing"}));
}

TEST_F(QaChecks, UntranslatedCopyIsAnErrorButNamesMayStayAsTheyAre)
{
    EXPECT_EQ(all(QStringLiteral("The bone marrow makes blood cells."), QStringLiteral("The bone marrow makes blood cells.")),
              QStringList{"untranslated.copy"});
    EXPECT_TRUE(all(QStringLiteral("PDQ"), QStringLiteral("PDQ")).isEmpty());
}

TEST_F(QaChecks, CorrectTranslationsOfTheSummaryRaiseNothing)
{
    EXPECT_TRUE(all(QStringLiteral("Acute lymphoblastic leukemia (ALL) is a type of cancer in which the bone marrow makes too many "
                                   "lymphocytes (a type of white blood cell)."),
                    QStringLiteral("La leucemia linfoblástica aguda (LLA) es un tipo de cáncer por el que la médula ósea produce "
                                   "demasiados linfocitos (un tipo de glóbulo blanco).")).isEmpty());
    EXPECT_TRUE(all(QStringLiteral("For more information, call the Cancer Information Service (CIS), NCI's contact center, at "
                                   "1-800-4-CANCER (1-800-422-6237)."),
                    QStringLiteral("Para obtener más información, llame al Servicio de Información sobre el Cáncer (CIS), el centro "
                                   "de contacto del NCI, al 1-800-4-CANCER (1-800-422-6237).")).isEmpty());
}

TEST_F(QaChecks, DroppedNegationIsAnErrorThatNamesTheSourceWord)
{
    // "do not" lost: the advice is reversed, though every word is spelled right.
    const QString source = QStringLiteral("Patients who have this symptom do not need a spinal tap.");
    EXPECT_EQ(all(source, QStringLiteral("Los pacientes que tienen este síntoma necesitan una punción lumbar.")),
              QStringList{"negation.missing"});
    EXPECT_TRUE(all(source, QStringLiteral("Los pacientes que tienen este síntoma no necesitan una punción lumbar.")).isEmpty());

    auto checker = NegationChecker::load(QStringLiteral("en"), languageFile("en", "negation-words.txt"), QStringLiteral("es"), languageFile("es", "negation-words.txt"));
    ASSERT_TRUE(checker.ok() && *checker);
    const Findings findings = (*checker)->check(source, QStringLiteral("Los pacientes necesitan una punción lumbar."));
    ASSERT_EQ(findings.size(), 1);
    EXPECT_EQ(findings[0].severity, Severity::Error);
    EXPECT_EQ(findings[0].sourceSpan, (TextSpan{int(source.indexOf(QStringLiteral("not"))), 3}));
    EXPECT_TRUE(findings[0].message.contains(QStringLiteral("\u201Cnot\u201D at column 35")));

    // Other ways to negate, and their Spanish renderings.
    EXPECT_TRUE((*checker)->check(QStringLiteral("Given without food."), QStringLiteral("Se administra sin alimentos.")).isEmpty());
    EXPECT_TRUE((*checker)->check(QStringLiteral("It doesn't spread."), QStringLiteral("No se disemina.")).isEmpty());
    EXPECT_EQ((*checker)->check(QStringLiteral("It doesn't spread."), QStringLiteral("Se disemina.")).size(), 1);
    EXPECT_TRUE((*checker)->check(QStringLiteral("Nobody knows why."), QStringLiteral("Nadie sabe por qué.")).isEmpty());
    // An affirmative source is never flagged, and an extra negation is the translator's call.
    EXPECT_TRUE((*checker)->check(QStringLiteral("The cells are unable to fight infection."),
                                  QStringLiteral("Las células no pueden combatir las infecciones.")).isEmpty());
}

TEST(NegationCheck, LanguagesWithoutAWordListAreNotChecked)
{
    auto checker = NegationChecker::load(QStringLiteral("en"), languageFile("en", "negation-words.txt"), QStringLiteral("xx"), languageFile("xx", "negation-words.txt"));
    ASSERT_TRUE(checker.ok());
    EXPECT_EQ(checker->get(), nullptr);
}

TEST(PublishingSafety, HtmlScriptsDangerousAndForeignLinksInATargetAreErrorsAtTheirSpan)
{
    PoEntry entry;
    entry.context = QStringLiteral("see-the-nci.1");
    entry.msgid = QStringLiteral("See {1}the NCI site{/1} or www.cancer.gov for details.");
    entry.extractedComments = QStringLiteral("paragraph\n{1}...{/1} link to https://www.cancer.gov/about-cancer");
    auto checksOf = [&](const QString &target) {
        entry.msgstr = target;
        return checkPublishingSafety(entry);
    };
    // The source's own destinations are fine, in any case and with sentence punctuation after them.
    EXPECT_TRUE(checksOf(QStringLiteral("Consulte {1}el sitio del NCI{/1} o www.cancer.gov para más detalles.")).isEmpty());
    EXPECT_TRUE(checksOf(QStringLiteral("Consulte {1}el sitio{/1} (https://www.cancer.gov/about-cancer).")).isEmpty());

    const Findings html = checksOf(QStringLiteral("Consulte <b>el sitio</b> del NCI."));
    ASSERT_EQ(ids(html), (QStringList{"publishing.html", "publishing.html"}));
    EXPECT_EQ(html[0].targetSpan, (TextSpan{9, 3}));

    const Findings script = checksOf(QStringLiteral("Vea <img src=x onerror=alert(1)> el sitio."));
    EXPECT_TRUE(ids(script).contains(QStringLiteral("publishing.script")));
    EXPECT_TRUE(ids(script).contains(QStringLiteral("publishing.html")));

    const Findings js = checksOf(QStringLiteral("Consulte [el sitio](javascript:alert(1)) del NCI."));
    ASSERT_EQ(ids(js), QStringList{"publishing.javascript-link"});
    EXPECT_EQ(js[0].targetSpan.start, 20);

    const Findings foreign = checksOf(QStringLiteral("Consulte {1}el sitio{/1} o https://cancer-cure.example/buy para más detalles."));
    ASSERT_EQ(ids(foreign), QStringList{"publishing.link-destination"});
    EXPECT_TRUE(foreign[0].message.contains(QStringLiteral("https://cancer-cure.example/buy"))) << foreign[0].message.toStdString();
}

TEST(ForeignText, EnglishLeftInATargetIsAnUntranslatedFragmentAndNamesAreNotMisspelled)
{
    // Word knowledge as the dictionaries give it: a few English and Spanish words.
    const QSet<QString> english = {"nausea", "and", "hair", "loss", "American", "Cancer", "Society", "the", "day"};
    const QSet<QString> spanish = {"la", "quimioterapia", "puede", "causar", "en", "algunos", "pacientes", "llame", "hoy", "a",
                                   "Llame", "La", "Sociedad", "Americana", "del", "Cáncer"};
    const WordKnowledge words{[&](const QString &w) { return spanish.contains(w); },
                              [&](const QString &w) { return english.contains(w); }};
    WordTokenizer tokenizer(QStringLiteral("es"));
    // What CheckSuite does: the names first, then the fragments around them.
    const auto fragments = [&](const QString &source, const QString &target) {
        const QList<Token> tokens = tokenizer.tokenize(target);
        return checkUntranslatedFragments(source, target, tokens, foreignNameSpans(target, tokens, words), words);
    };
    const QString source = QStringLiteral("Chemotherapy may cause nausea and hair loss in some patients.");
    const QString target = QStringLiteral("La quimioterapia puede causar nausea and hair loss en algunos pacientes.");
    const Findings found = fragments(source, target);
    ASSERT_EQ(ids(found), QStringList{"untranslated.fragment"});
    EXPECT_EQ(target.mid(found[0].targetSpan.start, found[0].targetSpan.length), QStringLiteral("nausea and hair loss"));
    EXPECT_EQ(found[0].severity, Severity::Error);
    // Two English words are a borrowing or a name, not a forgotten sentence.
    const QString two = QStringLiteral("La quimioterapia puede causar hair loss en algunos pacientes.");
    EXPECT_TRUE(fragments(source, two).isEmpty());

    const QString named = QStringLiteral("Llame hoy a la American Cancer Society.");
    EXPECT_TRUE(fragments(QStringLiteral("Call the American Cancer Society today."), named).isEmpty());
    const QList<TextSpan> names = foreignNameSpans(named, tokenizer.tokenize(named), words);
    ASSERT_EQ(names.size(), 1);
    EXPECT_EQ(named.mid(names[0].start, names[0].length), QStringLiteral("American Cancer Society"));
    // A Spanish name is Spanish: its words stay spell-checked.
    const QString spanishName = QStringLiteral("Llame a la Sociedad Americana del Cáncer.");
    EXPECT_TRUE(foreignNameSpans(spanishName, tokenizer.tokenize(spanishName), words).isEmpty());
}

TEST(NumberCheck, ReadsNumbersAsProfessionalTranslatorsWriteThem)
{
    NumberChecker numbers(QStringLiteral("en"), QStringLiteral("es"), languageFile("en", "number-words.txt"), languageFile("es", "number-words.txt"));
    EXPECT_TRUE(numbers.check(QStringLiteral("In the twenty four hours before."), QStringLiteral("En las veinticuatro horas previas.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("At least 52 thousand deaths."), QStringLiteral("Al menos 52 000 muertes.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("About 2 million people."), QStringLiteral("Unos 2 millones de personas.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("Between 3 p.m. and 6 a.m."), QStringLiteral("Entre las 3:00 p. m. y las 6:00 a. m.")).isEmpty());
    EXPECT_TRUE(numbers.check(QStringLiteral("As shown in Fig.1, cases rose."), QStringLiteral("Como se ve en la fig. 1, los casos subieron.")).isEmpty());
    // A real slip in a professional translation: fifty billion became fifty thousand.
    EXPECT_EQ(ids(numbers.check(QStringLiteral("Around US$50 billion in funding."), QStringLiteral("Alrededor de 50 000 USD en fondos."))),
              QStringList{"numbers.changed"});
}

TEST_F(QaChecks, SinEmbargoIsNoNegationAndNamesInsideASentenceAreNotMisspelled)
{
    EXPECT_EQ(all(QStringLiteral("However, the test is not needed."), QStringLiteral("Sin embargo, la prueba es necesaria.")),
              QStringList{"negation.missing"});
    EXPECT_TRUE(all(QStringLiteral("However, the test is not needed."), QStringLiteral("Sin embargo, la prueba no es necesaria.")).isEmpty());
    EXPECT_TRUE(all(QStringLiteral("She was treated in London."), QStringLiteral("La trataron en Londres.")).isEmpty());
    // Beside capitalized Spanish words, a capitalized typo is still one.
    EXPECT_TRUE(all(QStringLiteral("NCI is part of the National Institutes of Health."),
                    QStringLiteral("El NCI forma parte de los Insittutos Nacionales de la Salud."))
                    .contains(QStringLiteral("spelling")));
}

TEST_F(QaChecks, AnUnknownWordIsAnErrorWhenItLooksLikeASlipAndAWarningOtherwise)
{
    const auto spelling = [](const QString &source, const QString &target) {
        PoEntry e;
        e.context = QStringLiteral("u");
        e.msgid = source;
        e.msgstr = target;
        for (const Finding &f : s_suite->checkUnit(e))
            if (f.check == QLatin1String("spelling"))
                return std::make_pair(severityName(f.severity), f.message);
        return std::make_pair(QStringLiteral("none"), QString());
    };
    // Letters swapped, dropped, doubled; an accent missing: a reviewer fixes these.
    EXPECT_EQ(spelling(QStringLiteral("My head hurts."), QStringLiteral("Me duele la cabea.")).first, QStringLiteral("error"));
    EXPECT_EQ(spelling(QStringLiteral("My head hurts."), QStringLiteral("Me duele la cabeza.")).first, QStringLiteral("none"));
    EXPECT_EQ(spelling(QStringLiteral("It spreads quickly."), QStringLiteral("Se disemina rapidamente.")),
              std::make_pair(QStringLiteral("error"), QStringLiteral("“rapidamente” is not in the dictionary; “rápidamente” is")));
    EXPECT_EQ(spelling(QStringLiteral("The treatment."), QStringLiteral("El tratamieto.")).first, QStringLiteral("error"));
    EXPECT_EQ(spelling(QStringLiteral("The treatment."), QStringLiteral("El trattamiento.")).first, QStringLiteral("error"));
    // Two slips at once are past what the typo model assumes: still reported, as a warning.
    EXPECT_EQ(spelling(QStringLiteral("It spreads quickly."), QStringLiteral("Se disemina rapdiamente.")).first, QStringLiteral("warning"));
    // A word far from every known one is a term the dictionaries lack: worth a look.
    EXPECT_EQ(spelling(QStringLiteral("The nucleocapsid protein."), QStringLiteral("La proteína de la nucleocápsidex.")).first,
              QStringLiteral("warning"));
}

TEST(Stemming, AWordListThatSpellsOutPluralsAndFemininesKeysLikeTheDictionary)
{
    auto es = HunspellDictionary::load(QStringLiteral("es_US"));
    ASSERT_TRUE(es.ok());
    const QString before = (*es)->stem(QStringLiteral("cancerosas"));
    // A medical word list that lists every form as a word of its own.
    for (const char *word : {"anticuerpo", "anticuerpos", "cancerosa", "cancerosas", "canceroso"})
        (*es)->addWord(QString::fromUtf8(word));
    EXPECT_EQ((*es)->stem(QStringLiteral("anticuerpos")), (*es)->stem(QStringLiteral("anticuerpo")));
    EXPECT_EQ((*es)->stem(QStringLiteral("cancerosas")), before);
    EXPECT_EQ((*es)->stem(QStringLiteral("cancerosa")), before);
}

TEST_F(QaChecks, PatientTextParaphrasesAreNoErrorsButACriticalTermLostIs)
{
    const auto errors = [](const QString &source, const QString &target) {
        PoEntry e;
        e.context = QStringLiteral("u");
        e.msgid = source;
        e.msgstr = target;
        QStringList out;
        for (const Finding &f : s_suite->checkUnit(e))
            if (f.severity == Severity::Error)
                out.append(f.check);
        return out;
    };
    // How patient leaflets say it: the bundled glossaries must let these pass.
    EXPECT_TRUE(errors(QStringLiteral("The tumor is benign."), QStringLiteral("El tumor no es canceroso.")).isEmpty());
    EXPECT_TRUE(errors(QStringLiteral("Radiation therapy may cause fatigue."), QStringLiteral("La radiación puede causar cansancio.")).isEmpty());
    EXPECT_TRUE(errors(QStringLiteral("Hypertension is common."), QStringLiteral("La presión arterial alta es común.")).isEmpty());
    EXPECT_TRUE(errors(QStringLiteral("You may have a mastectomy."), QStringLiteral("Es posible que le extirpen el seno.")).isEmpty());
    // A route of administration is never paraphrased away.
    EXPECT_EQ(errors(QStringLiteral("The drug is given by intrathecal injection."),
                     QStringLiteral("El medicamento se administra mediante una inyección en la vena.")),
              QStringList{"terminology.missing"});
    // A confusable is an error for every concept, critical or not.
    EXPECT_EQ(errors(QStringLiteral("The tumor is benign."), QStringLiteral("El tumor es maligno.")), QStringList{"terminology.forbidden"});
}
