// Regression tests for what the libFuzzer harnesses (fuzz/, scripts/fuzz) found. Each
// input in tests/data/fuzz/<harness>-<name> is the file the fuzzer saved (or the real
// reference file it tripped over), fed through the same API as the harness, with the
// outcome a user sees asserted.
#include "common/bounded_cache.h"
#include "glossary/tbx_format.h"
#include "interchange/xliff2_validator.h"
#include "interchange/xliff_format.h"
#include "markdown/markdown_source.h"
#include "model/localizer.h"
#include "po/po_catalog.h"
#include "test_support.h"

#include <QDir>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <malloc.h>

using namespace wb;

namespace {

QString fuzzData(const char *name)
{
    return test::dataDir() + QStringLiteral("/fuzz/") + QLatin1String(name);
}

qsizetype openFileDescriptors()
{
    return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size();
}

// Writes a catalog's bytes to a file and reads it back, as the harness does.
Result<PoCatalog> writeAndRead(const PoCatalog &catalog, const QString &path)
{
    auto bytes = catalog.toBytes();
    if (!bytes)
        return bytes.error();
    test::writeAll(path, *bytes);
    return PoCatalog::read(path);
}

} // namespace

// fuzz_markdown: a lone "\r" (a line end for cmark, not for the workbench's line table)
// put positions on the wrong line and the inline tokenizer read before the bytes' start.
TEST(FuzzRegressions, MarkdownLoneCarriageReturnsSegmentAndExportIdentically)
{
    for (const QByteArray &bytes : {test::readAll(fuzzData("markdown-lone-cr")),
                                    QByteArray("First line\rsecond *line*.\r\rA [link](https://x.org) here.\rLast.\n")}) {
        // The saved input holds one invalid UTF-8 byte: the harness fed its lossy conversion.
        const QByteArray utf8 = QString::fromUtf8(bytes).toUtf8();
        const SegmentedDocument doc = test::segmentBytes(utf8);
        Diagnostics problems;
        EXPECT_EQ(localizeDocument(doc, [](const SourceUnit &) { return std::nullopt; }, problems), utf8);
        EXPECT_EQ(localizeDocument(doc, [](const SourceUnit &u) { return std::optional<QString>(u.text); }, problems), utf8);
        EXPECT_TRUE(problems.isEmpty()) << qPrintable(problems.value(0).toString());
    }
    // Lines are counted as cmark counts them: "\r", "\n" and "\r\n" each end one.
    const auto doc = test::segmentBytes("One.\rTwo.\r\n\r\nThree.\n");
    ASSERT_FALSE(doc.units.isEmpty());
    EXPECT_EQ(doc.units.last().text, QStringLiteral("Three."));
    EXPECT_EQ(doc.units.last().line, 4);
    EXPECT_EQ(doc.source->lineOf(doc.source->bytes().indexOf("Three")), 4);
}

// fuzz_po: an entry with "#| msgctxt" but an empty "#| msgid" (polib's test file) was
// written without its "#| msgid", which gettext cannot read back.
TEST(FuzzRegressions, PoPreviousContextWithEmptyPreviousMsgidReadsBack)
{
    QTemporaryDir dir;
    auto catalog = PoCatalog::read(fuzzData("po-prev-msgctxt-without-msgid"));
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
    ASSERT_EQ(catalog->entries.size(), 3);
    EXPECT_EQ(catalog->entries[2].previousContext, QStringLiteral("Some other message context"));
    EXPECT_TRUE(catalog->entries[2].previousMsgid.isEmpty());
    auto bytes = catalog->toBytes();
    ASSERT_TRUE(bytes.ok());
    EXPECT_TRUE(bytes->contains("#| msgctxt \"Some other message context\"\n#| msgid \"\"\n")) << bytes->constData();
    auto again = writeAndRead(*catalog, dir.filePath(QStringLiteral("again.po")));
    ASSERT_TRUE(again.ok()) << qPrintable(again.error().toString());
    ASSERT_EQ(again->entries.size(), 3);
    EXPECT_EQ(again->entries[2].previousContext, QStringLiteral("Some other message context"));
    EXPECT_EQ(again->entries[2].context, QStringLiteral("The new msgctxt3"));
}

