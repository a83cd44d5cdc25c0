#include "team/merge_driver_setup.h"
#include "common/text_file.h"
#include "team/git.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace wb {
namespace {

const QString kScriptName = QStringLiteral("workbench-merge-driver");
// git runs a driver through the shell from the top of the work tree; the script's place is
// asked of git each time, so moving or re-cloning the folder breaks nothing.
const QString kDriverCommand = QStringLiteral("sh \"$(git rev-parse --git-path %1)\" %O %A %B %P").arg(kScriptName);
const QString kDriverDescription = QStringLiteral("PDQ workbench: PO catalogs merged by unit");

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The program an older, path-style driver command runs, unquoted.
QString programOf(const QString &command)
{
    if (command.startsWith(QLatin1Char('\'')))
        return command.mid(1, command.indexOf(QLatin1Char('\''), 1) - 1);
    return command.section(QLatin1Char(' '), 0, 0);
}

struct Clone {
    QString topLevel;
    QString projectPrefix; ///< the project folder relative to the top, "" or ending in '/'
    QString scriptPath;
};

Result<Clone> cloneOf(const QString &projectRoot)
{
    const Git git(projectRoot);
    const GitRun top = git.run({QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")});
    if (!top.ok())
        return gitProblem(ErrorKind::MissingInput, projectRoot, QStringLiteral("the folder is not in a git clone"), top);
    Clone clone;
    clone.topLevel = top.out.trimmed();
    const QString relative = QDir(clone.topLevel).relativeFilePath(QFileInfo(projectRoot).canonicalFilePath());
    clone.projectPrefix = relative == QLatin1String(".") ? QString() : relative + QLatin1Char('/');
    clone.scriptPath = Git(clone.topLevel).value({QStringLiteral("rev-parse"), QStringLiteral("--git-path"), kScriptName});
    if (QFileInfo(clone.scriptPath).isRelative())
        clone.scriptPath = clone.topLevel + QLatin1Char('/') + clone.scriptPath;
    return clone;
}

QString attributeProbe(const Clone &clone)
{
    return clone.projectPrefix + QStringLiteral("locales/xx/probe.po");
}

bool attributeNamesDriver(const Git &git, const Clone &clone)
{
    return git.value({QStringLiteral("check-attr"), QStringLiteral("merge"), QStringLiteral("--"), attributeProbe(clone)})
        .endsWith(QStringLiteral(": ") + QLatin1String(kMergeDriverName));
}

QString configuredCommand(const Git &git)
{
    return git.value({QStringLiteral("config"), QStringLiteral("merge.%1.driver").arg(QLatin1String(kMergeDriverName))});
}

// The first program in the script's list, as the script itself would take it.
QString rememberedProgram(const QString &scriptPath)
{
    auto bytes = readFileBytes(scriptPath);
    if (!bytes)
        return {};
    for (const QString &line : QString::fromUtf8(*bytes).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("installed_by=")))
            return line.mid(int(qstrlen("installed_by="))).remove(QLatin1Char('\'')); // written single-quoted
    return {};
}

QByteArray scriptText(const QString &program, const QString &projectPrefix)
{
    return QStringLiteral(
               "#!/bin/sh\n"
               "# git's merge driver for this clone's PO catalogs (docs/teamwork.md), written by the PDQ\n"
               "# workbench; `workbench install-merge-driver` rewrites it. It looks for a workbench program\n"
               "# each time instead of naming one build folder: $WORKBENCH_PROGRAM, the one that installed\n"
               "# it, `workbench` on PATH, then the project's build/bin/workbench.\n"
               "installed_by=%1\n"
               "for program in \"${WORKBENCH_PROGRAM:-}\" \"$installed_by\" \"$(command -v workbench 2>/dev/null)\" "
               "\"$(pwd)/%2build/bin/workbench\"; do\n"
               "  if [ -n \"$program\" ] && [ -x \"$program\" ]; then exec \"$program\" merge-driver \"$@\"; fi\n"
               "done\n"
               "echo \"workbench merge driver: no workbench program found (set WORKBENCH_PROGRAM, put workbench on PATH or "
               "build the project), so $4 was not merged; git leaves it unmerged\" >&2\n"
               "exit 3\n")
        .arg(shellQuoted(program), projectPrefix)
        .toUtf8();
}

bool scriptFindsProgram(const QString &scriptPath, const QString &topLevel, const QString &projectPrefix)
{
    if (!QFileInfo(scriptPath).isFile())
        return false;
    if (!qEnvironmentVariableIsEmpty("WORKBENCH_PROGRAM") && QFileInfo(qEnvironmentVariable("WORKBENCH_PROGRAM")).isExecutable())
        return true;
    const QString remembered = rememberedProgram(scriptPath);
    if (!remembered.isEmpty() && QFileInfo(remembered).isExecutable())
        return true;
    for (const QString &dir : qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        if (QFileInfo(dir + QStringLiteral("/workbench")).isExecutable())
            return true;
    return QFileInfo(topLevel + QLatin1Char('/') + projectPrefix + QStringLiteral("build/bin/workbench")).isExecutable();
}

} // namespace

MergeDriverStatus inspectMergeDriver(const QString &projectRoot)
{
    MergeDriverStatus status;
    auto clone = cloneOf(projectRoot);
    if (!clone)
        return status;
    status.inClone = true;
    status.topLevel = clone->topLevel;
    const Git git(clone->topLevel);
    const bool attributed = attributeNamesDriver(git, *clone);
    status.wanted = attributed || QFileInfo::exists(projectRoot + QStringLiteral("/workbench.json"));
    const QString command = configuredCommand(git);
    if (command.isEmpty()) {
        status.problem = QStringLiteral("git has no merge driver for catalogs in this clone, so a merge writes conflict markers into them");
        return status;
    }
    status.works = command == kDriverCommand ? scriptFindsProgram(clone->scriptPath, clone->topLevel, clone->projectPrefix)
                                             : QFileInfo(programOf(command)).isExecutable();
    if (!status.works) {
        status.problem = QStringLiteral("git's merge driver for catalogs in this clone points at nothing (%1), so a merge leaves them unmerged")
                             .arg(command == kDriverCommand ? QStringLiteral("no workbench program found") : programOf(command));
        return status;
    }
    if (!attributed) {
        status.problem = QStringLiteral("no attribute names the merge driver for locales/**/*.po in this clone");
        status.works = false;
        return status;
    }
    status.current = command == kDriverCommand;
    return status;
}

Result<bool> ensureMergeDriver(const QString &projectRoot, const QString &program)
{
    auto clone = cloneOf(projectRoot);
    if (!clone)
        return clone.error();
    const Git git(clone->topLevel);
    bool changed = false;

    const QString remembered = rememberedProgram(clone->scriptPath);
    if (!QFileInfo(clone->scriptPath).isFile() || remembered.isEmpty() || !QFileInfo(remembered).isExecutable()) {
        QSaveFile script(clone->scriptPath);
        if (!script.open(QIODevice::WriteOnly) || script.write(scriptText(program, clone->projectPrefix)) < 0 || !script.commit())
            return Diagnostic{ErrorKind::OutputFailed, clone->scriptPath, 0, 0,
                              QStringLiteral("cannot write the merge driver: %1").arg(script.errorString())};
        QFile::setPermissions(clone->scriptPath, QFile::permissions(clone->scriptPath) | QFileDevice::ExeOwner | QFileDevice::ExeUser);
        changed = true;
    }
    const QString localCommand = git.value({QStringLiteral("config"), QStringLiteral("--local"),
                                            QStringLiteral("merge.%1.driver").arg(QLatin1String(kMergeDriverName))});
    if (localCommand != kDriverCommand) {
        for (const auto &[key, value] : {std::pair{QStringLiteral("name"), kDriverDescription}, std::pair{QStringLiteral("driver"), kDriverCommand}}) {
            const GitRun r = git.run({QStringLiteral("config"), QStringLiteral("--local"),
                                      QStringLiteral("merge.%1.%2").arg(QLatin1String(kMergeDriverName), key), value});
            if (!r.ok())
                return gitProblem(ErrorKind::OutputFailed, clone->topLevel, QStringLiteral("cannot configure the merge driver"), r);
        }
        changed = true;
    }
    // The attribute: the project's .gitattributes normally names the driver; a clone of a
    // project without one gets it in .git/info/attributes, which is never committed.
    if (!attributeNamesDriver(git, *clone)) {
        QString attributesPath = git.value({QStringLiteral("rev-parse"), QStringLiteral("--git-path"), QStringLiteral("info/attributes")});
        if (QFileInfo(attributesPath).isRelative())
            attributesPath = clone->topLevel + QLatin1Char('/') + attributesPath;
        QDir().mkpath(QFileInfo(attributesPath).absolutePath());
        QFile attributes(attributesPath);
        if (!attributes.open(QIODevice::Append | QIODevice::Text)
            || attributes.write(QStringLiteral("%1locales/**/*.po merge=%2\n").arg(clone->projectPrefix, QLatin1String(kMergeDriverName)).toUtf8()) < 0)
            return Diagnostic{ErrorKind::OutputFailed, attributesPath, 0, 0,
                              QStringLiteral("cannot add the merge attribute: %1").arg(attributes.errorString())};
        changed = true;
    }
    return changed;
}

QString mergeDriverFix(const QString &projectRoot)
{
    return QStringLiteral("run `workbench install-merge-driver --project %1` (or `workbench sync`, `workbench update`)").arg(projectRoot);
}

} // namespace wb
