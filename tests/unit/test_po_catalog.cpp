#include "po/po_catalog.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <atomic>
#include <thread>
#include <gtest/gtest.h>

using namespace wb;

namespace {
QString polib(const char *name)
{
    return test::sharedDir() + QStringLiteral("/reference-data/samples/po/polib-tests/") + QLatin1String(name);
}

PoCatalog sampleCatalog()
{
    PoCatalog catalog;
    catalog.header = QStringLiteral("Project-Id-Version: test\nPO-Revision-Date: 2026-11-27 10:00+0000\n"
                                    "Last-Translator: Ana <ana@example.org>\nLanguage-Team: Spanish\nLanguage: es\n"
                                    "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                                    "Content-Transfer-Encoding: 8bit\nPlural-Forms: nplurals=2; plural=(n != 1);\n");
    PoEntry a;
    a.context = QStringLiteral("bone-marrow.1234abcd");
    a.msgid = QStringLiteral("The {1}bone marrow{/1} makes blood cells.");
    a.msgstr = QStringLiteral("La {1}médula ósea{/1} produce células sanguíneas.");
    a.extractedComments = QStringLiteral("paragraph\n{1}...{/1} emphasis");
    a.translatorComments = QStringLiteral("wb:state {\"state\":\"approved\"}");
    a.references = {{QStringLiteral("source-content/en/doc.md"), 12}};
    PoEntry b;
    b.context = QStringLiteral("draft.5678");
    b.msgid = QStringLiteral("A long sentence that gettext will wrap because it is longer than seventy-nine columns in all.");
    b.msgstr = QStringLiteral("Borrador.");
    b.fuzzy = true;
    b.previousMsgid = QStringLiteral("An older sentence.");
    PoEntry c;
    c.context = QStringLiteral("gone.9999");
    c.msgid = QStringLiteral("Deleted sentence.");
    c.msgstr = QStringLiteral("Frase borrada.");
    c.obsolete = true;
    catalog.entries = {c, a, b};
    return catalog;
}
} // namespace

TEST(PoCatalog, WriteThenReadKeepsEverything)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("es.po"));
    ASSERT_TRUE(sampleCatalog().write(path).ok());
    auto read = PoCatalog::read(path);
    ASSERT_TRUE(read.ok()) << qPrintable(read.error().toString());
    ASSERT_EQ(read->entries.size(), 3);
    // Obsolete entries go last, as gettext's tools keep them.
    const PoEntry &a = read->entries[0];
    EXPECT_EQ(a.context, QStringLiteral("bone-marrow.1234abcd"));
    EXPECT_EQ(a.msgstr, QStringLiteral("La {1}médula ósea{/1} produce células sanguíneas."));
    EXPECT_EQ(a.extractedComments, QStringLiteral("paragraph\n{1}...{/1} emphasis"));
    EXPECT_EQ(a.translatorComments, QStringLiteral("wb:state {\"state\":\"approved\"}"));
    EXPECT_EQ(a.references, (QList<PoReference>{{QStringLiteral("source-content/en/doc.md"), 12}}));
    EXPECT_TRUE(read->entries[1].fuzzy);
    EXPECT_EQ(read->entries[1].previousMsgid, QStringLiteral("An older sentence."));
    EXPECT_TRUE(read->entries[2].obsolete);
    EXPECT_EQ(read->entries[2].msgstr, QStringLiteral("Frase borrada."));
    EXPECT_EQ(read->headerField(QStringLiteral("Language")), QStringLiteral("es"));
}

TEST(PoCatalog, WrittenCatalogPassesMsgfmtCheck)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("es.po"));
    ASSERT_TRUE(sampleCatalog().write(path).ok());
    const auto result = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), path});
    EXPECT_EQ(result.exitCode, 0) << result.err.constData();
}