// fuzz_po: a catalog whose header declares no charset, with non-ASCII text (polib's
// test_noencoding.po), read fine but could not be saved: gettext refused to write it.
TEST(FuzzRegressions, PoWithoutCharsetIsWrittenAsUtf8)
{
    QTemporaryDir dir;
    auto catalog = PoCatalog::read(fuzzData("po-no-charset-non-ascii"));
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
    auto bytes = catalog->toBytes();
    ASSERT_TRUE(bytes.ok()) << qPrintable(bytes.error().toString());
    EXPECT_TRUE(bytes->contains("Content-Type: text/plain; charset=UTF-8\\n")) << bytes->constData();
    auto again = writeAndRead(*catalog, dir.filePath(QStringLiteral("again.po")));
    ASSERT_TRUE(again.ok()) << qPrintable(again.error().toString());
    ASSERT_EQ(again->entries.size(), catalog->entries.size());
    for (qsizetype i = 0; i < catalog->entries.size(); ++i) {
        EXPECT_EQ(again->entries[i].msgid, catalog->entries[i].msgid);
        EXPECT_EQ(again->entries[i].msgstr, catalog->entries[i].msgstr);
    }
    EXPECT_EQ(again->headerField(QStringLiteral("Project-Id-Version")), QStringLiteral("django"));
}

// fuzz_po: after a syntax error, the session jumped out of libgettextpo from its
// end-of-parse summary, skipping its fclose: every malformed file leaked a descriptor.
TEST(FuzzRegressions, MalformedPoIsReportedWithLineAndLeaksNoFileDescriptor)
{
    const QString path = fuzzData("po-syntax-error-leak");
    auto first = PoCatalog::read(path);
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(first.error().file, path);
    EXPECT_EQ(first.error().line, 5);
    EXPECT_FALSE(first.error().message.isEmpty());
    const qsizetype before = openFileDescriptors();
    for (int i = 0; i < 100; ++i) {
        auto again = PoCatalog::read(path);
        ASSERT_FALSE(again.ok());
        EXPECT_EQ(again.error().toString(), first.error().toString());
    }
    EXPECT_EQ(openFileDescriptors(), before);
    // And a good catalog still reads after all those failures (libgettextpo's global state).
    EXPECT_TRUE(PoCatalog::read(fuzzData("po-msgctxt-comments-leak")).ok());
}

// fuzz_qa / fuzz_po (LeakSanitizer): every read leaked the header copy
// (po_file_domain_header), the joined comments (po_message_comments and
// po_message_extracted_comments) and every msgctxt (gettext's message_free skips it).
TEST(FuzzRegressions, PoReadsDoNotLeak)
{
    const QString path = fuzzData("po-msgctxt-comments-leak");
    auto warmUp = PoCatalog::read(path);
    ASSERT_TRUE(warmUp.ok()) << qPrintable(warmUp.error().toString());
    ASSERT_EQ(warmUp->entries.size(), 20);
    EXPECT_EQ(warmUp->entries[3].translatorComments, QStringLiteral("translator note 3"));
    EXPECT_EQ(warmUp->entries[3].extractedComments, QStringLiteral("extracted note 3"));
    EXPECT_EQ(warmUp->headerComments, QStringLiteral("Translator comment on the header."));
    ASSERT_TRUE(warmUp->toBytes().ok());
    const size_t before = mallinfo2().uordblks;
    for (int i = 0; i < 500; ++i) {
        auto catalog = PoCatalog::read(path);
        ASSERT_TRUE(catalog.ok());
        ASSERT_TRUE(catalog->toBytes().ok());
    }
    // Each read used to leak about 1.3 KB here (0.65 MB in all); libgettextpo's own
    // leaks (the previous file name in lex_start, ...) are about 200 bytes a read.
    const size_t after = mallinfo2().uordblks;
    EXPECT_LT(after > before ? after - before : 0, size_t(256 * 1024));
}

