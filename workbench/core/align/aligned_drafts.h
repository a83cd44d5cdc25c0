#pragma once
#include "align/document_aligner.h"
#include "po/po_catalog.h"
#include <QDateTime>
#include <QStringList>
#include <optional>

namespace wb {

/// Links below this score are filled but counted, and shown by the editor's filter "Aligned,
/// low confidence", so a reviewer checks them first.
inline constexpr double kLowConfidenceScore = 0.5;

/// The text of several units of one document as one unit: joined with a space, the
/// placeholders of each later unit renumbered after the earlier ones' so none repeats.
QString joinedUnitText(const SegmentedDocument &doc, const QList<int> &units);

/// What filling a catalog from an alignment did.
struct AlignmentFill {
    int filled = 0;             ///< units that got an aligned draft
    int lowConfidence = 0;      ///< of those, linked with a score under kLowConfidenceScore
    int leftEmpty = 0;          ///< units with no aligned translation (omitted, under --min-score, or merged into another unit's)
    int alreadyTranslated = 0;  ///< units that had a translation: never overwritten
    QStringList lowConfidenceUnits;
};

/// Fills the catalog of `source` from its alignment with `target`: each untranslated unit
/// whose translation was found gets it as a draft (fuzzy, never approved) and an "aligned"
/// history line with the score, the file and whether the link was of low confidence. A link
/// of two source units gives the whole target to the first (the second is left empty: the
/// translation cannot be cut). Units under `minScore` are left empty.
AlignmentFill fillFromAlignment(PoCatalog &catalog, const SegmentedDocument &source, const SegmentedDocument &target,
                                const DocumentAlignment &alignment, double minScore, const QString &fileName,
                                const QString &by, const QDateTime &at);

/// The aligned score a unit's record holds, when its last history line is an alignment.
std::optional<double> alignedScoreOf(const PoEntry &entry);

} // namespace wb
