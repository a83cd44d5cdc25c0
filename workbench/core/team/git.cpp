#include "team/git.h"
#include "po/catalog_lock.h"

#include <QProcess>

namespace wb {

QString GitRun::lastMessage() const
{
    const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        for (const QLatin1String prefix : {QLatin1String("fatal: "), QLatin1String("error: ")})
            if (line.startsWith(prefix))
                return line.mid(prefix.size()).trimmed();
    return lines.isEmpty() ? out.trimmed() : lines.last().trimmed();
}

namespace {

// Runs git; `output` gets its standard output as bytes.
GitRun runGit(const QString &workTree, bool locksHeld, const QStringList &arguments, int timeoutMs, QByteArray &output)
{
    QProcess git;
    git.setWorkingDirectory(workTree);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    if (locksHeld)
        environment.insert(QString::fromLatin1(kCatalogLocksHeldVariable), QStringLiteral("1"));
    git.setProcessEnvironment(environment);
    git.start(QStringLiteral("git"), arguments);
    GitRun result;
    if (!git.waitForStarted()) {
        result.err = QStringLiteral("cannot run git: %1").arg(git.errorString());
        return result;
    }
    git.closeWriteChannel();
    if (!git.waitForFinished(timeoutMs)) {
        git.kill();
        git.waitForFinished();
        result.err = QStringLiteral("git %1 did not finish within %2 s").arg(arguments.value(0)).arg(timeoutMs / 1000);
        return result;
    }
    result.exitCode = git.exitStatus() == QProcess::NormalExit ? git.exitCode() : -1;
    output = git.readAllStandardOutput();
    result.out = QString::fromUtf8(output);
    result.err = QString::fromUtf8(git.readAllStandardError());
    return result;
}

} // namespace

GitRun Git::run(const QStringList &arguments, int timeoutMs) const
{
    QByteArray output;
    return runGit(m_workTree, m_locksHeld, arguments, timeoutMs, output);
}

std::optional<QByteArray> Git::bytes(const QStringList &arguments) const
{
    QByteArray output;
    if (!runGit(m_workTree, m_locksHeld, arguments, kLocalTimeoutMs, output).ok())
        return std::nullopt;
    return output;
}

QString Git::value(const QStringList &arguments) const
{
    const GitRun r = run(arguments);
    return r.ok() ? r.out.trimmed() : QString();
}

Diagnostic gitProblem(ErrorKind kind, const QString &file, const QString &what, const GitRun &run)
{
    const QString said = run.lastMessage();
    return Diagnostic{kind, file, 0, 0, said.isEmpty() ? what : QStringLiteral("%1: git says: %2").arg(what, said)};
}

} // namespace wb