// fuzz_xliff: a valid XLIFF 2.0 file without trgLang whose only group is empty (an OASIS
// sample's shape) was written with trgLang="" and an empty <file>, both invalid.
TEST(FuzzRegressions, XliffWithoutTargetLanguageOrUnitsWritesValidFiles)
{
    const QString path = fuzzData("xliff-no-trglang-empty-group");
    auto document = readXliff(test::readAll(path), path);
    ASSERT_TRUE(document.ok()) << qPrintable(document.error().toString());
    ASSERT_EQ(document->files.size(), 1);
    EXPECT_TRUE(document->files[0].units.isEmpty());
    EXPECT_TRUE(document->targetLanguage.isEmpty());

    const QByteArray v2 = writeXliff(*document, XliffVersion::V2);
    EXPECT_FALSE(v2.contains("trgLang")) << v2.constData();
    const Diagnostics problems = validateXliff2(v2, QStringLiteral("out.xlf"));
    EXPECT_TRUE(problems.isEmpty()) << qPrintable(problems.value(0).toString());
    auto back = readXliff(v2, QStringLiteral("out.xlf"));
    ASSERT_TRUE(back.ok()) << qPrintable(back.error().toString());
    ASSERT_EQ(back->files.size(), 1);
    EXPECT_TRUE(back->files[0].units.isEmpty());
    EXPECT_EQ(back->sourceLanguage, QStringLiteral("en"));

    const QByteArray v12 = writeXliff(*document, XliffVersion::V12);
    EXPECT_FALSE(v12.contains("target-language")) << v12.constData();
    auto back12 = readXliff(v12, QStringLiteral("out12.xlf"));
    ASSERT_TRUE(back12.ok()) << qPrintable(back12.error().toString());
    EXPECT_EQ(back12->files.size(), 1);
}

// fuzz_tbx: a TBX 2008 file whose root names no language has a concept-level definition
// without one; it was written as <langSec xml:lang="">, which no reader accepts.
TEST(FuzzRegressions, TbxDefinitionWithoutLanguageIsNotWrittenAsEmptyLanguage)
{
    const QString path = fuzzData("tbx-definition-without-language");
    auto termbase = readTbx(test::readAll(path), path);
    ASSERT_TRUE(termbase.ok()) << qPrintable(termbase.error().toString());
    const QByteArray written = writeTbx(*termbase);
    EXPECT_FALSE(written.contains("xml:lang=\"\"")) << written.constData();
    auto back = readTbx(written, QStringLiteral("out.tbx"));
    ASSERT_TRUE(back.ok()) << qPrintable(back.error().toString());
    ASSERT_EQ(back->concepts.size(), termbase->concepts.size());
    for (qsizetype i = 0; i < termbase->concepts.size(); ++i) {
        EXPECT_EQ(back->concepts[i].id, termbase->concepts[i].id);
        EXPECT_EQ(back->concepts[i].terms, termbase->concepts[i].terms);
    }
}

// fuzz_markdown: an entity that decodes to '&' followed by a code span ("&amp; ` `"): the
// export put "&" back instead of the bytes "&amp;", untranslated or translated into itself.
TEST(FuzzRegressions, MarkdownEntityBeforeACodeSpanExportsIdentically)
{
    for (const QByteArray &bytes : {QByteArray("&amp; ` `"), QByteArray("&amp; ` `\n"), QByteArray("Tom &amp; `x` and &lt; `y`.\n")}) {
        const SegmentedDocument doc = test::segmentBytes(bytes);
        Diagnostics problems;
        EXPECT_EQ(localizeDocument(doc, [](const SourceUnit &) { return std::nullopt; }, problems), bytes);
        EXPECT_EQ(localizeDocument(doc, [](const SourceUnit &u) { return std::optional<QString>(u.text); }, problems), bytes);
        EXPECT_TRUE(problems.isEmpty()) << qPrintable(problems.value(0).toString());
    }
}

// fuzz_po: a msgid that is only a byte order mark was read as "" (QString::fromUtf8 drops a
// leading U+FEFF), so the catalog was written with two headers and could not be read back.
TEST(FuzzRegressions, PoMsgidOfAByteOrderMarkIsKept)
{
    for (const QByteArray &bytes : {test::readAll(fuzzData("po-bom-msgid")), QByteArray("msgid \"\xef\xbb\xbf\"\nmsgstr \"x\"\n")}) {
        auto catalog = PoCatalog::fromBytes(bytes, QStringLiteral("bom.po"));
        ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
        ASSERT_EQ(catalog->entries.size(), 1);
        EXPECT_EQ(catalog->entries[0].msgid, QString(QChar(0xFEFF)));
        auto written = catalog->toBytes();
        ASSERT_TRUE(written.ok());
        auto again = PoCatalog::fromBytes(*written, QStringLiteral("bom.po"));
        ASSERT_TRUE(again.ok()) << qPrintable(again.error().toString()) << "\n" << written->constData();
        EXPECT_EQ(again->entries.size(), 1);
    }
}

// fuzz_xliff: an XLIFF 1.x document without any <file> was read as an empty document and
// written as XLIFF 2 with srcLang="", which no validator accepts. It is refused, with its line.
TEST(FuzzRegressions, XliffOneWithoutAFileIsRefused)
{
    const auto document = readXliff(test::readAll(fuzzData("xliff-no-file")), QStringLiteral("empty.xlf"));
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.error().file, QStringLiteral("empty.xlf"));
    EXPECT_EQ(document.error().line, 2);
    EXPECT_TRUE(document.error().message.contains(QStringLiteral("no <file>"))) << qPrintable(document.error().message);
}

