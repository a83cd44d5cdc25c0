// `workbench glossary`, `check` and `suppress` as pipelines run them.
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;
using test::runCli;

namespace {

const QByteArray kCatalog =
    "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
    "msgctxt \"good\"\nmsgid \"The bone marrow makes white blood cells.\"\nmsgstr \"La médula ósea produce glóbulos blancos.\"\n\n"
    "msgctxt \"forbidden\"\nmsgid \"The bone marrow also makes white blood cells.\"\nmsgstr \"La médula espinal también produce leucocitos.\"\n\n"
    "msgctxt \"outdated\"\nmsgid \"Stem cells grow.\"\nmsgstr \"Las células troncales crecen.\"\n";

// A project with the test termbase and one catalog.
QString makeProject(QTemporaryDir &dir)
{
    QDir().mkpath(dir.filePath(QStringLiteral("glossary")));
    QDir().mkpath(dir.filePath(QStringLiteral("locales/es")));
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    QFile::copy(test::dataDir() + QStringLiteral("/glossary/mini.tbx"), dir.filePath(QStringLiteral("glossary/mini.tbx")));
    test::writeAll(dir.filePath(QStringLiteral("locales/es/doc.po")), kCatalog);
    return dir.path();
}

} // namespace

TEST(CliCheck, FindingsAsJsonWithTheContractedFieldsAndExitOne)
{
    QTemporaryDir dir;
    makeProject(dir);
    const auto r = runCli({QStringLiteral("check"), dir.filePath(QStringLiteral("locales/es/doc.po")), QStringLiteral("--json")});
    EXPECT_EQ(r.exitCode, 1) << r.err.constData();
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    const QJsonArray findings = json.value(QStringLiteral("findings")).toArray();
    ASSERT_EQ(findings.size(), 2) << r.out.constData();
    const QJsonObject forbidden = findings[0].toObject();
    EXPECT_EQ(forbidden.value(QStringLiteral("unit")).toString(), QStringLiteral("forbidden"));
    EXPECT_EQ(forbidden.value(QStringLiteral("msgid")).toString(), QStringLiteral("The bone marrow also makes white blood cells."));
    EXPECT_EQ(forbidden.value(QStringLiteral("check")).toString(), QStringLiteral("terminology.forbidden"));
    EXPECT_EQ(forbidden.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    EXPECT_EQ(forbidden.value(QStringLiteral("target_span")).toObject().value(QStringLiteral("start")).toInt(), 3);
    EXPECT_EQ(forbidden.value(QStringLiteral("target_span")).toObject().value(QStringLiteral("length")).toInt(), 14);
    EXPECT_EQ(forbidden.value(QStringLiteral("line")).toInt(), 10);
    EXPECT_EQ(findings[1].toObject().value(QStringLiteral("check")).toString(), QStringLiteral("terminology.outdated"));
    const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
    EXPECT_EQ(summary.value(QStringLiteral("severities")).toObject().value(QStringLiteral("error")).toInt(), 1);
    EXPECT_EQ(summary.value(QStringLiteral("checks")).toObject().value(QStringLiteral("terminology.outdated")).toObject()
                  .value(QStringLiteral("warning")).toInt(), 1);
}

TEST(CliCheck, HumanOutputLooksLikeACompilersAndMarksTheSpan)
{
    QTemporaryDir dir;
    makeProject(dir);
    const QString po = dir.filePath(QStringLiteral("locales/es/doc.po"));
    const auto r = runCli({QStringLiteral("check"), po});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.startsWith((po + QStringLiteral(":10: error: [terminology.forbidden] “médula espinal” is forbidden for "
                                                       "“bone marrow” (Forbidden: means spinal cord.); use “médula ósea”\n"
                                                       "    La médula espinal también produce leucocitos.\n"
                                                       "       ^~~~~~~~~~~~~~\n")).toUtf8()))
        << r.out.constData();
}

