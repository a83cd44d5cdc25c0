// The `workbench` command as pipelines use it: real processes, real files, exit codes.
#include "test_support.h"
#include "po/po_catalog.h"
#include "review/review_record.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;
using test::runCli;

namespace {

const QString kSummary = QStringLiteral("/source-content/en/adult-all-treatment.md");

// A throw-away copy of the bundled project (sources and rules only).
QString makeProject(QTemporaryDir &dir, const QByteArray &markdown = {})
{
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    const QString src = test::sourceDir() + QStringLiteral("/source-content/en/");
    QFile::copy(src + QStringLiteral("segmentation.srx"), dir.filePath(QStringLiteral("source-content/en/segmentation.srx")));
    if (markdown.isEmpty())
        QFile::copy(src + QStringLiteral("adult-all-treatment.md"), dir.filePath(QStringLiteral("source-content/en/adult-all-treatment.md")));
    else
        test::writeAll(dir.filePath(QStringLiteral("source-content/en/doc.md")), markdown);
    return dir.path();
}

} // namespace

TEST(Cli, SegmentWritesAPotThatMsgfmtAccepts)
{
    QTemporaryDir dir;
    const QString pot = dir.filePath(QStringLiteral("summary.pot"));
    const auto r = runCli({QStringLiteral("segment"), test::sourceDir() + kSummary, QStringLiteral("-o"), pot});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    const QByteArray text = test::readAll(pot);
    EXPECT_TRUE(text.contains("msgctxt \"acute-lymphoblastic-leukemia-all."));
    EXPECT_TRUE(text.contains("#. image alt text"));
    const auto check = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), pot});
    EXPECT_EQ(check.exitCode, 0) << check.err.constData();
}

TEST(Cli, SegmentToStdoutWhenNoOutputIsGiven)
{
    const auto r = runCli({QStringLiteral("segment"), test::dataDir() + QStringLiteral("/markdown/setext.md")});
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.contains("msgid \"Setext heading one\""));
}

TEST(Cli, MsgenCatalogExportsTheSummaryByteForByte)
{
    QTemporaryDir dir;
    const QString pot = dir.filePath(QStringLiteral("s.pot"));
    const QString po = dir.filePath(QStringLiteral("en.po"));
    const QString out = dir.filePath(QStringLiteral("out.md"));
    ASSERT_EQ(runCli({QStringLiteral("segment"), test::sourceDir() + kSummary, QStringLiteral("-o"), pot}).exitCode, 0);
    // gettext's own msgen: every msgstr becomes its msgid.
    const auto msgen = test::run(QStringLiteral("msgen"), {QStringLiteral("-o"), po, pot});
    ASSERT_EQ(msgen.exitCode, 0) << msgen.err.constData();
    const auto r = runCli({QStringLiteral("export"), test::sourceDir() + kSummary, QStringLiteral("--po"), po,
                           QStringLiteral("--include"), QStringLiteral("all"), QStringLiteral("--no-front-matter"), QStringLiteral("-o"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_EQ(test::readAll(out), test::readAll(test::sourceDir() + kSummary));

    // Published, the same page only gains its front matter on top.
    const auto published = runCli({QStringLiteral("export"), test::sourceDir() + kSummary, QStringLiteral("--po"), po,
                                   QStringLiteral("--include"), QStringLiteral("all"), QStringLiteral("-o"), out});
    ASSERT_EQ(published.exitCode, 0) << published.err.constData();
    const QByteArray page = test::readAll(out);
    EXPECT_TRUE(page.startsWith("---\ntitle: \"Acute Lymphoblastic Leukemia Treatment (PDQ®)–Patient Version\"\n")) << page.left(400).constData();
    EXPECT_TRUE(page.endsWith("---\n\n" + test::readAll(test::sourceDir() + kSummary)));
}

TEST(Cli, UpdateCreatesCatalogsAndASecondRunChangesNothing)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    const auto first = runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")});
    ASSERT_EQ(first.exitCode, 0) << first.err.constData();
    EXPECT_TRUE(first.out.contains("created"));
    const QString po = dir.filePath(QStringLiteral("locales/es/adult-all-treatment.po"));
    const QByteArray before = test::readAll(po);
    EXPECT_TRUE(before.contains("\"Language: es\\n\""));
    EXPECT_TRUE(before.contains("\"Plural-Forms: nplurals=3;"));
    const auto check = test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), po});
    EXPECT_EQ(check.exitCode, 0) << check.err.constData();

    const auto second = runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")});
    ASSERT_EQ(second.exitCode, 0);
    EXPECT_TRUE(second.out.contains("already up to date"));
    EXPECT_EQ(test::readAll(po), before);
}

