#include "segment/srx_rules.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace wb;

namespace {
QString srxSample(const char *name)
{
    return test::sharedDir() + QStringLiteral("/reference-data/samples/srx/") + QLatin1String(name);
}
} // namespace

TEST(SrxRules, ReadsOpenXliffDefaultRulesWithCascade)
{
    auto rules = SrxRules::load(srxSample("openxliff-default.srx"));
    ASSERT_TRUE(rules.ok()) << qPrintable(rules.error().toString());
    EXPECT_TRUE(rules->cascade());
    EXPECT_GE(rules->ruleSetNames().size(), 16);
    const QList<SrxRule> english = rules->rulesFor(QStringLiteral("en-US"));
    const QList<SrxRule> spanish = rules->rulesFor(QStringLiteral("es"));
    EXPECT_GT(english.size(), 10);
    EXPECT_GT(spanish.size(), 10);
    EXPECT_NE(english.first().before, spanish.first().before);
}

TEST(SrxRules, IgnoresForeignNamespaceExtensionsAndCrlf)
{
    auto rules = SrxRules::load(srxSample("okapi-defaultSegmentation.srx"));
    ASSERT_TRUE(rules.ok()) << qPrintable(rules.error().toString());
    const QList<SrxRule> all = rules->rulesFor(QStringLiteral("en"));
    ASSERT_EQ(all.size(), 5);
    EXPECT_FALSE(all[0].breaks);
    EXPECT_TRUE(all[3].breaks);
    EXPECT_EQ(all[4].before, QStringLiteral("\\n"));
    EXPECT_FALSE(all[0].before.contains(QLatin1Char('\r')));
}

TEST(SrxRules, BundledRulesMapEnglishAndSpanish)
{
    auto rules = SrxRules::load(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"));
    ASSERT_TRUE(rules.ok());
    EXPECT_EQ(rules->rulesFor(QStringLiteral("en")).size(), 4);
    EXPECT_EQ(rules->rulesFor(QStringLiteral("es-US")).size(), 4);
    EXPECT_TRUE(rules->rulesFor(QStringLiteral("de")).isEmpty());
}

TEST(SrxRules, WrongRootIsRefused)
{
    auto rules = SrxRules::parse("<tmx version=\"1.4\"/>", QStringLiteral("x.srx"));
    ASSERT_FALSE(rules.ok());
    EXPECT_TRUE(rules.error().message.contains(QStringLiteral("not an SRX")));
}

TEST(SrxRules, MapToUndefinedRuleSetIsRefused)
{
    auto rules = SrxRules::parse(R"(<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header/><body>
<languagerules><languagerule languagerulename="A"/></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="B"/></maprules></body></srx>)",
                                 QStringLiteral("x.srx"));
    ASSERT_FALSE(rules.ok());
    EXPECT_TRUE(rules.error().message.contains(QStringLiteral("\"B\"")));
}