TEST(CliCheck, MinSeverityErrorHidesWarningsAndSuppressionsSilenceAFinding)
{
    QTemporaryDir dir;
    makeProject(dir);
    const QString po = dir.filePath(QStringLiteral("locales/es/doc.po"));
    auto count = [&](const QStringList &extra) {
        QStringList args{QStringLiteral("check"), po, QStringLiteral("--json")};
        args += extra;
        const auto r = runCli(args);
        return std::make_pair(r.exitCode, QJsonDocument::fromJson(r.out).object().value(QStringLiteral("findings")).toArray().size());
    };
    EXPECT_EQ(count({QStringLiteral("--min-severity"), QStringLiteral("error")}), std::make_pair(1, qsizetype(1)));

    const auto suppress = runCli({QStringLiteral("suppress"), po, QStringLiteral("--unit"), QStringLiteral("forbidden"),
                                  QStringLiteral("--check"), QStringLiteral("terminology.forbidden"), QStringLiteral("--reason"),
                                  QStringLiteral("quoting a patient letter"), QStringLiteral("--by"), QStringLiteral("Rosa")});
    ASSERT_EQ(suppress.exitCode, 0) << suppress.err.constData();
    EXPECT_TRUE(test::readAll(po).contains("# wb:qa-ignore {\"at\":"));
    EXPECT_EQ(count({}), std::make_pair(0, qsizetype(1))); // only the outdated warning is left: exit 0

    // Changing the target ends the suppression.
    QByteArray text = test::readAll(po);
    text.replace("La médula espinal también produce leucocitos.", "La médula espinal también produce muchos leucocitos.");
    test::writeAll(po, text);
    EXPECT_EQ(count({}).first, 1);
}

TEST(CliCheck, BadInputAndUsage)
{
    EXPECT_EQ(runCli({QStringLiteral("check")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("check"), QStringLiteral("/nonexistent.po")}).exitCode, 3);
    QTemporaryDir dir;
    makeProject(dir);
    EXPECT_EQ(runCli({QStringLiteral("check"), dir.filePath(QStringLiteral("locales/es/doc.po")), QStringLiteral("--min-severity"),
                      QStringLiteral("fatal")}).exitCode, 2);
    test::writeAll(dir.filePath(QStringLiteral("glossary/broken.tbx")), "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text>\n<body>");
    const auto broken = runCli({QStringLiteral("check"), dir.filePath(QStringLiteral("locales/es/doc.po"))});
    EXPECT_EQ(broken.exitCode, 4);
    EXPECT_TRUE(broken.err.contains("broken.tbx:")) << broken.err.constData();
}

TEST(CliCheck, ANumberWordListThatIsNotUtf8StopsTheCheckAtItsLine)
{
    QTemporaryDir dir;
    makeProject(dir);
    const QString list = dir.filePath(QStringLiteral("locales/es/number-words.txt"));
    test::writeAll(list, "ambos 2\ndocena\xff 12\n");
    const auto r = runCli({QStringLiteral("check"), dir.filePath(QStringLiteral("locales/es/doc.po"))});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_EQ(r.err, ("workbench: " + list + ":2:7: invalid UTF-8 byte 0xff\n").toUtf8());
    // A readable list is used, and --json says so beside the built-in English one.
    test::writeAll(list, "ambos 2\n");
    const auto ok = runCli({QStringLiteral("check"), dir.filePath(QStringLiteral("locales/es/doc.po")), QStringLiteral("--json")});
    const QJsonArray resources = QJsonDocument::fromJson(ok.out).object().value(QStringLiteral("resources")).toArray();
    QStringList numberLists;
    for (const QJsonValue &v : resources)
        if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("number-words"))
            numberLists.append(v.toObject().value(QStringLiteral("origin")).toString() + QLatin1Char(' ')
                               + v.toObject().value(QStringLiteral("path")).toString());
    EXPECT_EQ(numberLists, (QStringList{QStringLiteral("built-in built-in:locales/en/number-words.txt"),
                                        QStringLiteral("project ") + list}));
}

