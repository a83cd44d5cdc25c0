// Interchange as agencies and pipelines use it: XLIFF 2.1/1.2, PO and TMX files handed to
// other tools and taken back, checked with the standards' schemas and translate-toolkit.
#include "test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;
using test::runCli;

namespace {

const QByteArray kDoc = "# Bone Marrow\n\n"
                        "The **bone marrow** makes blood cells. See [the NCI site](https://www.cancer.gov) for `ALL` details.\n\n"
                        "Do not take aspirin.\n\n"
                        "Tell your doctor about fever.\n";

QString schemas()
{
    return test::sharedDir() + QStringLiteral("/reference-data/schemas");
}

// A project whose catalog holds a unit in every state, with comments of every kind.
QString makeProject(const QString &root, bool translate = true)
{
    QDir().mkpath(root + QStringLiteral("/source-content/en"));
    QFile::copy(test::sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"),
                root + QStringLiteral("/source-content/en/segmentation.srx"));
    test::writeAll(root + QStringLiteral("/source-content/en/doc.md"), kDoc);
    EXPECT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), root, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    if (!translate)
        return root;
    const QString po = root + QStringLiteral("/locales/es/doc.po");
    QByteArray text = test::readAll(po);
    text.replace("msgid \"Bone Marrow\"\nmsgstr \"\"", "msgid \"Bone Marrow\"\nmsgstr \"Médula ósea\"");
    text.replace("msgid \"The {1}bone marrow{/1} makes blood cells.\"\nmsgstr \"\"",
                 "msgid \"The {1}bone marrow{/1} makes blood cells.\"\nmsgstr \"La {1}médula ósea{/1} produce células sanguíneas.\"");
    text.replace("msgid \"See {1}the NCI site{/1} for {2/} details.\"\nmsgstr \"\"",
                 "msgid \"See {1}the NCI site{/1} for {2/} details.\"\nmsgstr \"Consulte {1}el sitio del NCI{/1} para detalles de {2/}.\"");
    // A draft from an earlier revision: fuzzy, with the previous English and a translator's note.
    text.replace("msgctxt \"tell-your-doctor",
                 "# Check \"fiebre\" against the style guide.\n#, fuzzy\n#| msgid \"Tell your doctor about a fever.\"\nmsgctxt \"tell-your-doctor");
    text.replace("msgid \"Tell your doctor about fever.\"\nmsgstr \"\"",
                 "msgid \"Tell your doctor about fever.\"\nmsgstr \"Informe a su médico si tiene fiebre.\"");
    test::writeAll(po, text);
    auto review = [&](const QStringList &args) {
        QStringList all = {QStringLiteral("review")};
        all << args << QStringLiteral("--project") << root << QStringLiteral("--locale") << QStringLiteral("es");
        return runCli(all).exitCode;
    };
    EXPECT_EQ(review({QStringLiteral("approve"), QStringLiteral("bone-marrow.6a4229ec"), QStringLiteral("--by"), QStringLiteral("Rosa")}), 0);
    EXPECT_EQ(review({QStringLiteral("reject"), QStringLiteral("see-the-nci-site.1b6043be"), QStringLiteral("--reason"),
                      QStringLiteral("word order"), QStringLiteral("--by"), QStringLiteral("Rosa")}), 0);
    EXPECT_EQ(review({QStringLiteral("comment"), QStringLiteral("the-bone-marrow-makes.9d8a6aae"), QStringLiteral("--reason"),
                      QStringLiteral("check the term"), QStringLiteral("--by"), QStringLiteral("Ana")}), 0);
    return root;
}

// The catalog's entries: everything after the header, whose dates say when it was made.
QByteArray entriesOf(const QString &po)
{
    const QByteArray text = test::readAll(po);
    return text.mid(text.indexOf("\n\n"));
}

// The import's own history lines ("imported", by whoever imported), taken out: what is left
// is what the file carried. `count` receives how many there were.
QByteArray withoutImportLines(QByteArray entries, int *count)
{
    QList<QByteArray> kept;
    *count = 0;
    for (const QByteArray &line : entries.split('\n')) {
        if (line.startsWith("# wb:history {\"action\":\"imported\"")) {
            ++*count;
            continue;
        }
        kept.append(line);
    }
    return kept.join('\n');
}

