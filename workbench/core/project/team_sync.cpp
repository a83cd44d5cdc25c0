// The steps of `workbench sync` (docs/teamwork.md): git does the work, run as the `git`
// program with whatever remote and credentials the clone already has.
#include "project/team_sync.h"
#include "po/catalog_lock.h"
#include "po/conflict_markers.h"
#include "po/po_merge.h"
#include "po/review_marks.h"
#include "project/project_context.h"
#include "team/git.h"
#include "team/merge_driver_setup.h"

#include <QDir>
#include <QFileInfo>

namespace wb {
namespace {

struct Repository {
    QString topLevel;
    QString projectPrefix;   ///< the project folder relative to the top level, "" or ending in '/'
    QString branch;
    QString remote;
    QString remoteBranch;    ///< the branch on the remote that this one follows
    bool hasUpstream = false;
    bool mergeInProgress = false; ///< a plain `git merge` or `git pull` stopped with conflicts
};

constexpr int kNetworkGitTimeoutMs = Git::kNetworkTimeoutMs;
constexpr int kPushAttempts = 3;   ///< someone may push between our fetch and our push

// ---- where we are -----------------------------------------------------------------------

Result<Repository> findRepository(const ProjectContext &project, const QString &remoteOption)
{
    const QString projectRoot = project.root();
    Repository repo;
    const GitRun top = Git(projectRoot).run({QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")});
    if (!top.ok())
        return gitProblem(ErrorKind::MissingInput, projectRoot, QStringLiteral("the project is not in a git clone"), top);
    repo.topLevel = top.out.trimmed();
    const QString relative = QDir(repo.topLevel).relativeFilePath(QFileInfo(projectRoot).canonicalFilePath());
    repo.projectPrefix = relative == QLatin1String(".") ? QString() : relative + QLatin1Char('/');
    const Git git(repo.topLevel);
    repo.mergeInProgress = !git.value({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"), QStringLiteral("MERGE_HEAD")}).isEmpty();
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

QString catalogPathspec(const Repository &repo, const ProjectContext &project)
{
    return QStringLiteral(":(glob)%1%2").arg(repo.projectPrefix, project.catalogPattern());
}

// ---- the steps ------------------------------------------------------------------------------

// Commits the catalogs as they are on disk, which is confirmed work only: unconfirmed edits
// live in the editor's journal, outside the clone. Other changes in the clone, staged or
// not, stay out of the commit. Holds the catalogs' locks so no save lands half-way.
Status commitConfirmedWork(const Git &git, const Repository &repo, const ProjectContext &project, const QString &message,
                           SyncOutcome &outcome)
{
    const QStringList catalogs = project.catalogFiles();
    if (catalogs.isEmpty())
        return {};
    auto locks = acquireCatalogLocks(catalogs);
    if (!locks)
        return locks.error();
    const QString pathspec = catalogPathspec(repo, project);
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

// A plain `git pull` in a clone without the driver stops with the catalogs merged as text.
// Sync finishes that merge as the driver would have: each unmerged catalog of the project is
// merged by unit from git's three versions of it (index stages 1 to 3), written and staged;
// when nothing else is unmerged, the merge is committed. Other files are left to the user.
Status finishStoppedMerge(const Git &git, const Repository &repo, const ProjectContext &project, SyncOutcome &outcome,
                          const SyncProgress &say)
{
    auto locks = acquireCatalogLocks(project.catalogFiles());
    if (!locks)
        return locks.error();
    const QStringList unmerged = git.value({QStringLiteral("diff"), QStringLiteral("--name-only"), QStringLiteral("--diff-filter=U")})
                                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList others;
    auto version = [&](int stage, const QString &path) -> std::optional<Result<PoCatalog>> {
        const auto bytes = git.bytes({QStringLiteral("show"), QStringLiteral(":%1:%2").arg(stage).arg(path)});
        if (!bytes)
            return std::nullopt;
        return bytes->isEmpty() ? Result<PoCatalog>(PoCatalog{}) : PoCatalog::fromBytes(*bytes, path);
    };
    for (const QString &path : unmerged) {
        const bool catalog = path.startsWith(repo.projectPrefix) && project.isCatalog(path.mid(repo.projectPrefix.size()));
        const auto ours = catalog ? version(2, path) : std::nullopt;
        const auto theirs = catalog ? version(3, path) : std::nullopt;
        if (!ours || !theirs) { // not a catalog, or deleted on one side: a person decides
            others.append(path);
            continue;
        }
        const auto base = version(1, path); // none when both sides added the file
        for (const Result<PoCatalog> *read : {&*ours, &*theirs, base ? &*base : nullptr})
            if (read && !*read)
                return read->error();
        PoMergeReport report;
        const PoCatalog merged = mergeCatalogs(base ? **base : PoCatalog{}, **ours, **theirs, report);
        if (Status written = merged.write(repo.topLevel + QLatin1Char('/') + path); !written)
            return written;
        if (GitRun r = git.run({QStringLiteral("add"), QStringLiteral("--"), path}); !r.ok())
            return gitProblem(ErrorKind::OutputFailed, repo.topLevel, QStringLiteral("cannot stage %1").arg(path), r);
        say(QStringLiteral("%1: the stopped merge finished by unit: %2 from ours, %3 from theirs, %4 in conflict")
                .arg(path).arg(report.takenFromOurs).arg(report.takenFromTheirs).arg(report.conflicts.size()));
    }
    if (!others.isEmpty())
        return Diagnostic{ErrorKind::CheckFailed, repo.topLevel, 0, 0,
                          QStringLiteral("a merge is in progress and %1 still conflict (not catalogs, so not merged by unit); "
                                         "resolve them and commit, or run git merge --abort, then sync again")
                              .arg(others.join(QStringLiteral(", ")))};
    if (GitRun r = git.run({QStringLiteral("commit"), QStringLiteral("--quiet"), QStringLiteral("--no-edit")}); !r.ok())
        return gitProblem(ErrorKind::OutputFailed, repo.topLevel, QStringLiteral("cannot commit the merge"), r);
    outcome.merged = true;
    say(QStringLiteral("finished the merge git had stopped (catalogs merged by unit)"));
    return {};
}

// Catalogs someone committed with git's conflict markers in them: repaired before anything
// else reads them (docs/teamwork.md, repair-conflicts).
Status repairMarkedCatalogs(const ProjectContext &project, const SyncProgress &say)
{
    for (const QString &path : project.catalogFiles()) {
        auto repair = repairConflictMarkersInFile(path);
        if (!repair)
            return repair.error();
        if (repair->regions > 0)
            say(QStringLiteral("%1: %2 conflicted regions git left were turned back into units (%3 in conflict)")
                    .arg(QDir(project.root()).relativeFilePath(path)).arg(repair->regions).arg(repair->merge.conflicts.size()));
    }
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
Status mergeUpstream(const Git &git, const Repository &repo, const ProjectContext &project, SyncOutcome &outcome)
{
    const QString upstream = trackingRef(repo);
    if (!git.run({QStringLiteral("rev-parse"), QStringLiteral("-q"), QStringLiteral("--verify"), upstream}).ok())
        return {}; // the remote does not have the branch yet: the push creates it
    if (git.run({QStringLiteral("merge-base"), QStringLiteral("--is-ancestor"), upstream, QStringLiteral("HEAD")}).ok())
        return {}; // nothing new there
    auto locks = acquireCatalogLocks(project.catalogFiles()); // git rewrites them: no editor save meanwhile
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
QList<SyncOutcome::Conflict> recordedConflictsIn(const ProjectContext &project)
{
    QList<SyncOutcome::Conflict> conflicts;
    for (const QString &path : project.catalogFiles()) {
        auto catalog = PoCatalog::read(path);
        if (!catalog)
            continue;
        for (const PoEntry &entry : catalog->entries)
            if (!entry.obsolete && !recordedConflicts(entry).isEmpty())
                conflicts.append({QDir(project.root()).relativeFilePath(path), entry.line, entry.context});
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

// fetch → merge → push; again when someone pushed in between.
Status exchange(const Git &git, const Repository &repo, const ProjectContext &project, SyncOutcome &outcome,
                const SyncProgress &say)
{
    for (int attempt = 1;; ++attempt) {
        if (Status fetched = fetch(git, repo, outcome); !fetched)
            return fetched;
        say(QStringLiteral("fetched %1").arg(repo.remote));
        if (Status merged = mergeUpstream(git, repo, project, outcome); !merged)
            return merged;
        if (outcome.merged)
            say(QStringLiteral("merged %1").arg(upstreamName(repo)));
        GitRun run;
        switch (push(git, repo, run)) {
        case PushResult::Pushed:
            outcome.pushed = true;
            say(QStringLiteral("pushed to %1").arg(upstreamName(repo)));
            return {};
        case PushResult::NothingToPush:
            say(QStringLiteral("%1 is up to date").arg(upstreamName(repo)));
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

Status syncProject(const ProjectContext &project, const SyncOptions &options, SyncOutcome &outcome)
{
    auto repo = findRepository(project, options.remote);
    if (!repo)
        return repo.error();
    outcome.cloneFound = true;
    outcome.remote = repo->remote;
    outcome.branch = repo->branch;
    outcome.upstream = upstreamName(*repo);
    const Git git(repo->topLevel, /*locksHeld=*/true); // the merge driver git runs must not wait for sync's locks
    const SyncProgress &say = options.progress;
    // The conflicts are reported however the sync ends: they are what the person does next.
    const auto finish = [&](const Status &status) {
        outcome.conflicts = recordedConflictsIn(project);
        return status;
    };
    if (auto installed = ensureMergeDriver(project.root(), options.mergeDriverProgram); !installed)
        return finish(installed.error());
    if (repo->mergeInProgress)
        if (Status finished = finishStoppedMerge(git, *repo, project, outcome, say); !finished)
            return finish(finished);
    if (Status repaired = repairMarkedCatalogs(project, say); !repaired)
        return finish(repaired);
    const QString message = options.message ? *options.message
                                            : QStringLiteral("Translations by %1 (workbench sync)").arg(project.user());
    if (Status committed = commitConfirmedWork(git, *repo, project, message, outcome); !committed)
        return finish(committed);
    say(outcome.committed ? QStringLiteral("committed %1").arg(outcome.commit) : QStringLiteral("no new confirmed work to commit"));
    return finish(exchange(git, *repo, project, outcome, say));
}

} // namespace wb