TEST(PoCatalog, ReadsPolibCorpus)
{
    auto ctx = PoCatalog::read(polib("test_msgctxt.po"));
    ASSERT_TRUE(ctx.ok()) << qPrintable(ctx.error().toString());
    EXPECT_TRUE(std::any_of(ctx->entries.cbegin(), ctx->entries.cend(), [](const PoEntry &e) { return !e.context.isEmpty(); }));

    auto previous = PoCatalog::read(polib("test_previous_msgid.po"));
    ASSERT_TRUE(previous.ok());
    EXPECT_TRUE(std::any_of(previous->entries.cbegin(), previous->entries.cend(),
                            [](const PoEntry &e) { return !e.previousMsgid.isEmpty(); }));

    auto obsolete = PoCatalog::read(polib("test_obsolete_previousmsgid.po"));
    ASSERT_TRUE(obsolete.ok());
    EXPECT_TRUE(std::any_of(obsolete->entries.cbegin(), obsolete->entries.cend(), [](const PoEntry &e) { return e.obsolete; }));

    auto utf8 = PoCatalog::read(polib("test_utf8.po"));
    ASSERT_TRUE(utf8.ok());
    EXPECT_GT(utf8->entries.size(), 10);
}

TEST(PoCatalog, LegacyCharsetIsConvertedToUnicode)
{
    auto latin9 = PoCatalog::read(polib("test_iso-8859-15.po"));
    ASSERT_TRUE(latin9.ok()) << qPrintable(latin9.error().toString());
    const bool hasAccent = std::any_of(latin9->entries.cbegin(), latin9->entries.cend(), [](const PoEntry &e) {
        return std::any_of(e.msgstr.cbegin(), e.msgstr.cend(), [](QChar c) { return c.unicode() > 127; });
    });
    EXPECT_TRUE(hasAccent);
    EXPECT_TRUE(latin9->headerField(QStringLiteral("Content-Type")).contains(QStringLiteral("UTF-8")));
}

TEST(PoCatalog, SyntaxErrorNamesFileAndLine)
{
    auto broken = PoCatalog::read(polib("test_syntax_error1.po"));
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(broken.error().line, 5);
    EXPECT_EQ(broken.error().message, QStringLiteral("syntax error"));
    EXPECT_TRUE(broken.error().file.endsWith(QStringLiteral("test_syntax_error1.po")));
}

TEST(PoCatalog, DuplicateEntriesAreAnError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dup.po"));
    test::writeAll(path, "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n");
    auto read = PoCatalog::read(path);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().line, 4);
    EXPECT_TRUE(read.error().message.contains(QStringLiteral("duplicate")));
}

TEST(PoCatalog, MissingFileIsMissingInput)
{
    auto read = PoCatalog::read(QStringLiteral("/nonexistent/es.po"));
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().kind, ErrorKind::MissingInput);
}

// The editor reads catalogs on a worker thread while the UI thread writes them; libgettextpo
// keeps process-wide parser state, so concurrent calls must neither crash nor mix files.
TEST(PoCatalog, ConcurrentReadsAndWritesFromSeveralThreadsStayCorrect)
{
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("es.po"));
    ASSERT_TRUE(sampleCatalog().write(good).ok());
    const QString bad = dir.filePath(QStringLiteral("bad.po"));
    {
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\"\nmsgstr\n");
    }
    auto alone = PoCatalog::read(bad);
    ASSERT_FALSE(alone.ok());
    const int badLine = alone.error().line;
    ASSERT_GT(badLine, 0);
    std::atomic<int> wrong{0};
    auto reader = [&] {
        for (int i = 0; i < 40; ++i) {
            auto read = PoCatalog::read(good);
            if (!read || read->entries.size() != 3 || read->entries[0].msgstr != sampleCatalog().entries[1].msgstr)
                ++wrong;
        }
    };
    auto failing = [&] {
        for (int i = 0; i < 40; ++i) {
            auto read = PoCatalog::read(bad);
            if (read || read.error().line != badLine)
                ++wrong;
        }
    };
    auto writer = [&] {
        for (int i = 0; i < 40; ++i)
            if (!sampleCatalog().toBytes())
                ++wrong;
    };
    std::thread a(reader), b(reader), c(failing), d(writer);
    a.join(), b.join(), c.join(), d.join();
    EXPECT_EQ(wrong.load(), 0);
}
