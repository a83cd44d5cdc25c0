#include "project/project.h"
#include "segment/sentence_segmenter.h"
#include "segment/srx_rules.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace wb;

namespace {

QStringList split(SentenceSegmenter &segmenter, const QString &text)
{
    QStringList sentences;
    int start = 0;
    for (int b : segmenter.boundaries(text)) {
        sentences.append(text.mid(start, b - start).trimmed());
        start = b;
    }
    sentences.append(text.mid(start).trimmed());
    return sentences;
}

std::shared_ptr<SentenceSegmenter> bundled(const QString &language = QStringLiteral("en"))
{
    auto s = loadSegmenter(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"), language);
    EXPECT_TRUE(s.ok());
    return *s;
}

std::shared_ptr<SentenceSegmenter> icuOnly()
{
    auto s = SentenceSegmenter::create(QStringLiteral("en"), {});
    EXPECT_TRUE(s.ok());
    return *s;
}

} // namespace

TEST(SentenceSegmenter, IcuAloneSplitsAfterAbbreviations)
{
    // The reason the SRX rules exist: raw ICU cuts after "Dr." and "U.S.".
    EXPECT_EQ(split(*icuOnly(), QStringLiteral("Dr. Smith saw the U.S. Food and Drug Administration list.")).size(), 3);
}

TEST(SentenceSegmenter, SrxKeepsAbbreviationsInsideTheSentence)
{
    auto s = bundled();
    EXPECT_EQ(split(*s, QStringLiteral("Dr. Smith saw the U.S. Food and Drug Administration list.")),
              QStringList{QStringLiteral("Dr. Smith saw the U.S. Food and Drug Administration list.")});
    EXPECT_EQ(split(*s, QStringLiteral("See Fig. 2 for the steps. Prof. Jones agrees.")),
              (QStringList{QStringLiteral("See Fig. 2 for the steps."), QStringLiteral("Prof. Jones agrees.")}));
    EXPECT_EQ(split(*s, QStringLiteral("Some drugs, e.g. Imatinib, are used. Others are not.")).size(), 2);
}

TEST(SentenceSegmenter, RealSentenceEndsStillSplit)
{
    auto s = bundled();
    EXPECT_EQ(split(*s, QStringLiteral("This is ALL. The cancer can spread to the central nervous system (CNS). "
                                       "Is it treatable? Yes!")),
              (QStringList{QStringLiteral("This is ALL."),
                           QStringLiteral("The cancer can spread to the central nervous system (CNS)."),
                           QStringLiteral("Is it treatable?"), QStringLiteral("Yes!")}));
    // The quoted sentence end from the PDQ summary.
    EXPECT_EQ(split(*s, QStringLiteral("This is called the \"Philadelphia chromosome.\" Cytogenetic analysis is used.")).size(), 2);
}

TEST(SentenceSegmenter, SpanishRulesApplyToSpanish)
{
    auto s = bundled(QStringLiteral("es"));
    EXPECT_EQ(split(*s, QStringLiteral("La Dra. García lo explicó. ¿Es grave? No.")),
              (QStringList{QStringLiteral("La Dra. García lo explicó."), QStringLiteral("¿Es grave?"), QStringLiteral("No.")}));
}

TEST(SentenceSegmenter, BreakRulesAddBoundariesIcuMisses)
{
    const QList<SrxRule> rules{SrxRule{true, QStringLiteral(";"), QStringLiteral("\\s"), 1}};
    auto s = SentenceSegmenter::create(QStringLiteral("en"), rules);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(split(**s, QStringLiteral("first part; second part. Third.")),
              (QStringList{QStringLiteral("first part;"), QStringLiteral("second part."), QStringLiteral("Third.")}));
}

TEST(SentenceSegmenter, UnboundedLookBehindRulesWork)
{
    // "\w+" before the break has no length bound: ICU cannot look behind it, the window form must.
    const QList<SrxRule> rules{SrxRule{false, QStringLiteral("\\bSmithson\\w*\\."), QStringLiteral("\\s"), 1}};
    auto s = SentenceSegmenter::create(QStringLiteral("en"), rules);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(split(**s, QStringLiteral("Ask Smithsonian. Museum staff. Done.")).size(), 2);
}

TEST(SentenceSegmenter, OkapiRulesFromAnotherToolWork)
{
    // Okapi's rules keep "Mr." and "Dr." but break after any "word." before a space, even
    // before a lowercase word ("U.K. not"): their break rule is honoured where ICU would not cut.
    auto rules = SrxRules::load(test::sharedDir() + QStringLiteral("/reference-data/samples/srx/okapi-defaultSegmentation.srx"));
    ASSERT_TRUE(rules.ok());
    auto s = SentenceSegmenter::create(QStringLiteral("en"), rules->rulesFor(QStringLiteral("en")));
    ASSERT_TRUE(s.ok()) << qPrintable(s.error().toString());
    EXPECT_EQ(split(**s, QStringLiteral("Mr. Holmes is from the U.K. not from Spain. Is Dr. Watson from there too? Yes.")),
              (QStringList{QStringLiteral("Mr. Holmes is from the U.K."), QStringLiteral("not from Spain."),
                           QStringLiteral("Is Dr. Watson from there too?"), QStringLiteral("Yes.")}));
}

TEST(SentenceSegmenter, BadRuleRegexNamesFileAndLine)
{
    const QList<SrxRule> rules{SrxRule{false, QStringLiteral("(unclosed"), QStringLiteral("\\s"), 17}};
    auto s = SentenceSegmenter::create(QStringLiteral("en"), rules, QStringLiteral("rules.srx"));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().file, QStringLiteral("rules.srx"));
    EXPECT_EQ(s.error().line, 17);
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("(unclosed")));
}

