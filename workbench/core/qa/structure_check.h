#pragma once
#include "model/segmented_document.h"
#include "po/po_catalog.h"
#include "qa/finding.h"
#include <QHash>

namespace wb {

/// The one check that needs the document, not just the unit: a translation the export could
/// not write without changing the document's structure ("markup.structure", error; the
/// export would keep the source text), for every translated or draft entry of `catalog`,
/// keyed by unit id. The markup around a unit (emphasis enclosing it, the line it starts)
/// decides, so the whole document is exported once to find them.
QHash<QString, Finding> structureFindings(const SegmentedDocument &doc, const PoCatalog &catalog);

} // namespace wb