TEST(Cli, UpdateKeepsTranslationsOfUnchangedUnitsAndObsoletesDeletedOnes)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir, "# Title\n\nKeep this. Delete this.\n");
    const QStringList update{QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")};
    ASSERT_EQ(runCli(update).exitCode, 0);
    const QString po = dir.filePath(QStringLiteral("locales/es/doc.po"));
    QByteArray text = test::readAll(po);
    text.replace("msgid \"Keep this.\"\nmsgstr \"\"", "msgid \"Keep this.\"\nmsgstr \"Conservar esto.\"");
    text.replace("msgid \"Delete this.\"\nmsgstr \"\"", "msgid \"Delete this.\"\nmsgstr \"Borrar esto.\"");
    test::writeAll(po, text);

    test::writeAll(dir.filePath(QStringLiteral("source-content/en/doc.md")), "# Title\n\nNew first. Keep this.\n");
    const auto r = runCli(update);
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_TRUE(r.out.contains("2 kept, 0 moved, 0 edited, 0 split, 0 joined, 1 new, 0 renamed, 1 obsolete")) << r.out.constData();
    const QByteArray after = test::readAll(po);
    EXPECT_TRUE(after.contains("msgid \"Keep this.\"\nmsgstr \"Conservar esto.\""));
    EXPECT_TRUE(after.contains("#~ msgid \"Delete this.\"\n#~ msgstr \"Borrar esto.\""));
}

TEST(Cli, ProjectExportAndStats)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir, "# Title\n\nOne sentence. Two sentences here.\n");
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    const QString po = dir.filePath(QStringLiteral("locales/es/doc.po"));
    QByteArray text = test::readAll(po);
    text.replace("msgid \"Title\"\nmsgstr \"\"", "msgid \"Title\"\nmsgstr \"Título\"");
    test::writeAll(po, text);

    const auto stats = runCli({QStringLiteral("stats"), QStringLiteral("--project"), project, QStringLiteral("--locale"),
                               QStringLiteral("es"), QStringLiteral("--json")});
    ASSERT_EQ(stats.exitCode, 0) << stats.err.constData();
    const QJsonObject json = QJsonDocument::fromJson(stats.out).object();
    EXPECT_EQ(json.value(QStringLiteral("units")).toInt(), 3);
    EXPECT_EQ(json.value(QStringLiteral("words")).toInt(), 6);
    const QJsonObject states = json.value(QStringLiteral("states")).toObject();
    EXPECT_EQ(states.value(QStringLiteral("translated")).toObject().value(QStringLiteral("units")).toInt(), 1);
    EXPECT_EQ(states.value(QStringLiteral("untranslated")).toObject().value(QStringLiteral("words")).toInt(), 5);

    // By default only approved units are published, and a missing approval stops the export.
    const auto strict = runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")});
    EXPECT_EQ(strict.exitCode, 6);
    EXPECT_TRUE(strict.err.contains("(translated): not approved: Title")) << strict.err.constData();
    EXPECT_TRUE(strict.err.contains("(untranslated): not approved: One sentence.")) << strict.err.constData();
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("localized/es/doc.md"))));

    // --fallback source keeps the English and says so where publishing tools can read it.
    const auto lenient = runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"),
                                 QStringLiteral("es"), QStringLiteral("--include"), QStringLiteral("translated"),
                                 QStringLiteral("--fallback"), QStringLiteral("source"), QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))});
    ASSERT_EQ(lenient.exitCode, 0) << lenient.err.constData();
    const QByteArray page = test::readAll(dir.filePath(QStringLiteral("out/doc.md")));
    EXPECT_TRUE(page.contains("\nworkbench-status: partial\nworkbench-units: 3\nworkbench-source-language-units: 2\nworkbench-include: translated\n---\n\n"
                              "# Título\n\nOne sentence. Two sentences here.\n")) << page.constData();
    EXPECT_TRUE(page.startsWith("---\ntitle: \"Título\"\nlang: es\n")) << page.constData();

    // Approved by a reviewer: published.
    ASSERT_EQ(runCli({QStringLiteral("review"), QStringLiteral("approve"), QStringLiteral("title.768e0c1c"), po, QStringLiteral("--by"), QStringLiteral("Rosa")}).exitCode, 0)
        << test::readAll(po).constData();
    const auto approved = runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"),
                                  QStringLiteral("es"), QStringLiteral("--fallback"), QStringLiteral("source")});
    ASSERT_EQ(approved.exitCode, 0) << approved.err.constData();
    EXPECT_TRUE(test::readAll(dir.filePath(QStringLiteral("localized/es/doc.md"))).endsWith("\n# Título\n\nOne sentence. Two sentences here.\n"));
}

