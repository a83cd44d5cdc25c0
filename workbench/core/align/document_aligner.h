#pragma once
#include "model/segmented_document.h"
#include <QList>
#include <QString>

namespace wb {

/// One link between a source document and its existing translation: source units with the
/// target units that translate them. One side empty is an omission (a sentence the other
/// side left out), never glued to a neighbour.
struct AlignedLink {
    QList<int> sourceUnits; ///< indexes into the source document's units
    QList<int> targetUnits; ///< indexes into the translation's units
    double score = 0;       ///< 0..1: how sure the link is (length fit and anchors); 0 for omissions
    int sourceBlock = -1;   ///< the block (heading, paragraph, list item…) it came from, -1 when none
    int targetBlock = -1;
    bool isOmission() const { return sourceUnits.isEmpty() || targetUnits.isEmpty(); }
    QString kind() const;   ///< "1-1", "2-1" (two source units, one target), "1-2", "1-0", "0-1"
};

struct DocumentAlignment {
    QList<AlignedLink> links;   ///< in document order
    double lengthRatio = 1;     ///< the translation's characters per source character
    int sourceBlocks = 0;
    int targetBlocks = 0;
};

/// Aligns a Markdown document with its translation (docs/alignment.md): structure first (a
/// dynamic program over blocks: headings with headings, list items with list items, blocks one
/// side merged or split), then sentences within each aligned group of blocks (Gale–Church on
/// characters, strengthened by numbers, placeholders, link destinations, acronyms and
/// cognates). Near-linear: both programs run in a band around the diagonal.
DocumentAlignment alignDocuments(const SegmentedDocument &source, const SegmentedDocument &target);

} // namespace wb
