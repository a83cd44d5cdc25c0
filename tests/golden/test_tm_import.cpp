// `workbench tm import` as a script or a CI job runs it: progress suits a log (plain lines,
// no "\r"), stdout stays empty, and --json keeps stderr free of progress.
#include "test_support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;
using test::runCli;

namespace {

QString smallTmx(const QTemporaryDir &dir)
{
    QByteArray bytes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
                       "<header creationtool=\"t\" srclang=\"en\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\"/>\n<body>\n";
    for (int i = 0; i < 3000; ++i)
        bytes += "<tu><tuv xml:lang=\"en\"><seg>Drink " + QByteArray::number(i) + " glasses of water.</seg></tuv>"
                 "<tuv xml:lang=\"es\"><seg>Beba " + QByteArray::number(i) + " vasos de agua.</seg></tuv></tu>\n";
    bytes += "</body>\n</tmx>\n";
    const QString file = dir.filePath(QStringLiteral("water.tmx"));
    test::writeAll(file, bytes);
    return file;
}

TEST(TmImportCli, ProgressToALogIsPlainLinesOnStderr)
{
    QTemporaryDir dir;
    const QString file = smallTmx(dir);
    // stderr is a pipe here, as when it goes to a file: not a terminal.
    const auto imported = runCli({QStringLiteral("tm"), QStringLiteral("import"), file, QStringLiteral("--db"), dir.filePath(QStringLiteral("m.sqlite"))});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    EXPECT_TRUE(imported.out.isEmpty()) << imported.out.constData();
    EXPECT_FALSE(imported.err.contains('\r'));
    EXPECT_TRUE(imported.err.contains("tm import: read 3000 units in ")) << imported.err.constData();
    EXPECT_TRUE(imported.err.contains("tm import: indexed 3000 units in ")) << imported.err.constData();
    EXPECT_TRUE(imported.err.contains("3000 units read, 3000 new in")) << imported.err.constData();
}

TEST(TmImportCli, JsonGetsNoProgress)
{
    QTemporaryDir dir;
    const QString file = smallTmx(dir);
    const auto imported = runCli({QStringLiteral("tm"), QStringLiteral("import"), file, QStringLiteral("--db"),
                                  dir.filePath(QStringLiteral("m.sqlite")), QStringLiteral("--json")});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    EXPECT_FALSE(imported.err.contains("tm import:")) << imported.err.constData();
    EXPECT_FALSE(imported.err.contains('\r'));
    const QJsonObject json = QJsonDocument::fromJson(imported.out).object();
    EXPECT_EQ(json.value(QStringLiteral("command")).toString(), QStringLiteral("tm")) << imported.out.constData();
    EXPECT_TRUE(json.value(QStringLiteral("ok")).toBool());
}

TEST(TmImportCli, ABadFileExitsWithItsLineAndNoProgressLeftOpen)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("bad.tmx"));
    test::writeAll(file, "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>x</tu>\n</body></tmx>\n");
    const auto imported = runCli({QStringLiteral("tm"), QStringLiteral("import"), file, QStringLiteral("--db"), dir.filePath(QStringLiteral("m.sqlite"))});
    EXPECT_NE(imported.exitCode, 0);
    EXPECT_TRUE(imported.err.contains("bad.tmx:5:")) << imported.err.constData();
    EXPECT_FALSE(imported.err.contains('\r'));
}

} // namespace
