#include "test_support.h"
#include "markdown/markdown_source.h"
#include "model/unit_extractor.h"
#include "project/project.h"
#include "segment/sentence_segmenter.h"

#include <QFile>
#include <QElapsedTimer>
#include <QProcess>
#include <gtest/gtest.h>

namespace wb::test {

QString sourceDir() { return QStringLiteral(WB_SOURCE_DIR); }
QString sharedDir() { return QStringLiteral(WB_SHARED_DIR); }
QString dataDir() { return QStringLiteral(WB_TEST_DATA); }
QString cliPath() { return QStringLiteral(WB_CLI); }

QByteArray readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(path);
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly)) << qPrintable(path);
    file.write(bytes);
}

SegmentedDocument segmentBytes(const QByteArray &markdown, const QString &language)
{
    auto segmenter = loadSegmenter(sourceDir() + QStringLiteral("/source-content/en/segmentation.srx"), language);
    EXPECT_TRUE(segmenter.ok()) << qPrintable(segmenter.ok() ? QString() : segmenter.error().toString());
    auto source = MarkdownSource::parse(markdown, QStringLiteral("test.md"));
    EXPECT_TRUE(source.ok()) << qPrintable(source.ok() ? QString() : source.error().toString());
    return segmentDocument(*source, **segmenter);
}

QStringList unitTexts(const SegmentedDocument &doc)
{
    QStringList texts;
    for (const SourceUnit &unit : doc.units)
        texts.append(unit.text);
    return texts;
}

RunResult run(const QString &program, const QStringList &arguments, const QString &workingDir)
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    RunResult result;
    if (!process.waitForStarted(30000)) {
        result.err = "could not start " + program.toUtf8();
        return result;
    }
    process.closeWriteChannel();
    process.waitForFinished(300000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

RunResult runCli(const QStringList &arguments, const QString &workingDir)
{
    return run(cliPath(), arguments, workingDir);
}

Outcome runAndMaybeKill(const QStringList &arguments, const QProcessEnvironment &env, int killAfterMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(test::cliPath(), arguments);
    Outcome outcome;
    if (!process.waitForStarted(30000)) {
        outcome.err = "could not start the CLI";
        return outcome;
    }
    if (!process.waitForFinished(killAfterMs < 0 ? 300000 : killAfterMs)) {
        process.kill(); // SIGKILL
        process.waitForFinished(-1);
    }
    outcome.elapsedMs = clock.elapsed();
    outcome.killed = process.exitStatus() == QProcess::CrashExit;
    outcome.exitCode = outcome.killed ? -1 : process.exitCode();
    outcome.err = process.readAllStandardError();
    return outcome;
}

ScopedEnv::ScopedEnv(const char *name, const std::optional<QByteArray> &value)
    : m_name(name), m_old(qgetenv(name)), m_had(qEnvironmentVariableIsSet(name))
{
    if (value)
        qputenv(name, *value);
    else
        qunsetenv(name);
}

ScopedEnv::~ScopedEnv()
{
    if (m_had)
        qputenv(m_name, m_old);
    else
        qunsetenv(m_name);
}

} // namespace wb::test
