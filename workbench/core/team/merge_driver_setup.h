#pragma once
#include "common/result.h"
#include <QString>

namespace wb {

/// git's merge driver for PO catalogs in one clone (docs/teamwork.md). Without it git merges
/// catalogs as plain text and writes conflict markers into them, silently. The driver is
/// defined in the clone's own config as a small script inside the git folder that finds a
/// `workbench` program when git runs it ($WORKBENCH_PROGRAM, the program that installed it,
/// `workbench` on PATH, build/bin/workbench in the project), so no build folder is baked in.

inline constexpr char kMergeDriverName[] = "workbench-po";

/// Where a clone stands.
struct MergeDriverStatus {
    bool inClone = false;      ///< the folder is inside a git work tree
    QString topLevel;          ///< the work tree's top folder
    bool wanted = false;       ///< the clone's attributes name the driver for catalogs, or the folder holds a project (workbench.json)
    bool works = false;        ///< defined, and git would find something to run
    bool current = false;      ///< defined exactly as ensureMergeDriver writes it, the attribute in place
    QString problem;           ///< why it does not work, in one line ("" when it does)
};

/// Looks without changing anything (three `git` runs).
MergeDriverStatus inspectMergeDriver(const QString &projectRoot);

/// Defines or repairs the driver for the clone holding `projectRoot`: the script, the config
/// entry, and the attribute line in .git/info/attributes when the repository's attributes
/// do not name the driver. Changes nothing when all is in place; returns whether it changed
/// something. `program` is the workbench to remember as the first one to try.
/// MissingInput when the folder is not in a git clone; OutputFailed when git or the file
/// system refuses.
Result<bool> ensureMergeDriver(const QString &projectRoot, const QString &program);

/// The one-line fix for a clone whose driver does not work.
QString mergeDriverFix(const QString &projectRoot);

} // namespace wb
