#include "common/text_file.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace wb;

TEST(TextFile, InvalidUtf8IsReportedByLineAndColumn)
{
    const QByteArray bytes = "first line\nsecond \xC3\x28 line\n";
    const Status status = checkUtf8(bytes, QStringLiteral("doc.md"));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().line, 2);
    EXPECT_EQ(status.error().column, 8);
    EXPECT_EQ(status.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(status.error().toString(), QStringLiteral("doc.md:2:8: invalid UTF-8 byte 0xc3"));
}

TEST(TextFile, ValidUtf8WithAccentsPasses)
{
    EXPECT_TRUE(checkUtf8("médula ósea — ¿sí?\n", QStringLiteral("x")).ok());
}

TEST(TextFile, MissingFileIsMissingInput)
{
    auto bytes = readFileBytes(QStringLiteral("/nonexistent/file.md"));
    ASSERT_FALSE(bytes.ok());
    EXPECT_EQ(bytes.error().kind, ErrorKind::MissingInput);
    EXPECT_EQ(bytes.error().message, QStringLiteral("no such file"));
}

TEST(TextFile, AtomicWriteUnderAFileFailsWithOutputError)
{
    QTemporaryDir dir;
    test::writeAll(dir.filePath(QStringLiteral("plain")), "x");
    const Status status = writeFileAtomically(dir.filePath(QStringLiteral("plain/out.md")), "text");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::OutputFailed);
}

TEST(TextFile, AtomicWriteReplacesWholeFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.txt"));
    ASSERT_TRUE(writeFileAtomically(path, "old content that is long").ok());
    ASSERT_TRUE(writeFileAtomically(path, "new").ok());
    EXPECT_EQ(test::readAll(path), QByteArray("new"));
}
