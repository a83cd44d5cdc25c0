#pragma once
#include "po/po_catalog.h"
#include <QList>

namespace wb {

/// What happened to one unit when the source changed (docs/revisions.md).
struct UnitChange {
    enum class Kind { Added, Edited, Moved, Split, Joined, Deleted };
    Kind kind = Kind::Added;
    QString id;              ///< the unit now; empty when deleted
    QString previousId;      ///< the unit before; empty when added
    QString source;          ///< its source text now
    QString previousSource;  ///< its source text before
    int line = 0;            ///< where it is now (deleted: where it was)
    int score = 0;           ///< how alike before and after are (edited, split, joined), 0-100
};
QString changeKindName(UnitChange::Kind kind); ///< "added", "edited", "moved", "split", "joined", "deleted"

/// What a merge did.
struct MergeReport {
    int kept = 0;        ///< same id and text, in place: translation and state untouched
    int moved = 0;       ///< same id and text elsewhere in the document: untouched too
    int edited = 0;      ///< reworded: old translation kept as a draft, old source in "#|"
    int split = 0;       ///< units cut from one old unit: best memory match as a draft
    int joined = 0;      ///< units made of several old ones: their translations joined, as a draft
    int added = 0;       ///< new units, untranslated
    int renamed = 0;     ///< same text under another id (a duplicate renumbered): translation carried over
    int obsoleted = 0;   ///< deleted from the source: kept as "#~" for reference
    int revived = 0;     ///< back in the source: an obsolete entry brought back
    int staleSuppressions = 0; ///< QA suppressions dropped because their unit's text changed
    QList<UnitChange> changes; ///< every unit that is not kept, in document order (deleted last)
    bool changed() const
    {
        return added || renamed || obsoleted || revived || staleSuppressions || moved || edited || split || joined;
    }
};

/// Brings a catalog up to a new revision of its source (the template), unit by unit:
///  - same id and text: kept as it is (moved when its place changed);
///  - reworded (a memory score of 50 or more to an old unit that is gone): the old
///    translation becomes a draft (fuzzy), the old source goes to "#|" (previous msgid);
///  - an old unit cut into several consecutive ones, or several consecutive old units
///    joined into one (score 85 or more against the joined text): drafts from the old
///    translations, the old source in "#|";
///  - new: untranslated; gone: obsolete ("#~"), with its translation.
/// Units changed by this merge carry "# wb:changed {"kind":…}" until the next merge that
/// changes anything, so the editor can show just them.
PoCatalog mergeCatalog(const PoCatalog &existing, const PoCatalog &templ, MergeReport &report);

/// The kind of change the last update recorded on an entry, if any.
std::optional<UnitChange::Kind> lastChangeOf(const PoEntry &entry);

} // namespace wb
