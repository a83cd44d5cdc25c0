// Localized Markdown: identity when nothing is translated, correct Markdown when it is.
#include "markdown/markdown_source.h"
#include "model/localizer.h"
#include "model/pseudo.h"
#include "test_support.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace wb;

namespace {

QByteArray exportWith(const SegmentedDocument &doc, const QHash<QString, QString> &translations, Diagnostics *problems = nullptr)
{
    Diagnostics local;
    return localizeDocument(doc, [&](const SourceUnit &u) -> std::optional<QString> {
        if (translations.contains(u.text))
            return translations.value(u.text);
        return u.text; // as msgen does: every msgstr = msgid
    }, problems ? *problems : local);
}

} // namespace

class IdentityExport : public ::testing::TestWithParam<QString> {};

TEST_P(IdentityExport, UntranslatedExportIsByteIdentical)
{
    const QByteArray source = test::readAll(test::dataDir() + QStringLiteral("/markdown/") + GetParam());
    ASSERT_FALSE(source.isEmpty());
    const auto doc = test::segmentBytes(source);
    EXPECT_FALSE(doc.units.isEmpty());
    EXPECT_TRUE(doc.warnings.isEmpty()) << qPrintable(doc.warnings.value(0).toString());
    EXPECT_EQ(exportWith(doc, {}), source);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, IdentityExport, ::testing::ValuesIn([] {
    std::vector<QString> names;
    for (const QString &name : QDir(test::dataDir() + QStringLiteral("/markdown")).entryList({QStringLiteral("*.md")}, QDir::Files))
        names.push_back(name);
    return names;
}()), [](const auto &info) { return QString(info.param).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]")), QStringLiteral("_")).toStdString(); });

TEST(Export, TranslationIsSplicedInAndMarkupKept)
{
    const auto doc = test::segmentBytes("- The *bone marrow* makes [blood cells](https://c.gov \"Blood\"). Two.\n");
    const QByteArray out = exportWith(doc, {{QStringLiteral("The {1}bone marrow{/1} makes {2}blood cells{/2}."),
                                             QStringLiteral("La {1}médula ósea{/1} produce {2}células sanguíneas{/2}.")},
                                            {QStringLiteral("Blood"), QStringLiteral("Sangre")},
                                            {QStringLiteral("Two."), QStringLiteral("Dos.")}});
    EXPECT_EQ(out, QByteArray("- La *médula ósea* produce [células sanguíneas](https://c.gov \"Sangre\"). Dos.\n"));
}

TEST(Export, TranslatorMayReorderPlaceholders)
{
    const auto doc = test::segmentBytes("Use *a* and **b**.\n");
    EXPECT_EQ(exportWith(doc, {{QStringLiteral("Use {1}a{/1} and {2}b{/2}."), QStringLiteral("Usa {2}b{/2} y {1}a{/1}.")}}),
              QByteArray("Usa **b** y *a*.\n"));
}

TEST(Export, MarkdownCharactersInTranslationsAreEscaped)
{
    const auto doc = test::segmentBytes("# Heading\n\nSome text.\n\nMore text.\n");
    const QByteArray out = exportWith(doc, {{QStringLiteral("Heading"), QStringLiteral("Título *con* [corchetes]")},
                                            {QStringLiteral("Some text."), QStringLiteral("# No es título")},
                                            {QStringLiteral("More text."), QStringLiteral("1) No es lista & <b> AT&amp;T")}});
    EXPECT_EQ(out, QByteArray("# Título \\*con\\* \\[corchetes\\]\n\n\\# No es título\n\n1\\) No es lista & \\<b> AT&amp;amp;T\n"));
    // And a reader sees exactly the translated characters.
    auto reparsed = MarkdownSource::parse(out, QStringLiteral("out.md"));
    ASSERT_TRUE(reparsed.ok());
    const auto again = test::segmentBytes(out);
    EXPECT_EQ(test::unitTexts(again), (QStringList{"Título *con* [corchetes]", "# No es título", "1) No es lista & <b> AT&amp;T"}));
}

TEST(Export, BrokenPlaceholdersKeepTheSourceAndSayWhy)
{
    const auto doc = test::segmentBytes("See [the list](x.html) now.\n");
    Diagnostics problems;
    const QByteArray out = exportWith(doc, {{QStringLiteral("See {1}the list{/1} now."), QStringLiteral("Vea la lista {1} ahora.")}},
                                      &problems);
    EXPECT_EQ(out, QByteArray("See [the list](x.html) now.\n"));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems[0].line, 1);
    EXPECT_TRUE(problems[0].message.contains(QStringLiteral("missing {/1}"))) << qPrintable(problems[0].message);
}

