#pragma once
#include "common/result.h"
#include "po/po_catalog.h"
#include "po/unit_record.h"
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace wb {

/// What a three-way merge of two catalogs did.
struct PoMergeReport {
    int takenFromOurs = 0;      ///< units only our side changed (or added)
    int takenFromTheirs = 0;    ///< units only their side changed (or added)
    int combined = 0;           ///< units both sides changed without conflict (alike, or in different parts)
    int removed = 0;            ///< units one side removed and the other left alone
    QStringList conflicts;      ///< unit ids both sides changed differently, now recorded in the unit
};

/// The conflicts recorded in a unit ("# wb:conflict", struct RecordedConflict in po/unit_record.h), oldest first.
QList<RecordedConflict> recordedConflicts(const PoEntry &entry);
/// Removes every conflict record from the unit (a choice was made).
void clearRecordedConflicts(PoEntry &entry);
/// Approving a unit that still holds two versions would silently drop one: refused
/// (CheckFailed, naming the unit) until someone keeps one or confirms the unit.
Status refuseIfConflicted(const PoEntry &entry, const QString &action);

/// Merges two descendants of `base` unit by unit, keyed by msgctxt (msgid when there is
/// none), as git's merge driver for PO files (docs/teamwork.md):
///  - a unit changed on one side only takes that side; the same change on both sides is
///    taken once;
///  - a translation (msgstr and review state) changed differently on both sides becomes a
///    conflict: our msgstr, fuzzy, and a wb:conflict line holding both versions and the base;
///  - translator comment lines (history, comments, annotations) are merged as sets: lines
///    either side added are kept in order, lines one side deleted stay deleted; the
///    wb:state line goes with the msgstr that wins;
///  - units added on one side are kept; a unit one side removed is removed unless the other
///    side changed it (its work is kept);
///  - the header is ours, with the newer PO-Revision-Date of the two.
/// `at` dates the conflict records.
PoCatalog mergeCatalogs(const PoCatalog &base, const PoCatalog &ours, const PoCatalog &theirs, PoMergeReport &report,
                        const QDateTime &at = QDateTime::currentDateTimeUtc());

} // namespace wb
