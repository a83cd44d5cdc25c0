// Text written in decomposed Unicode (NFD, as macOS editors and some converters write it)
// is the same text as its precomposed (NFC) twin: every reader gives NFC, and every match
// compares one key, textKey (NFC plus ICU case folding).
#include "text/text_key.h"

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