TEST(Export, TranslationWithNewlinesStaysOneLine)
{
    const auto doc = test::segmentBytes("> Quoted sentence.\n");
    EXPECT_EQ(exportWith(doc, {{QStringLiteral("Quoted sentence."), QStringLiteral("Frase\ncitada.")}}),
              QByteArray("> Frase citada.\n"));
}

TEST(Pseudo, EveryFixtureSurvivesPseudoTranslation)
{
    for (const QString &name : QDir(test::dataDir() + QStringLiteral("/markdown")).entryList({QStringLiteral("*.md")}, QDir::Files)) {
        const auto doc = test::segmentBytes(test::readAll(test::dataDir() + QStringLiteral("/markdown/") + name));
        Diagnostics problems;
        const QByteArray out = localizeDocument(doc, [](const SourceUnit &u) { return std::optional<QString>(pseudoTranslate(u.text)); },
                                                problems);
        problems += checkPseudoOutput(doc, out, name);
        EXPECT_TRUE(problems.isEmpty()) << qPrintable(name) << ": " << qPrintable(problems.value(0).toString());
    }
}

TEST(Pseudo, CheckFindsTextThatWasNotTranslated)
{
    const auto doc = test::segmentBytes("Hello world.\n");
    const Diagnostics problems = checkPseudoOutput(doc, "Hello world.\n", QStringLiteral("out.md"));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems[0].message, QStringLiteral("text was not offered for translation: \"Hello world.\""));
}

// Each class of broken export the issue tracker recorded, as the exporter once wrote it:
// the check must name the unit and say what changed.
struct BrokenExport {
    const char *source;
    const char *exported;
    const char *expected; ///< the message
};

class PseudoCheck : public ::testing::TestWithParam<BrokenExport> {};

TEST_P(PseudoCheck, NamesTheUnitAndWhatChanged)
{
    const auto doc = test::segmentBytes(GetParam().source);
    const Diagnostics problems = checkPseudoOutput(doc, GetParam().exported, QStringLiteral("out.md"));
    ASSERT_FALSE(problems.isEmpty()) << GetParam().exported;
    EXPECT_EQ(problems[0].message, QString::fromUtf8(GetParam().expected));
    EXPECT_EQ(problems[0].kind, ErrorKind::CheckFailed); // exit code 6
}

INSTANTIATE_TEST_SUITE_P(EveryClass, PseudoCheck, ::testing::Values(
    BrokenExport{"[docs]\n\n[docs]: /d\n", "[⟦DOCS⟧]\n\n[docs]: /d\n",
                 "unit docs.71ab8b6a (source line 1): structure changed: paragraph: link to /d lost"},
    BrokenExport{"See [docs][].\n\n[docs]: /d\n", "⟦VER [DOCUMENTOS][].⟧\n\n[docs]: /d\n",
                 "unit see-docs.09be93ed (source line 1): structure changed: paragraph: link to /d lost"},
    BrokenExport{"![logo]\n\n[logo]: /l.png\n", "![⟦LOGO⟧]\n\n[logo]: /l.png\n",
                 "unit logo.5807dd60 (source line 1): structure changed: paragraph: image /l.png lost"},
    BrokenExport{"*foo bar*\n", "*⟦FÓÓ BÁR⟧ *\n",
                 "unit foo-bar.3773dea6 (source line 1): structure changed: paragraph: emphasis lost"},
    BrokenExport{"## **Key Points**\n", "## **⟦PUNTOS⟧ **\n",
                 "unit key-points.b2802386 (source line 1): structure changed: heading 2: strong emphasis lost"},
    BrokenExport{"*Note*\n", "* ⟦NOTA⟧*\n",
                 "unit note.2c924e30 (source line 1): structure changed: paragraph became list bullet tight"},
    BrokenExport{"First one.\nSecond one.\n", "⟦UNO.⟧  \n⟦DOS.⟧\n",
                 "units first-one.8393a5fb, second-one.24f52479 (source line 1): structure changed: paragraph: line break appeared"},
    BrokenExport{"First one.\nSecond one.\n", "⟦UNO.⟧\n- ⟦DOS⟧\n",
                 "units first-one.8393a5fb, second-one.24f52479 (source line 1): structure changed: list bullet tight appeared"},
    BrokenExport{"See [docs](/d).\n", "⟦¡MIRA![DOCS](/d).⟧\n",
                 "unit see-docs.09be93ed (source line 1): structure changed: paragraph: link to /d lost; image /d appeared"},
    BrokenExport{"a _b_ c\n", "⟦Á_B_C⟧\n",
                 "unit a-b-c.a315965d (source line 1): structure changed: paragraph: emphasis lost"},
    BrokenExport{"[foo]: /url\nbar\n", "[foo]: /url\nbar\n",
                 "text was not offered for translation: \"bar\""}));

