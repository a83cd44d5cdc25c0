// workbench sync: one step for a translator or reviewer working in their own clone
// (docs/teamwork.md): commit the confirmed work (the project's catalogs, nothing else),
// fetch, merge the upstream branch with the PO merge driver, push. git does the work; it
// runs as the `git` program, with whatever remote and credentials the clone already has.
#include "cli_common.h"
#include "po/catalog_lock.h"
#include "po/po_merge.h"
#include "project/language_resources.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <cstdio>

namespace wb::cli {
namespace {

const QString kDriverName = QStringLiteral("workbench-po");
constexpr int kLocalGitTimeoutMs = 120000;
constexpr int kNetworkGitTimeoutMs = 600000;
constexpr int kPushAttempts = 3;   ///< someone may push between our fetch and our push

struct GitRun {
    int exitCode = -1;
    QString out;
    QString err;
    bool ok() const { return exitCode == 0; }
    /// What git said went wrong, in one line: its first "fatal:" or "error:" line (the
    /// cause; later lines are advice), else its last line.
    QString lastMessage() const
    {
        const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines)
            for (const QLatin1String prefix : {QLatin1String("fatal: "), QLatin1String("error: ")})
                if (line.startsWith(prefix))
                    return line.mid(prefix.size()).trimmed();
        return lines.isEmpty() ? out.trimmed() : lines.last().trimmed();
    }
};

// The `git` program in one working tree. Never prompts: a remote asking for a password
// in a terminal nobody watches would hang the command.
class Git {
public:
    explicit Git(QString workTree) : m_workTree(std::move(workTree)) {}
    QString workTree() const { return m_workTree; }

    GitRun run(const QStringList &arguments, int timeoutMs = kLocalGitTimeoutMs) const
    {
        QProcess git;
        git.setWorkingDirectory(m_workTree);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
        // The merge driver git runs must not wait for the catalog locks sync holds.
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
        result.out = QString::fromUtf8(git.readAllStandardOutput());
        result.err = QString::fromUtf8(git.readAllStandardError());
        return result;
    }