// xmllint with the XML catalog that maps xml.xsd to the local copy (there is no network).
test::RunResult xmllintSchema(const QString &schema, const QString &file, const QTemporaryDir &dir)
{
    const QString catalog = dir.filePath(QStringLiteral("xml-catalog.xml"));
    test::writeAll(catalog, QStringLiteral("<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">\n"
                                           "  <system systemId=\"http://www.w3.org/2001/xml.xsd\" uri=\"file://%1/xliff-1.2/xml.xsd\"/>\n"
                                           "  <uri name=\"http://www.w3.org/XML/1998/namespace\" uri=\"file://%1/xliff-1.2/xml.xsd\"/>\n"
                                           "</catalog>\n").arg(schemas()).toUtf8());
    qputenv("XML_CATALOG_FILES", catalog.toUtf8());
    return test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"), schema, file});
}

struct XliffFlavour {
    const char *format;
    const char *fileName;
    const char *schema;
};

void PrintTo(const XliffFlavour &flavour, std::ostream *os)
{
    *os << flavour.format;
}

class XliffRoundTrip : public ::testing::TestWithParam<XliffFlavour> {};

} // namespace

TEST_P(XliffRoundTrip, PoToXliffToPoLosesNothingAndTheFileValidates)
{
    QTemporaryDir dir;
    const QString original = makeProject(dir.filePath(QStringLiteral("translator")));
    const QString out = dir.filePath(QStringLiteral("out"));
    const auto exported = runCli({QStringLiteral("export"), QStringLiteral("--project"), original, QStringLiteral("--locale"),
                                  QStringLiteral("es"), QStringLiteral("--format"), QString::fromLatin1(GetParam().format),
                                  QStringLiteral("--out"), out});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.constData();
    const QString xliff = out + QLatin1Char('/') + QString::fromLatin1(GetParam().fileName);
    const auto lint = xmllintSchema(schemas() + QLatin1Char('/') + QString::fromLatin1(GetParam().schema), xliff, dir);
    EXPECT_EQ(lint.exitCode, 0) << lint.err.constData();

    // Another machine: the same sources, a fresh catalog, the XLIFF imported.
    const QString other = makeProject(dir.filePath(QStringLiteral("agency")), false);
    const auto imported = runCli({QStringLiteral("import"), xliff, QStringLiteral("--project"), other});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    // Everything arrives; the one unit whose record does not account for its target (it was
    // translated outside the workbench) now records the import.
    int importLines = 0;
    EXPECT_EQ(withoutImportLines(entriesOf(other + QStringLiteral("/locales/es/doc.po")), &importLines),
              entriesOf(original + QStringLiteral("/locales/es/doc.po")));
    EXPECT_EQ(importLines, 1);
    EXPECT_TRUE(imported.err.contains("5 units read, 4 changed")) << imported.err.constData();

    // The same file again changes nothing.
    const QByteArray before = test::readAll(other + QStringLiteral("/locales/es/doc.po"));
    ASSERT_EQ(runCli({QStringLiteral("import"), xliff, QStringLiteral("--project"), other}).exitCode, 0);
    EXPECT_EQ(test::readAll(other + QStringLiteral("/locales/es/doc.po")), before);
}

INSTANTIATE_TEST_SUITE_P(Versions, XliffRoundTrip,
                         ::testing::Values(XliffFlavour{"xliff2", "doc.es.xlf", "xliff-2.1/xliff_core_2.0.xsd"},
                                           XliffFlavour{"xliff12", "doc.es.v12.xlf", "xliff-1.2/xliff-core-1.2-strict.xsd"}),
                         [](const auto &info) { return std::string(info.param.format); });

TEST(Interchange, XliffCarriesStatesInlineCodesAndIdsAsOtherToolsExpect)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p")));
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                      QStringLiteral("--format"), QStringLiteral("xliff2"), QStringLiteral("--out"), dir.path()}).exitCode, 0);
    const QByteArray xliff = test::readAll(dir.filePath(QStringLiteral("doc.es.xlf")));
    EXPECT_TRUE(xliff.contains("<unit id=\"bone-marrow.6a4229ec\">"));
    EXPECT_TRUE(xliff.contains("<segment state=\"final\" subState=\"wb:approved\">"));
    EXPECT_TRUE(xliff.contains("<segment state=\"initial\" subState=\"wb:rejected\">"));
    EXPECT_TRUE(xliff.contains("<source>See <pc id=\"1\">the NCI site</pc> for <ph id=\"2\"/> details.</source>")) << xliff.constData();
    EXPECT_TRUE(xliff.contains("<note category=\"location\">source-content/en/doc.md:3</note>"));
    EXPECT_TRUE(xliff.contains("<note category=\"wb:previous-source\">Tell your doctor about a fever.</note>"));

    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                      QStringLiteral("--format"), QStringLiteral("xliff12"), QStringLiteral("--out"), dir.path()}).exitCode, 0);
    const QByteArray v12 = test::readAll(dir.filePath(QStringLiteral("doc.es.v12.xlf")));
    EXPECT_TRUE(v12.contains("<source>See <g id=\"1\">the NCI site</g> for <x id=\"2\"/> details.</source>")) << v12.constData();
    EXPECT_TRUE(v12.contains("<target state=\"signed-off\">Médula ósea</target>"));
    EXPECT_TRUE(v12.contains("<target state=\"x-rejected\">"));
}

