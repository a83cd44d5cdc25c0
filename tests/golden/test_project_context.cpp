// One project context (issue 18): every command and the editor give the same answer for who
// is working and which language the sources are in, from workbench.json; export reads front
// matter the way the Markdown reader does; load problems are said, never swallowed.
#include "test_support.h"
#include "editor/editor_session.h"
#include "po/po_catalog.h"
#include "project/front_matter.h"
#include "review/review_record.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;
using test::runCli;

namespace {

// A project whose settings name its user and whose sources are French: what `review`
// always honoured and the other commands ignored.
QString makeFrenchProject(const QTemporaryDir &dir)
{
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/fr")));
    test::writeAll(dir.filePath(QStringLiteral("workbench.json")), R"({"sourceLanguage": "fr", "user": "Ana Reviewer"})");
    test::writeAll(dir.filePath(QStringLiteral("source-content/fr/doc.md")),
                   "# Fièvre\n\nBuvez beaucoup d'eau.\n\nReposez-vous à la maison.\n");
    return dir.path();
}

QString catalogOf(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("locales/es/doc.po"));
}

// Who the environment says is working when the settings are ignored: the login name.
struct LoginOnly {
    test::ScopedEnv workbenchUser{"WORKBENCH_USER", std::nullopt};
    test::ScopedEnv login{"USER", QByteArray("loginname")};
    test::ScopedEnv logname{"LOGNAME", QByteArray("loginname")};
};

QString firstUnit(const QString &catalogPath)
{
    auto catalog = PoCatalog::read(catalogPath);
    EXPECT_TRUE(catalog.ok());
    return catalog.ok() && !catalog->entries.isEmpty() ? catalog->entries.first().context : QString();
}

} // namespace

TEST(ProjectContext, EveryCommandWorksOnAProjectWhoseSourcesAreNotEnglish)
{
    const LoginOnly env;
    QTemporaryDir dir;
    const QString project = makeFrenchProject(dir);
    const auto updated = runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")});
    ASSERT_EQ(updated.exitCode, 0) << updated.err.constData();
    EXPECT_TRUE(QFile::exists(catalogOf(dir)));

    const auto stats = runCli({QStringLiteral("stats"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                               QStringLiteral("--json")});
    EXPECT_EQ(stats.exitCode, 0) << stats.err.constData();
    EXPECT_EQ(QJsonDocument::fromJson(stats.out).object().value(QLatin1String("units")).toInt(), 3) << stats.out.constData();
    // A catalog alone counts words by its project's source language too.
    EXPECT_EQ(runCli({QStringLiteral("stats"), catalogOf(dir)}).exitCode, 0);

    const auto exported = runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                                  QStringLiteral("--format"), QStringLiteral("xliff2"), QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.constData();
    const QByteArray xliff = test::readAll(dir.filePath(QStringLiteral("out/doc.es.xlf")));
    EXPECT_TRUE(xliff.contains("srcLang=\"fr\"")) << xliff.left(400).constData();
    const auto imported = runCli({QStringLiteral("import"), dir.filePath(QStringLiteral("out/doc.es.xlf")), QStringLiteral("--project"), project});
    EXPECT_EQ(imported.exitCode, 0) << imported.err.constData();

    const auto markdown = runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                                  QStringLiteral("--out"), dir.filePath(QStringLiteral("localized")), QStringLiteral("--fallback"), QStringLiteral("source")});
    EXPECT_EQ(markdown.exitCode, 0) << markdown.err.constData();
    EXPECT_TRUE(test::readAll(dir.filePath(QStringLiteral("localized/doc.md"))).contains("Buvez beaucoup d'eau."));

    const QString db = dir.filePath(QStringLiteral("memory.sqlite"));
    for (const QString &command : {QStringLiteral("analyze"), QStringLiteral("pretranslate")}) {
        const auto ran = runCli({command, QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                                 QStringLiteral("--db"), db});
        EXPECT_EQ(ran.exitCode, 0) << command.toStdString() << ": " << ran.err.constData();
    }
    const auto lookup = runCli({QStringLiteral("tm"), QStringLiteral("lookup"), QStringLiteral("Buvez beaucoup d'eau."), QStringLiteral("--project"),
                                project, QStringLiteral("--db"), db, QStringLiteral("--json")});
    EXPECT_EQ(lookup.exitCode, 0) << lookup.err.constData();
    const auto report = runCli({QStringLiteral("review"), QStringLiteral("report"), QStringLiteral("--project"), project,
                                QStringLiteral("--locale"), QStringLiteral("es")});
    EXPECT_EQ(report.exitCode, 0) << report.err.constData();
    // --source-lang still says otherwise when given: there is no source-content/en here.
    const auto english = runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                                 QStringLiteral("--source-lang"), QStringLiteral("en")});
    EXPECT_EQ(english.exitCode, 3) << english.err.constData();
    EXPECT_TRUE(english.err.contains("source-content/en/")) << english.err.constData();
}

