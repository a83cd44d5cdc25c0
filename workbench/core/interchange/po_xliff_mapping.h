#pragma once
#include "common/diagnostic.h"
#include "interchange/xliff_document.h"
#include "po/po_catalog.h"
#include <QDateTime>

namespace wb {

/// The XLIFF units of a catalog's live entries. Every part of an entry travels: msgctxt is
/// the unit id, msgid/msgstr the text, the state as XLIFF spells it, and the comments as
/// notes ("description" for #., "location" for #:, "translator" and "wb:<keyword>" for
/// the translator comment lines, "wb:previous-source" for #|), so that importing the file
/// back restores the entry exactly (docs/interchange.md).
QList<XliffUnit> xliffUnitsOf(const PoCatalog &catalog);

/// The <file> for a catalog: `original` is the source document relative to the project,
/// which is also how `workbench import` finds the catalog again.
XliffFile xliffFileOf(const PoCatalog &catalog, const QString &original);

/// What applying an XLIFF <file> to a catalog did.
struct XliffImportOutcome {
    int unitsRead = 0;
    int unitsChanged = 0;
    int unitsJoined = 0;       ///< units the other tool had split into segments
    QStringList conflictsResolved; ///< units whose merge conflict the imported translation settled
    Diagnostics problems;      ///< units that cannot be taken back; nothing should be written
};

/// Takes translations, states and comments back from an XLIFF file into the catalog.
/// Units are matched by id (then name, then unique source text); each must have the
/// source text the catalog has. Units the other tool split into segments are joined;
/// a unit that matches nothing (a join across units, another revision of the source)
/// is a problem naming it. Actions are recorded as `by` at `at` in the review history: a new
/// target as "imported". A unit holding a merge conflict that gets a new target, or a state
/// past draft, is resolved by it ("resolved", kept "import").
XliffImportOutcome applyXliffFile(PoCatalog &catalog, const XliffFile &file, const QString &xliffPath,
                                  const QString &by, const QDateTime &at);

} // namespace wb