// fuzz_po: "charset=SHIFT_JIS" in a header line that is not the Content-Type line's start:
// gettext takes the first "charset=" anywhere, the reader took Content-Type's, so the catalog
// read but could not be written ("invalid multibyte sequence"). Now it writes and reads back.
TEST(FuzzRegressions, PoCharsetIsReadWhereGettextReadsIt)
{
    auto catalog = PoCatalog::fromBytes(test::readAll(fuzzData("po-charset-outside-content-type")), QStringLiteral("sjis.po"));
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
    auto written = catalog->toBytes();
    ASSERT_TRUE(written.ok()) << qPrintable(written.error().toString());
    EXPECT_TRUE(written->contains("charset=UTF-8"));
    EXPECT_FALSE(written->contains("SHIFT_JIS"));
    auto again = PoCatalog::fromBytes(*written, QStringLiteral("sjis.po"));
    ASSERT_TRUE(again.ok()) << qPrintable(again.error().toString());
    EXPECT_EQ(again->header, QString(catalog->header).replace(QStringLiteral("SHIFT_JIS"), QStringLiteral("UTF-8")));
    EXPECT_EQ(again->toBytes().value(), *written); // from then on, reading and writing changes nothing
}

// fuzz_po: gettext never writes an obsolete entry whose msgstr is empty, and the check that
// every entry reached the file took that for a truncated write: such a catalog could not be
// saved at all. It saves now, without that entry, and every other entry is kept.
TEST(FuzzRegressions, PoWithAnUntranslatedObsoleteEntrySaves)
{
    auto catalog = PoCatalog::fromBytes(test::readAll(fuzzData("po-obsolete-untranslated")), QStringLiteral("django.po"));
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
    const qsizetype untranslatedObsolete = std::count_if(catalog->entries.cbegin(), catalog->entries.cend(),
                                                         [](const PoEntry &e) { return e.obsolete && e.msgstr.isEmpty(); });
    ASSERT_GE(untranslatedObsolete, 1);
    auto written = catalog->toBytes();
    ASSERT_TRUE(written.ok()) << qPrintable(written.error().toString());
    auto again = PoCatalog::fromBytes(*written, QStringLiteral("django.po"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->entries.size(), catalog->entries.size() - untranslatedObsolete);
    EXPECT_TRUE(written->contains("#~ msgstr \"etiqueta\""));
}

// fuzz_po: a catalog whose only "header" is obsolete ("#~ msgid \"\"") was read, but the
// written file held it beside the header every written catalog has, and gettext refused the
// result as a duplicate definition: the catalog could never be read back after a save. The
// obsolete header is dropped; the real obsolete units stay.
TEST(FuzzRegressions, PoWithAnObsoleteHeaderReadsBackAfterSaving)
{
    auto catalog = PoCatalog::fromBytes(test::readAll(fuzzData("po-obsolete-header")), QStringLiteral("fuzz.po"));
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().toString());
    auto written = catalog->toBytes();
    ASSERT_TRUE(written.ok()) << qPrintable(written.error().toString());
    auto again = PoCatalog::fromBytes(*written, QStringLiteral("fuzz.po"));
    ASSERT_TRUE(again.ok()) << qPrintable(again.error().toString());
    EXPECT_TRUE(written->contains("#~ msgstr \"pacotes\""));
    EXPECT_FALSE(written->contains("#~ msgid \"\"\n"));
}

// fuzz_qa: the word caches of the spell checker, the stemmer and the number reader grew with
// every distinct word ever seen (1 GB after 130,000 fuzz inputs; an editor left open on a huge
// project the same, slower). They now start over past a limit, and still answer right.
TEST(FuzzRegressions, WordCachesStayBoundedAndStillAnswer)
{
    QHash<QString, int> cache;
    for (int i = 0; i < 1000; ++i) {
        const int stored = insertBounded(cache, QString::number(i), i * 2, 64);
        EXPECT_EQ(stored, i * 2);
        ASSERT_LE(cache.size(), 64);
    }
    EXPECT_EQ(cache.value(QStringLiteral("999")), 1998);
    EXPECT_GT(kWordCacheLimit, 10000); // a whole summary's vocabulary fits many times over
}