TEST(ProjectContext, EveryCommandRecordsTheProjectsUserNotTheLoginName)
{
    const LoginOnly env;
    QTemporaryDir dir;
    const QString project = makeFrenchProject(dir);
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    auto created = PoCatalog::read(catalogOf(dir));
    ASSERT_TRUE(created.ok());
    EXPECT_EQ(created->headerField(QStringLiteral("Last-Translator")), QStringLiteral("Ana Reviewer"));

    const auto spelled = runCli({QStringLiteral("spell"), QStringLiteral("add"), QStringLiteral("quimioterápico"), QStringLiteral("--project"),
                                 project, QStringLiteral("--locale"), QStringLiteral("es")});
    ASSERT_EQ(spelled.exitCode, 0) << spelled.err.constData();
    const QByteArray words = test::readAll(dir.filePath(QStringLiteral("locales/es/project-words.tsv")));
    EXPECT_TRUE(words.contains("quimioterápico\tAna Reviewer\t")) << words.constData();

    const QString unit = firstUnit(catalogOf(dir));
    const auto suppressed = runCli({QStringLiteral("suppress"), catalogOf(dir), QStringLiteral("--unit"), unit, QStringLiteral("--check"),
                                    QStringLiteral("untranslated"), QStringLiteral("--reason"), QStringLiteral("a name")});
    ASSERT_EQ(suppressed.exitCode, 0) << suppressed.err.constData();
    const QByteArray afterSuppress = test::readAll(catalogOf(dir));
    EXPECT_TRUE(afterSuppress.contains("\"by\":\"Ana Reviewer\"")) << afterSuppress.constData();
    EXPECT_FALSE(afterSuppress.contains("loginname")) << afterSuppress.constData();

    // An XLIFF translated elsewhere: the import is on record under the project's user.
    ASSERT_EQ(runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es"),
                      QStringLiteral("--format"), QStringLiteral("xliff12"), QStringLiteral("--out"), dir.filePath(QStringLiteral("out"))}).exitCode, 0);
    const QString xlf = dir.filePath(QStringLiteral("out/doc.es.v12.xlf"));
    QByteArray xliff = test::readAll(xlf);
    ASSERT_TRUE(xliff.contains("<source>Buvez beaucoup d'eau.</source>")) << xliff.constData();
    xliff.replace("<source>Buvez beaucoup d'eau.</source>", "<source>Buvez beaucoup d'eau.</source><target state=\"translated\">Beba mucha agua.</target>");
    test::writeAll(xlf, xliff);
    const auto imported = runCli({QStringLiteral("import"), xlf, QStringLiteral("--project"), project});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    auto afterImport = PoCatalog::read(catalogOf(dir));
    ASSERT_TRUE(afterImport.ok());
    EXPECT_EQ(afterImport->headerField(QStringLiteral("Last-Translator")), QStringLiteral("Ana Reviewer"));
    EXPECT_FALSE(test::readAll(catalogOf(dir)).contains("loginname"));

    // The editor's "Add to project dictionary" too.
    QTemporaryDir data;
    const test::ScopedEnv dataHome("XDG_DATA_HOME", QFile::encodeName(data.path()));
    auto session = EditorSession::open(project, QStringLiteral("es"));
    ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());
    EXPECT_EQ((*session)->user(), QStringLiteral("Ana Reviewer"));
    ASSERT_TRUE((*session)->addToProjectDictionary(QStringLiteral("hemopatía")).ok());
    EXPECT_TRUE(test::readAll(dir.filePath(QStringLiteral("locales/es/project-words.tsv"))).contains("hemopatía\tAna Reviewer\t"));
}

