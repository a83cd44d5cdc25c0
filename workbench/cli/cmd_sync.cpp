// workbench sync: one step for a translator or reviewer working in their own clone
// (docs/teamwork.md): commit the confirmed work (the project's catalogs, nothing else),
// fetch, merge the upstream branch with the PO merge driver, push. git does the work; it
// runs as the `git` program, with whatever remote and credentials the clone already has.
#include "cli_common.h"
#include "po/catalog_lock.h"
#include "po/conflict_markers.h"
#include "po/po_merge.h"
#include "project/language_resources.h"
#include "team/git.h"
#include "team/merge_driver_setup.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

namespace wb::cli {
namespace {

constexpr int kNetworkGitTimeoutMs = Git::kNetworkTimeoutMs;
constexpr int kPushAttempts = 3;   ///< someone may push between our fetch and our push

// ---- where we are -----------------------------------------------------------------------

struct Repository {
    QString topLevel;
    QString projectPrefix;   ///< the project folder relative to the top level, "" or ending in '/'
    QString branch;
    QString remote;
    QString remoteBranch;    ///< the branch on the remote that this one follows
    bool hasUpstream = false;
    bool mergeInProgress = false; ///< a plain `git merge` or `git pull` stopped with conflicts
};

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

// ---- the steps ------------------------------------------------------------------------------

struct SyncOutcome {
    bool committed = false;
    QString commit;
    bool fetched = false;
    bool merged = false;
    bool pushed = false;
    QJsonArray conflicts;
};

QString defaultMessage(const ProjectContext &project)
{
    return QStringLiteral("Translations by %1 (workbench sync)").arg(project.user());
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

// A plain `git pull` in a clone without the driver stops with the catalogs merged as text.
// Sync finishes that merge as the driver would have: each unmerged catalog of the project is
// merged by unit from git's three versions of it (index stages 1 to 3), written and staged;
// when nothing else is unmerged, the merge is committed. Other files are left to the user.
Status finishStoppedMerge(const Git &git, const Repository &repo, const QString &projectRoot, SyncOutcome &outcome)
{
    auto locks = acquireCatalogLocks(projectCatalogs(projectRoot));
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
        const bool catalog = path.startsWith(repo.projectPrefix + QStringLiteral("locales/")) && path.endsWith(QLatin1String(".po"));
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
        std::printf("%s: the stopped merge finished by unit: %d from ours, %d from theirs, %d in conflict\n", qPrintable(path),
                    report.takenFromOurs, report.takenFromTheirs, int(report.conflicts.size()));
    }
    if (!others.isEmpty())
        return Diagnostic{ErrorKind::CheckFailed, repo.topLevel, 0, 0,
                          QStringLiteral("a merge is in progress and %1 still conflict (not catalogs, so not merged by unit); "
                                         "resolve them and commit, or run git merge --abort, then sync again")
                              .arg(others.join(QStringLiteral(", ")))};
    if (GitRun r = git.run({QStringLiteral("commit"), QStringLiteral("--quiet"), QStringLiteral("--no-edit")}); !r.ok())
        return gitProblem(ErrorKind::OutputFailed, repo.topLevel, QStringLiteral("cannot commit the merge"), r);
    outcome.merged = true;
    std::printf("finished the merge git had stopped (catalogs merged by unit)\n");
    return {};
}

// Catalogs someone committed with git's conflict markers in them: repaired before anything
// else reads them (docs/teamwork.md, repair-conflicts).
Status repairMarkedCatalogs(const QString &projectRoot)
{
    for (const QString &path : projectCatalogs(projectRoot)) {
        auto repair = repairConflictMarkersInFile(path);
        if (!repair)
            return repair.error();
        if (repair->regions > 0)
            std::printf("%s: %d conflicted regions git left were turned back into units (%d in conflict)\n",
                        qPrintable(QDir(projectRoot).relativeFilePath(path)), repair->regions, int(repair->merge.conflicts.size()));
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
    auto context = ProjectContext::atFolder(projectRoot);
    if (!context)
        return fail(context.error());

    auto repo = findRepository(projectRoot, parser.value(QStringLiteral("remote")));
    if (!repo)
        return repo.error().kind == ErrorKind::Usage ? usageError(QStringLiteral("sync"), repo.error().message) : fail(repo.error());
    const Git git(repo->topLevel, /*locksHeld=*/true); // the merge driver git runs must not wait for sync's locks
    SyncOutcome outcome;
    auto finish = [&](const Status &status) {
        outcome.conflicts = recordedConflictsIn(projectRoot);
        for (const QJsonValue &c : std::as_const(outcome.conflicts))
            std::printf("%s:%d: unit %s: changed on both sides; both versions are kept, resolve it in the editor or with "
                        "`workbench review resolve UNIT CATALOG.po --keep ours|theirs`\n",
                        qPrintable(c[QLatin1String("catalog")].toString()), c[QLatin1String("line")].toInt(),
                        qPrintable(c[QLatin1String("unit")].toString()));
        addJsonFields(outcomeJson(*repo, outcome));
        return status ? kExitOk : fail(status.error());
    };

    if (auto installed = ensureMergeDriver(projectRoot, QCoreApplication::applicationFilePath()); !installed)
        return finish(installed.error());
    if (repo->mergeInProgress)
        if (Status finished = finishStoppedMerge(git, *repo, projectRoot, outcome); !finished)
            return finish(finished);
    if (Status repaired = repairMarkedCatalogs(projectRoot); !repaired)
        return finish(repaired);
    const QString message = parser.isSet(QStringLiteral("message")) ? parser.value(QStringLiteral("message")) : defaultMessage(*context);
    if (Status committed = commitConfirmedWork(git, *repo, projectRoot, message, outcome); !committed)
        return finish(committed);
    if (outcome.committed)
        std::printf("committed %s\n", qPrintable(outcome.commit));
    else
        std::printf("no new confirmed work to commit\n");
    return finish(exchange(git, *repo, projectRoot, outcome));
}

} // namespace wb::cli