    QString value(const QStringList &arguments) const
    {
        const GitRun r = run(arguments);
        return r.ok() ? r.out.trimmed() : QString();
    }

private:
    QString m_workTree;
};

// ---- where we are -----------------------------------------------------------------------

struct Repository {
    QString topLevel;
    QString projectPrefix;   ///< the project folder relative to the top level, "" or ending in '/'
    QString branch;
    QString remote;
    QString remoteBranch;    ///< the branch on the remote that this one follows
    bool hasUpstream = false;
};

Diagnostic gitProblem(ErrorKind kind, const QString &file, const QString &what, const GitRun &r)
{
    const QString said = r.lastMessage();
    return Diagnostic{kind, file, 0, 0, said.isEmpty() ? what : QStringLiteral("%1: git says: %2").arg(what, said)};
}

Result<Repository> findRepository(const QString &projectRoot, const QString &remoteOption)
{
    Repository repo;
    const GitRun top = Git(projectRoot).run({QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")});
    if (!top.ok())
        return gitProblem(ErrorKind::MissingInput, projectRoot, QStringLiteral("the project is not in a git clone"), top);
    repo.topLevel = top.out.trimmed();
    const QString relative = QDir(repo.topLevel).relativeFilePath(QFileInfo(projectRoot).canonicalFilePath());
    repo.projectPrefix = relative == QLatin1String(".") ? QString() : relative + QLatin1Char('/');
    const Git git(repo.topLevel);
    if (!git.value({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"), QStringLiteral("MERGE_HEAD")}).isEmpty())
        return Diagnostic{ErrorKind::CheckFailed, repo.topLevel, 0, 0,
                          QStringLiteral("a merge is in progress; finish it (git commit) or abort it (git merge --abort), then sync again")};
    repo.branch = git.value({QStringLiteral("symbolic-ref"), QStringLiteral("--short"), QStringLiteral("-q"), QStringLiteral("HEAD")});
    if (repo.branch.isEmpty())
        return Diagnostic{ErrorKind::CheckFailed, repo.topLevel, 0, 0, QStringLiteral("no branch is checked out (detached HEAD); check one out first")};
    const QString configuredRemote = git.value({QStringLiteral("config"), QStringLiteral("branch.%1.remote").arg(repo.branch)});
    repo.remote = !remoteOption.isEmpty() ? remoteOption : !configuredRemote.isEmpty() ? configuredRemote : QStringLiteral("origin");
    if (!git.run({QStringLiteral("remote"), QStringLiteral("get-url"), repo.remote}).ok())
        return Diagnostic{ErrorKind::Usage, repo.topLevel, 0, 0, QStringLiteral("the clone has no remote named '%1'").arg(repo.remote)};
    const QString mergeRef = git.value({QStringLiteral("config"), QStringLiteral("branch.%1.merge").arg(repo.branch)});
    repo.hasUpstream = configuredRemote == repo.remote && mergeRef.startsWith(QLatin1String("refs/heads/"));
    repo.remoteBranch = repo.hasUpstream ? mergeRef.mid(int(qstrlen("refs/heads/"))) : repo.branch;
    return repo;
}

QString trackingRef(const Repository &repo)
{
    return QStringLiteral("refs/remotes/%1/%2").arg(repo.remote, repo.remoteBranch);
}

QString upstreamName(const Repository &repo)
{
    return repo.remote + QLatin1Char('/') + repo.remoteBranch;
}

// The project's catalogs: locales/<language>/*.po.
QStringList projectCatalogs(const QString &projectRoot)
{
    QStringList catalogs;
    QDirIterator it(projectRoot + QStringLiteral("/locales"), {QStringLiteral("*.po")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        catalogs.append(it.next());
    catalogs.sort();
    return catalogs;
}

QString catalogPathspec(const Repository &repo)
{
    return QStringLiteral(":(glob)%1locales/**/*.po").arg(repo.projectPrefix);
}

// ---- the merge driver ---------------------------------------------------------------------

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The program a configured driver command runs, unquoted.
QString driverProgram(const QString &command)
{
    if (command.startsWith(QLatin1Char('\'')))
        return command.mid(1, command.indexOf(QLatin1Char('\''), 1) - 1);
    return command.section(QLatin1Char(' '), 0, 0);
}

// Git uses a driver only when the clone's config defines it and an attribute names it for
// the path. Both go into the clone's own files (.git/config, .git/info/attributes), never
// into tracked files, and only when missing, so running sync again changes nothing.
Status ensureMergeDriver(const Git &git, const Repository &repo)
{
    const QString configured = git.value({QStringLiteral("config"), QStringLiteral("--local"), QStringLiteral("merge.%1.driver").arg(kDriverName)});
    if (configured.isEmpty() || !QFileInfo(driverProgram(configured)).isExecutable()) {
        const QString command = shellQuoted(QCoreApplication::applicationFilePath()) + QStringLiteral(" merge-driver %O %A %B %P");
        for (const QStringList &setting : {QStringList{QStringLiteral("merge.%1.name").arg(kDriverName), QStringLiteral("PDQ workbench: PO catalogs merged by unit")},
                                           QStringList{QStringLiteral("merge.%1.driver").arg(kDriverName), command}}) {
            const GitRun r = git.run({QStringLiteral("config"), QStringLiteral("--local"), setting[0], setting[1]});
            if (!r.ok())
                return gitProblem(ErrorKind::OutputFailed, repo.topLevel, QStringLiteral("cannot configure the merge driver"), r);
        }
    }
    const QString probe = repo.projectPrefix + QStringLiteral("locales/xx/probe.po");
    const QString attribute = git.value({QStringLiteral("check-attr"), QStringLiteral("merge"), QStringLiteral("--"), probe});
    if (attribute.endsWith(QStringLiteral(": ") + kDriverName))
        return {};
    QString attributesPath = git.value({QStringLiteral("rev-parse"), QStringLiteral("--git-path"), QStringLiteral("info/attributes")});
    if (QFileInfo(attributesPath).isRelative())
        attributesPath = repo.topLevel + QLatin1Char('/') + attributesPath;
    QDir().mkpath(QFileInfo(attributesPath).absolutePath());
    QFile attributes(attributesPath);
    if (!attributes.open(QIODevice::Append | QIODevice::Text))
        return Diagnostic{ErrorKind::OutputFailed, attributesPath, 0, 0, QStringLiteral("cannot add the merge attribute: %1").arg(attributes.errorString())};
    attributes.write(QStringLiteral("%1locales/**/*.po merge=%2\n").arg(repo.projectPrefix, kDriverName).toUtf8());
    return {};
}

// ---- the steps ------------------------------------------------------------------------------

struct SyncOutcome {
    bool committed = false;
    QString commit;
    bool fetched = false;
    bool merged = false;
    bool pushed = false;
    QJsonArray conflicts;
};

QString defaultMessage(const QString &projectRoot)
{
    return QStringLiteral("Translations by %1 (workbench sync)").arg(userName(projectRoot));
}

// Commits the catalogs as they are on disk, which is confirmed work only: unconfirmed edits
// live in the editor's journal, outside the clone. Other changes in the clone, staged or
// not, stay out of the commit. Holds the catalogs' locks so no save lands half-way.
Status commitConfirmedWork(const Git &git, const Repository &repo, const QString &projectRoot, const QString &message,
                           SyncOutcome &outcome)
{
    const QStringList catalogs = projectCatalogs(projectRoot);
    if (catalogs.isEmpty())
        return {};
    auto locks = acquireCatalogLocks(catalogs);
    if (!locks)
        return locks.error();
    const QString pathspec = catalogPathspec(repo);
    if (GitRun r = git.run({QStringLiteral("add"), QStringLiteral("--all"), QStringLiteral("--"), pathspec}); !r.ok())
        return gitProblem(ErrorKind::OutputFailed, repo.topLevel, QStringLiteral("cannot stage the catalogs"), r);
    if (git.run({QStringLiteral("diff"), QStringLiteral("--cached"), QStringLiteral("--quiet"), QStringLiteral("--"), pathspec}).ok())
        return {}; // nothing new
    const GitRun r = git.run({QStringLiteral("commit"), QStringLiteral("--quiet"), QStringLiteral("--only"), QStringLiteral("-m"), message,
                              QStringLiteral("--"), pathspec});
    if (!r.ok())
        return gitProblem(ErrorKind::OutputFailed, repo.topLevel, QStringLiteral("cannot commit the catalogs"), r);
    outcome.committed = true;
    outcome.commit = git.value({QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")});
    return {};
}

Diagnostic unreachable(const Git &git, const Repository &repo, const QString &what, const GitRun &r, const SyncOutcome &outcome)
{
    const QString url = git.value({QStringLiteral("remote"), QStringLiteral("get-url"), repo.remote});
    QString message = QStringLiteral("cannot %1 remote '%2' (%3): %4").arg(what, repo.remote, url, r.lastMessage());
    message += outcome.committed ? QStringLiteral("; your work is committed locally (%1), sync again when the remote can be reached").arg(outcome.commit)
                                 : QStringLiteral("; your committed work stays in this clone, sync again when the remote can be reached");
    return Diagnostic{ErrorKind::RemoteUnreachable, repo.topLevel, 0, 0, message};
}

Status fetch(const Git &git, const Repository &repo, SyncOutcome &outcome)
{
    const GitRun r = git.run({QStringLiteral("fetch"), QStringLiteral("--quiet"), repo.remote}, kNetworkGitTimeoutMs);
    if (!r.ok())
        return unreachable(git, repo, QStringLiteral("fetch from"), r, outcome);
    outcome.fetched = true;
    return {};
}

// Merges the upstream branch; PO catalogs go through the merge driver, so only conflicts
// in other files stop it. Those are left as git leaves them, with the files named.
Status mergeUpstream(const Git &git, const Repository &repo, const QString &projectRoot, SyncOutcome &outcome)
{
    const QString upstream = trackingRef(repo);
    if (!git.run({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"), upstream}).ok())
        return {}; // the remote does not have the branch yet: the push creates it
    if (git.run({QStringLiteral("merge-base"), QStringLiteral("--is-ancestor"), upstream, QStringLiteral("HEAD")}).ok())
        return {}; // nothing new there
    auto locks = acquireCatalogLocks(projectCatalogs(projectRoot)); // git rewrites them: no editor save meanwhile
    if (!locks)
        return locks.error();
    const GitRun r = git.run({QStringLiteral("merge"), QStringLiteral("--no-edit"), QStringLiteral("-m"),
                              QStringLiteral("Merge %1 (workbench sync)").arg(upstreamName(repo)), upstream});
    if (r.ok()) {
        outcome.merged = true;
        return {};
    }
    const QString unmerged = git.value({QStringLiteral("diff"), QStringLiteral("--name-only"), QStringLiteral("--diff-filter=U")});
    if (unmerged.isEmpty())
        return gitProblem(ErrorKind::CheckFailed, repo.topLevel, QStringLiteral("cannot merge %1").arg(upstreamName(repo)), r);
    const QStringList files = unmerged.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return Diagnostic{ErrorKind::CheckFailed, repo.topLevel, 0, 0,
                      QStringLiteral("merging %1 stopped: both sides changed %2 (not catalogs, so not merged by unit); "
                                     "resolve them and commit, or run git merge --abort, then sync again")
                          .arg(upstreamName(repo), files.join(QStringLiteral(", ")))};
}

// The units whose conflict a merge recorded, in this clone's catalogs (new or older).
QJsonArray recordedConflictsIn(const QString &projectRoot)
{
    QJsonArray conflicts;
    for (const QString &path : projectCatalogs(projectRoot)) {
        auto catalog = PoCatalog::read(path);
        if (!catalog)
            continue;
        for (const PoEntry &entry : catalog->entries)
            if (!entry.obsolete && !recordedConflicts(entry).isEmpty())
                conflicts.append(QJsonObject{{QStringLiteral("catalog"), QDir(projectRoot).relativeFilePath(path)},
                                             {QStringLiteral("line"), entry.line},
                                             {QStringLiteral("unit"), entry.context}});
    }
    return conflicts;
}

enum class PushResult { Pushed, NothingToPush, Rejected, Failed };

PushResult push(const Git &git, const Repository &repo, GitRun &run)
{
    const QString upstream = trackingRef(repo);
    const QString head = git.value({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    if (head == git.value({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"), upstream}))
        return PushResult::NothingToPush;
    QStringList arguments{QStringLiteral("push"), QStringLiteral("--porcelain")};
    if (!repo.hasUpstream)
        arguments << QStringLiteral("--set-upstream");
    arguments << repo.remote << QStringLiteral("HEAD:refs/heads/%1").arg(repo.remoteBranch);
    run = git.run(arguments, kNetworkGitTimeoutMs);
    if (run.ok())
        return PushResult::Pushed;
    // --porcelain marks a ref the remote refused with '!': someone pushed first.
    for (const QString &line : run.out.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1Char('!')))
            return PushResult::Rejected;
    return PushResult::Failed;
}

QJsonObject outcomeJson(const Repository &repo, const SyncOutcome &o)
{
    return QJsonObject{{QStringLiteral("remote"), repo.remote},
                       {QStringLiteral("branch"), repo.branch},
                       {QStringLiteral("upstream"), upstreamName(repo)},
                       {QStringLiteral("committed"), o.committed},
                       {QStringLiteral("commit"), o.commit.isEmpty() ? QJsonValue() : QJsonValue(o.commit)},
                       {QStringLiteral("fetched"), o.fetched},
                       {QStringLiteral("merged"), o.merged},
                       {QStringLiteral("conflicts"), o.conflicts},
                       {QStringLiteral("pushed"), o.pushed}};
}

// fetch → merge → push; again when someone pushed in between.
Status exchange(const Git &git, const Repository &repo, const QString &projectRoot, SyncOutcome &outcome)
{
    for (int attempt = 1;; ++attempt) {
        if (Status fetched = fetch(git, repo, outcome); !fetched)
            return fetched;
        std::printf("fetched %s\n", qPrintable(repo.remote));
        if (Status merged = mergeUpstream(git, repo, projectRoot, outcome); !merged)
            return merged;
        if (outcome.merged)
            std::printf("merged %s\n", qPrintable(upstreamName(repo)));
        GitRun run;
        switch (push(git, repo, run)) {
        case PushResult::Pushed:
            outcome.pushed = true;
            std::printf("pushed to %s\n", qPrintable(upstreamName(repo)));
            return {};
        case PushResult::NothingToPush:
            std::printf("%s is up to date\n", qPrintable(upstreamName(repo)));
            return {};
        case PushResult::Rejected:
            if (attempt < kPushAttempts)
                continue;
            return gitProblem(ErrorKind::RemoteUnreachable, repo.topLevel,
                              QStringLiteral("remote '%1' kept refusing the push (others pushed meanwhile); sync again").arg(repo.remote), run);
        case PushResult::Failed:
            return unreachable(git, repo, QStringLiteral("push to"), run, outcome);
        }
    }
}

} // namespace

int runSync(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exchanges work with the team through git: commits the project's catalogs (locales/**/*.po, nothing\n"
        "else), fetches, merges the upstream branch (catalogs merged by unit with the PO merge driver, which\n"
        "is installed into the clone when missing), and pushes. A unit changed on both sides is kept with\n"
        "both versions and shown by the editor for resolution.\n"
        "Exit 7 when the remote cannot be reached (the local commit is kept); 6 when files other than\n"
        "catalogs conflict (the merge is left for you to finish)."));
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder (in a git clone)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("remote"), QStringLiteral("The remote (default: the branch's upstream remote, else origin)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("message"), QStringLiteral("Commit message for the confirmed work."), QStringLiteral("TEXT")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("sync"), arguments, exitCode))
        return exitCode;
    if (!parser.isSet(QStringLiteral("project")) || !parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("sync"), QStringLiteral("give --project DIR"));
    const QString projectRoot = QFileInfo(parser.value(QStringLiteral("project"))).absoluteFilePath();
    if (!QFileInfo(projectRoot).isDir())
        return fail(Diagnostic{ErrorKind::MissingInput, projectRoot, 0, 0, QStringLiteral("no such folder")});

    auto repo = findRepository(projectRoot, parser.value(QStringLiteral("remote")));
    if (!repo)
        return repo.error().kind == ErrorKind::Usage ? usageError(QStringLiteral("sync"), repo.error().message) : fail(repo.error());
    const Git git(repo->topLevel);
    SyncOutcome outcome;
    auto finish = [&](const Status &status) {
        outcome.conflicts = recordedConflictsIn(projectRoot);
        for (const QJsonValue &c : std::as_const(outcome.conflicts))
            std::printf("%s:%d: unit %s: changed on both sides; both versions are kept, resolve it in the editor\n",
                        qPrintable(c[QLatin1String("catalog")].toString()), c[QLatin1String("line")].toInt(),
                        qPrintable(c[QLatin1String("unit")].toString()));
        addJsonFields(outcomeJson(*repo, outcome));
        return status ? kExitOk : fail(status.error());
    };

    if (Status installed = ensureMergeDriver(git, *repo); !installed)
        return finish(installed);
    const QString message = parser.isSet(QStringLiteral("message")) ? parser.value(QStringLiteral("message")) : defaultMessage(projectRoot);
    if (Status committed = commitConfirmedWork(git, *repo, projectRoot, message, outcome); !committed)
        return finish(committed);
    if (outcome.committed)
        std::printf("committed %s\n", qPrintable(outcome.commit));
    else
        std::printf("no new confirmed work to commit\n");
    return finish(exchange(git, *repo, projectRoot, outcome));
}

} // namespace wb::cli