TEST(ProjectContext, WorkbenchUserInTheEnvironmentStillComesFirst)
{
    const LoginOnly env;
    const test::ScopedEnv user("WORKBENCH_USER", QByteArray("Luis"));
    QTemporaryDir dir;
    const QString project = makeFrenchProject(dir);
    ASSERT_EQ(runCli({QStringLiteral("spell"), QStringLiteral("add"), QStringLiteral("hemopatía"), QStringLiteral("--project"), project,
                      QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    EXPECT_TRUE(test::readAll(dir.filePath(QStringLiteral("locales/es/project-words.tsv"))).contains("hemopatía\tLuis\t"));
}

// YAML allows "..." to close a document; the Markdown reader has always hidden such a block
// from cmark, and export now adds its facts inside it instead of stacking a second block.
TEST(FrontMatter, ABlockClosedWithDotsGetsTheFactsInsideAndTheAuthorsTitleWins)
{
    PublishingFacts facts;
    facts.title = QStringLiteral("Fiebre");
    facts.language = QStringLiteral("es");
    facts.status = QStringLiteral("translated");
    for (const QByteArray &newline : {QByteArray("\n"), QByteArray("\r\n")}) {
        QByteArray markdown = "---\ntitle: Mi propio título\n...\n\n# Fiebre\n\nBeba agua.\n";
        markdown.replace("\n", newline);
        const QByteArray out = withFrontMatter(markdown, facts);
        EXPECT_TRUE(out.startsWith("---" + newline + "title: Mi propio título" + newline + "lang: es" + newline)) << out.constData();
        EXPECT_EQ(out.count("title:"), 1) << out.constData();
        EXPECT_EQ(out.count("---"), 1) << out.constData();
        const qsizetype closing = out.indexOf(newline + "..." + newline + newline + "# Fiebre");
        EXPECT_GT(closing, out.indexOf("workbench-status: translated" + newline)) << out.constData();
        EXPECT_GT(out.indexOf("workbench-status: translated"), 0) << out.constData();
    }
    // Not front matter (no closing line): a block of the workbench's own goes on top.
    const QByteArray open = withFrontMatter("---\nnot closed\n", facts);
    EXPECT_TRUE(open.startsWith("---\ntitle: \"Fiebre\"\n")) << open.constData();
}

TEST(FrontMatter, ExportOfADocumentWithADotsClosedBlockPublishesOneBlock)
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    test::writeAll(dir.filePath(QStringLiteral("source-content/en/doc.md")),
                   "---\ntitle: Fever at home\n...\n\n# Fever\n\nDrink plenty of water.\n");
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), dir.path(), QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    const auto exported = runCli({QStringLiteral("export"), QStringLiteral("--project"), dir.path(), QStringLiteral("--locale"), QStringLiteral("es"),
                                  QStringLiteral("--out"), dir.filePath(QStringLiteral("out")), QStringLiteral("--fallback"), QStringLiteral("source")});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.constData();
    const QByteArray page = test::readAll(dir.filePath(QStringLiteral("out/doc.md")));
    EXPECT_TRUE(page.startsWith("---\ntitle: Fever at home\nlang: es\n")) << page.constData();
    EXPECT_EQ(page.count("title:"), 1) << page.constData();
}

// A malformed glossary used to leave the editor's QA silently empty.
TEST(ProjectContext, TheEditorSaysWhichFileKeptItsChecksFromLoading)
{
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("source-content/en")));
    QDir().mkpath(dir.filePath(QStringLiteral("glossary")));
    test::writeAll(dir.filePath(QStringLiteral("source-content/en/doc.md")), "# Fever\n\nDrink plenty of water.\n");
    test::writeAll(dir.filePath(QStringLiteral("glossary/medical.tbx")), "<?xml version=\"1.0\"?>\n<martif type=\"TBX\">\n<text><body>\n");
    QTemporaryDir data;
    const test::ScopedEnv dataHome("XDG_DATA_HOME", QFile::encodeName(data.path()));
    auto session = EditorSession::open(dir.path(), QStringLiteral("es"));
    ASSERT_TRUE(session.ok()) << qPrintable(session.error().toString());
    const Diagnostics problems = (*session)->problems();
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems.first().file.endsWith(QLatin1String("glossary/medical.tbx"))) << qPrintable(problems.first().toString());
    EXPECT_GT(problems.first().line, 0) << qPrintable(problems.first().toString());
    EXPECT_EQ((*session)->checks(), nullptr);
}