// A catalog a macOS tool saved in decomposed Unicode (NFD) is checked as its composed twin:
// its two correct sentences had 12 spelling and terminology findings, the NFC ones none.
TEST(CliCheck, ADecomposedCatalogIsCheckedAsItsComposedTwin)
{
    QTemporaryDir dir;
    const QString po = QStringLiteral(
        "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        "msgctxt \"marrow\"\nmsgid \"The bone marrow makes white blood cells.\"\n"
        "msgstr \"La médula ósea produce glóbulos blancos.\"\n\n"
        "msgctxt \"all\"\nmsgid \"Acute lymphoblastic leukemia is a type of cancer in which the bone marrow makes too many lymphocytes.\"\n"
        "msgstr \"La leucemia linfoblástica aguda es un tipo de cáncer por el que la médula ósea produce demasiados linfocitos.\"\n");
    for (const auto form : {QString::NormalizationForm_C, QString::NormalizationForm_D}) {
        const QString path = dir.filePath(form == QString::NormalizationForm_C ? QStringLiteral("nfc.po") : QStringLiteral("nfd.po"));
        test::writeAll(path, po.normalized(form).toUtf8());
        const auto r = runCli({QStringLiteral("check"), path, QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << path.toStdString() << r.err.constData();
        EXPECT_EQ(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("findings")).toArray().size(), 0)
            << path.toStdString() << r.out.constData();
    }
}

TEST(CliGlossary, ConvertsBetweenTbxTsvAndCsvAndImportsTbx2008)
{
    QTemporaryDir dir;
    const QString mini = test::dataDir() + QStringLiteral("/glossary/mini.tbx");
    const QString tsv = dir.filePath(QStringLiteral("g.tsv"));
    const QString csv = dir.filePath(QStringLiteral("g.csv"));
    const QString back = dir.filePath(QStringLiteral("back.tbx"));
    ASSERT_EQ(runCli({QStringLiteral("glossary"), QStringLiteral("export"), mini, QStringLiteral("-o"), tsv}).exitCode, 0);
    ASSERT_EQ(runCli({QStringLiteral("glossary"), QStringLiteral("import"), tsv, QStringLiteral("-o"), back}).exitCode, 0);
    ASSERT_EQ(runCli({QStringLiteral("glossary"), QStringLiteral("export"), back, QStringLiteral("-o"), csv}).exitCode, 0);
    EXPECT_TRUE(test::readAll(tsv).contains("c-bone-marrow\tes\tmédula espinal\tdeprecated\tnoun\tfeminine\t\tForbidden: means spinal cord."));
    EXPECT_TRUE(test::readAll(csv).contains("c-bone-marrow,es,médula espinal,deprecated,noun,feminine,,Forbidden: means spinal cord."));

    const QString imported = dir.filePath(QStringLiteral("weblate.tbx"));
    const auto r = runCli({QStringLiteral("glossary"), QStringLiteral("import"),
                           test::sharedDir() + QStringLiteral("/reference-data/samples/tbx/weblate-fr-extended-metadata.tbx"),
                           QStringLiteral("-o"), imported});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_TRUE(test::readAll(imported).contains("supersededTerm-admn-sts"));
    const auto xmllint = test::run(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--relaxng"),
                                                               test::sharedDir() + QStringLiteral("/reference-data/schemas/tbx/TBXcoreStructV03.rng"), imported});
    EXPECT_EQ(xmllint.exitCode, 0) << xmllint.err.constData();
}

TEST(CliGlossary, LookupShowsWhatToWriteAndWhatNever)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    const auto r = runCli({QStringLiteral("glossary"), QStringLiteral("lookup"), QStringLiteral("The bone marrow makes stem cells."),
                           QStringLiteral("--project"), project});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    EXPECT_EQ(r.out, QByteArray("bone marrow -> médula ósea   (never: médula espinal)\nstem cells -> célula madre   (never: célula troncal)\n"));
}

