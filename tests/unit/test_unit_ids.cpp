// A unit keeps its id whatever happens to the rest of the document.
#include "model/unit_id.h"
#include "test_support.h"

#include <QHash>
#include <gtest/gtest.h>

using namespace wb;

namespace {

QHash<QString, QString> idsByText(const QByteArray &markdown)
{
    QHash<QString, QString> ids;
    for (const SourceUnit &u : test::segmentBytes(markdown).units)
        ids.insert(u.text, u.id);
    return ids;
}

const QByteArray kOriginal = "# Treatment\n\nFirst paragraph. It has two sentences.\n\nSecond paragraph.\n\n"
                             "- a list item\n- another item\n\nLast paragraph.\n";

} // namespace

TEST(UnitIds, InsertingAParagraphChangesNoOtherId)
{
    const auto before = idsByText(kOriginal);
    QByteArray edited = kOriginal;
    edited.replace("Second paragraph.", "A new paragraph.\n\nSecond paragraph.");
    const auto after = idsByText(edited);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        EXPECT_EQ(after.value(it.key()), it.value()) << qPrintable(it.key());
    EXPECT_EQ(after.size(), before.size() + 1);
}

TEST(UnitIds, DeletingAndEditingParagraphsChangesNoOtherId)
{
    const auto before = idsByText(kOriginal);
    QByteArray edited = kOriginal;
    edited.replace("Second paragraph.\n\n", "");
    edited.replace("It has two sentences.", "It has two sentences, now edited.");
    const auto after = idsByText(edited);
    for (const QString &text : {QStringLiteral("Treatment"), QStringLiteral("First paragraph."),
                                QStringLiteral("a list item"), QStringLiteral("another item"), QStringLiteral("Last paragraph.")})
        EXPECT_EQ(after.value(text), before.value(text)) << qPrintable(text);
    EXPECT_FALSE(after.contains(QStringLiteral("Second paragraph.")));
}

TEST(UnitIds, RepeatedSentencesGetDistinctIds)
{
    const auto doc = test::segmentBytes("## Key Points\n\nText.\n\n## Key Points\n\nText.\n");
    ASSERT_EQ(doc.units.size(), 4);
    EXPECT_EQ(doc.units[0].id + QStringLiteral(".2"), doc.units[2].id);
    EXPECT_NE(doc.units[1].id, doc.units[3].id);
}

TEST(UnitIds, IdsAreReadableAndDependOnNormalizedText)
{
    EXPECT_TRUE(unitIdForText(QStringLiteral("Acute lymphoblastic leukemia (ALL) is a cancer."))
                    .startsWith(QStringLiteral("acute-lymphoblastic-leukemia-all.")));
    EXPECT_EQ(unitIdForText(QStringLiteral("a  b")), unitIdForText(QStringLiteral("a b")));
    // NFC: "é" precomposed and decomposed are one text.
    EXPECT_EQ(unitIdForText(QStringLiteral("caf\u00e9")), unitIdForText(QStringLiteral("cafe\u0301")));
    EXPECT_NE(unitIdForText(QStringLiteral("one")), unitIdForText(QStringLiteral("two")));
}