TEST(Interchange, TranslateToolkitReadsAndWritesWhatTheWorkbenchDoes)
{
    QTemporaryDir dir;
    const QString original = makeProject(dir.filePath(QStringLiteral("translator")));
    const QString po = original + QStringLiteral("/locales/es/doc.po");

    // po2xliff (XLIFF 1.1, ids are numbers, comments in notes) imports without loss.
    const QString fromToolkit = dir.filePath(QStringLiteral("po2xliff.xlf"));
    const auto po2xliff = test::run(QStringLiteral("po2xliff"), {po, fromToolkit});
    ASSERT_EQ(po2xliff.exitCode, 0) << po2xliff.err.constData();
    const QString other = makeProject(dir.filePath(QStringLiteral("agency")), false);
    const auto imported = runCli({QStringLiteral("import"), fromToolkit, QStringLiteral("--project"), other, QStringLiteral("--locale"), QStringLiteral("es")});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    // Everything but the previous msgid ("#|"), which po2xliff does not carry.
    QByteArray expected = entriesOf(po);
    expected.replace("#| msgid \"Tell your doctor about a fever.\"\n", "");
    int importLines = 0;
    EXPECT_EQ(withoutImportLines(entriesOf(other + QStringLiteral("/locales/es/doc.po")), &importLines), expected);
    EXPECT_EQ(importLines, 1);

    // xliff2po reads the workbench's XLIFF 1.2, and gettext accepts the result.
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), original, QStringLiteral("--locale"), QStringLiteral("es"),
                      QStringLiteral("--format"), QStringLiteral("xliff12"), QStringLiteral("--out"), dir.path()}).exitCode, 0);
    const QString back = dir.filePath(QStringLiteral("xliff2po.po"));
    const auto xliff2po = test::run(QStringLiteral("xliff2po"), {dir.filePath(QStringLiteral("doc.es.v12.xlf")), back});
    ASSERT_EQ(xliff2po.exitCode, 0) << xliff2po.err.constData();
    const QByteArray converted = test::readAll(back);
    EXPECT_TRUE(converted.contains("msgstr \"Médula ósea\"")) << converted.constData();
    EXPECT_EQ(test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), back}).exitCode, 0);

    // pofilter and msgfmt -c accept every PO the workbench writes: the catalog and the PO export.
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), original, QStringLiteral("--locale"), QStringLiteral("es"),
                      QStringLiteral("--format"), QStringLiteral("po"), QStringLiteral("--out"), dir.path()}).exitCode, 0);
    for (const QString &file : {po, dir.filePath(QStringLiteral("doc.es.po"))}) {
        const auto filtered = test::run(QStringLiteral("pofilter"), {QStringLiteral("--progress=none"), file, dir.filePath(QStringLiteral("filtered.po"))});
        EXPECT_EQ(filtered.exitCode, 0) << qPrintable(file) << filtered.err.constData();
        EXPECT_FALSE(filtered.err.contains("Error")) << filtered.err.constData();
        EXPECT_EQ(test::run(QStringLiteral("msgfmt"), {QStringLiteral("-c"), QStringLiteral("-o"), QStringLiteral("/dev/null"), file}).exitCode, 0);
    }
}

