// workbench merge-driver: git's merge driver for PO catalogs (docs/teamwork.md). git runs
// it as "workbench merge-driver %O %A %B %P" for every path .gitattributes marks
// "merge=workbench-po"; the merge is by unit, and conflicts are recorded inside the units,
// so the result is always a valid catalog and git never writes its markers into it.
#include "cli_common.h"
#include "common/text_file.h"
#include "po/catalog_lock.h"
#include "po/po_merge.h"
#include "team/merge_driver_setup.h"

#include <QCoreApplication>

#include <QFileInfo>
#include <QJsonArray>
#include <cstdio>

namespace wb::cli {
namespace {

// git hands an empty file as the base when the two sides added the file independently.
Result<PoCatalog> readVersion(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && info.isFile() && info.size() == 0)
        return PoCatalog{};
    return PoCatalog::read(path);
}

// Diagnostics name the catalog as the repository knows it, not git's temporary file.
Diagnostic aboutPathname(Diagnostic diagnostic, const QString &pathname)
{
    if (!pathname.isEmpty())
        diagnostic.message = QStringLiteral("%1 (merging %2)").arg(diagnostic.message, pathname);
    return diagnostic;
}

} // namespace

int runMergeDriver(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "git's merge driver for PO catalogs: merges BASE, OURS and THEIRS by unit and writes the result to OURS.\n"
        "A unit both sides changed differently keeps our msgstr, becomes fuzzy and records both versions\n"
        "(\"# wb:conflict\"); the editor shows it for resolution. Exit 0 even then; non-zero only when a file\n"
        "cannot be read (git then marks the path as conflicted).\n"
        "Install: scripts/install-merge-driver, or let `workbench sync` do it."));
    parser.addPositionalArgument(QStringLiteral("BASE"), QStringLiteral("The common ancestor (git's %O)."));
    parser.addPositionalArgument(QStringLiteral("OURS"), QStringLiteral("Our version, replaced by the result (git's %A)."));
    parser.addPositionalArgument(QStringLiteral("THEIRS"), QStringLiteral("Their version (git's %B)."));
    parser.addPositionalArgument(QStringLiteral("PATHNAME"), QStringLiteral("The catalog's path in the repository (git's %P), for messages."), QStringLiteral("[PATHNAME]"));
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("merge-driver"), arguments, exitCode))
        return exitCode;
    const QStringList args = parser.positionalArguments();
    if (args.size() < 3 || args.size() > 4)
        return usageError(QStringLiteral("merge-driver"), QStringLiteral("expected BASE OURS THEIRS [PATHNAME]"));
    const QString pathname = args.value(3);

    // A plain `git merge` runs this driver while an editor may be saving the same catalog:
    // wait for that save, as every writer does. git runs drivers from the top of the work
    // tree, where PATHNAME is. Under `workbench sync` the locks are already held by sync.
    std::unique_ptr<CatalogLock> lock;
    if (!pathname.isEmpty() && !qEnvironmentVariableIsSet(kCatalogLocksHeldVariable) && QFileInfo::exists(pathname)) {
        auto taken = CatalogLock::acquire(pathname);
        if (!taken)
            return fail(taken.error());
        lock = std::move(*taken);
    }

    auto base = readVersion(args[0]);
    if (!base)
        return fail(aboutPathname(base.error(), pathname));
    auto ours = readVersion(args[1]);
    if (!ours)
        return fail(aboutPathname(ours.error(), pathname));
    auto theirs = readVersion(args[2]);
    if (!theirs)
        return fail(aboutPathname(theirs.error(), pathname));

    PoMergeReport report;
    const PoCatalog merged = mergeCatalogs(*base, *ours, *theirs, report);
    if (Status written = merged.write(args[1]); !written)
        return fail(aboutPathname(written.error(), pathname));

    const QString shown = pathname.isEmpty() ? args[1] : pathname;
    std::fprintf(stderr, "%s: merged by unit: %d from ours, %d from theirs, %d from both, %d removed, %d in conflict\n",
                 qPrintable(shown), report.takenFromOurs, report.takenFromTheirs, report.combined, report.removed,
                 int(report.conflicts.size()));
    for (const QString &unit : report.conflicts)
        std::fprintf(stderr, "%s: unit %s: changed on both sides; both versions kept, resolve it in the editor or with `workbench review resolve`\n",
                     qPrintable(shown), qPrintable(unit));
    addJsonFields(QJsonObject{{QStringLiteral("catalog"), shown},
                              {QStringLiteral("from_ours"), report.takenFromOurs},
                              {QStringLiteral("from_theirs"), report.takenFromTheirs},
                              {QStringLiteral("from_both"), report.combined},
                              {QStringLiteral("removed"), report.removed},
                              {QStringLiteral("conflicts"), QJsonArray::fromStringList(report.conflicts)}});
    return kExitOk;
}

int runInstallMergeDriver(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Defines git's merge driver for PO catalogs in the clone holding the project (default: the current\n"
        "folder): a script in the git folder that finds a workbench program when git runs it, the config entry\n"
        "and, when the repository's attributes do not name it, a line in .git/info/attributes. Changes\n"
        "nothing when all is in place. Exit 3 when the folder is not in a git clone."));
    parser.addOption({QStringLiteral("project"), QStringLiteral("The project folder (default: the current folder)."), QStringLiteral("DIR")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("install-merge-driver"), arguments, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("install-merge-driver"), QStringLiteral("takes no file; give --project DIR"));
    const QString root = QFileInfo(parser.isSet(QStringLiteral("project")) ? parser.value(QStringLiteral("project")) : QStringLiteral(".")).absoluteFilePath();
    if (!QFileInfo(root).isDir())
        return fail(Diagnostic{ErrorKind::MissingInput, root, 0, 0, QStringLiteral("no such folder")});
    auto changed = ensureMergeDriver(root, QCoreApplication::applicationFilePath());
    if (!changed)
        return fail(changed.error());
    const MergeDriverStatus status = inspectMergeDriver(root);
    std::fprintf(stderr, "%s: merge driver %s %s\n", qPrintable(status.topLevel), kMergeDriverName,
                 *changed ? "installed" : "already installed");
    addJsonFields(QJsonObject{{QStringLiteral("clone"), status.topLevel}, {QStringLiteral("changed"), *changed}});
    return kExitOk;
}

} // namespace wb::cli
