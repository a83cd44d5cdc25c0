#pragma once
#include "common/result.h"
#include "po/po_catalog.h"
#include "po/po_merge.h"
#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace wb {

/// Git's conflict markers in a text file: what a plain-text merge (git without the
/// workbench's merge driver, docs/teamwork.md) leaves where both sides changed the same
/// lines. "<<<<<<< ours" … ["||||||| base" …] "=======" … ">>>>>>> theirs"; the base part
/// is there in git's diff3 and zdiff3 styles only.

/// The 1-based line of the first "<<<<<<<" marker line, 0 when there is none.
int firstConflictMarkerLine(const QByteArray &bytes);

/// The file as each side had it: the lines outside every conflicted region (already
/// merged by git) with that side's part of each region.
struct ConflictSides {
    QByteArray ours;
    QByteArray theirs;
    std::optional<QByteArray> base; ///< only when every region carries a base part (diff3)
    int regions = 0;
};

/// Splits marked text into its sides. Markers out of order or a region never closed are
/// InvalidInput naming `path` and the marker's line.
Result<ConflictSides> splitConflictMarkers(const QByteArray &bytes, const QString &path);

/// What repairing a marked catalog did.
struct ConflictRepair {
    int regions = 0;          ///< conflicted regions git wrote
    PoMergeReport merge;      ///< units from either side, and units both sides changed differently
};

/// Turns a catalog git merged as text back into units: both sides are read as catalogs and
/// merged unit by unit exactly as the merge driver would have merged them (with the base
/// when the markers carry one, else as two sides that both started from nothing). A unit
/// the same on both sides is kept once; a unit that differs gets the wb:conflict record.
/// Errors: a side that is not a valid catalog (InvalidInput, naming the line).
Result<PoCatalog> repairConflictMarkers(const QByteArray &bytes, const QString &path, ConflictRepair &repair,
                                        const QDateTime &at = QDateTime::currentDateTimeUtc());

} // namespace wb

namespace wb {

/// repairConflictMarkers on a catalog file, under the catalog's lock, written atomically.
/// A file without markers is left untouched (regions 0).
Result<ConflictRepair> repairConflictMarkersInFile(const QString &catalogPath);

} // namespace wb