TEST(Pseudo, PlaceholdersSurviveAndTextIsAccentedLengthenedBracketed)
{
    const QString pseudo = pseudoTranslate(QStringLiteral("See {1}Care{/1} at {2/}."));
    EXPECT_TRUE(pseudo.startsWith(QStringLiteral(" ⟦ Šéé  !{1} Çåŕé {/1}  åţ  {2/} . "))) << qPrintable(pseudo);
    EXPECT_TRUE(pseudo.endsWith(QStringLiteral("⟧ ")));
    EXPECT_GT(pseudo.size(), 20);
}

TEST(Pseudo, AnExportOfEveryBrokenClassNowKeepsItsStructure)
{
    const QByteArray source = "# **Key Points**\n\nSee [docs], [docs][] and ![logo].\nSecond one, *foo bar* and a _b_ c.\n"
                              "\n*Note*\n\n[docs]: /d\n[logo]: /l.png\nbar\n";
    const auto doc = test::segmentBytes(source);
    Diagnostics problems;
    const QByteArray out = localizeDocument(doc, [](const SourceUnit &u) { return std::optional<QString>(pseudoTranslate(u.text)); }, problems);
    problems += checkPseudoOutput(doc, out, QStringLiteral("out.md"));
    EXPECT_TRUE(problems.isEmpty()) << qPrintable(problems.value(0).toString()) << "\n" << out.constData();
    EXPECT_TRUE(out.contains("][docs]")) << out.constData();
    EXPECT_TRUE(out.contains("][logo]")) << out.constData();
}

TEST(Export, ATranslationThatCannotKeepTheStructureIsNamedAndTheSourceKept)
{
    const auto doc = test::segmentBytes("Take *two* tablets.\n");
    Diagnostics problems;
    const QByteArray out = exportWith(doc, {{QStringLiteral("Take {1}two{/1} tablets."), QStringLiteral("Tome {1}{/1} dos comprimidos.")}}, &problems);
    EXPECT_EQ(out, QByteArray("Take *two* tablets.\n"));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems[0].kind, ErrorKind::CheckFailed);
    EXPECT_TRUE(problems[0].message.startsWith(QStringLiteral("unit take-two-tablets."))) << qPrintable(problems[0].message);
    EXPECT_TRUE(problems[0].message.endsWith(QStringLiteral(
        "the translation cannot be written in Markdown without changing the document's structure (paragraph: emphasis lost); source text kept")))
        << qPrintable(problems[0].message);
}

TEST(Export, EdgeSpacesNeverReachADelimiterOrALineEnd)
{
    const auto doc = test::segmentBytes("A *b c* d.\nNext line.\n");
    const QByteArray out = exportWith(doc, {{QStringLiteral("A {1}b c{/1} d."), QStringLiteral("  Una {1} b c {/1} d.  ")},
                                            {QStringLiteral("Next line."), QStringLiteral("- Siguiente.")}});
    EXPECT_EQ(out, QByteArray("Una *b c* d.\n\\- Siguiente.\n"));
}

TEST(Export, TableTranslationsKeepPipesAndAlignmentAndEscapeTheirOwnPipes)
{
    const auto doc = test::segmentBytes("| Drug | Dose |\n|:-----|-----:|\n| Imatinib | 400 mg |\n");
    const QByteArray out = exportWith(doc, {{QStringLiteral("Drug"), QStringLiteral("Fármaco")},
                                            {QStringLiteral("Dose"), QStringLiteral("Dosis | diaria")},
                                            {QStringLiteral("Imatinib"), QStringLiteral("Imatinib ")}});
    EXPECT_EQ(out, QByteArray("| Fármaco | Dosis \\| diaria |\n|:-----|-----:|\n| Imatinib | 400 mg |\n"));
}

TEST(Export, ABareAddressAndStrikethroughSurviveTranslation)
{
    const auto doc = test::segmentBytes("See www.cancer.gov for ~~old~~ new doses.\n");
    Diagnostics problems;
    const QByteArray out = exportWith(doc, {{QStringLiteral("See {1/} for {2}old{/2} new doses."),
                                             QStringLiteral("Vea{1/}para {2}antiguas {/2}dosis nuevas en www.cancer.gov/espanol.")}}, &problems);
    EXPECT_TRUE(problems.isEmpty()) << qPrintable(problems.value(0).toString());
    // Glued to text, the bare address is written as an explicit link; the translator's own
    // address stays text, as in the source.
    EXPECT_EQ(out, QByteArray("Vea[www.cancer.gov](<http://www.cancer.gov>)para ~~antiguas~~ dosis nuevas en www\\.cancer.gov/espanol.\n"));
}
