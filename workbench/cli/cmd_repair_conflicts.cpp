// workbench repair-conflicts: a catalog git merged as plain text (no merge driver in the
// clone) holds git's conflict markers and no longer reads as PO. This turns each conflicted
// region back into units, as the merge driver would have merged them (docs/teamwork.md).
#include "cli_common.h"
#include "po/conflict_markers.h"

#include <QJsonArray>
#include <cstdio>

namespace wb::cli {

int runRepairConflicts(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Repairs catalogs that hold git's conflict markers (a plain-text merge): both sides are read as\n"
        "catalogs and merged unit by unit. A unit the same on both sides is kept once; a unit that differs\n"
        "keeps our text, becomes fuzzy and records both versions (\"# wb:conflict\"), to be resolved with\n"
        "`workbench review resolve` or in the editor. A catalog without markers is left untouched.\n"
        "Exit 4 when a side is not a valid catalog or the markers are broken; nothing is written then."));
    parser.addPositionalArgument(QStringLiteral("CATALOG.po"), QStringLiteral("The catalogs to repair."), QStringLiteral("CATALOG.po..."));
    int exitCode = kExitOk;
    if (!parseArguments(parser, QStringLiteral("repair-conflicts"), arguments, exitCode))
        return exitCode;
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        return usageError(QStringLiteral("repair-conflicts"), QStringLiteral("give one or more CATALOG.po"));

    QJsonArray catalogs;
    int failedWith = kExitOk;
    for (const QString &path : paths) {
        auto repair = repairConflictMarkersInFile(path);
        if (!repair) {
            failedWith = fail(repair.error());
            continue;
        }
        const PoMergeReport &merge = repair->merge;
        if (repair->regions == 0)
            std::fprintf(stderr, "%s: no conflict markers; left as it is\n", qPrintable(path));
        else
            std::fprintf(stderr, "%s: %d conflicted regions repaired: %d units the same on both sides, %d only ours, %d only theirs, %d in conflict\n",
                         qPrintable(path), repair->regions, merge.combined, merge.takenFromOurs, merge.takenFromTheirs,
                         int(merge.conflicts.size()));
        for (const QString &unit : merge.conflicts)
            std::fprintf(stderr, "%s: unit %s: changed on both sides; both versions kept, resolve it with "
                                 "`workbench review resolve %s %s --keep ours|theirs` or in the editor\n",
                         qPrintable(path), qPrintable(unit), qPrintable(unit), qPrintable(path));
        catalogs.append(QJsonObject{{QStringLiteral("catalog"), path},
                                    {QStringLiteral("regions"), repair->regions},
                                    {QStringLiteral("from_ours"), merge.takenFromOurs},
                                    {QStringLiteral("from_theirs"), merge.takenFromTheirs},
                                    {QStringLiteral("from_both"), merge.combined},
                                    {QStringLiteral("conflicts"), QJsonArray::fromStringList(merge.conflicts)}});
    }
    addJsonFields(QJsonObject{{QStringLiteral("catalogs"), catalogs}});
    return failedWith;
}

} // namespace wb::cli