TEST(Interchange, SplitSegmentsAreJoinedAndAChangedSourceIsRefusedWithoutWriting)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p")));
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                      QStringLiteral("--format"), QStringLiteral("xliff2"), QStringLiteral("--out"), dir.path()}).exitCode, 0);
    const QString xliff = dir.filePath(QStringLiteral("doc.es.xlf"));
    QByteArray text = test::readAll(xliff);

    // Another tool split "Do not take aspirin." into two segments and translated both.
    QByteArray split = text;
    const QByteArray one = "<segment state=\"initial\">\n    <source>Do not take aspirin.</source>\n   </segment>";
    ASSERT_TRUE(split.contains(one)) << split.constData();
    split.replace(one, "<segment state=\"translated\">\n    <source>Do not take </source>\n    <target>No tome </target>\n   </segment>\n"
                       "   <segment state=\"translated\">\n    <source>aspirin.</source>\n    <target>aspirina.</target>\n   </segment>");
    test::writeAll(xliff, split);
    const auto joined = runCli({QStringLiteral("import"), xliff, QStringLiteral("--project"), project});
    ASSERT_EQ(joined.exitCode, 0) << joined.err.constData();
    EXPECT_TRUE(joined.err.contains("1 re-joined")) << joined.err.constData();
    const QByteArray po = test::readAll(project + QStringLiteral("/locales/es/doc.po"));
    EXPECT_TRUE(po.contains("msgid \"Do not take aspirin.\"\nmsgstr \"No tome aspirina.\"")) << po.constData();

    // A file made from another revision of the English: refused, unit named, nothing written.
    QByteArray changed = text;
    changed.replace("<source>Do not take aspirin.</source>", "<source>Do not take ibuprofen.</source>");
    test::writeAll(xliff, changed);
    const auto refused = runCli({QStringLiteral("import"), xliff, QStringLiteral("--project"), project});
    EXPECT_EQ(refused.exitCode, 6);
    EXPECT_TRUE(refused.err.contains("doc.es.xlf:")) << refused.err.constData();
    EXPECT_TRUE(refused.err.contains("unit 'do-not-take-aspirin.31a5c910': its source text differs")) << refused.err.constData();
    EXPECT_EQ(test::readAll(project + QStringLiteral("/locales/es/doc.po")), po);
}

TEST(Interchange, BadXliffIsAnsweredWithFileLineAndExitFour)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p")), false);
    const QString bad = dir.filePath(QStringLiteral("bad.xlf"));
    test::writeAll(bad, "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\">\n"
                        " <file id=\"f\">\n  <unit id=\"u\"><segment><source>Hi</source></segment>\n </file>\n</xliff>\n");
    const auto truncated = runCli({QStringLiteral("import"), bad, QStringLiteral("--project"), project});
    EXPECT_EQ(truncated.exitCode, 4);
    EXPECT_TRUE(truncated.err.contains("bad.xlf:5:")) << truncated.err.constData();

    // The real EN->ES file from OpenXLIFF: valid, with its 519 units.
    const auto real = runCli({QStringLiteral("validate"), test::sharedDir() + QStringLiteral("/reference-data/samples/xliff2/openxliff-java_en-es.xlf"),
                              QStringLiteral("--json")});
    EXPECT_EQ(real.exitCode, 0) << real.err.constData();
    const QJsonObject file = QJsonDocument::fromJson(real.out).object().value(QStringLiteral("files")).toArray().first().toObject();
    EXPECT_TRUE(file.value(QStringLiteral("valid")).toBool());
    EXPECT_EQ(file.value(QStringLiteral("units")).toInt(), 519);

    test::writeAll(bad, "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:3.0\" version=\"3.0\"/>\n");
    const auto unknown = runCli({QStringLiteral("validate"), bad});
    EXPECT_EQ(unknown.exitCode, 4);
    EXPECT_TRUE(unknown.err.contains("XLIFF version '3.0'")) << unknown.err.constData();
    EXPECT_EQ(runCli({QStringLiteral("import"), dir.filePath(QStringLiteral("missing.xlf")), QStringLiteral("--project"), project}).exitCode, 3);
}

TEST(Interchange, TmxFromTheMemoryReimportsToTheSameContent)
{
    QTemporaryDir dir;
    const QString sample = test::sharedDir() + QStringLiteral("/reference-data/samples/tmx/openxliff-java_en-es.tmx");
    const QString first = dir.filePath(QStringLiteral("first.tmx")), second = dir.filePath(QStringLiteral("second.tmx"));
    const QString dbA = dir.filePath(QStringLiteral("a.sqlite")), dbB = dir.filePath(QStringLiteral("b.sqlite"));
    ASSERT_EQ(runCli({QStringLiteral("tm"), QStringLiteral("import"), sample, QStringLiteral("--db"), dbA}).exitCode, 0);
    ASSERT_EQ(runCli({QStringLiteral("tm"), QStringLiteral("export"), QStringLiteral("--db"), dbA, QStringLiteral("-o"), first}).exitCode, 0);
    ASSERT_EQ(runCli({QStringLiteral("tm"), QStringLiteral("import"), first, QStringLiteral("--db"), dbB}).exitCode, 0);
    ASSERT_EQ(runCli({QStringLiteral("tm"), QStringLiteral("export"), QStringLiteral("--db"), dbB, QStringLiteral("-o"), second}).exitCode, 0);
    const QByteArray a = test::readAll(first);
    EXPECT_GT(a.count("<tu"), 500);
    EXPECT_EQ(a, test::readAll(second));
    const auto valid = test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--dtdvalid"),
                                                             schemas() + QStringLiteral("/tmx/tmx14.dtd"), first});
    EXPECT_EQ(valid.exitCode, 0) << valid.err.left(2000).constData();
}