TEST(CliCheck, EveryKindOfCheckReportsThroughTheSameInterface)
{
    QTemporaryDir dir;
    makeProject(dir);
    const QString po = dir.filePath(QStringLiteral("locales/es/qa.po"));
    test::writeAll(po, "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                       "msgctxt \"dose\"\nmsgid \"Take 5 mg.\"\nmsgstr \"Tome 50 mg.\"\n\n"
                       "msgctxt \"question\"\nmsgid \"Is it serious?\"\nmsgstr \"Es grave?\"\n\n"
                       "msgctxt \"typo\"\nmsgid \"It is given in the spine.\"\nmsgstr \"Se administra en la columa.\"\n\n"
                       "msgctxt \"copy\"\nmsgid \"Ask your doctor.\"\nmsgstr \"Ask your doctor.\"\n\n"
                       "msgctxt \"markup\"\nmsgid \"See {1}the list{/1}.\"\nmsgstr \"Vea la lista.\"\n\n"
                       "msgctxt \"todo\"\nmsgid \"Not yet.\"\nmsgstr \"\"\n");
    const auto r = runCli({QStringLiteral("check"), po, QStringLiteral("--json"), QStringLiteral("--min-severity"), QStringLiteral("info")});
    EXPECT_EQ(r.exitCode, 1);
    QMap<QString, QString> checkOfUnit;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out).object().value(QStringLiteral("findings")).toArray())
        checkOfUnit.insert(v.toObject().value(QStringLiteral("unit")).toString(), v.toObject().value(QStringLiteral("check")).toString());
    EXPECT_EQ(checkOfUnit.value(QStringLiteral("dose")), QStringLiteral("numbers.changed"));
    EXPECT_EQ(checkOfUnit.value(QStringLiteral("question")), QStringLiteral("punctuation.inverted"));
    EXPECT_EQ(checkOfUnit.value(QStringLiteral("typo")), QStringLiteral("spelling"));
    EXPECT_EQ(checkOfUnit.value(QStringLiteral("copy")), QStringLiteral("untranslated.copy"));
    EXPECT_EQ(checkOfUnit.value(QStringLiteral("markup")), QStringLiteral("markup.placeholders"));
    EXPECT_EQ(checkOfUnit.value(QStringLiteral("todo")), QStringLiteral("untranslated.empty"));
}

TEST(CliSpell, AddedWordsAreRecordedWithWhoAndWhenAndAccepted)
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    EXPECT_EQ(runCli({QStringLiteral("spell"), QStringLiteral("check"), QStringLiteral("La columa"), QStringLiteral("--project"), project}).exitCode, 1);
    const auto add = runCli({QStringLiteral("spell"), QStringLiteral("add"), QStringLiteral("columa"), QStringLiteral("--project"), project,
                             QStringLiteral("--by"), QStringLiteral("Rosa")});
    ASSERT_EQ(add.exitCode, 0) << add.err.constData();
    const QByteArray table = test::readAll(dir.filePath(QStringLiteral("locales/es/project-words.tsv")));
    EXPECT_TRUE(table.startsWith("word\tadded_by\tadded_at\ncoluma\tRosa\t20")) << table.constData();
    const auto again = runCli({QStringLiteral("spell"), QStringLiteral("check"), QStringLiteral("La columa"), QStringLiteral("--project"), project});
    EXPECT_EQ(again.exitCode, 0) << again.out.constData();
    const auto suggest = runCli({QStringLiteral("spell"), QStringLiteral("suggest"), QStringLiteral("leucemai"), QStringLiteral("--project"), project});
    EXPECT_TRUE(suggest.out.contains("leucemia")) << suggest.out.constData();
}
