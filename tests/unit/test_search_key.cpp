// Search keys: what concordance and searches compare, case and accents aside.
#include "text/search_key.h"

#include <gtest/gtest.h>

using namespace wb;

TEST(SearchKey, CaseAccentsAndDecomposedInputAreOneKey)
{
    EXPECT_EQ(searchKey(QStringLiteral("MÉDULA Ósea")), QStringLiteral("medula osea"));
    EXPECT_EQ(searchKey(QStringLiteral("Me\u0301dula")), searchKey(QStringLiteral("médula"))); // NFD as macOS writes it
    EXPECT_EQ(searchKey(QStringLiteral("Straße")), QStringLiteral("strasse"));                 // full case folding
    EXPECT_EQ(searchKey(QStringLiteral("niño")), QStringLiteral("nino"));
}

TEST(SearchKey, EveryWordMustBeThereInAnyOrder)
{
    const QStringList words = searchWords(QStringLiteral("  osea   MEDULA "));
    EXPECT_EQ(words, (QStringList{"osea", "medula"}));
    EXPECT_TRUE(holdsAllWords(QStringLiteral("La médula ósea produce sangre."), words));
    EXPECT_FALSE(holdsAllWords(QStringLiteral("La médula espinal."), words));
    EXPECT_FALSE(holdsAllWords(QStringLiteral("anything"), QStringList{}));
}