TEST(Publishing, ExportIsDeterministicAndFrontMatterSaysWhatWasPublished)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p")));
    ASSERT_EQ(runCli({QStringLiteral("review"), QStringLiteral("annotate"), QStringLiteral("bone-marrow.6a4229ec"), QStringLiteral("--project"),
                      project, QStringLiteral("--locale"), QStringLiteral("es"), QStringLiteral("--category"), QStringLiteral("style"),
                      QStringLiteral("--severity"), QStringLiteral("minor"), QStringLiteral("--by"), QStringLiteral("Rosa")}).exitCode, 0);
    auto exportTo = [&](const QString &out, const QString &format) {
        return runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                       QStringLiteral("--include"), QStringLiteral("translated"), QStringLiteral("--fallback"), QStringLiteral("source"),
                       QStringLiteral("--format"), format, QStringLiteral("--out"), out});
    };
    for (const QString &format : {QStringLiteral("markdown"), QStringLiteral("xliff2"), QStringLiteral("xliff12"), QStringLiteral("po")}) {
        ASSERT_EQ(exportTo(dir.filePath(QStringLiteral("a")), format).exitCode, 0);
        ASSERT_EQ(exportTo(dir.filePath(QStringLiteral("b")), format).exitCode, 0);
    }
    const QStringList files = QDir(dir.filePath(QStringLiteral("a"))).entryList(QDir::Files);
    EXPECT_EQ(files.size(), 4) << files.join(QLatin1Char(' ')).toStdString();
    for (const QString &file : files)
        EXPECT_EQ(test::readAll(dir.filePath(QStringLiteral("a/") + file)), test::readAll(dir.filePath(QStringLiteral("b/") + file)))
            << file.toStdString();

    const QByteArray page = test::readAll(dir.filePath(QStringLiteral("a/doc.md")));
    const QByteArray sha1 = QCryptographicHash::hash(kDoc, QCryptographicHash::Sha1).toHex();
    // 3 units in English (rejected, untranslated, draft); one minor error over the 8 source
    // words of the units a reviewer judged (approved, rejected, annotated), not all 23.
    EXPECT_TRUE(page.startsWith("---\n"
                                "title: \"Médula ósea\"\n"
                                "lang: es\n"
                                "workbench-source: \"source-content/en/doc.md\"\n"
                                "workbench-source-sha1: " + sha1 + "\n"
                                "workbench-status: partial\n"
                                "workbench-units: 5\n"
                                "workbench-source-language-units: 3\n"
                                "workbench-include: translated\n"
                                "workbench-review-score: 125.00\n"
                                "workbench-review-result: fail\n"
                                "---\n\n# Médula ósea\n")) << page.constData();
}