namespace {

// The same rules with every `before` wrapped so that the literal fast path cannot take
// them: ICU's regex engine decides alone. Both must cut every text the same way.
QList<SrxRule> forcedThroughIcu(QList<SrxRule> rules)
{
    for (SrxRule &rule : rules)
        if (!rule.before.isEmpty())
            rule.before = QStringLiteral("(?:%1)(?:)").arg(rule.before);
    return rules;
}

void expectSameCuts(const QList<SrxRule> &rules, const QStringList &texts)
{
    auto fast = SentenceSegmenter::create(QStringLiteral("en"), rules);
    auto slow = SentenceSegmenter::create(QStringLiteral("en"), forcedThroughIcu(rules));
    ASSERT_TRUE(fast.ok() && slow.ok());
    for (const QString &text : texts)
        EXPECT_EQ((*fast)->boundaries(text), (*slow)->boundaries(text)) << qPrintable(text);
}

QStringList trickyTexts()
{
    return {QStringLiteral("Dr. Smith. Mr.Jones. xDr. Who. 3Dr. Five. Dr.\u00A0No. (Dr. Paren) é.Dr. Accent."),
            QStringLiteral(" Fig. 2 shows it. figs. 3 and 4. No. 5 is U.S. Food and U.S.A. Data. e.g. This."),
            QStringLiteral("Ends with Dr."), QStringLiteral("Dr."), QStringLiteral("A sentence. Another one? yes! No."),
            QString::fromUtf8(test::readAll(test::sourceDir() + QStringLiteral("/source-content/en/adult-all-treatment.md")))};
}

} // namespace

TEST(SentenceSegmenter, LiteralFastPathCutsExactlyAsIcuRegexWould)
{
    auto rules = SrxRules::load(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"));
    ASSERT_TRUE(rules.ok());
    expectSameCuts(rules->rulesFor(QStringLiteral("en")), trickyTexts());
}

TEST(SentenceSegmenter, LiteralFastPathAgreesOnOpenXliffRules)
{
    // OpenXLIFF's rules are mostly "\sabbr\." literals with "\s" after, plus regex rules.
    auto rules = SrxRules::load(test::sharedDir() + QStringLiteral("/reference-data/samples/srx/openxliff-default.srx"));
    ASSERT_TRUE(rules.ok());
    expectSameCuts(rules->rulesFor(QStringLiteral("en")), trickyTexts());
}