TEST(Cli, FallbackErrorFailsWithExitSixAndWritesNothing)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir, "# Title\n\nText.\n");
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    const QString out = dir.filePath(QStringLiteral("out.md"));
    const auto r = runCli({QStringLiteral("export"), dir.filePath(QStringLiteral("source-content/en/doc.md")), QStringLiteral("--po"),
                           dir.filePath(QStringLiteral("locales/es/doc.po")), QStringLiteral("--fallback"), QStringLiteral("error"),
                           QStringLiteral("-o"), out});
    EXPECT_EQ(r.exitCode, 6);
    EXPECT_TRUE(r.err.contains("doc.md:1: unit title."));
    EXPECT_TRUE(r.err.contains("(untranslated): not approved: Title")) << r.err.constData();
    EXPECT_FALSE(QFile::exists(out));
}

TEST(Cli, PseudoProvesTheSummaryIsFullyTranslatable)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("pseudo.md"));
    const auto r = runCli({QStringLiteral("pseudo"), test::sourceDir() + kSummary, QStringLiteral("-o"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_TRUE(r.err.contains("block structure intact; no untranslatable text"));
    EXPECT_TRUE(test::readAll(out).contains("# ⟦ Åçûţé Ļýɱþĥöƀļåšţîç Ļéûķéɱîå Ţŕéåţɱéñţ (ÞÐǪ®)–Þåţîéñţ Ṽéŕšîöñ"));
}

TEST(Cli, MissingFileExitsThreeAndNamesIt)
{
    const auto r = runCli({QStringLiteral("segment"), QStringLiteral("/nonexistent/doc.md")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, QByteArray("workbench: /nonexistent/doc.md: no such file\n"));
}

TEST(Cli, InvalidUtf8ExitsFourWithLineAndColumn)
{
    QTemporaryDir dir;
    const QString doc = dir.filePath(QStringLiteral("bad.md"));
    test::writeAll(doc, "# Fine\n\nBroken \xE9 byte.\n");
    const QString out = dir.filePath(QStringLiteral("out.pot"));
    const auto r = runCli({QStringLiteral("segment"), doc, QStringLiteral("-o"), out});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_EQ(r.err, ("workbench: " + doc + ":3:8: invalid UTF-8 byte 0xe9\n").toUtf8());
    EXPECT_FALSE(QFile::exists(out));
}

TEST(Cli, BrokenCatalogExitsFourWithFileAndLine)
{
    const QString broken = test::sharedDir() + QStringLiteral("/reference-data/samples/po/polib-tests/test_syntax_error1.po");
    const auto r = runCli({QStringLiteral("stats"), broken});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_EQ(r.err, ("workbench: " + broken + ":5:7: syntax error\n").toUtf8());
}

TEST(Cli, UnwritableOutputExitsFiveAndLeavesNoFile)
{
    QTemporaryDir dir;
    test::writeAll(dir.filePath(QStringLiteral("not-a-folder")), "x");
    const QString out = dir.filePath(QStringLiteral("not-a-folder/out.pot"));
    const auto r = runCli({QStringLiteral("segment"), test::dataDir() + QStringLiteral("/markdown/setext.md"), QStringLiteral("-o"), out});
    EXPECT_EQ(r.exitCode, 5);
    EXPECT_TRUE(r.err.startsWith(("workbench: " + out + ": cannot write").toUtf8())) << r.err.constData();
}

TEST(Cli, UsageErrorsExitTwo)
{
    EXPECT_EQ(runCli({}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("segment")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("export"), QStringLiteral("a.md")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("export"), QStringLiteral("a.md"), QStringLiteral("--po"), QStringLiteral("a.po"),
                      QStringLiteral("--include"), QStringLiteral("some")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("stats"), QStringLiteral("--project"), QStringLiteral(".")}).exitCode, 2);
    const auto help = runCli({QStringLiteral("export"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("--fallback"));
}

TEST(Cli, NotAProjectExitsThree)
{
    QTemporaryDir dir;
    const auto r = runCli({QStringLiteral("update"), QStringLiteral("--project"), dir.path(), QStringLiteral("--locale"), QStringLiteral("es")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(r.err.contains("not a workbench project"));
}

TEST(CliReview, ApproveRejectCommentAnnotateAndReport)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir, "# Title\n\nOne sentence. Two sentences here.\n");
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    const QString po = dir.filePath(QStringLiteral("locales/es/doc.po"));
    QByteArray text = test::readAll(po);
    text.replace("msgid \"Title\"\nmsgstr \"\"", "msgid \"Title\"\nmsgstr \"Título\"");
    text.replace("msgid \"One sentence.\"\nmsgstr \"\"", "msgid \"One sentence.\"\nmsgstr \"Una frase.\"");
    test::writeAll(po, text);
    const QString title = QStringLiteral("title.768e0c1c");
    const QString one = QString::fromUtf8(QRegularExpression(QStringLiteral("msgctxt \"(one-sentence\\.[0-9a-f]+)\""))
                                              .match(QString::fromUtf8(text)).captured(1).toUtf8());
    ASSERT_FALSE(one.isEmpty());
    auto review = [&](QStringList args) {
        args.prepend(QStringLiteral("review"));
        args << QStringLiteral("--project") << project << QStringLiteral("--locale") << QStringLiteral("es") << QStringLiteral("--by")
             << QStringLiteral("Rosa");
        return runCli(args);
    };
    EXPECT_EQ(review({QStringLiteral("approve"), title}).exitCode, 0);
    const auto noReason = review({QStringLiteral("reject"), one});
    EXPECT_EQ(noReason.exitCode, 6);
    EXPECT_TRUE(noReason.err.contains("a rejection needs a reason")) << noReason.err.constData();
    EXPECT_EQ(review({QStringLiteral("reject"), one, QStringLiteral("--reason"), QStringLiteral("too literal")}).exitCode, 0);
    EXPECT_EQ(review({QStringLiteral("comment"), one, QStringLiteral("--reason"), QStringLiteral("see the style guide")}).exitCode, 0);
    EXPECT_EQ(review({QStringLiteral("annotate"), one, QStringLiteral("--category"), QStringLiteral("style"), QStringLiteral("--severity"),
                      QStringLiteral("major")}).exitCode, 0);
    EXPECT_EQ(review({QStringLiteral("approve"), QStringLiteral("no-such-unit")}).exitCode, 4);
    const QByteArray after = test::readAll(po);
    EXPECT_TRUE(after.contains("# wb:state {\"at\":")) << after.constData();
    EXPECT_TRUE(after.contains("\"reason\":\"too literal\""));
    EXPECT_EQ(test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), po}).exitCode, 0);

    const QString md = dir.filePath(QStringLiteral("report.md"));
    const auto report = runCli({QStringLiteral("review"), QStringLiteral("report"), QStringLiteral("--project"), project,
                                QStringLiteral("--locale"), QStringLiteral("es"), QStringLiteral("-o"), md});
    ASSERT_EQ(report.exitCode, 0) << report.err.constData();
    const QByteArray markdown = test::readAll(md);
    // 5 penalty points (one major) over the 3 source words reviewed ("Title" approved, "One
    // sentence." rejected); the unreviewed "Two sentences here." does not dilute it.
    EXPECT_TRUE(markdown.contains("**Score: 1666.67 penalty points per 1,000 words — FAIL**")) << markdown.constData();
    EXPECT_TRUE(markdown.contains("![Units per state](report-states.svg)"));
    EXPECT_TRUE(markdown.contains("| approved | 1 | 1 |"));
    EXPECT_TRUE(markdown.contains("by Rosa: too literal"));
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("report-states.svg"))));
    const QString html = dir.filePath(QStringLiteral("report.html"));
    ASSERT_EQ(runCli({QStringLiteral("review"), QStringLiteral("report"), QStringLiteral("--project"), project, QStringLiteral("--locale"),
                      QStringLiteral("es"), QStringLiteral("-o"), html}).exitCode, 0);
    EXPECT_TRUE(test::readAll(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
}

// Pretranslation changes translations too: each draft it fills says who ran it and how good
// the match was, and the catalog's header says who changed it last.
TEST(Cli, PretranslateRecordsEachDraftItFillsUnderTheUsersName)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir, "# Fever\n\nDrink plenty of water.\n\nRest at home.\n\n## Later\n\nDrink plenty of water.\n");
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    const QString po = dir.filePath(QStringLiteral("locales/es/doc.po"));
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok());
    PoEntry *first = nullptr;
    for (PoEntry &e : catalog->entries)
        if (e.msgid == QLatin1String("Drink plenty of water.") && !first)
            first = &e;
    ASSERT_NE(first, nullptr);
    first->msgstr = QStringLiteral("Beba mucha agua.");
    ASSERT_TRUE(catalog->write(po).ok());

    qputenv("WORKBENCH_USER", "Pilar");
    const auto filled = runCli({QStringLiteral("pretranslate"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                                QStringLiteral("--db"), dir.filePath(QStringLiteral("memory.sqlite"))});
    qunsetenv("WORKBENCH_USER");
    ASSERT_EQ(filled.exitCode, 0) << filled.err.constData();
    EXPECT_TRUE(filled.out.contains("1 units filled as drafts")) << filled.out.constData();
    auto after = PoCatalog::read(po);
    ASSERT_TRUE(after.ok());
    const PoEntry &repeated = after->entries.last();
    ASSERT_EQ(repeated.msgid, QStringLiteral("Drink plenty of water."));
    EXPECT_EQ(repeated.msgstr, QStringLiteral("Beba mucha agua."));
    EXPECT_TRUE(repeated.fuzzy);
    ASSERT_EQ(historyOf(repeated).size(), 1);
    EXPECT_EQ(historyOf(repeated)[0].action, QStringLiteral("pretranslated"));
    EXPECT_EQ(historyOf(repeated)[0].by, QStringLiteral("Pilar"));
    EXPECT_EQ(after->headerField(QStringLiteral("Last-Translator")), QStringLiteral("Pilar"));
    EXPECT_EQ(test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), po}).exitCode, 0);
}

