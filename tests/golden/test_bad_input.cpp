// Files from strangers, one case at a time (tests/data/bad/cases.tsv, written by
// tests/data/bad/make-corpus): every bad input gets one message naming the file, the line
// and the problem, its documented exit code, no crash, no hang and no partial output.
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;
using test::runCli;

namespace {

struct BadCase {
    QString file;
    QString command;
    int exitCode = 0;
    QString phrase;
    int line = 0;
};

QList<BadCase> readCases()
{
    QList<BadCase> cases;
    const QString folder = test::dataDir() + QStringLiteral("/bad/");
    for (const QString &row : QString::fromUtf8(test::readAll(folder + QStringLiteral("cases.tsv"))).split(QLatin1Char('\n'))) {
        if (row.isEmpty() || row.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = row.split(QLatin1Char('\t'));
        if (f.size() == 5)
            cases.append({f[0], f[1], f[2].toInt(), f[3], f[4].toInt()});
    }
    return cases;
}

} // namespace

TEST(BadInput, EveryCaseOfTheCorpusIsAnsweredClearly)
{
    const QList<BadCase> cases = readCases();
    ASSERT_GE(cases.size(), 60);
    const QString folder = test::dataDir() + QStringLiteral("/bad/");
    for (const BadCase &c : cases) {
        SCOPED_TRACE(c.file.toStdString());
        QTemporaryDir out;
        QStringList arguments;
        for (const QString &word : c.command.split(QLatin1Char(' ')))
            arguments.append(QString(word).replace(QStringLiteral("{f}"), c.file).replace(QStringLiteral("{tmp}"), out.path()));
        const auto result = test::run(test::cliPath(), arguments, folder);
        const QString err = QString::fromUtf8(result.err);
        EXPECT_EQ(result.exitCode, c.exitCode) << err.toStdString(); // -1 would be a crash or a hang
        EXPECT_TRUE(err.contains(c.phrase) || QString::fromUtf8(result.out).contains(c.phrase)) << err.toStdString();
        if (c.exitCode != 0) {
            EXPECT_TRUE(err.contains(c.file)) << "the message names the file: " << err.toStdString();
            if (c.line > 0)
                EXPECT_TRUE(err.contains(QStringLiteral("%1:%2:").arg(c.file).arg(c.line))) << err.toStdString();
            EXPECT_LE(err.count(QLatin1Char('\n')), 2) << "one message, not a cascade: " << err.toStdString();
            EXPECT_TRUE(QDir(out.path()).isEmpty()) << "nothing written";
        }
    }
}

TEST(BadInput, AHundredMegabyteLineIsRefusedAtOnce)
{
    QTemporaryDir dir;
    const QString huge = dir.filePath(QStringLiteral("huge.md"));
    QFile file(huge);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("# Title\n\n");
    const QByteArray chunk = QByteArray("word ").repeated(200000); // 1 MB
    for (int i = 0; i < 100; ++i)
        file.write(chunk);
    file.write("\n");
    file.close();
    const auto result = runCli({QStringLiteral("segment"), huge, QStringLiteral("-o"), dir.filePath(QStringLiteral("out.pot"))});
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_TRUE(result.err.contains("huge.md:3:1: line of 100000001 bytes")) << result.err.constData();
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("out.pot"))));
}

TEST(BadInput, MissingFilesAndDictionariesNameWhatIsMissing)
{
    QTemporaryDir dir;
    const auto missing = runCli({QStringLiteral("validate"), dir.filePath(QStringLiteral("agency.xlf"))});
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.err.contains("agency.xlf")) << missing.err.constData();
    const auto dictionary = runCli({QStringLiteral("spell"), QStringLiteral("check"), QStringLiteral("bonjour"), QStringLiteral("--locale"),
                                    QStringLiteral("xx"), QStringLiteral("--project"), test::sourceDir()});
    EXPECT_EQ(dictionary.exitCode, 3);
    EXPECT_TRUE(dictionary.err.contains("Hunspell dictionary \"xx\" not found")) << dictionary.err.constData();
    const auto path = runCli({QStringLiteral("stats"), QStringLiteral("--project"), test::sourceDir(), QStringLiteral("--locale"),
                              QStringLiteral("../../etc")});
    EXPECT_EQ(path.exitCode, 2) << "a language code is never a path";
    EXPECT_TRUE(path.err.contains("is not a language code")) << path.err.constData();
}

