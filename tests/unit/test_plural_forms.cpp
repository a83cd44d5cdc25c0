#include "po/plural_forms.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>
#include <unicode/plurrule.h>

using namespace wb;

TEST(PluralForms, SpanishFollowsCldrOneManyOther)
{
    auto forms = pluralFormsFor(QStringLiteral("es"));
    ASSERT_TRUE(forms.ok()) << qPrintable(forms.error().toString());
    EXPECT_EQ(forms->count, 3);
    EXPECT_EQ(forms->keywords, (QStringList{"one", "many", "other"}));
    EXPECT_EQ(forms->headerValue(), QStringLiteral("nplurals=3; plural=((n == 1) ? 0 : ((n != 0 && n % 1000000 == 0)) ? 1 : 2);"));
    EXPECT_EQ(forms->formFor(1), 0);
    EXPECT_EQ(forms->formFor(2), 2);
    EXPECT_EQ(forms->formFor(1000000), 1);
}

TEST(PluralForms, JapaneseHasOneForm)
{
    auto forms = pluralFormsFor(QStringLiteral("ja"));
    ASSERT_TRUE(forms.ok());
    EXPECT_EQ(forms->headerValue(), QStringLiteral("nplurals=1; plural=0;"));
}

// The expression must pick, for every whole number, the form ICU's CLDR rules pick.
class PluralFormsAgreeWithIcu : public ::testing::TestWithParam<const char *> {};

TEST_P(PluralFormsAgreeWithIcu, ForWholeNumbers)
{
    auto forms = pluralFormsFor(QString::fromLatin1(GetParam()));
    ASSERT_TRUE(forms.ok());
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(GetParam()), status));
    ASSERT_TRUE(U_SUCCESS(status));
    for (qint64 n : [] {
             QList<qint64> ns;
             for (qint64 i = 0; i < 3000; ++i) ns.append(i);
             for (qint64 p = 10000; p <= 100000000; p *= 10) ns += {p, p + 1, p + 2, p + 5, p + 11, p + 21};
             return ns;
         }()) {
        std::string keyword;
        rules->select(double(n)).toUTF8String(keyword);
        const int expected = int(forms->keywords.indexOf(QString::fromStdString(keyword)));
        ASSERT_EQ(forms->formFor(n), expected) << GetParam() << " n=" << n << " keyword=" << keyword;
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, PluralFormsAgreeWithIcu,
                         ::testing::Values("es", "en", "fr", "pt", "it", "de", "pl", "ru", "uk", "cs", "ar", "ga", "lt",
                                           "lv", "sl", "cy", "he", "ro", "ja", "zh"));

TEST(PluralForms, MsgfmtAcceptsTheExpressions)
{
    for (const char *language : {"es", "pl", "ar", "ru", "ga", "cy"}) {
        auto forms = pluralFormsFor(QString::fromLatin1(language));
        ASSERT_TRUE(forms.ok());
        QByteArray po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Plural-Forms: "
                        + forms->headerValue().toUtf8() + "\\n\"\n\nmsgid \"one file\"\nmsgid_plural \"%d files\"\n";
        for (int i = 0; i < forms->count; ++i)
            po += "msgstr[" + QByteArray::number(i) + "] \"x %d\"\n";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.po"));
        test::writeAll(path, po);
        const auto result = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), path});
        EXPECT_EQ(result.exitCode, 0) << language << ": " << result.err.constData();
    }
}