TEST(CliJson, EveryCommandAnswersWithOneJsonObjectEvenWhenItFails)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p")));
    const QString po = project + QStringLiteral("/locales/es/doc.po");
    const QList<QStringList> commands = {
        {QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")},
        {QStringLiteral("segment"), project + QStringLiteral("/source-content/en/doc.md"), QStringLiteral("-o"), dir.filePath(QStringLiteral("doc.pot"))},
        {QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"), QStringLiteral("--format"),
         QStringLiteral("xliff2"), QStringLiteral("--out"), dir.path()},
        {QStringLiteral("import"), dir.filePath(QStringLiteral("doc.es.xlf")), QStringLiteral("--project"), project},
        {QStringLiteral("validate"), po},
        {QStringLiteral("stats"), po},
        {QStringLiteral("check"), po},
        {QStringLiteral("review"), QStringLiteral("comment"), QStringLiteral("bone-marrow.6a4229ec"), po, QStringLiteral("--reason"), QStringLiteral("ok")},
    };
    for (QStringList arguments : commands) {
        arguments << QStringLiteral("--json");
        const auto result = runCli(arguments);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(result.out, &error).object();
        ASSERT_EQ(error.error, QJsonParseError::NoError) << arguments.first().toStdString() << ": " << result.out.constData();
        EXPECT_EQ(json.value(QStringLiteral("command")).toString(), arguments.first());
        EXPECT_EQ(json.value(QStringLiteral("exit_code")).toInt(), result.exitCode) << arguments.first().toStdString();
        EXPECT_EQ(json.value(QStringLiteral("ok")).toBool(), result.exitCode == 0);
    }
    const auto missing = runCli({QStringLiteral("validate"), dir.filePath(QStringLiteral("nope.xlf")), QStringLiteral("--json")});
    EXPECT_EQ(missing.exitCode, 3);
    const QJsonObject json = QJsonDocument::fromJson(missing.out).object();
    const QJsonObject problem = json.value(QStringLiteral("problems")).toArray().first().toObject();
    EXPECT_TRUE(problem.value(QStringLiteral("file")).toString().endsWith(QStringLiteral("nope.xlf")));
    EXPECT_EQ(problem.value(QStringLiteral("exit_code")).toInt(), 3);
    // stdout belongs to the JSON object: output meant for stdout needs a file.
    const auto toStdout = runCli({QStringLiteral("segment"), project + QStringLiteral("/source-content/en/doc.md"), QStringLiteral("--json")});
    EXPECT_EQ(toStdout.exitCode, 2);
    EXPECT_TRUE(QJsonDocument::fromJson(toStdout.out).isObject()) << toStdout.out.constData();
}

TEST(Publishing, TheDocumentedJobFailsOnQaErrorsAndPublishesApprovedWork)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p")));
    const QString po = project + QStringLiteral("/locales/es/doc.po");
    const QString out = dir.filePath(QStringLiteral("public"));
    auto publish = [&] {
        return test::run(QStringLiteral("bash"), {test::sourceDir() + QStringLiteral("/scripts/publish"), project, QStringLiteral("es"), out});
    };
    qputenv("WORKBENCH", test::cliPath().toUtf8());

    // A translation that drops the negation: QA stops the job, nothing is published.
    QByteArray text = test::readAll(po);
    text.replace("msgid \"Do not take aspirin.\"\nmsgstr \"\"", "msgid \"Do not take aspirin.\"\nmsgstr \"Tome aspirina.\"");
    test::writeAll(po, text);
    const auto qa = publish();
    EXPECT_EQ(qa.exitCode, 1) << qa.err.constData();
    EXPECT_TRUE(qa.out.contains("negation.missing")) << qa.out.constData();
    EXPECT_FALSE(QFile::exists(out + QStringLiteral("/doc.md")));

    // Fixed but not every unit approved: the export refuses and names the units.
    text.replace("msgstr \"Tome aspirina.\"", "msgstr \"No tome aspirina.\"");
    test::writeAll(po, text);
    const auto unapproved = publish();
    EXPECT_EQ(unapproved.exitCode, 6) << unapproved.err.constData();
    EXPECT_TRUE(unapproved.out.contains("do-not-take-aspirin.31a5c910")) << unapproved.out.constData();
    EXPECT_FALSE(QFile::exists(out + QStringLiteral("/doc.md")));

    // Everything approved: published, with the hand-off beside it.
    text = test::readAll(po);
    text.replace("#, fuzzy\n", "");
    test::writeAll(po, text);
    for (const char *id : {"the-bone-marrow-makes.9d8a6aae", "see-the-nci-site.1b6043be", "do-not-take-aspirin.31a5c910",
                           "tell-your-doctor-about.f413cd7f"}) {
        const auto approve = runCli({QStringLiteral("review"), QStringLiteral("approve"), QString::fromLatin1(id), po, QStringLiteral("--by"), QStringLiteral("Rosa")});
        ASSERT_EQ(approve.exitCode, 0) << id << approve.err.constData();
    }
    const auto published = publish();
    ASSERT_EQ(published.exitCode, 0) << published.out.constData() << published.err.constData();
    EXPECT_TRUE(published.out.contains("published " + out.toUtf8() + "/doc.md")) << published.out.constData();
    EXPECT_TRUE(test::readAll(out + QStringLiteral("/doc.md")).contains("workbench-status: approved\n"));
    EXPECT_TRUE(QFile::exists(out + QStringLiteral("/.reports/handoff/doc.es.xlf")));
}