// A translation the export could not write without changing the page is a QA error before
// anyone exports: `check --project` exports the document once to find them, names the unit and
// what would change, and fails like any other error; `export` then keeps the English and says so.
TEST(Cli, CheckFindsATranslationThatWouldChangeThePageAndExportRefusesIt)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir, "Take *two* tablets a day.\n\nSee the doctor.\n");
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    const QString po = dir.filePath(QStringLiteral("locales/es/doc.po"));
    auto catalog = PoCatalog::read(po);
    ASSERT_TRUE(catalog.ok());
    for (PoEntry &entry : catalog->entries)
        entry.msgstr = entry.msgid.startsWith(QLatin1String("Take")) ? QStringLiteral("Tome {1}{/1} dos comprimidos al día.")
                                                                       : QStringLiteral("Consulte al médico.");
    ASSERT_TRUE(catalog->write(po).ok());

    const auto check = runCli({QStringLiteral("check"), QStringLiteral("--project"), project, QStringLiteral("--locale"),
                               QStringLiteral("es"), QStringLiteral("--json")});
    EXPECT_EQ(check.exitCode, 1) << check.err.constData();
    const QJsonArray findings = QJsonDocument::fromJson(check.out).object().value(QStringLiteral("findings")).toArray();
    QStringList structure;
    for (const QJsonValue &f : findings)
        if (f[QStringLiteral("check")].toString() == QLatin1String("markup.structure"))
            structure.append(f[QStringLiteral("unit")].toString() + QLatin1Char(' ') + f[QStringLiteral("message")].toString());
    ASSERT_EQ(structure.size(), 1) << check.out.constData();
    EXPECT_TRUE(structure[0].startsWith(QLatin1String("take-two-tablets-a."))) << qPrintable(structure[0]);
    EXPECT_TRUE(structure[0].contains(QLatin1String("(paragraph: emphasis lost)"))) << qPrintable(structure[0]);

    const QString out = dir.filePath(QStringLiteral("doc.es.md"));
    const auto exported = runCli({QStringLiteral("export"), dir.filePath(QStringLiteral("source-content/en/doc.md")), QStringLiteral("--po"), po,
                                  QStringLiteral("--include"), QStringLiteral("all"), QStringLiteral("--no-front-matter"), QStringLiteral("-o"), out});
    EXPECT_EQ(exported.exitCode, 6);
    EXPECT_TRUE(exported.err.contains("the translation cannot be written in Markdown without changing the document's structure "
                                      "(paragraph: emphasis lost); source text kept")) << exported.err.constData();
    EXPECT_FALSE(QFile::exists(out)); // nothing written half-way

    // Published anyway with --fallback source: the refused unit is counted, and the page says
    // it is partly in English.
    const auto partial = runCli({QStringLiteral("export"), dir.filePath(QStringLiteral("source-content/en/doc.md")), QStringLiteral("--po"), po,
                                 QStringLiteral("--include"), QStringLiteral("all"), QStringLiteral("--fallback"), QStringLiteral("source"),
                                 QStringLiteral("-o"), out});
    EXPECT_EQ(partial.exitCode, 0) << partial.err.constData();
    EXPECT_TRUE(partial.err.contains("1 units translated, 1 kept in the source language")) << partial.err.constData();
    const QByteArray page = test::readAll(out);
    EXPECT_TRUE(page.contains("workbench-status: partial")) << page.constData();
    EXPECT_TRUE(page.contains("workbench-source-language-units: 1")) << page.constData();
    EXPECT_TRUE(page.contains("Take *two* tablets a day.\n\nConsulte al médico.")) << page.constData();
}
