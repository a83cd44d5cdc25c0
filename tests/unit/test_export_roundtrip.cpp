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
        problems += checkPseudoOutput(*doc.source, out, name);
        EXPECT_TRUE(problems.isEmpty()) << qPrintable(name) << ": " << qPrintable(problems.value(0).toString());
    }
}

TEST(Pseudo, CheckFindsTextThatWasNotTranslated)
{
    const auto doc = test::segmentBytes("Hello world.\n");
    auto source = MarkdownSource::parse("Hello world.\n", QStringLiteral("in.md"));
    const Diagnostics problems = checkPseudoOutput(**source, "Hello world.\n", QStringLiteral("out.md"));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].message.contains(QStringLiteral("not offered for translation")));
}

TEST(Pseudo, CheckFindsBrokenStructure)
{
    auto source = MarkdownSource::parse("# Title\n\nText.\n", QStringLiteral("in.md"));
    const Diagnostics problems = checkPseudoOutput(**source, "⟦Ţîţļé⟧\n\n⟦Ţéẋţ⟧\n", QStringLiteral("out.md"));
    ASSERT_FALSE(problems.isEmpty());
    EXPECT_TRUE(problems[0].message.contains(QStringLiteral("block structure changed")));
    EXPECT_EQ(problems[0].line, 1);
}

TEST(Pseudo, PlaceholdersSurviveAndTextIsAccentedLengthenedBracketed)
{
    const QString pseudo = pseudoTranslate(QStringLiteral("See {1}Care{/1} at {2/}."));
    EXPECT_TRUE(pseudo.startsWith(QStringLiteral("⟦Šéé {1}Çåŕé{/1} åţ {2/}.")));
    EXPECT_TRUE(pseudo.endsWith(QStringLiteral("⟧")));
    EXPECT_GT(pseudo.size(), 20);
}