TEST(BadInput, AReadOnlyFolderOrAFullDiskWritesNothingHalfWay)
{
    QTemporaryDir dir;
    const QString doc = test::sourceDir() + QStringLiteral("/source-content/en/adult-all-treatment.md");
    // A folder nobody may write to; as root (CI containers), a path under a regular file.
    const QString readOnly = dir.filePath(QStringLiteral("readonly"));
    QDir().mkpath(readOnly);
    QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner);
    const bool root = QFileInfo(readOnly).isWritable();
    const QString target = root ? dir.filePath(QStringLiteral("a-file/out.pot")) : readOnly + QStringLiteral("/out.pot");
    if (root)
        test::writeAll(dir.filePath(QStringLiteral("a-file")), "not a folder");
    const auto refused = runCli({QStringLiteral("segment"), doc, QStringLiteral("-o"), target});
    EXPECT_EQ(refused.exitCode, 5);
    EXPECT_TRUE(refused.err.contains("out.pot")) << refused.err.constData();
    EXPECT_FALSE(QFile::exists(target));
    QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // A full disk: the file size limit stops the write after 64 KiB, as ENOSPC would.
    const QString pot = dir.filePath(QStringLiteral("full.pot"));
    test::writeAll(pot, "the previous version\n");
    const auto full = test::run(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\""),
                                                         test::cliPath(), QStringLiteral("segment"), doc, QStringLiteral("-o"), pot});
    EXPECT_EQ(full.exitCode, 5) << full.err.constData();
    EXPECT_TRUE(full.err.contains("full.pot")) << full.err.constData();
    EXPECT_EQ(test::readAll(pot), QByteArray("the previous version\n")) << "the old file stands, whole";
    EXPECT_EQ(QDir(dir.path()).entryList({QStringLiteral("full.pot.*")}, QDir::Files | QDir::Hidden).size(), 0) << "no temp file left";
}

TEST(BadInput, NamesInTheInputNeverLeadOutsideTheProjectOrTheOutputFolder)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p"));
    QDir().mkpath(project + QStringLiteral("/source-content/en"));
    test::writeAll(project + QStringLiteral("/source-content/en/doc.md"), "# Title\n\nHello.\n");
    ASSERT_EQ(runCli({QStringLiteral("update"), QStringLiteral("--project"), project, QStringLiteral("--locale"), QStringLiteral("es")}).exitCode, 0);
    // A language that is a path, on the command line...
    const auto cli = runCli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--locale"),
                             QStringLiteral("../../escaped"), QStringLiteral("--format"), QStringLiteral("po")});
    EXPECT_EQ(cli.exitCode, 2);
    // ...or in an agency's XLIFF 1.2: refused before any catalog path is made of it.
    const QString xliff = dir.filePath(QStringLiteral("agency.xlf"));
    test::writeAll(xliff, "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n"
                          " <file original=\"doc.md\" source-language=\"en\" target-language=\"../../../escaped\" datatype=\"plaintext\">\n"
                          "  <body><trans-unit id=\"title.768e0c1c\"><source>Title</source><target>Título</target></trans-unit></body>\n"
                          " </file>\n</xliff>\n");
    const auto imported = runCli({QStringLiteral("import"), xliff, QStringLiteral("--project"), project});
    EXPECT_EQ(imported.exitCode, 4);
    EXPECT_TRUE(imported.err.contains("is not a language code")) << imported.err.constData();
    const QStringList everything = [&] {
        QStringList files;
        for (const QString &name : QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
            files.append(name);
        return files;
    }();
    EXPECT_EQ(everything, (QStringList{QStringLiteral("agency.xlf"), QStringLiteral("p")})) << "nothing written beside the project";
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("escaped"))));
}
